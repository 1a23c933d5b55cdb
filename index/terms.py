"""BM25 terms for Vietnamese: syllables, in-clause syllable bigrams, diacritic-folded copies, whole numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.docnumbers import DOC_NUMBER_PATTERN, canonical_document_number
from index.text import fold, has_diacritics, normalize_for_search

FOLDED = "~"  # prefix of a diacritic-folded term: "~dang", "~dang_vien", "~#30/2020/nd-cp"
DOC_NUMBER = "#"  # prefix of a whole document number: "#17-nq/tu"
BIGRAM_JOINER = "_"

# A syllable is a maximal run of letters and digits; stray combining marks stay inside it. Bigrams never
# bridge punctuation, symbols or a blank line (these match with an empty group); a single line break does
# not end a clause because the corpus hard-wraps lines mid-sentence. "_" is replaced by "|" beforehand, so
# that the syllable class can be one fast character class.
_SYLLABLE_OR_BREAK = re.compile(r"([\w\u0300-\u036f]+)|[^\w\s\u0300-\u036f]+|\n\s*\n")
# Figures and dates written with separators ("99,2", "1.000", "17/2/2016", "2020 - 2025") are also kept whole.
_COMPOUND_NUMBER = re.compile(r"\d(?<![\w.,/-]\d)\d*(?:(?:[.,]|[^\S\n]*[-–—/][^\S\n]*)\d+)+(?!\w|[.,/-]\d)")
_NUMBER_SPACING = re.compile(r"[^\S\n]*([-–—/])[^\S\n]*")
_COMBINING = re.compile(r"[\u0300-\u036f]")

_bare_cache: dict[str, str] = {"": ""}


def document_terms(text: str) -> list[str]:
    """Terms of a passage: exact and folded syllables and bigrams, whole figures and whole document numbers."""
    normalized = normalize_for_search(text)
    numbers = _document_numbers(normalized)
    lowered = normalized.lower()
    exact, folded = _syllable_terms(lowered)
    figures = _compound_numbers(lowered)
    return exact + folded + figures + [FOLDED + f for f in figures] + _document_number_terms(numbers)


def query_terms(text: str) -> list[str]:
    """Terms of a query, without repeats; a query typed without diacritics gets folded terms only."""
    normalized = normalize_for_search(text)
    numbers = _document_numbers(normalized.upper())  # users type "17-nq/tu" too
    lowered = normalized.lower()
    exact, folded = _syllable_terms(lowered)
    figures = _compound_numbers(lowered)
    terms = folded + [FOLDED + f for f in figures] + _document_number_terms(numbers)
    if has_diacritics(normalized):
        terms = exact + figures + terms
    return list(dict.fromkeys(terms))


def tokenize_corpus(texts: Iterable[str]) -> list[list[str]]:
    """document_terms of each text, in the list-of-token-lists shape that bm25s.BM25.index accepts."""
    return [document_terms(text) for text in texts]


def _syllable_terms(lowered: str) -> tuple[list[str], list[str]]:
    """Exact and folded syllables plus their in-clause bigrams."""
    # One pass over the whole text: syllables, with "" standing for each clause break.
    tokens = _SYLLABLE_OR_BREAK.findall(lowered.replace("_", "|"))
    bare = _bare_all(tokens)
    exact = [t for t in tokens if t]
    exact += [a + BIGRAM_JOINER + b for a, b in zip(tokens, tokens[1:]) if a and b]
    folded = [FOLDED + b for b in bare if b]
    folded += [FOLDED + a + BIGRAM_JOINER + b for a, b in zip(bare, bare[1:]) if a and b]
    return exact, folded


def _bare_all(tokens: list[str]) -> list[str]:
    """Each token without diacritics; memoised because the vocabulary is small and the corpus is not."""
    cache = _bare_cache
    if len(cache) > 1_000_000:  # bounded: a stream of random strings must not grow it forever
        cache.clear()
        cache[""] = ""
    for token in set(tokens).difference(cache):
        cache[token] = _COMBINING.sub("", fold(token))
    return [cache[t] for t in tokens]


def _compound_numbers(lowered: str) -> list[str]:
    """Figures with internal separators, spaces around dashes and slashes removed, dashes as '-'."""
    return [_canonical_figure(n) for n in _COMPOUND_NUMBER.findall(lowered)]


def _canonical_figure(figure: str) -> str:
    """'2020 – 2025' → '2020-2025'; '17 / 2 / 2016' → '17/2/2016'."""
    return _NUMBER_SPACING.sub(lambda m: "/" if m.group(1) == "/" else "-", figure)


def _document_numbers(normalized: str) -> list[str]:
    """Canonical document numbers at every occurrence in already-normalised text (repeats count in BM25)."""
    return [canonical_document_number(m.group()) for m in DOC_NUMBER_PATTERN.finditer(normalized)]


def _document_number_terms(numbers: list[str]) -> list[str]:
    """'#17-nq/tu' and '~#17-nq/tu' for each number, so '30/2020/ND-CP' typed plainly still matches."""
    terms: list[str] = []
    for number in numbers:
        lowered = number.lower()
        terms += [DOC_NUMBER + lowered, FOLDED + DOC_NUMBER + fold(lowered)]
    return terms
