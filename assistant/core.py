"""The Assistant: retrieve for a (possibly follow-up) question, answer from the passages, cite or refuse."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from assistant.conversation import History, context_of, standalone_query
from assistant.extractive import ExtractiveAnswerer, Picked, compose
from assistant.question import Question
from assistant.models import REFUSAL, Answer, Citation
from assistant.retrieval import Retriever
from index.filters import Filters
from index.models import Hit


class Assistant:
    """One question in, one cited answer (or an honest refusal) out."""

    def __init__(self, retriever: Retriever, *, idf, extractive: ExtractiveAnswerer | None = None, k: int = 10):
        self.retriever = retriever
        self.idf = idf  # callable: terms -> {term: idf}, from the lexical index
        self.extractive = extractive or ExtractiveAnswerer()
        self.k = k

    def answer(
        self, question: str, *, history: History = (), k: int | None = None, filters: Filters | None = None
    ) -> Answer:
        """Answer `question`, using `history` (oldest first) to complete a follow-up."""
        question = question.strip()
        if not question:
            raise ValueError("the question is empty")
        started = time.perf_counter()
        query = standalone_query(question, history)
        hits = self.retriever.retrieve(query, k=k or self.k, filters=filters)
        retrieved_at = time.perf_counter()
        parsed = Question.parse(question, context=context_of(question, history))
        picked = self.extractive.pick(parsed, hits, self.idf)
        timings = {"retrieve": retrieved_at - started, "answer": time.perf_counter() - retrieved_at}
        if not picked:
            return Answer(question=question, text=REFUSAL, abstained=True, retrieved=tuple(hits), timings=timings)
        text, numbered = compose(picked)
        return Answer(
            question=question, text=text, abstained=False, citations=citations(numbered),
            retrieved=tuple(hits), mode="extractive", timings=timings,
        )

    def stream(self, question: str, *, history: History = (), k: int | None = None, filters: Filters | None = None
               ) -> Iterator[str | Answer]:
        """Text pieces as they are ready, then the finished Answer as the last item."""
        answer = self.answer(question, history=history, k=k, filters=filters)
        for piece in _pieces(answer.text):
            yield piece
        yield answer


def citations(numbered: Sequence[tuple[int, Picked]]) -> tuple[Citation, ...]:
    """One citation per marker; its span covers the cited sentences of that passage, in document offsets."""
    spans: dict[int, tuple[Hit, int, int]] = {}
    for n, p in numbered:
        hit, start, end = spans.get(n, (p.hit, p.start, p.end))
        spans[n] = (hit, min(start, p.start), max(end, p.end))
    return tuple(
        Citation(
            n=n, chunk_id=hit.chunk_id, doc_id=hit.doc_id, title=hit.title, source=hit.source, date=hit.date,
            text=hit.text, start=hit.start + start, end=hit.start + end, score=hit.score,
        )
        for n, (hit, start, end) in sorted(spans.items())
    )


def _pieces(text: str) -> Iterator[str]:
    """Word-sized pieces that join back to `text` exactly."""
    word = ""
    for ch in text:
        word += ch
        if ch == " ":
            yield word
            word = ""
    if word:
        yield word
