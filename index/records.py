"""SQLite bookkeeping beside Chroma: LangChain's record manager and the store of cleaned documents."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.indexing import RecordManager

from index.models import Document

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    group_id TEXT,
    updated_at REAL NOT NULL,
    PRIMARY KEY (namespace, key)
);
CREATE INDEX IF NOT EXISTS records_group ON records (namespace, group_id, updated_at);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    version TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    author TEXT,
    kind TEXT NOT NULL,
    doc_numbers TEXT NOT NULL,
    text TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    indexed_at REAL NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open the bookkeeping database in WAL mode so readers never block on the writer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(_SCHEMA)
    return conn


class SQLiteRecordManager(RecordManager):
    """LangChain record manager on SQLite: which chunk ids were written, for which source, and when."""

    def __init__(self, namespace: str, conn: sqlite3.Connection) -> None:
        super().__init__(namespace)
        self._conn = conn
        self._lock = threading.Lock()
        self._last_time = 0.0

    def create_schema(self) -> None:
        self._conn.executescript(_SCHEMA)

    async def acreate_schema(self) -> None:
        self.create_schema()

    def get_time(self) -> float:
        # Strictly increasing, so records written by one `index()` call are never "before" its own start.
        with self._lock:
            self._last_time = max(time.time(), self._last_time + 1e-6)
            return self._last_time

    async def aget_time(self) -> float:
        return self.get_time()

    def update(
        self,
        keys: Sequence[str],
        *,
        group_ids: Sequence[str | None] | None = None,
        time_at_least: float | None = None,
    ) -> None:
        if group_ids is not None and len(keys) != len(group_ids):
            raise ValueError("Length of keys must match length of group_ids")
        now = self.get_time()
        if time_at_least is not None and time_at_least > now:
            raise ValueError("time_at_least must be in the past")
        groups = group_ids if group_ids is not None else [None] * len(keys)
        rows = [(self.namespace, key, group, now) for key, group in zip(keys, groups)]
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT INTO records (namespace, key, group_id, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (namespace, key) DO UPDATE SET group_id=excluded.group_id, updated_at=excluded.updated_at",
                rows,
            )

    async def aupdate(self, keys, *, group_ids=None, time_at_least=None) -> None:
        self.update(keys, group_ids=group_ids, time_at_least=time_at_least)

    def exists(self, keys: Sequence[str]) -> list[bool]:
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            part = list(keys[start : start + 500])
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                f"SELECT key FROM records WHERE namespace=? AND key IN ({marks})", [self.namespace, *part]
            )
            found.update(row[0] for row in rows)
        return [key in found for key in keys]

    async def aexists(self, keys: Sequence[str]) -> list[bool]:
        return self.exists(keys)

    def list_keys(
        self,
        *,
        before: float | None = None,
        after: float | None = None,
        group_ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[str]:
        sql, args = "SELECT key FROM records WHERE namespace=?", [self.namespace]
        if before is not None:
            sql, args = sql + " AND updated_at < ?", [*args, before]
        if after is not None:
            sql, args = sql + " AND updated_at > ?", [*args, after]
        if group_ids is not None:
            sql += f" AND group_id IN ({','.join('?' * len(group_ids))})"
            args.extend(group_ids)
        sql += " ORDER BY key"
        if limit:
            sql, args = sql + " LIMIT ?", [*args, limit]
        return [row[0] for row in self._conn.execute(sql, args)]

    async def alist_keys(self, *, before=None, after=None, group_ids=None, limit=None) -> list[str]:
        return self.list_keys(before=before, after=after, group_ids=group_ids, limit=limit)

    def delete_keys(self, keys: Sequence[str]) -> None:
        with self._lock, self._conn:
            self._conn.executemany(
                "DELETE FROM records WHERE namespace=? AND key=?", [(self.namespace, key) for key in keys]
            )

    async def adelete_keys(self, keys: Sequence[str]) -> None:
        self.delete_keys(keys)

    def count(self) -> int:
        """How many chunk records the namespace holds."""
        return self._conn.execute("SELECT COUNT(*) FROM records WHERE namespace=?", [self.namespace]).fetchone()[0]


@dataclass(frozen=True)
class StoredDocument:
    """A document row: the document itself plus what ingest needs to tell changed from unchanged."""

    document: Document
    file_hash: str
    pipeline: str
    version: str
    chunk_count: int


class DocumentStore:
    """The cleaned text and metadata of every indexed document, keyed by source."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def put(self, doc: Document, *, file_hash: str, pipeline: str, chunk_count: int) -> None:
        """Insert or replace the row for `doc.source` in one transaction."""
        row = (
            doc.doc_id, doc.source, doc.version, file_hash, pipeline, doc.title, doc.date, doc.author, doc.kind,
            json.dumps(list(doc.doc_numbers), ensure_ascii=False), doc.text, chunk_count, time.time(),
        )
        with self._conn:
            self._conn.execute("DELETE FROM documents WHERE source=? AND doc_id<>?", (doc.source, doc.doc_id))
            self._conn.execute(f"INSERT OR REPLACE INTO documents VALUES ({','.join('?' * len(row))})", row)

    def delete(self, source: str) -> None:
        with self._conn:
            self._conn.execute("DELETE FROM documents WHERE source=?", (source,))

    def get(self, *, source: str | None = None, doc_id: str | None = None) -> StoredDocument | None:
        """The row for a source or a document id, or None."""
        column, value = ("source", source) if source is not None else ("doc_id", doc_id)
        row = self._conn.execute(f"SELECT * FROM documents WHERE {column}=?", (value,)).fetchone()
        return _stored(row) if row else None

    def sources(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT source FROM documents ORDER BY source")]

    def all(self) -> list[StoredDocument]:
        return [_stored(row) for row in self._conn.execute("SELECT * FROM documents ORDER BY source")]

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def _stored(row: tuple) -> StoredDocument:
    (doc_id, source, version, file_hash, pipeline, title, date, author, kind, numbers, text, chunks, _) = row
    doc = Document(
        doc_id=doc_id, source=source, text=text, title=title, date=date, author=author, kind=kind,
        doc_numbers=tuple(json.loads(numbers)),
    )
    return StoredDocument(document=doc, file_hash=file_hash, pipeline=pipeline, version=version, chunk_count=chunks)
