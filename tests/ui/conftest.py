"""A real index of the bundled corpus (hash embedder) behind the page's session logic, without a browser."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ui.chat import Backend


@pytest.fixture(scope="module")
def parts(corpus_store):
    """(assistant, library) over a fresh index of the bundled corpus; uploads in one test module stay in it."""
    from assistant.core import Assistant
    from assistant.library import Library
    from assistant.retrieval import HybridRetriever

    store = corpus_store
    assistant = Assistant(HybridRetriever(store), idf=lambda terms: store.lexical().idf(terms))
    return assistant, Library(store)


@pytest.fixture
def backend(parts, tmp_path):
    """The page's view of a running server whose index is open."""
    assistant, library = parts
    return Backend(SimpleNamespace(assistant=assistant, library=library, problem=None), feedback_dir=tmp_path)
