"""The `assistant eval` command: arguments, progress bars, the run, the report and a short summary."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from evals.errors import EvalError

REPO_ROOT = Path(__file__).resolve().parents[1]
SUMMARY_FIGURES = ("hit@1", "hit@5", "MRR@10", "correct", "refusals", "false refusals")


def add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the `eval` subcommand's arguments; --index-dir and --embedder come from the caller's shared helper."""
    parser.add_argument("cases", nargs="+", type=Path, help="Q&A files (JSON Lines), e.g. evals/data/bundled.jsonl")
    parser.add_argument("--corpus", nargs="+", type=Path, default=[], help="ingest these paths into the index first")
    parser.add_argument("--k", type=int, default=10, help="passages retrieved per question (default 10)")
    parser.add_argument("--report", type=Path, default=None, help="report directory (default var/evals/<time>)")
    parser.add_argument("--baselines", action="store_true", help="also run BM25 alone, dense alone, LangChain tutorial")
    parser.add_argument("--no-tutorial", action="store_true",
                        help="with --baselines, skip the LangChain-tutorial one (it re-embeds the whole corpus)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N cases (a quick look)")
    parser.add_argument("--no-plots", action="store_true", help="tables only, no matplotlib figures")


def main_eval(
    args: argparse.Namespace, *, assistant: Any, store: Any = None, embedder: Any = None, out: TextIO = sys.stdout
) -> int:
    """Run args.cases through the assistant (and the baselines on `store` with `embedder`) and write the report."""
    from evals.cases import load_cases
    from evals.report import write_report
    from evals.runner import run_eval

    try:
        cases = load_cases(*args.cases)[: getattr(args, "limit", None)]
    except EvalError as err:
        print(f"assistant eval: {err}", file=sys.stderr)
        return 1
    baselines = getattr(args, "baselines", False)
    if embedder is None and store is not None:  # the embedder the index was built with, not a second copy
        embedder = getattr(getattr(store, "vectors", None), "embeddings", None)
    if baselines and (store is None or embedder is None):
        print("assistant eval: --baselines needs the index store and the embedder it was built with", file=sys.stderr)
        return 1
    retrievers = _baselines(store, embedder, tutorial=not getattr(args, "no_tutorial", False)) if baselines else {}
    try:
        notes = {"case files": ", ".join(map(str, args.cases)), "index": str(getattr(store, "dir", "") or "-")}
        with _bar(len(cases), "eval") as bar:
            k = getattr(args, "k", 10)
            result = run_eval(
                cases, assistant=assistant, retrievers=retrievers, k=k, progress=_advance(bar), notes=notes
            )
    finally:
        for retriever in retrievers.values():
            getattr(retriever, "close", lambda: None)()
    directory = getattr(args, "report", None) or REPO_ROOT / "var" / "evals" / datetime.now().strftime("%Y%m%d-%H%M%S")
    files = write_report(result, directory, plots=not getattr(args, "no_plots", False))
    print_summary(result, out=out)
    print(f"report: {files.markdown}  {files.html}  {files.results}", file=out)
    return 0


def _baselines(store: Any, embedder: Any, *, tutorial: bool = True) -> dict[str, Any]:
    """BM25 alone and dense alone on the store, and the tutorial pipeline built over the store's documents."""
    from evals.baselines import DenseRetriever, LexicalRetriever, TutorialRetriever, store_documents

    if not tutorial:
        return {"bm25": LexicalRetriever(store), "dense": DenseRetriever(store)}
    with _bar(0, "tutorial baseline: embedding", unit="chunk") as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        tutorial = TutorialRetriever.build(store_documents(store), embedder=embedder, progress=progress)
    return {"bm25": LexicalRetriever(store), "dense": DenseRetriever(store), "langchain-tutorial": tutorial}


def print_summary(result: Any, *, out: TextIO = sys.stdout) -> None:
    """One line per system with its headline figures."""
    from evals.summary import by_system

    for system, row in by_system(result).items():
        shown = [f"{name} {_fmt(row.get(name))}" for name in SUMMARY_FIGURES]
        errors = f", {row['errors']} errors" if row["errors"] else ""
        print(f"{system:>20}: " + ", ".join(s for s in shown if not s.endswith(" -")) + errors, file=out)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _bar(total: int, desc: str, *, unit: str = "case"):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True)


def _advance(bar):
    def progress(done: int, total: int, case_id: str) -> None:
        bar.set_postfix_str(case_id[-30:], refresh=False)
        bar.update(done - bar.n)

    return progress
