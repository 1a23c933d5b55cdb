"""A real index of the bundled corpus (hash embedder) behind the page's session logic, without a browser."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ui.chat import Backend


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    """(assistant, library) over a fresh index of the bundled corpus; uploads in one test module stay in it."""
    from assistant.compose import open_store
    from assistant.core import Assistant
    from assistant.library import Library
    from assistant.retrieval import HybridRetriever
    from assistant.settings import Settings
    from index.ingest import ingest

    settings = Settings()
    settings.embedder.name = "fake"
    store = open_store(settings, index_dir=tmp_path_factory.mktemp("index"), create=True)
    ingest(settings.index.corpus, store=store)
    assistant = Assistant(HybridRetriever(store), idf=lambda terms: store.lexical().idf(terms))
    yield assistant, Library(store)
    store.close()


@pytest.fixture
def backend(parts, tmp_path):
    """The page's view of a running server whose index is open."""
    assistant, library = parts
    return Backend(SimpleNamespace(assistant=assistant, library=library, problem=None), feedback_dir=tmp_path)
