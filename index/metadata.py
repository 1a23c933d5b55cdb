"""Read a document's title, publication date, author, kind and document numbers from its text."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from index.cleaning import is_dateline, normalize_characters

KINDS = (
    "điều lệ", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "hướng dẫn", "quy định", "thông báo",
    "kế hoạch", "báo cáo",
)
NEWS = "tin tức"
OTHER = "khác"
# Type codes of Party and State document numbers; "QĐ" is ambiguous and read as quyết định.
_CODE_KINDS = {
    "NQ": "nghị quyết", "CT": "chỉ thị", "KL": "kết luận", "QĐ": "quyết định", "HD": "hướng dẫn",
    "QĐI": "quy định", "TB": "thông báo", "KH": "kế hoạch", "BC": "báo cáo",
}
_HEAD_LINES = 12  # datelines and "Số: ..." lines sit in the first lines of a page
_TITLE_CHARS = 250
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_WORDY_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_PLACE_DATELINE = re.compile(r"^[^\W\d][\w .]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$")
_LEAD_DATE = re.compile(r"^(?:(?:Sáng|Chiều|Trưa|Tối|Đêm)\s+(?:ngày\s+)?|Ngày\s+)\d{1,2}/\d{1,2}/\d{4}")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*\d+(?:/\d{4})?\s*[-/]\s*([A-ZĐ]+[a-zđ]?)\s*[-/]")
_BYLINE = re.compile(
    r"^(?:Tác giả(?: bài viết)?|Bài và ảnh|Bài, ảnh|Bài viết|Người viết|Tin, ảnh)\s*:\s*(.+)$", re.IGNORECASE
)
_ORG_SEPARATOR = re.compile(r"\s+[-–]\s+|\s*\(")
_WORD = re.compile(r"[^\W\d_]{2,}")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself; `date` is ISO yyyy-mm-dd."""

    title: str
    date: str | None
    author: str | None
    kind: str
    doc_numbers: tuple[str, ...]


def extract_metadata(raw: str, cleaned: str, *, title_hint: str | None = None) -> Metadata:
    """Metadata of one document from its cleaned text, with the raw text as a fallback for the date."""
    from index.docnumbers import find_document_numbers

    lines = [line.strip() for line in cleaned.split("\n") if line.strip()]
    title = _title(lines, title_hint)
    date = _date(lines) or _date([line.strip(" *#") for line in normalize_characters(raw).split("\n") if line.strip()])
    return Metadata(
        title=title,
        date=date,
        author=_author(lines),
        kind=_kind(title, lines, has_dateline=date is not None),
        doc_numbers=tuple(find_document_numbers(cleaned)),
    )


def _title(lines: list[str], hint: str | None) -> str:
    """The hint when it reads like a title, else a heading, a document-type header or the first headline."""
    hint = " ".join(normalize_characters(hint or "").split())
    if len(_WORD.findall(hint)) >= 2 and len(hint) <= 400 and not hint.startswith("|"):
        return hint  # a manifest "title" can be table debris such as "|"
    header = _header_lines(lines)
    for line in header[:5]:
        if line.startswith("# "):
            return _shorten(line[2:].strip())
    for i, line in enumerate(header):
        if _is_caps(line) and line.casefold().startswith(KINDS):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            subject = following if _is_caps(following) or following.casefold().startswith(("v/v", "về ")) else ""
            return _shorten(f"{line} {subject}".strip())
    for line in lines[:_HEAD_LINES]:
        line = line.lstrip("# ")
        if not is_dateline(line) and len(line.split()) >= 3 and " ; " not in line and not line.endswith(":"):
            return _shorten(line)
    return _shorten(lines[0]) if lines else ""


def _header_lines(lines: list[str]) -> list[str]:
    """Lines above the first full paragraph: where official documents put issuer, number, date and type."""
    header = []
    for line in lines[:40]:
        if len(line) > 200 and not _is_caps(line):
            break
        header.append(line)
    return header


def _date(lines: list[str]) -> str | None:
    """ISO date from a dateline near the top, else from a lead that opens with a date ("Chiều 05/7/2018")."""
    head = lines[:_HEAD_LINES]
    for line in head:
        if is_dateline(line) or _PLACE_DATELINE.match(line):
            found = _parse_date(line)
            if found:
                return found
    for line in head[:4]:
        if _LEAD_DATE.match(line):
            return _parse_date(line)
    return None


def _parse_date(text: str) -> str | None:
    """The first valid dd/mm/yyyy or "ngày d tháng m năm yyyy" date in text, as yyyy-mm-dd."""
    for pattern in (_NUMERIC_DATE, _WORDY_DATE):
        for match in pattern.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                if 1900 <= year <= 2100:
                    return datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def _author(lines: list[str]) -> str | None:
    """The byline ("Tác giả bài viết: ...") near the end, or a last line that is a person's name."""
    for line in reversed(lines[-10:]):
        byline = _BYLINE.match(line)
        if byline:
            return _ORG_SEPARATOR.split(byline.group(1), maxsplit=1)[0].strip() or None
    if not lines:
        return None
    name = _ORG_SEPARATOR.split(lines[-1], maxsplit=1)[0].strip()
    return name if _is_person_name(name) and len(lines[-1]) <= 120 else None


def _is_person_name(text: str) -> bool:
    """2-5 capitalised syllables, such as "Nguyễn Văn Thành" or "Hương Dịu"."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(_NAME_WORD.match(w) and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def _kind(title: str, lines: list[str], *, has_dateline: bool) -> str:
    """Kind from the title, else from the document's own number, else news when it carries a dateline."""
    folded = title.casefold().lstrip("# ")
    for kind in KINDS:
        if folded.startswith(kind):
            return kind
    for line in _header_lines(lines):
        number = _NUMBER_LINE.match(line)
        if number and number.group(1).upper() in _CODE_KINDS:
            return _CODE_KINDS[number.group(1).upper()]
    return NEWS if has_dateline else OTHER


def _is_caps(text: str) -> bool:
    """Written in capitals, with at least three letters."""
    return text.upper() == text and sum(c.isalpha() for c in text) >= 3


def _shorten(text: str) -> str:
    """A title cut to about _TITLE_CHARS at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= _TITLE_CHARS:
        return text
    return text[:_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:.-") + "…"
