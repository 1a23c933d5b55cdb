"""Vietnamese text normalisation: Unicode form, invisible characters, tone-mark placement and diacritic folding."""

from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng

_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF]
)
_SPACES = {cp: " " for cp in [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]}
_LINE_BREAKS = {0x2028: "\n", 0x2029: "\n"}
_ETH = {0x00F0: "đ", 0x00D0: "Đ"}  # scraped text uses the Icelandic eth for đ/Đ
_STRIP_TABLE = {**_INVISIBLE, **_SPACES, **_LINE_BREAKS, **_ETH}
_TO_STRIP = re.compile("[" + "".join(map(chr, sorted(_STRIP_TABLE))) + "]")
# Blocks in which every character is already NFC and cannot combine with its neighbour (no combining marks,
# no Hangul jamo, no singletons such as U+212B): text made only of these skips the slow normalize() call.
_NFC_SAFE = "\x00-\u02ff\u1e00-\u1eff\u2010-\u206f\u20a0-\u20bf\u2190-\u22ff\u2460-\u25ff\u4e00-\u9fff\uff01-\uff5e"
_MAYBE_NOT_NFC = re.compile(f"[^{_NFC_SAFE}]")

_VIETNAMESE_BASES = "aăâeêioôơuưy"


def _build_fold_table() -> dict[int, str]:
    """Map every precomposed Latin letter with marks to its bare ASCII letter, and đ/ð to d."""
    table: dict[int, str] = {}
    for cp in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        decomposed = unicodedata.normalize("NFD", chr(cp))
        if len(decomposed) > 1 and decomposed[0].isascii() and decomposed[0].isalpha():
            table[cp] = decomposed[0]
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"})
    return table


def _build_marked_letters() -> str:
    """Every Vietnamese letter that carries a mark (tone, breve, circumflex, horn) or is đ, both cases."""
    letters = {"đ", "Đ", "ð", "Ð"}
    for base in _VIETNAMESE_BASES:
        for tone in ["", *_TONE_MARKS]:
            for letter in (base, base.upper()):
                composed = unicodedata.normalize("NFC", letter + tone)
                if not composed.isascii():
                    letters.add(composed)
    return "".join(sorted(letters))


def _build_tone_moves() -> dict[str, str]:
    """Pairs with the mark on the second vowel ('oà', 'uỷ', ...) and their 'òa', 'ủy' spellings, all cases."""
    moves: dict[str, str] = {}
    for first, seconds in (("o", "ae"), ("u", "y")):
        for f in (first, first.upper()):
            for s in seconds + seconds.upper():
                for tone in _TONE_MARKS:
                    old = f + unicodedata.normalize("NFC", s + tone)
                    moves[old] = unicodedata.normalize("NFC", f + tone) + s
    return moves


_FOLD_TABLE = _build_fold_table()
_MARKED_LETTER = re.compile(f"[{_build_marked_letters()}]")
_TONE_MOVES = _build_tone_moves()
# Only at a syllable end ("hoàng", "toàn", "thoại" keep their mark) and never after q ("quý", "quỹ": qu + y).
# The target is the 'hòa', 'ủy' spelling: the project's choice, and the majority in the corpus
# (9,894 "ủy" against 1,797 "uỷ"; 4,463 "hòa" against 2,803 "hoà").
_MARKED_A_E = "".join(sorted({old[1] for old in _TONE_MOVES if old[0] in "oO"}))
_MARKED_Y = "".join(sorted({old[1] for old in _TONE_MOVES if old[0] in "uU"}))
# Written to start with a plain character class: this is several times faster than a leading lookbehind.
_MARK_ON_SECOND_VOWEL = re.compile(
    rf"[oOuU](?<![qQ][uU])(?:(?<=[oO])[{_MARKED_A_E}]|(?<=[uU])[{_MARKED_Y}])(?![^\W\d_])"
)

# Dashes, curly quotes and the ellipsis get one spelling; "*" (Markdown emphasis in the corpus) is dropped.
_PUNCT_EQUIVALENTS = str.maketrans(
    {"–": "-", "—": "-", "‒": "-", "‑": "-", "−": "-", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"}
    | {"…": "...", "*": None}
)
_WHITESPACE = re.compile(r"\s+")
_SPACED_PUNCT = re.compile(r" ?([^\w\s]) ?")


def nfc(text: str) -> str:
    """Compose the text to Unicode NFC, so 'quyết' is one code point per letter."""
    if _MAYBE_NOT_NFC.search(text) is None:
        return text
    return unicodedata.normalize("NFC", text)


def strip_invisible(text: str) -> str:
    """Drop zero-width characters and soft hyphens, turn exotic spaces into ' ' and eth (ð/Ð) into đ/Đ."""
    return _TO_STRIP.sub(lambda m: _STRIP_TABLE[ord(m.group())] or "", text)


def normalize_tones(text: str) -> str:
    """Put the tone mark of a final oa/oe/uy on its first vowel ('uỷ'→'ủy', 'hoà'→'hòa'); length-preserving on NFC."""
    return _MARK_ON_SECOND_VOWEL.sub(lambda m: _TONE_MOVES[m.group()], text)


def fold(text: str) -> str:
    """Remove diacritics from precomposed letters (đ→d, Đ→D); length-preserving on NFC input."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def normalize_for_search(text: str) -> str:
    """NFC, invisible characters stripped and tone marks unified; case is kept."""
    return normalize_tones(nfc(strip_invisible(text)))


def normalize_for_match(text: str) -> str:
    """Canonical form for 'evidence is contained in chunk' checks: lower case, one space, no spaces at punctuation."""
    text = normalize_for_search(text).lower().translate(_PUNCT_EQUIVALENTS)
    text = _WHITESPACE.sub(" ", text)
    return _SPACED_PUNCT.sub(r"\1", text).strip()


def has_diacritics(text: str) -> bool:
    """True if any letter carries a Vietnamese mark or is đ."""
    return _MARKED_LETTER.search(nfc(text)) is not None
