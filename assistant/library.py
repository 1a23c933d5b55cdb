"""The documents of one index as people manage them: upload, list, delete; one writer at a time."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from index.ingest import IngestReport, ingest
from index.store import IndexStore

UPLOADS = "uploads"
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one uploaded file."""

    filename: str
    status: str  # added | updated | unchanged | skipped
    source: str
    doc_id: str | None = None
    chunks: int = 0
    reason: str = ""


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document as listed to users."""

    doc_id: str
    source: str
    title: str
    date: str | None
    kind: str
    author: str | None
    doc_numbers: tuple[str, ...]
    chunks: int
    chars: int


def safe_filename(name: str) -> str:
    """The file's own name without folders or characters that could escape the upload folder."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned or "document"


class Library:
    """Adds uploaded files to the index (saved under `<index>/uploads/`), lists and deletes documents."""

    def __init__(self, store: IndexStore, *, chunk_chars: int = 900) -> None:
        self.store = store
        self.chunk_chars = chunk_chars
        self.upload_dir = store.dir / UPLOADS
        self._write = threading.Lock()

    def add(self, files: list[tuple[str, bytes]]) -> list[FileOutcome]:
        """Save and ingest each (filename, content); a bad file is reported, the others still go in."""
        with self._write:
            self.upload_dir.mkdir(parents=True, exist_ok=True)
            outcomes = []
            for name, content in files:
                path = self.upload_dir / safe_filename(name)
                previous = path.read_bytes() if path.exists() else None
                path.write_bytes(content)
                report = ingest([path], store=self.store, chunk_chars=self.chunk_chars, remove_missing=False)
                outcomes.append(self._outcome(name, path, report))
                if outcomes[-1].status == "skipped":  # nothing of a refused file stays; an earlier version does
                    path.write_bytes(previous) if previous is not None else path.unlink(missing_ok=True)
            return outcomes

    def _outcome(self, name: str, path: Path, report: IngestReport) -> FileOutcome:
        source = f"{UPLOADS}/{path.name}"
        if report.skipped:
            return FileOutcome(name, "skipped", source, reason=report.skipped[0][1])
        status = "added" if report.added else "updated" if report.updated else "unchanged"
        stored = self.store.documents.get(source=source)
        return FileOutcome(name, status, source, stored.document.doc_id, stored.chunk_count)

    def list(self) -> list[DocumentInfo]:
        """Every indexed document with its metadata and chunk count."""
        return [
            DocumentInfo(
                doc_id=s.document.doc_id, source=s.document.source, title=s.document.title, date=s.document.date,
                kind=s.document.kind, author=s.document.author, doc_numbers=s.document.doc_numbers,
                chunks=s.chunk_count, chars=len(s.document.text),
            )
            for s in self.store.documents.all()
        ]

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its chunks; False when there is no such document."""
        with self._write:
            stored = self.store.documents.get(doc_id=doc_id)
            if stored is None:
                return False
            self.store.remove_document(stored.document.source)
            self.store.refresh_lexical()
            if stored.document.source.startswith(f"{UPLOADS}/"):
                (self.store.dir / stored.document.source).unlink(missing_ok=True)
            return True
