"""Read .txt, .md, .html, .pdf and .docx files into NFC text with the title the format gives, or say why not."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.encodings import (
    decode_bytes,
    decode_font_text,
    decode_legacy,
    font_legacy_encoding,
    legacy_name,
    normalize_text,
)
from index.errors import IndexingError, UnreadableFile, UnsupportedFile

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})
TABLE_CELL_SEPARATOR = " | "  # rarely inside Vietnamese prose, unlike ';' and ','

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_WESTERN_LABELS = {"iso8859-1", "ascii", "latin-1"}  # browsers read these labels as windows-1252
_LABELS = {"cp1252": "windows-1252", "cp1258": "windows-1258"}


@dataclass(frozen=True)
class RawText:
    """Text extracted from one file, before any cleaning."""

    text: str  # NFC, '\n' line ends, paragraphs separated by blank lines where the format knows them
    title: str | None  # a title the format itself gives (HTML title, DOCX core title, PDF metadata title)
    encoding: str | None  # encoding of byte-text formats; a legacy font encoding converted from, else None


def load_file(path: Path) -> RawText:
    """Extract a file's text; UnsupportedFile for an unknown suffix, UnreadableFile with the reason otherwise."""
    path = Path(path)
    if path.is_dir():  # iter_files yields a folder it cannot list
        raise UnreadableFile(f"{path.name}: is a folder that could not be listed (check its permissions)")
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFile(f"{path.name}: unsupported file type {path.suffix or '(none)'}; supported: {supported}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path.name}: cannot read the file ({exc.strerror or exc})") from None
    raw = loader(path, data)
    if not raw.text.strip():
        raise UnreadableFile(f"{path.name}: no text in the file")
    return raw


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the given files and every file under the given folders, depth first, sorted by name.

    Inside folders, hidden entries (a leading '.') and Office lock files ('~$report.docx') are skipped;
    paths given explicitly are yielded as they are, even missing ones, so that load_file can report them.
    Each file comes once, however many given paths or symlinks lead to it.
    """
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        for found in _walk(path, seen) if path.is_dir() else [path]:
            key = found.resolve()
            if key not in seen:
                seen.add(key)
                yield found


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    """Files under a folder, depth first and sorted by name, skipping hidden entries."""
    key = folder.resolve()
    if key in seen:  # a symlink loop or a folder given twice
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # load_file then reports it as unreadable
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        child = folder / entry.name
        if entry.is_dir():
            yield from _walk(child, seen)
        else:
            yield child


@contextmanager
def _parsing(path: Path, kind: str) -> Iterator[None]:
    """Turn whatever a third-party parser raises on a malformed file into UnreadableFile."""
    try:
        yield
    except IndexingError:
        raise
    except Exception as exc:  # pypdf, python-docx and lxml raise anything from KeyError to zlib.error
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise UnreadableFile(f"{path.name}: corrupt or unreadable {kind} ({reason})") from exc


def _repair_fonts(text: str, title: str | None) -> tuple[str, str | None, str | None]:
    """Convert text typed in legacy Vietnamese fonts (VNI, TCVN3) that a Unicode container kept as mojibake."""
    legacy = font_legacy_encoding(text)
    if legacy is None:
        return text, title, None
    title = decode_font_text(title, legacy, only_if_better=True) if title else title
    return decode_font_text(text, legacy, only_if_better=True), title, legacy


def _clean_title(value: object) -> str | None:
    """A title on one line in NFC, or None when empty."""
    text = " ".join(normalize_text(str(value)).split()) if value else ""
    return text or None


def _paragraphs(blocks: Iterable[str]) -> str:
    """Join non-empty blocks with blank lines, after normalising each."""
    return "\n\n".join(block for block in (normalize_text(b).strip() for b in blocks) if block)


def _load_text(path: Path, data: bytes) -> RawText:
    text, encoding = decode_bytes(data, name=path.name)
    return RawText(text=text, title=None, encoding=encoding)


def _load_html(path: Path, data: bytes) -> RawText:
    """The main text of a web page (trafilatura), without navigation, footer and comments."""
    import trafilatura

    html, encoding = _decode_html(path, data)
    with _parsing(path, "HTML"):
        document = trafilatura.bare_extraction(
            html,
            favor_recall=True,  # short news items must not be dropped as boilerplate
            include_comments=False,
            include_tables=True,
            with_metadata=True,  # for the title; dates are the cleaning step's job
            date_extraction_params={"extensive_search": False},  # dateparser costs ~15 s on first use
        )
    body = document.text if document is not None else None
    if not body or not body.strip():
        raise UnreadableFile(f"{path.name}: no main text found in the HTML page")
    text, title, legacy = _repair_fonts(_paragraphs(body.split("\n")), _clean_title(document.title))
    return RawText(text=text, title=title, encoding=f"{encoding}+{legacy}" if legacy else encoding)


def _decode_html(path: Path, data: bytes) -> tuple[str, str]:
    """Decode an HTML page: a BOM, then valid UTF-8, then its meta charset, then detection."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, name=path.name)
    try:
        data.decode("utf-8")  # pages declaring another charset yet valid UTF-8 were re-saved as UTF-8
        return decode_bytes(data, name=path.name)
    except UnicodeDecodeError:
        pass
    label = declared.group(1).decode("ascii")
    legacy = legacy_name(label)
    try:
        if legacy is not None:
            return decode_legacy(data, legacy), legacy
        codec = codecs.lookup(label).name
        codec = "cp1252" if codec in _WESTERN_LABELS else codec
        html, codec = normalize_text(data.decode(codec)), _LABELS.get(codec, codec)
    except (LookupError, UnicodeDecodeError):  # an unknown or wrong label: detect instead
        return decode_bytes(data, name=path.name)
    # Old Vietnamese sites served VNI/TCVN3 font text as windows-1252; convert before extraction,
    # which would drop characters such as TCVN3's soft hyphen (ư).
    font = font_legacy_encoding(html)
    return (decode_font_text(html, font, only_if_better=True), f"{codec}+{font}") if font else (html, codec)


