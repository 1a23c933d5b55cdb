"""Find Party (17-NQ/TU) and State (30/2020/NĐ-CP) document numbers and give them one canonical spelling."""

from __future__ import annotations

import re

from index.text import nfc, strip_invisible

_UPPER = "A-ZĐÐ"  # "Đ" is not in [A-Z]; scraped text sometimes has the eth "Ð" instead
_LOWER = "a-zđð"
_DASHES = "\\-–—‑"
_SPACE = r"[^\S\n]*"  # spaces but not line breaks: "17 - NQ/TU", "366- QĐ/TW"
# A type or body code: NQ, QĐ, HD, BTCTW, UBTVQH15, QH14, and the mixed-case QĐi, TTg, CTr, TTr.
_CODE = rf"[{_UPPER}]+(?:[{_LOWER}][{_UPPER}]*)?\d*"
_BODY = rf"{_CODE}(?:[{_DASHES}]{_CODE})*"
_YEAR = r"(?:1[89]|20)\d\d"
# The number: 1-6 digits not glued to a letter, digit, slash, dot, comma or dash before it. It starts with a
# plain \d (the lookbehind comes after it) because a leading lookbehind makes the scan several times slower.
_NUMBER = rf"\d(?<![0-9A-Za-z/.,{_DASHES}]\d)\d{{0,5}}"
# Party form: N-TYPE/BODY (17-NQ/TU, 45-HD/BTCTW, 2937-CV/ĐCSKT-MT).
_PARTY = rf"{_SPACE}[{_DASHES}]{_SPACE}{_CODE}{_SPACE}/{_SPACE}{_BODY}"
# State form: N/YYYY/TYPE-BODY (30/2020/NĐ-CP, 59/2020/QH14) or, without a year, N/TYPE-BODY (17/CT-UBND);
# the year or the hyphen is required, so "3/TW" or plain dates and ratios (17/2/2016, 9/15) never match.
_STATE = rf"{_SPACE}/{_SPACE}(?:{_YEAR}{_SPACE}/{_SPACE}{_BODY}|{_CODE}(?:[{_DASHES}]{_CODE})+)"

DOC_NUMBER_PATTERN: re.Pattern[str] = re.compile(rf"{_NUMBER}(?:{_PARTY}|{_STATE})(?!\w)")

_SPACED_SEPARATOR = re.compile(rf"\s*([/{_DASHES}])\s*")
_TO_HYPHEN = str.maketrans({"–": "-", "—": "-", "‑": "-", "Ð": "Đ"})


def canonical_document_number(s: str) -> str:
    """Upper-case, Đ for ð/Ð, hyphen for dashes and no spaces around '-' or '/': '17 – nq/tu' → '17-NQ/TU'."""
    s = nfc(strip_invisible(s)).strip().upper().translate(_TO_HYPHEN)
    return _SPACED_SEPARATOR.sub(r"\1", s)


def find_document_numbers(text: str) -> list[str]:
    """Canonical document numbers in the order they first appear, without repeats."""
    found = (canonical_document_number(m.group()) for m in DOC_NUMBER_PATTERN.finditer(nfc(strip_invisible(text))))
    return list(dict.fromkeys(found))


def document_number_spans(text: str) -> list[tuple[int, int]]:
    """Where document numbers stand in `text`, as (start, end) offsets; pass it upper-cased to find "17-nq/tu" too."""
    return [m.span() for m in DOC_NUMBER_PATTERN.finditer(text)]


def within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` falls inside one of `spans` (as `document_number_spans` gives them)."""
    return any(start <= position < end for start, end in spans)
