"""The composition root: the one place that reads Settings and builds the long-lived parts."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    options = {"threads": settings.embedder.threads}
    if settings.embedder.batch_size is not None:
        options["batch_size"] = settings.embedder.batch_size
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
        search_ef=settings.index.search_ef,
    )


def build_chat_model(settings: Settings):
    """The LangChain chat model named by `settings.llm.provider`, or None for `none` (extractive answers only)."""
    from assistant.errors import LlmUnavailable

    llm = settings.llm
    match llm.provider:
        case "none":
            return None
        case "openai":
            from langchain_openai import ChatOpenAI

            if not llm.model:
                raise LlmUnavailable("set ASSISTANT_LLM__MODEL to the model name the server knows")
            return ChatOpenAI(
                base_url=llm.base_url, model=llm.model, api_key=llm.api_key.get_secret_value() or "not-needed",
                temperature=llm.temperature, timeout=llm.timeout, max_tokens=llm.max_tokens, max_retries=0,
            )
        case "local":
            from assistant.local_llm import LlamaChatModel, ensure_model, require_binding

            require_binding()  # fail now with the install hint, not on every question
            return LlamaChatModel(
                model_path=ensure_model(llm.model_path), n_ctx=llm.context_tokens, max_tokens=llm.max_tokens,
                temperature=llm.temperature, timeout=llm.timeout, threads=llm.threads or None,
            )
        case other:
            raise LlmUnavailable(f"unknown ASSISTANT_LLM__PROVIDER {other!r}; use one of: none, openai, local")


def build_answerer(settings: Settings, *, openings: Callable[[str], Any] | None = None):
    """The answerer the settings ask for: extractive (default), or generative over the configured chat model.
    `openings` gives a document's first passage, which the extractive answerer reads for what says which document
    it is (an official text's number, a page's subject and life span)."""
    from assistant.core import Extractive
    from assistant.extractive import ExtractiveAnswerer
    from assistant.generative import GenerativeAnswerer

    extractive = ExtractiveAnswerer(openings=openings)
    model = build_chat_model(settings)
    if model is None:
        return Extractive(extractive)
    return GenerativeAnswerer(model, extractive=extractive, passages=settings.llm.passages,
                              passage_chars=settings.llm.passage_chars)


def build_assistant(settings: Settings, *, index_dir: Path | None = None, wrap: Callable[[Any], Any] | None = None):
    """The Assistant over the index at `index_dir`, as the CLI, the API and evaluations use it.

    `wrap` turns the opened store into what the assistant reads (the API passes its committed-snapshot view);
    the store it reads is `assistant.retriever.store`.
    """
    from assistant.core import Assistant
    from assistant.retrieval import HybridRetriever

    # first: a misconfigured model fails before the index is loaded; the openings are read from the store opened
    # below, when a question is answered
    answerer = build_answerer(settings, openings=lambda doc_id: store.lexical().opening(doc_id))
    store = open_store(settings, index_dir=index_dir, create=False)
    if wrap is not None:
        store = wrap(store)
    store.lexical()  # load (or rebuild) BM25 now, not on the first question
    # idf goes through the store each time: after an upload the store holds a new lexical index
    # the answerer's own sentence scorer (it reads the documents' openings) also orders the passages listed
    return Assistant(HybridRetriever(store), idf=lambda terms: store.lexical().idf(terms), answerer=answerer,
                     extractive=answerer.extractive, restore=lambda text: store.lexical().restore(text))
