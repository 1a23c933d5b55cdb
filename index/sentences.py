"""Split Vietnamese text into sentence spans without breaking abbreviations, dates, numbers or clause numbering."""

from __future__ import annotations

import re

# Sentence-final punctuation, closing quotes or brackets, then the whitespace before the next sentence.
_BOUNDARY = re.compile(r"([.!?…]+)[\"”’»)\]]*(\s+)(?=\S)")
# A full stop or semicolon with no space before a capital, after a word in lower case: a line break the scrape or
# the cleaning lost ("… thạc sĩ quản trị kinh doanh;**Ngày 28/9/2020 – Đại hội …" once its bold marks are gone, "…
# thành phố Cao Bằng.Sinh ra, …"). Not after a short word ("Kh.Trình", "Ng.Ái Quốc": initials) nor in "TP.HCM".
_GLUED = re.compile(r"(?<=[^\W\d_]{3})([.;])()(?=[^\W\d_])")
_OPENERS = "\"“‘«(["
_ABBREVIATIONS = {
    "TP", "Tp", "tp", "TX", "TT", "Th", "ThS", "Ths", "TS", "PGS", "GS", "BS", "KS", "CN", "NXB", "Nxb",
    "tr", "Tr", "St", "ST", "Mr", "Mrs", "Dr", "Đ/c", "đ/c", "TSKH", "PTS", "Tel", "ĐT", "vv", "Ô", "Bà",
}
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}")  # Th.S, PGS.TS, v.v, TP.HCM
_NUMBERING = re.compile(r"[\dIVXLC]+(?:\.\d+)*|[a-zđ]")  # "1", "1.2", "IV", "a" opening a line
_NUMBER = re.compile(r"\d+[a-zđ]?")
_STRUCTURE_WORDS = {"điều", "khoản", "mục", "chương", "điểm", "phần", "tiểu mục"}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in text, whitespace excluded; a line break always ends one."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + start, offset + end) for start, end in _line_sentences(line))
        offset += len(line) + 1
    return spans


def _line_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans inside one line."""
    start = len(line) - len(line.lstrip())
    if start == len(line):
        return []
    spans = []
    glued = (m for m in _GLUED.finditer(line) if line[m.start() - 1].islower() and line[m.end()].isupper())
    for match in sorted((*_BOUNDARY.finditer(line), *glued), key=lambda m: m.start()):
        following = line[match.end()]
        if following in "-–" and _opens_item(line, match.end()):
            pass  # "… xã hội". - Ngày 14 tháng 5 năm 1979, …": a list run into one line, an item after a sentence
        elif not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue  # "…" or "." followed by lower case continues the sentence
        if match.group(1) == "." and _is_abbreviation(line, match.start(1), sentence_start=start):
            continue
        if match.start(2) > start:
            spans.append((start, match.start(2)))
        start = match.end()
    end = len(line.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def _opens_item(line: str, dash: int) -> bool:
    """Whether the dash at `dash` opens a list item: "- " and then a capital or a digit."""
    item = line[dash + 1 : dash + 3]
    return len(item) == 2 and item[0] == " " and (item[1].isupper() or item[1].isdigit())


def _is_abbreviation(line: str, dot: int, *, sentence_start: int) -> bool:
    """Whether the period at `dot` belongs to an abbreviation, an initial or a clause number."""
    token_start = line.rfind(" ", 0, dot) + 1
    token = line[token_start:dot].lstrip("(")
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isupper()) or _DOTTED.fullmatch(token):
        return True
    if token_start == sentence_start and _NUMBERING.fullmatch(token):
        return True  # "1. Đảng viên ...", "1.2. Chịu ...", "II. Nhiệm vụ ..." opening a sentence
    if _NUMBER.fullmatch(token):
        before = line[:token_start].rstrip().rsplit(" ", 1)[-1].casefold()
        return before in _STRUCTURE_WORDS  # "Điều 5. Người ..." is one unit, not two sentences
    return False
