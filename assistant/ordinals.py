"""Which term, plenum or congress a text speaks of: "khóa XIII", "Hội nghị Trung ương 16", "Hội nghị lần thứ nhất",
"Đại hội XIV", "Đại hội đại biểu Đảng bộ thành phố lần thứ I".

A question about "Hội nghị Trung ương 16" is not answered by a passage about the first plenum, and its "16" must not
be satisfied by the day in "16-17/01/2021"; so these ordinals are compared as ordinals, not as plain figures.
"""

from __future__ import annotations

import re

from index.text import fold

TERM, PLENUM, CONGRESS, SESSION = "khoa", "hoi nghi", "dai hoi", "ky hop"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORDS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10,
}
_UNIT_VALUES = {"lam": 5, **_WORDS}  # after "mười", "mươi": "mười lăm" is 15
_FIGURE = r"[IVXLC]+\b|\d{1,2}\b(?![/.,-]\d)"  # "XIII", "16"; not the "16" of "16-17/01/2021"
_UNITS = r"(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin)"
# "mười bảy", "hai mươi tư" (24), "ba mươi": the tens first, so "hai mươi tư" is not read as "hai"
_WORDS_NUMBER = (
    rf"(?:(?:hai|ba|bon|tu|nam|sau|bay|tam|chin) muoi(?: {_UNITS})?"
    rf"|(?:muoi|nhat|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin)(?: {_UNITS})?)\b"
)
_BETWEEN = r"(?:[^\n.;:?!]|\.(?=\S)){0,60}?"  # up to "lần thứ" within one sentence ("TP.HCM" is no full stop)
# Read on folded text with its case kept (so "XIII" stays a Roman numeral and "lần thứ" is "lan thu").
_ORDINAL = re.compile(
    rf"\b(?:(?P<term>[Kk]hoa)\s+(?P<n1>{_FIGURE})"
    rf"|(?P<plenum>[Hh]oi nghi)\s+(?:(?:[Bb]an [Cc]hap hanh |BCH )?(?:[Tt]rung uong|TW)\s+(?:[Dd]ang\s+)?)?"
    rf"(?:lan thu\s+)?(?P<n2>{_FIGURE})"
    rf"|(?P<congress>[Dd]ai hoi)\s+(?:{_BETWEEN}\blan thu\s+)?(?P<n3>{_FIGURE})"
    rf"|(?P<session>[Kk]y hop)\s+(?:lan\s+)?thu\s+(?P<n4>{_FIGURE}|{_WORDS_NUMBER}))"
)
# A number in words only after "lần thứ" ("lần thứ nhất", "lần thứ mười bảy"), where "năm" means five, not year.
_WORD_ORDINAL = re.compile(rf"\b(?P<head>[Hh]oi nghi|[Dd]ai hoi)\b{_BETWEEN}\blan thu\s+(?P<n>{_WORDS_NUMBER})")
# The first cell of a table row ("Mười lăm ; 16-17/01/2021 ; ..."), in any case.
_ROW = re.compile(rf"^\s*({_FIGURE}|(?i:{_WORDS_NUMBER}))\s*;", re.MULTILINE)


def ordinals(text: str) -> set[tuple[str, int]]:
    """Every (kind, number) the text names: ("khoa", 13) for "khóa XIII", ("hoi nghi", 16) for "Hội nghị Trung
    ương 16", ("dai hoi", 1) for "Đại hội ... lần thứ I"."""
    return {(kind, value) for kind, value, _ in _matches(text)}


def table_ordinals(heading: str, text: str) -> set[tuple[str, int]]:
    """Plenums numbered by the first cell of a table's rows under a heading about plenums ("... > Các hội nghị
    Trung ương Đảng": "Mười lăm ; 16-17/01/2021 ; 2 ngày ; Thảo luận ...")."""
    section = fold(heading.rsplit(">", 1)[-1].lower())
    if "hoi nghi" not in section:
        return set()
    found = set()
    for match in _ROW.finditer(fold(text)):
        value = _value(match.group(1))
        if value:
            found.add((PLENUM, value))
    return found


def without_ordinals(text: str) -> str:
    """The text with the numbers of its ordinals blanked out, so they are not also read as plain figures."""
    chars = list(text)
    for _, _, (start, end) in _matches(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _matches(text: str) -> list[tuple[str, int, tuple[int, int]]]:
    folded = fold(text)  # length-preserving, so spans index the original text
    found = []
    for match in _ORDINAL.finditer(folded):
        kind = (TERM if match.group("term") else PLENUM if match.group("plenum")
                else SESSION if match.group("session") else CONGRESS)
        group = next(g for g in ("n1", "n2", "n3", "n4") if match.group(g))
        value = _value(match.group(group))
        if value:
            found.append((kind, value, match.span(group)))
    for match in _WORD_ORDINAL.finditer(folded):
        value = _value(match.group("n"))
        if value:
            kind = PLENUM if match.group("head").lower() == PLENUM else CONGRESS
            found.append((kind, value, match.span("n")))
    return found


def _value(token: str) -> int | None:
    """1..99 from "XIII", "16", "nhat", "muoi bay", "hai muoi tu"; None for anything else."""
    if token.isdigit():
        return int(token) or None
    if token.isupper() and set(token) <= set(_ROMAN):
        return _roman(token)
    words = token.lower().split()
    if not words:
        return None
    if words[0] == "muoi":
        rest = words[1] if len(words) > 1 else None
        return 10 + (_UNIT_VALUES.get(rest, 0) if rest else 0)
    if len(words) > 1 and words[1] == "muoi" and words[0] in _WORDS:  # "hai mươi tư": 24
        rest = words[2] if len(words) > 2 else None
        return 10 * _WORDS[words[0]] + (_UNIT_VALUES.get(rest, 0) if rest else 0)
    return _WORDS.get(words[0]) if len(words) == 1 else None


def _roman(token: str) -> int | None:
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(token) and _ROMAN[token[i + 1]] > value else value
    return total if 0 < total < 100 else None
