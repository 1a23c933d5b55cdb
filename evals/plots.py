"""The report's figures, drawn with matplotlib's Agg backend: hit@k curves, latency spread, per-kind bars."""

from __future__ import annotations

from pathlib import Path

from evals.runner import ASSISTANT, EvalResult
from evals.summary import by_kind, hit_curve, kinds, latencies

PER_KIND_CUT = 5  # the hit@k shown in the per-kind bars


def draw_all(result: EvalResult, directory: Path) -> list[Path]:
    """Write every figure that has data as a PNG in directory; returns the files written."""
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: the report is written on servers too
    written = [
        hit_curves(result, directory / "hit_at_k.png"),
        latency_spread(result, directory / "latency.png"),
        kind_bars(result, directory / "per_kind.png"),
    ]
    return [path for path in written if path is not None]


def hit_curves(result: EvalResult, path: Path) -> Path | None:
    """hit@1…k, one line per system."""
    import matplotlib.pyplot as plt

    curves = {s: hit_curve(result.by_system(s), k=result.k) for s in result.systems}
    curves = {s: c for s, c in curves.items() if c}
    if not curves:
        return None
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for system, curve in curves.items():
        ax.plot(range(1, len(curve) + 1), [100 * v for v in curve], marker="o", label=system)
    ax.set(xlabel="k (passages retrieved)", ylabel="evidence in top k (%)", ylim=(0, 102), title="hit@k")
    ax.set_xticks(range(1, result.k + 1))
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def latency_spread(result: EvalResult, path: Path) -> Path | None:
    """Box plot of seconds per system and stage (log scale: retrieval and answering differ by orders)."""
    import matplotlib.pyplot as plt

    labels, data = [], []
    for system in result.systems:
        for stage, values in latencies(result.by_system(system)).items():
            if stage != "total" or system == ASSISTANT:
                labels.append(f"{system}: {stage}")
                data.append([max(v, 1e-6) for v in values])
    if not data:
        return None
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(data) + 1.5))
    ax.boxplot(data, orientation="horizontal", showfliers=True)
    ax.set_yticks(range(1, len(labels) + 1), labels)
    ax.invert_yaxis()  # first system on top
    ax.set(xscale="log", xlabel="seconds per question (log scale)", title="latency")
    ax.grid(alpha=0.3, axis="x")
    return _save(fig, path)


def kind_bars(result: EvalResult, path: Path) -> Path | None:
    """Grouped bars per kind: hit@5 of every system, and the assistant's correctness (refusals when unanswerable)."""
    import matplotlib.pyplot as plt

    table, labels = by_kind(result), kinds(result)
    series = {}
    for system in result.systems:
        series[f"{system} hit@{PER_KIND_CUT}"] = [table[system][kind].get(f"hit@{PER_KIND_CUT}") for kind in labels]
    if ASSISTANT in table:
        series[f"{ASSISTANT} correct"] = [table[ASSISTANT][kind]["correct"] for kind in labels]
        series[f"{ASSISTANT} refusals"] = [table[ASSISTANT][kind]["refusals"] for kind in labels]
    series = {name: values for name, values in series.items() if any(v is not None for v in values)}
    if not series or not labels:
        return None
    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(max(7, 0.9 * len(labels) * max(1, len(series) / 3)), 4.5))
    for i, (name, values) in enumerate(series.items()):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(labels))]
        ax.bar(xs, [100 * (v or 0) for v in values], width=width, label=name)
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set(ylabel="%", ylim=(0, 125), title="by kind")
    ax.set_yticks(range(0, 101, 20))
    ax.legend(fontsize="small", ncols=3, loc="upper center")  # the headroom above 100% keeps bars clear
    ax.grid(alpha=0.3, axis="y")
    return _save(fig, path)


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
