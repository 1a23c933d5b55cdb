"""A real index of the bundled corpus (hash embedder), opened once per test module that asks for it."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """An IndexStore over a fresh index of the bundled corpus with the "fake" embedder."""
    from assistant.compose import open_store
    from assistant.settings import Settings
    from index.ingest import ingest

    settings = Settings()
    settings.embedder.name = "fake"
    store = open_store(settings, index_dir=tmp_path_factory.mktemp("index"), create=True)
    ingest(settings.index.corpus, store=store)
    yield store
    store.close()
