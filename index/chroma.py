"""The Chroma side of the index: client, collection and the chunk <-> Chroma record mapping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.models import Chunk, Document, Hit, content_hash

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

# benchmarks/dense_search.py, stop 23, on the 21,230 chunks of the party corpus and the 1,370 questions of the sets:
# at Chroma's 100, 417 questions lose one of their exact top 12 from the top 50 the retriever asks for; at 1,000,
# 19; at 5,000, none, for 7.0 ms a query against 1.1 ms.
SEARCH_EF = 5000


def open_client(path: Path | None = None, *, url: str | None = None) -> "ClientAPI":
    """An embedded PersistentClient at `path`, or an HTTP client for a `chroma run` server at `url`."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    if url:
        from urllib.parse import urlparse

        parts = urlparse(url)
        return chromadb.HttpClient(
            host=parts.hostname or "localhost", port=parts.port or 8000, ssl=parts.scheme == "https", settings=settings
        )
    if path is None:
        raise ValueError("open_client needs a path for embedded Chroma or a url for a Chroma server")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def open_vectorstore(
    client: "ClientAPI", *, collection: str, embedder: "Embeddings", embedder_name: str, search_ef: int
) -> "Chroma":
    """The LangChain Chroma store over one collection, cosine space, tagged with the embedder that filled it.

    `search_ef` is how many candidates the HNSW graph keeps while searching. Chroma's default, 100, is written
    into the collection when it is created, and the graph it loads is partly rebuilt at random, so the same
    query could rank differently from one process to the next. It is set again on every open, since Chroma
    lets it change without re-indexing (an index built before it existed gets it too).
    """
    from langchain_chroma import Chroma

    store = Chroma(
        collection_name=collection,
        embedding_function=embedder,
        client=client,
        collection_metadata={"hnsw:space": "cosine", "embedder": embedder_name},
    )
    chroma = store._collection
    if ((chroma.configuration or {}).get("hnsw") or {}).get("ef_search") != search_ef:
        chroma.modify(configuration={"hnsw": {"ef_search": search_ef}})
    return store


def passage_text(doc: Document, chunk: Chunk) -> str:
    """The text that is embedded and indexed for a chunk: title and heading give it context."""
    head = " > ".join(part for part in (doc.title, chunk.heading) if part)
    return f"{head}\n{chunk.text}" if head else chunk.text


def chunk_metadata(doc: Document, chunk: Chunk) -> dict[str, Any]:
    """Scalar metadata stored with each chunk (Chroma filters compare numbers, so the date is yyyymmdd).

    Its `chunk_id` hashes the chunk together with everything stored beside it, so a changed title or date
    gives new ids and the record manager re-writes those chunks instead of skipping them.
    """
    meta: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date or "",
        "date_int": doc.date_int,
        "kind": doc.kind,
        "author": doc.author or "",
        "doc_numbers": ",".join(doc.doc_numbers),
        "heading": chunk.heading,
        "start": chunk.start,
        "end": chunk.end,
    }
    meta["chunk_id"] = content_hash(chunk.chunk_id, passage_text(doc, chunk), json.dumps(meta, sort_keys=True))
    return meta


def hit_from_record(chunk_text: str, meta: dict[str, Any], score: float) -> Hit:
    """A Hit from a Chroma record; `chunk_text` is the passage without its title/heading prefix."""
    return Hit(
        chunk_id=str(meta.get("chunk_id", "")),
        doc_id=str(meta.get("doc_id", "")),
        text=chunk_text,
        score=float(score),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        heading=str(meta.get("heading", "")),
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        date=str(meta.get("date") or "") or None,
        kind=str(meta.get("kind", "")),
    )


def strip_passage_prefix(page_content: str, meta: dict[str, Any]) -> str:
    """Undo `passage_text`: the chunk's own text, whose offsets are `start`..`end`."""
    length = int(meta.get("end", 0)) - int(meta.get("start", 0))
    return page_content[-length:] if 0 < length <= len(page_content) else page_content
