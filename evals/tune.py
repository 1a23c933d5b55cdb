"""Tune retrieval fusion and the refusal threshold on dev sets: each query is searched once, then every setting
is replayed from the cached rankings (seconds per setting instead of minutes).

Run: python -m evals.tune CASES.jsonl... --index-dir DIR [--dense 0.2,0.35,0.5,0.75,1.0] [--plain 0,0.1,0.2,0.35]
     [--rrf-k 20,60] [--min-score 0.38,0.42,0.46,0.5] [--hits 5,8]
It prints one row per setting with hit@1/5, MRR@10, answer correctness, refusals and false refusals.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from index.filters import Filters


class Memo:
    """Stands in for an IndexStore in HybridRetriever: rankings are computed once per (query, k) and kept."""

    def __init__(self, store) -> None:
        self.store = store
        self._lexical = _MemoLexical(store.lexical())
        self._dense: dict[tuple[str, int], list] = {}

    def lexical(self):
        return self._lexical

    def dense_search(self, query: str, *, k: int, filters: Filters | None = None) -> list:
        key = (query, k)
        if key not in self._dense:
            self._dense[key] = self.store.dense_search(query, k=k, filters=filters)
        return self._dense[key]


class _MemoLexical:
    def __init__(self, lexical) -> None:
        self.inner = lexical
        self._hits: dict[tuple[str, int], list] = {}
        self._idf: dict[tuple[str, ...], dict] = {}

    def search(self, query: str, *, k: int, filters: Filters | None = None) -> list:
        key = (query, k)
        if key not in self._hits:
            self._hits[key] = self.inner.search(query, k=k, filters=filters)
        return self._hits[key]

    def restore(self, text: str) -> str:
        return self.inner.restore(text)

    def idf(self, terms) -> dict:
        key = tuple(terms)
        if key not in self._idf:
            self._idf[key] = self.inner.idf(key)
        return self._idf[key]


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.tune", description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--dense", type=_floats, default=[0.2, 0.35, 0.5, 0.75, 1.0], help="dense weight (BM25 = 1)")
    parser.add_argument("--plain", type=_floats, default=[0.0, 0.1, 0.2, 0.35], help="dense weight, no diacritics")
    parser.add_argument("--rrf-k", type=_floats, default=[60.0])
    parser.add_argument("--min-score", type=_floats, default=None, help="refusal threshold (default: the answerer's)")
    parser.add_argument("--hits", type=_floats, default=None,
                        help="hits the extractive answerer reads (default: its own)")
    args = parser.parse_args(argv)

    from assistant.compose import open_store
    from assistant.core import Assistant
    from assistant.extractive import ExtractiveAnswerer
    from assistant.retrieval import HybridRetriever
    from assistant.settings import Settings
    from evals.cases import load_cases
    from evals.runner import run_eval
    from evals.summary import summarize

    cases = [case for path in args.cases for case in load_cases(path)]
    memo = Memo(open_store(Settings(), index_dir=args.index_dir, create=False))
    columns = ["hit@1", "hit@5", "MRR@10", "correct", "refusals", "false refusals"]
    print(f"{len(cases)} cases; " + " ".join(f"{c:>9}" for c in ["dense", "plain", "rrf_k", "min", "hits", *columns]))
    defaults = ExtractiveAnswerer()  # the shipped answerer's settings unless a grid is given
    min_scores = args.min_score or [defaults.min_score]
    hits_read = args.hits or [float(defaults.hits_considered)]
    grid = itertools.product(args.dense, args.plain, args.rrf_k, min_scores, hits_read)
    for dense, plain, rrf_k, min_score, hits in grid:
        retriever = HybridRetriever(memo, rrf_k=int(rrf_k), dense_weight=dense, dense_weight_plain=plain)
        answerer = ExtractiveAnswerer(min_score=min_score, hits_considered=int(hits))
        assistant = Assistant(retriever, idf=memo.lexical().idf, extractive=answerer,
                              restore=memo.lexical().restore)
        figures = summarize(run_eval(cases, assistant=assistant, k=10).by_system("assistant"), k=10)
        cells = [dense, plain, rrf_k, min_score, hits, *(figures[c] if figures[c] is not None else float("nan")
                                                        for c in columns)]
        print(" " * len(f"{len(cases)} cases; ") + " ".join(f"{v:>9.3f}" for v in cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
