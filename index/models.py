"""Small frozen records that cross the package seams: documents, chunks and search hits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_hash(*parts: str, size: int = 32) -> str:
    """Hex sha256 of the parts joined by NUL; the project's one way to name content."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


@dataclass(frozen=True)
class Document:
    """One cleaned source document; `text` is what citations point into."""

    doc_id: str
    source: str
    text: str
    title: str = ""
    date: str | None = None  # ISO yyyy-mm-dd
    author: str | None = None
    kind: str = "khác"
    doc_numbers: tuple[str, ...] = ()

    @property
    def date_int(self) -> int:
        """Date as yyyymmdd for numeric Chroma filters; 0 when unknown."""
        return int(self.date.replace("-", "")) if self.date else 0

    @property
    def version(self) -> str:
        """Content hash of everything that ends up in the index for this document."""
        meta = "|".join([self.title, self.date or "", self.author or "", self.kind, ",".join(self.doc_numbers)])
        return content_hash(self.source, meta, self.text)


@dataclass(frozen=True)
class Chunk:
    """A passage of a document with its character span in the document's cleaned text."""

    doc_id: str
    text: str
    start: int
    end: int
    heading: str = ""  # e.g. "Chương II > Điều 5", carried into every chunk under it

    @property
    def chunk_id(self) -> str:
        """Content hash: the same passage at the same place always gets the same id."""
        return content_hash(self.doc_id, str(self.start), self.heading, self.text)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its score and the metadata a citation needs."""

    chunk_id: str
    doc_id: str
    text: str
    score: float
    start: int = 0
    end: int = 0
    heading: str = ""
    title: str = ""
    source: str = ""
    date: str | None = None
    kind: str = ""
    extra: dict = field(default_factory=dict, compare=False)
