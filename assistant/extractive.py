"""The offline answerer: the one to three source sentences that best answer the question, each cited."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index.models import Hit
from index.sentences import split_sentences
from index.terms import FOLDED, query_terms
from index.text import fold

# Question words and function words: they say what is asked, not what to look for.
_STOP = frozenset(
    fold(w)
    for w in (
        "bao nhiêu mấy gì nào ai đâu sao không có là của được đã đang sẽ và với các những một trong cho về tại ở "
        "thì mà như thế nào hay hoặc bị do vì khi nơi cái chiếc này đó ấy hãy cho biết xin hỏi theo từ đến"
    ).split()
)
_NUMBER = re.compile(r"\d")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bngày \d|\bnăm \d{4}|\btháng \d")
_NAME = re.compile(r"\b[A-ZĐ][\w]+(?: [A-ZĐ][\w]+){1,4}")
_ASKS_NUMBER = re.compile(r"bao nhi[eê]u|m[aấ]y\b|t[yỷỉ] l[eệ]|ph[aầ]n tr[aă]m|bao l[aâ]u", re.I)
_ASKS_DATE = re.compile(r"khi n[aà]o|ng[aà]y n[aà]o|n[aă]m n[aà]o|th[oờ]i gian n[aà]o|bao gi[oờ]|th[aá]ng n[aà]o", re.I)
_ASKS_PERSON = re.compile(r"\bai\b", re.I)


@dataclass(frozen=True)
class Picked:
    """A chosen sentence: which hit it comes from, its span inside the hit's text, and its score."""

    hit: Hit
    start: int
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.hit.text[self.start : self.end]


def weighted_terms(question: str, context: str, idf: Callable[[Iterable[str]], dict[str, float]]) -> dict[str, float]:
    """Folded query terms weighted by idf; terms only in the borrowed context count half."""
    weights: dict[str, float] = {}
    for text, factor in ((context, 0.5), (question, 1.0)):
        terms = [t for t in query_terms(text) if _content(t)]
        for term, value in idf(terms).items():
            weights[term] = max(weights.get(term, 0.0), value * factor)
    return weights


def _content(term: str) -> bool:
    """Folded terms (and document numbers) that are not question or function words."""
    if not term.startswith(FOLDED):
        return term.startswith("#")
    parts = term[len(FOLDED):].split("_")
    return not all(part in _STOP for part in parts)


class ExtractiveAnswerer:
    """Scores every sentence of the top hits by weighted term coverage and answer type; never writes a word."""

    def __init__(self, *, max_sentences: int = 3, min_score: float = 0.45, hits_considered: int = 5) -> None:
        self.max_sentences = max_sentences
        self.min_score = min_score
        self.hits_considered = hits_considered

    def pick(self, question: str, hits: list[Hit], weights: dict[str, float]) -> list[Picked]:
        """The chosen sentences in reading order; empty when none reaches `min_score` (a refusal)."""
        total = sum(weights.values())
        if not hits or total <= 0:
            return []
        candidates = []
        for rank, hit in enumerate(hits[: self.hits_considered]):
            context_terms = set(query_terms(f"{hit.title} {hit.heading}"))
            for start, end in split_sentences(hit.text):
                sentence = hit.text[start:end]
                score = self._score(question, sentence, weights, total, context_terms) - 0.02 * rank
                candidates.append(Picked(hit, start, end, score))
        candidates.sort(key=lambda p: -p.score)
        best = candidates[0] if candidates else None
        if best is None or best.score < self.min_score:
            return []
        chosen = [best]
        for other in candidates[1:]:
            if len(chosen) >= self.max_sentences or other.score < max(self.min_score, 0.9 * best.score):
                break
            if not any(_overlaps(other, c) for c in chosen):
                chosen.append(other)
        return sorted(chosen, key=lambda p: (hits.index(p.hit), p.start))

    def _score(self, question: str, sentence: str, weights: dict[str, float], total: float, context: set[str]) -> float:
        terms = set(query_terms(sentence))
        covered = sum(w if t in terms else 0.5 * w if t in context else 0.0 for t, w in weights.items())
        return covered / total + _type_bonus(question, sentence)


def _type_bonus(question: str, sentence: str) -> float:
    """A small bonus when the sentence holds the kind of thing asked for (a figure, a date, a name)."""
    folded = fold(question.lower())
    if _ASKS_DATE.search(question) or _ASKS_DATE.search(folded):
        return 0.1 if _DATE.search(sentence) else -0.05
    if _ASKS_NUMBER.search(question) or _ASKS_NUMBER.search(folded):
        return 0.1 if _NUMBER.search(sentence) else -0.05
    if _ASKS_PERSON.search(folded):
        return 0.1 if _NAME.search(sentence) else 0.0
    return 0.0


def _overlaps(a: Picked, b: Picked) -> bool:
    return a.hit.chunk_id == b.hit.chunk_id and a.start < b.end and b.start < a.end


def compose(picked: list[Picked]) -> tuple[str, list[tuple[int, Picked]]]:
    """Answer text with a marker after each sentence; sentences of one passage share its marker."""
    markers: dict[str, int] = {}
    numbered, parts = [], []
    for p in picked:
        n = markers.setdefault(p.hit.chunk_id, len(markers) + 1)
        numbered.append((n, p))
        parts.append(f"{p.text.strip()} [{n}]")
    return " ".join(parts), numbered
