"""The composition root: the one place that reads Settings and builds the long-lived parts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import Settings

if TYPE_CHECKING:
    from index.store import IndexStore


def offline_environment() -> None:
    """Make every library we use stay off the network and keep its telemetry off."""
    for name, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(name, value)


def build_embedder(settings: Settings):
    """The embedder named in the settings."""
    from index.embedders import make_embedder

    if settings.embedder.name == "fake":
        return make_embedder("fake")
    options = {"batch_size": settings.embedder.batch_size, "threads": settings.embedder.threads}
    return make_embedder(settings.embedder.name, cache_dir=settings.embedder.cache_dir, **options)


def open_store(settings: Settings, *, index_dir: Path | None = None, create: bool = False) -> "IndexStore":
    """The index store at `index_dir` (default from settings) with the configured embedder."""
    from index.store import IndexStore

    offline_environment()
    return IndexStore(
        Path(index_dir or settings.index.dir),
        embedder=build_embedder(settings),
        embedder_name=settings.embedder.name,
        collection=settings.index.collection,
        chroma_url=settings.index.chroma_url,
        create=create,
    )


def build_assistant(settings: Settings, *, index_dir: Path | None = None):
    """The Assistant over the index at `index_dir`, as the CLI, the API and evaluations use it."""
    from assistant.core import Assistant
    from assistant.retrieval import HybridRetriever

    store = open_store(settings, index_dir=index_dir, create=False)
    store.lexical()  # load (or rebuild) BM25 now, not on the first question
    # idf goes through the store each time: after an upload the store holds a new lexical index
    return Assistant(HybridRetriever(store), idf=lambda terms: store.lexical().idf(terms))
