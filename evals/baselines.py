"""Comparison retrievers: BM25 alone, dense alone, and the pipeline LangChain's RAG tutorial teaches."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.models import Hit, content_hash

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

TUTORIAL_CHUNK_SIZE = 1000
TUTORIAL_CHUNK_OVERLAP = 200
BuildProgress = Callable[[int, int], None]  # (chunks embedded, chunks total)


class LexicalRetriever:
    """The index store's BM25 ranking alone, with the query normalised as the hybrid retriever does."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def retrieve(self, query: str, *, k: int, filters: Any = None) -> list[Hit]:
        from index.text import normalize_for_search

        return self.store.lexical().search(normalize_for_search(query), k=k, filters=filters)


class DenseRetriever:
    """The index store's embedding ranking alone, with the query normalised as the hybrid retriever does."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def retrieve(self, query: str, *, k: int, filters: Any = None) -> list[Hit]:
        from index.text import normalize_for_search

        return self.store.dense_search(normalize_for_search(query), k=k, filters=filters)


class TutorialRetriever:
    """RecursiveCharacterTextSplitter(1000, 200) into a fresh Chroma collection, queried with `similarity_search`."""

    def __init__(self, vectorstore: "Chroma", *, cleanup: Path | None = None) -> None:
        self.vectorstore = vectorstore
        self._cleanup = cleanup  # a temporary directory this retriever owns and removes on close

    @classmethod
    def build(
        cls,
        documents: Iterable[tuple[str, str]],
        *,
        embedder: "Embeddings",
        directory: Path | None = None,
        batch_size: int = 256,
        progress: BuildProgress | None = None,
    ) -> "TutorialRetriever":
        """Split (source, text) documents and embed them into a new collection in `directory` (default: temporary)."""
        import chromadb
        from chromadb.config import Settings
        from langchain_chroma import Chroma

        chunks = tutorial_chunks(documents)
        owned = Path(tempfile.mkdtemp(prefix="eval-tutorial-")) if directory is None else None
        client = chromadb.PersistentClient(path=str(owned or directory), settings=Settings(anonymized_telemetry=False))
        name = f"tutorial-{uuid.uuid4().hex[:12]}"
        vectorstore = Chroma(collection_name=name, embedding_function=embedder, client=client)
        for start in range(0, len(chunks), batch_size):
            vectorstore.add_documents(chunks[start : start + batch_size])
            if progress:
                progress(min(start + batch_size, len(chunks)), len(chunks))
        return cls(vectorstore, cleanup=owned)

    def retrieve(self, query: str, *, k: int, filters: Any = None) -> list[Hit]:
        """The tutorial's `similarity_search`; it returns no scores, so a hit's score is 1/rank."""
        if filters is not None and not getattr(filters, "empty", False):
            raise ValueError("the LangChain-tutorial baseline has no metadata filters; run it without filters")
        found = self.vectorstore.similarity_search(query, k=k)
        return [_hit(doc, rank) for rank, doc in enumerate(found, 1)]

    def close(self) -> None:
        """Drop the collection and, if this retriever made it, its temporary directory."""
        self.vectorstore.delete_collection()
        if self._cleanup is not None:
            shutil.rmtree(self._cleanup, ignore_errors=True)
            self._cleanup = None

    def __enter__(self) -> "TutorialRetriever":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def tutorial_chunks(documents: Iterable[tuple[str, str]]) -> list:
    """LangChain documents cut as the tutorial does, each with its source and start offset."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=TUTORIAL_CHUNK_SIZE, chunk_overlap=TUTORIAL_CHUNK_OVERLAP, add_start_index=True
    )
    pairs = list(documents)
    return splitter.create_documents([text for _, text in pairs], metadatas=[{"source": s} for s, _ in pairs])


def store_documents(store: Any) -> list[tuple[str, str]]:
    """(source, cleaned text) of every document in an index store: the same corpus the assistant searches."""
    return [(row.document.source, row.document.text) for row in store.documents.all()]


def _hit(doc: Any, rank: int) -> Hit:
    source, start = str(doc.metadata.get("source", "")), int(doc.metadata.get("start_index", 0))
    return Hit(
        chunk_id=content_hash(source, str(start), doc.page_content),
        doc_id=content_hash(source),
        text=doc.page_content,
        score=1.0 / rank,
        start=start,
        end=start + len(doc.page_content),
        source=source,
    )