def _load_pdf(path: Path, data: bytes) -> RawText:
    """The text layer of a PDF, page by page; scanned and password-protected PDFs are refused."""
    from io import BytesIO

    from pypdf import PdfReader

    with _parsing(path, "PDF"):
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            _decrypt(path, reader)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _pdf_title(reader)
    text = _paragraphs(pages)
    if not any(ch.isalpha() for ch in text):
        raise UnreadableFile(f"{path.name}: no text layer: scanned PDF? OCR it first")
    text, title, legacy = _repair_fonts(text, title)
    return RawText(text=text, title=title, encoding=legacy)


def _decrypt(path: Path, reader) -> None:
    """Open a PDF encrypted without a user password (permissions only); refuse one that needs a password."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except DependencyError:
        reason = "the PDF is AES-encrypted and the 'cryptography' package is missing"
        raise UnreadableFile(f"{path.name}: {reason}") from None
    if not opened:
        raise UnreadableFile(f"{path.name}: the PDF is encrypted with a password; remove the password first")


def _pdf_title(reader) -> str | None:
    try:  # broken metadata should not cost the text
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # pypdf raises various errors on malformed info dictionaries
        return None
    return _clean_title(title)


def _load_docx(path: Path, data: bytes) -> RawText:
    """The body of a Word document: paragraphs and tables in order, and the core-properties title."""
    from io import BytesIO

    import docx

    with _parsing(path, "DOCX"):
        document = docx.Document(BytesIO(data))
        blocks = [_docx_block(item) for item in document.iter_inner_content()]
        title = _clean_title(document.core_properties.title)
    text, title, legacy = _repair_fonts(_paragraphs(blocks), title)
    return RawText(text=text, title=title, encoding=legacy)


def _docx_block(item) -> str:
    """A paragraph's text, or a table as one line per row with cells joined by TABLE_CELL_SEPARATOR."""
    from docx.table import Table

    if not isinstance(item, Table):
        return item.text
    rows = []
    for row in item.rows:
        cells = row.cells
        # A merged cell comes back once per grid column it spans; keep it once.
        unique = [cell for i, cell in enumerate(cells) if i == 0 or cell._tc is not cells[i - 1]._tc]
        texts = [" ".join(_cell_text(cell).split()) for cell in unique]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            rows.append(TABLE_CELL_SEPARATOR.join(texts))
    return "\n".join(rows)


def _cell_text(cell) -> str:
    """A cell's paragraphs and nested tables, flattened."""
    return " ".join(_docx_block(item) for item in cell.iter_inner_content())


_LOADERS: dict[str, Callable[[Path, bytes], RawText]] = {
    ".txt": _load_text,
    ".md": _load_text,
    ".html": _load_html,
    ".htm": _load_html,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}
