"""Pure scoring functions: evidence ranks, hit@k and MRR, answer containment, syllable F1, rates and percentiles."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from index.text import normalize_for_match

_SYLLABLE = re.compile(r"\w+")


def syllables(text: str) -> list[str]:
    """The normalised syllables (word-character runs) of text: 'Đảng uỷ, 17-NQ/TU' -> đảng ủy 17 nq tu."""
    return _SYLLABLE.findall(normalize_for_match(text))


def contains(haystack: str, needle: str) -> bool:
    """True when needle occurs in haystack after normalisation, not inside a longer word or number.

    A table cell border "|" matches the " ; " the cleaner writes between cells (index/cleaning.py), so evidence
    quoted from a document's Markdown table ("Bộ Y tế | Phạm Ngọc Thạch") is found in the passage made of it."""
    needle = _match_form(needle)
    if not needle:
        return False
    # Word edges only where the needle itself starts or ends with a word character: normalisation drops the
    # spaces around punctuation, so "60% cán bộ" becomes "60%cán bộ" and "60%" must still match there.
    before = r"(?<!\w)" if _SYLLABLE.match(needle[0]) else ""
    after = r"(?!\w)" if _SYLLABLE.match(needle[-1]) else ""
    return re.search(before + re.escape(needle) + after, _match_form(haystack)) is not None


def _match_form(text: str) -> str:
    return normalize_for_match(text.replace("|", ";"))


def evidence_rank(texts: Sequence[str], evidence: str, *also: str) -> int | None:
    """1-based rank of the first text that contains the evidence (or one of the `also` excerpts, other documents'
    wording of the same answer), or None when none does.

    A full stop (or ; : ! ? …) ending the evidence is not part of it: "Trần Phú được bầu làm Tổng Bí thư đầu tiên."
    is quoted from one document and is still present in another's "... Tổng Bí thư đầu tiên của Đảng."
    """
    excerpts = [e.rstrip().rstrip(".;:!?…").rstrip() or e for e in (evidence, *also)]
    for rank, text in enumerate(texts, 1):
        if any(contains(text, e) for e in excerpts):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> bool:
    """Whether the evidence was found within the first k results."""
    return rank is not None and rank <= k


def reciprocal_rank(rank: int | None, *, k: int = 10) -> float:
    """1/rank when the evidence is within the first k results, else 0."""
    return 1.0 / rank if hit_at(rank, k) else 0.0


def syllable_recall(prediction: str, gold: str) -> float:
    """Share of the gold answer's syllables (counted with multiplicity) that the prediction also has."""
    gold_counts = Counter(syllables(gold))
    if not gold_counts:
        return 0.0
    overlap = sum((gold_counts & Counter(syllables(prediction))).values())
    return overlap / sum(gold_counts.values())


def answer_correct(prediction: str, golds: Iterable[str], *, threshold: float = 0.8, strict: bool = False) -> bool:
    """A gold answer is contained in the prediction, or (unless strict) at least `threshold` of its syllables are."""
    for gold in golds:
        if contains(prediction, gold):
            return True
        if not strict and syllable_recall(prediction, gold) >= threshold:
            return True
    return False


def token_f1(prediction: str, golds: Iterable[str]) -> float:
    """SQuAD-style F1 over normalised syllables, best over the gold answers."""
    predicted = Counter(syllables(prediction))
    best = 0.0
    for gold in golds:
        gold_counts = Counter(syllables(gold))
        overlap = sum((predicted & gold_counts).values())
        if overlap:
            precision = overlap / sum(predicted.values())
            recall = overlap / sum(gold_counts.values())
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


def mean(values: Iterable[float | bool]) -> float | None:
    """Arithmetic mean (booleans count as 0/1), or None for no values."""
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between closest ranks, or None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
