"""Dense search benchmark: Chroma's HNSW at its own breadth and at ours, against an exact search in the same run.

Run: python -m benchmarks.dense_search [--index-dir var/party-full-s13] [--breadths 100,1000,5000] [--k 50]

The index is copied to a temporary folder first, since a breadth is written into the collection; each breadth is
measured in a fresh process, as a process keeps the graph it loaded with the breadth it had. The queries are the
questions of every evals/data/*.jsonl set, embedded once as the assistant embeds them. The baseline is an exact
cosine search in numpy over every stored vector of the same copy. For each breadth the table shows the latency of
one Chroma query (p50 and p95, ids only), how many questions lose one of the exact top 12 from the returned top k,
and the share of the exact top k returned (recall@k).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def questions() -> list[str]:
    from evals.cases import load_cases

    return [case.question for case in load_cases(*sorted((REPO / "evals" / "data").glob("*.jsonl")))]


def measure(collection, queries, exact: list[list[str]], k: int) -> dict:
    """Latency and recall of `collection.query` for every query vector, against the exact top k."""
    collection.query(query_embeddings=[queries[0]], n_results=k, include=[])  # load the graph outside the timing
    seconds, lost, recall = [], 0, []
    for vector, truth in zip(queries, exact):
        started = time.perf_counter()
        found = collection.query(query_embeddings=[vector], n_results=k, include=[])["ids"][0]
        seconds.append(time.perf_counter() - started)
        lost += not set(truth[:12]) <= set(found)
        recall.append(len(set(truth) & set(found)) / len(truth))
    seconds.sort()
    return {"p50_ms": 1000 * seconds[len(seconds) // 2], "p95_ms": 1000 * seconds[int(len(seconds) * 0.95)],
            "lost_top12": lost, "recall": statistics.mean(recall)}


def child(workdir: Path, k: int) -> None:
    """Measure the copy in `workdir` at the breadth its collection now has; one JSON line on stdout."""
    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(workdir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    queries = [row.tolist() for row in np.load(workdir / "queries.npy")]
    exact = json.loads((workdir / "exact.json").read_text())
    print(json.dumps(measure(client.get_collection("documents"), queries, exact, k)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", type=Path, default=REPO / "var" / "party-full-s13")
    parser.add_argument("--breadths", default="100,1000,5000", help="ef_search values to measure, comma-separated")
    parser.add_argument("--k", type=int, default=50, help="results per query, as the retriever asks (depth 50)")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # a working folder: measure its copy, print JSON
    args = parser.parse_args()
    if args.child:
        return child(Path(args.child), args.k)

    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings

    from assistant.compose import build_embedder
    from assistant.settings import Settings

    texts = questions()
    embedder = build_embedder(Settings())
    queries = np.array([embedder.embed_query(text) for text in texts], dtype=np.float32)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "chroma"
        shutil.copytree(args.index_dir / "chroma", copy)
        client = chromadb.PersistentClient(path=str(copy), settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_collection("documents")
        stored = collection.get(include=["embeddings"])
        ids = np.array(stored["ids"])
        vectors = np.asarray(stored["embeddings"], dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        started = time.perf_counter()
        scores = (queries / np.linalg.norm(queries, axis=1, keepdims=True)) @ vectors.T
        exact = [list(ids[np.argsort(-row)[: args.k]]) for row in scores]
        exact_ms = 1000 * (time.perf_counter() - started) / len(texts)
        np.save(Path(tmp) / "queries.npy", queries)
        (Path(tmp) / "exact.json").write_text(json.dumps([[str(i) for i in row] for row in exact]))
        rows = []
        for breadth in (int(b) for b in args.breadths.split(",")):
            collection.modify(configuration={"hnsw": {"ef_search": breadth}})
            command = [sys.executable, "-m", "benchmarks.dense_search", "--child", tmp, "--k", str(args.k)]
            rows.append((breadth, json.loads(subprocess.run(command, check=True, capture_output=True, text=True,
                                                            cwd=REPO).stdout.splitlines()[-1])))
    print(f"{len(ids):,} stored vectors, {len(texts):,} questions, top {args.k}; exact numpy search "
          f"{exact_ms:.2f} ms a query (batched)\n")
    print("| ef_search | p50 ms | p95 ms | p50 vs ef 100 | questions losing one of the exact top 12 | recall@k |")
    print("|---|---|---|---|---|---|")
    base = rows[0][1]["p50_ms"]
    for breadth, row in rows:
        print(f"| {breadth} | {row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {row['p50_ms'] / base:.1f}× | "
              f"{row['lost_top12']} | {row['recall']:.3f} |")


if __name__ == "__main__":
    main()
