"""What readers see while uploads are ingested: the index as of the last finished write, never half a document."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from assistant.library import DocumentInfo, FileOutcome, Library
from index.filters import Filters
from index.lexical import LexicalIndex
from index.models import Hit
from index.store import IndexStore


@dataclass(frozen=True)
class _Snapshot:
    lexical: LexicalIndex
    chunk_ids: frozenset[str]
    doc_ids: frozenset[str]


class CommittedView:
    """A read-only face of an index store for retrievers; it changes only when a writer publishes.

    The store rebuilds its BM25 index lazily, so a reader arriving in the middle of an ingest would rebuild
    (and save) it concurrently with the writer. Here readers use the BM25 index of the last published write
    and drop dense hits on chunks that write had not committed yet.
    """

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._snapshot = _snapshot(store)

    def publish(self) -> None:
        """Make what the store now holds visible to readers; call it from the writer, after a write."""
        self._snapshot = _snapshot(self.store)

    def lexical(self) -> LexicalIndex:
        return self._snapshot.lexical

    def dense_search(self, query: str, *, k: int, filters: Filters | None = None) -> list[Hit]:
        """The store's dense hits on committed chunks only."""
        committed = self._snapshot.chunk_ids
        return [hit for hit in self.store.dense_search(query, k=k, filters=filters) if hit.chunk_id in committed]

    def chunk_count(self) -> int:
        return len(self._snapshot.chunk_ids)

    def document_count(self) -> int:
        return len(self._snapshot.doc_ids)

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._snapshot.doc_ids


class CommittingLibrary(Library):
    """A Library whose every write ends by publishing the new state to the readers' view."""

    def __init__(self, view: CommittedView, *, chunk_chars: int = 900) -> None:
        super().__init__(view.store, chunk_chars=chunk_chars)
        self.view = view
        self._commit = threading.Lock()  # publish inside the write, so two writers cannot interleave

    def add(self, files: list[tuple[str, bytes]]) -> list[FileOutcome]:
        with self._commit:
            try:
                return super().add(files)
            finally:
                self.view.publish()

    def delete(self, doc_id: str) -> bool:
        with self._commit:
            try:
                return super().delete(doc_id)
            finally:
                self.view.publish()

    def list(self) -> list[DocumentInfo]:
        """The documents readers can find now (a document being ingested appears once it is searchable)."""
        return [info for info in super().list() if self.view.has_document(info.doc_id)]


def _snapshot(store: IndexStore) -> _Snapshot:
    lexical = store.lexical()
    return _Snapshot(
        lexical,
        frozenset(r["chunk_id"] for r in lexical.records),
        frozenset(r["doc_id"] for r in lexical.records),
    )
