"""From raw text to a `Document`: clean it, read its metadata, name it by its source."""

from __future__ import annotations

from index.cleaning import clean_text
from index.errors import UnreadableFile
from index.metadata import extract_metadata
from index.models import Document, content_hash


def prepare_document(raw_text: str, *, source: str, title_hint: str | None = None) -> Document:
    """Clean raw_text and wrap it with its metadata; raise UnreadableFile when no text survives cleaning."""
    cleaned = clean_text(raw_text)
    if not cleaned.strip():
        raise UnreadableFile(f"{source}: no text left after cleaning; check that the file holds readable text")
    meta = extract_metadata(raw_text, cleaned, title_hint=title_hint)
    return Document(
        doc_id=content_hash(source),
        source=source,
        text=cleaned,
        title=meta.title,
        date=meta.date,
        author=meta.author,
        kind=meta.kind,
        doc_numbers=meta.doc_numbers,
    )
