"""Write an evaluation run out: report.md and report.html (tables and figures) and results.jsonl (every outcome)."""

from __future__ import annotations

import base64
import html
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from evals.cases import Case
from evals.runner import ASSISTANT, EvalResult, Outcome
from evals.summary import MRR_K, by_kind, by_system, failures, kinds, latency_table, retrieval_ks

FAILURES_SHOWN = 40
ANSWER_METRICS = ("answerable", "correct", "F1", "citation precision", "false refusals", "unanswerable", "refusals")
_COUNTS = {"cases", "errors", "with evidence", "answerable", "unanswerable"}


@dataclass(frozen=True)
class Table:
    """A titled table of already formatted cells."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass(frozen=True)
class ReportFiles:
    """The files one report consists of."""

    markdown: Path
    html: Path
    results: Path
    figures: tuple[Path, ...]


def write_report(result: EvalResult, directory: Path | str, *, plots: bool = True) -> ReportFiles:
    """Write report.md, report.html, results.jsonl and (with plots) the PNG figures into directory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    results = write_results(result, directory / "results.jsonl")
    figures, preamble = [], _preamble(result)
    if plots:
        from evals.plots import draw_all

        try:
            figures = draw_all(result, directory)
        except ModuleNotFoundError as err:  # matplotlib is optional: the tables still tell the whole story
            if err.name != "matplotlib":
                raise
            preamble.append("figures skipped: matplotlib is not installed (pip install matplotlib)")
    tables = build_tables(result)
    title = f"Evaluation report ({len(result.cases)} cases, k={result.k})"
    markdown = directory / "report.md"
    markdown.write_text(render_markdown(title, preamble, tables, figures), encoding="utf-8")
    page = directory / "report.html"
    page.write_text(render_html(title, preamble, tables, figures), encoding="utf-8")
    return ReportFiles(markdown, page, results, tuple(figures))


def write_results(result: EvalResult, path: Path) -> Path:
    """One JSON line per outcome: the case (question, gold, evidence) beside what the system did."""
    cases = {case.id: case for case in result.cases}
    with open(path, "w", encoding="utf-8") as out:
        for outcome in result.outcomes:
            out.write(json.dumps(_result_row(cases[outcome.case_id], outcome), ensure_ascii=False) + "\n")
    return path


def _result_row(case: Case, outcome: Outcome) -> dict[str, Any]:
    row = {"question": case.question, "gold": case.answer, "evidence": case.evidence}
    if case.history:
        row["history"] = [list(turn) for turn in case.history]
    return {**row, **asdict(outcome), "timings": {s: round(v, 6) for s, v in outcome.timings.items()}}


def build_tables(result: EvalResult) -> list[Table]:
    """Overview, latency, per-kind retrieval and answers, and the assistant's failures."""
    overview = by_system(result)
    tables = [_overview(result, overview), _latency(result)]
    cut = max(x for x in retrieval_ks(result.k) if x <= 5)  # hit@5, or the largest cut a small k allows
    tables += [_kind_retrieval(result, metric) for metric in (f"hit@{cut}", f"MRR@{MRR_K}")]
    if ASSISTANT in result.systems:
        tables += [_kind_answers(result), _failures(result)]
    return [t for t in tables if t.rows]


def _overview(result: EvalResult, overview: dict[str, dict[str, Any]]) -> Table:
    metrics = ["cases", "with evidence", *(f"hit@{cut}" for cut in retrieval_ks(result.k)), f"MRR@{MRR_K}"]
    metrics += [*ANSWER_METRICS, "errors"]
    rows = [[metric, *(_cell(metric, overview[s].get(metric)) for s in result.systems)] for metric in metrics]
    note = (
        "Retrieval figures count cases with evidence: hit@k = evidence inside one of the first k passages. "
        "Retrievers other than the assistant see the question alone (no earlier turns). "
        "correct = gold answer contained in the answer, or 80% of its syllables; refusals on unanswerable cases, "
        "false refusals on answerable ones."
    )
    return Table("Overview", ["metric", *result.systems], rows, note)


def _latency(result: EvalResult) -> Table:
    rows = []
    for system, stages in latency_table(result).items():
        for stage, (p50, p95, count) in stages.items():
            rows.append([system, stage, _ms(p50), _ms(p95), str(count)])
    return Table("Latency per stage (ms)", ["system", "stage", "p50", "p95", "n"], rows)


