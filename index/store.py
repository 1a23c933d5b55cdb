"""One index directory: Chroma for vectors, SQLite for records and documents, bm25s for terms."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from index.chroma import (
    SEARCH_EF,
    chunk_metadata,
    hit_from_record,
    open_client,
    open_vectorstore,
    passage_text,
    strip_passage_prefix,
)
from index.embedders import vector_space
from index.errors import IndexingError, IndexNotBuilt
from index.filters import Filters
from index.lexical import LexicalIndex, fingerprint
from index.models import Chunk, Document, Hit
from index.records import DocumentStore, SQLiteRecordManager, connect

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)
FORMAT = 1


class EmbedderMismatch(IndexingError):
    """The index was built with another embedder; its vectors cannot be compared with this one's."""


class IndexStore:
    """Reads and writes one index directory; every write keeps Chroma and the records in step."""

    def __init__(
        self,
        index_dir: Path,
        *,
        embedder: "Embeddings",
        embedder_name: str,
        collection: str = "documents",
        chroma_url: str | None = None,
        create: bool = True,
        search_ef: int = SEARCH_EF,
    ) -> None:
        self.dir = Path(index_dir)
        if not create and not (self.dir / "index.json").exists():
            raise IndexNotBuilt(str(self.dir))
        self._check_embedder(embedder_name, create=create)
        self._conn = connect(self.dir / "records.sqlite")
        self.records = SQLiteRecordManager(f"chroma/{collection}", self._conn)
        self.documents = DocumentStore(self._conn)
        client = open_client(None if chroma_url else self.dir / "chroma", url=chroma_url)
        self.vectors = open_vectorstore(
            client, collection=collection, embedder=embedder, embedder_name=embedder_name, search_ef=search_ef
        )
        self._lexical: LexicalIndex | None = None
        self._lexical_lock = threading.Lock()  # one rebuild at a time, however many threads ask

    def _check_embedder(self, name: str, *, create: bool) -> None:
        meta_path = self.dir / "index.json"
        if meta_path.exists():
            built_with = json.loads(meta_path.read_text()).get("embedder")
            if vector_space(built_with) != vector_space(name):
                raise EmbedderMismatch(
                    f"the index in {self.dir} was built with the embedder {built_with!r}, whose vectors cannot be "
                    f"compared with {name!r}'s: use --embedder {built_with} or ingest into a new --index-dir"
                )
        elif create:
            self.dir.mkdir(parents=True, exist_ok=True)
            meta_path.write_text(json.dumps({"format": FORMAT, "embedder": name}))

    # --- writing -------------------------------------------------------------------------------------------

    def write_document(self, doc: Document, chunks: list[Chunk], *, file_hash: str, pipeline: str) -> int:
        """Index one document's chunks, replacing its earlier version; returns how many chunks were embedded."""
        from langchain_core.documents import Document as LCDocument
        from langchain_core.indexing import index

        lc_docs = [
            LCDocument(page_content=passage_text(doc, chunk), metadata=chunk_metadata(doc, chunk)) for chunk in chunks
        ]
        result = index(
            lc_docs,
            self.records,
            self.vectors,
            cleanup="incremental",
            source_id_key="source",
            key_encoder=lambda d: d.metadata["chunk_id"],
            batch_size=max(len(lc_docs), 1),
        )
        self.documents.put(doc, file_hash=file_hash, pipeline=pipeline, chunk_count=len(chunks))
        self._lexical = None
        return result["num_added"]

    def remove_document(self, source: str) -> int:
        """Delete a source's chunks and its document row; returns how many chunks went."""
        keys = self.records.list_keys(group_ids=[source])
        if keys:
            self.vectors.delete(ids=keys)
            self.records.delete_keys(keys)
        self.documents.delete(source)
        self._lexical = None
        return len(keys)

    def refresh_lexical(self) -> LexicalIndex:
        """Make the saved BM25 index match the chunks, rebuilding it only when they differ."""
        self._lexical = None
        return self.lexical()

    def rebuild_lexical(self) -> LexicalIndex:
        """Rebuild BM25 from what Chroma holds and save it."""
        records = []
        for page_content, meta in self._all_chroma_records():
            records.append({**meta, "passage": page_content})
        records.sort(key=lambda r: (r["source"], r["start"]))
        from index.abbreviations import find_defined_abbreviations

        defined = {d.document.doc_id: find_defined_abbreviations(d.document.text) for d in self.documents.all()}
        lexical = LexicalIndex.build(records, defined=defined)
        lexical.save(self.dir / "lexical")
        self._lexical = lexical
        return lexical

    def _all_chroma_records(self, page: int = 2000):
        collection = self.vectors._collection
        offset = 0
        while True:
            got = collection.get(include=["documents", "metadatas"], limit=page, offset=offset)
            if not got["ids"]:
                return
            yield from zip(got["documents"], got["metadatas"])
            offset += len(got["ids"])

    # --- reading -------------------------------------------------------------------------------------------

    def lexical(self) -> LexicalIndex:
        """The BM25 index, rebuilt first when it no longer matches the chunks the records say exist."""
        with self._lexical_lock:
            if self._lexical is None:
                saved = LexicalIndex.load(self.dir / "lexical")
                current = fingerprint(self.records.list_keys())
                if saved is None or saved.fingerprint != current:
                    log.info("lexical index missing or stale: rebuilding it from Chroma")
                    saved = self.rebuild_lexical()
                self._lexical = saved
            return self._lexical

    def dense_search(self, query: str, *, k: int, filters: Filters | None = None) -> list[Hit]:
        """The k nearest chunks by embedding; score is cosine similarity."""
        where = filters.chroma_where() if filters else None
        fetch = k * 4 if filters and filters.sources else k
        found = self.vectors.similarity_search_with_score(query, k=fetch, filter=where)
        hits = [
            hit_from_record(strip_passage_prefix(d.page_content, d.metadata), d.metadata, 1.0 - distance)
            for d, distance in found
            if not filters or filters.matches(d.metadata)
        ]
        return hits[:k]

    def chunk_count(self) -> int:
        return self.records.count()

    def close(self) -> None:
        self._conn.close()