def _kind_retrieval(result: EvalResult, metric: str) -> Table:
    table = by_kind(result)
    rows = []
    for kind in kinds(result):
        cells = [_cell(metric, table[s][kind].get(metric)) for s in result.systems]
        counts = {table[s][kind]["with evidence"] for s in result.systems}
        if any(c != "–" for c in cells):
            rows.append([kind, str(max(counts)), *cells])
    return Table(f"{metric} by kind", ["kind", "with evidence", *result.systems], rows)


def _kind_answers(result: EvalResult) -> Table:
    table = by_kind(result)[ASSISTANT]
    rows = [[kind, *(_cell(m, table[kind][m]) for m in ANSWER_METRICS)] for kind in kinds(result)]
    return Table("Assistant answers by kind", ["kind", *ANSWER_METRICS], rows)


def _failures(result: EvalResult) -> Table:
    missed = failures(result, ASSISTANT)
    cases = {case.id: case for case in result.cases}
    rows = []
    for outcome in missed[:FAILURES_SHOWN]:
        case = cases[outcome.case_id]
        what = outcome.error or ("refused" if outcome.abstained else _short(outcome.answer or "", 160))
        rank = "–" if not outcome.scored_retrieval else str(outcome.rank or "miss")
        rows.append([case.id, case.kind, _short(case.question, 120), _short(case.answer or "(refuse)", 60), what, rank])
    note = f"{len(missed)} of {len(result.by_system(ASSISTANT))} cases missed something"
    note += f"; the first {FAILURES_SHOWN} are shown, all are in results.jsonl." if len(missed) > FAILURES_SHOWN else "."
    headers = ["id", "kind", "question", "gold", "assistant said", "evidence rank"]
    return Table("Assistant failures", headers, rows, note)


def _preamble(result: EvalResult) -> list[str]:
    lines = [
        f"Started {result.started}, {result.seconds:.1f} s; systems: {', '.join(result.systems)}.",
        f"Cases: {len(result.cases)} ({sum(c.answerable for c in result.cases)} answerable, "
        f"{sum(c.evidence is not None for c in result.cases)} with evidence).",
    ]
    lines += [f"{key}: {value}" for key, value in result.notes.items()]
    return lines


def _cell(metric: str, value: Any) -> str:
    if value is None:
        return "–"
    if metric in _COUNTS:
        return str(value)
    if metric.startswith("MRR") or metric == "F1":
        return f"{value:.3f}"
    return f"{100 * value:.1f}%"


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{1000 * seconds:.1f}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_markdown(title: str, preamble: list[str], tables: list[Table], figures: list[Path]) -> str:
    """The report as Markdown, figures linked by file name."""
    parts = [f"# {title}", "", *(f"- {line}" for line in preamble), ""]
    for table in tables:
        parts += [f"## {table.title}", ""]
        parts.append("| " + " | ".join(_md(h) for h in table.headers) + " |")
        parts.append("|" + "|".join("---" for _ in table.headers) + "|")
        parts += ["| " + " | ".join(_md(c) for c in row) + " |" for row in table.rows]
        parts += ["", table.note, ""] if table.note else [""]
    if figures:
        parts += ["## Figures", ""] + [f"![{path.stem}]({path.name})" for path in figures] + [""]
    return "\n".join(parts)


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def render_html(title: str, preamble: list[str], tables: list[Table], figures: list[Path]) -> str:
    """The report as one self-contained HTML page (figures inlined)."""
    esc = html.escape
    body = [f"<h1>{esc(title)}</h1>", "<ul>", *(f"<li>{esc(line)}</li>" for line in preamble), "</ul>"]
    for table in tables:
        body += [f"<h2>{esc(table.title)}</h2>", "<table>"]
        body.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in table.headers) + "</tr>")
        body += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in table.rows]
        body.append("</table>")
        if table.note:
            body.append(f"<p class='note'>{esc(table.note)}</p>")
    if figures:
        body.append("<h2>Figures</h2>")
        for path in figures:
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            body.append(f"<figure><img alt='{esc(path.stem)}' src='data:image/png;base64,{data}'></figure>")
    return _PAGE.format(title=esc(title), body="\n".join(body))


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 75em; padding: 0 1em; }}
table {{ border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }}
.note {{ color: #555; font-size: 0.85em; }}
img {{ max-width: 100%; }}
</style></head>
<body>
{body}
</body></html>
"""
