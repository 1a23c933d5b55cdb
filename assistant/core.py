"""The Assistant: retrieve for a (possibly follow-up) question, answer from the passages, cite or refuse."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from assistant.conversation import History, context_of, standalone_query
from assistant.extractive import ExtractiveAnswerer, Picked, compose
from assistant.question import Question
from assistant.quiz import Quiz
from assistant.models import REFUSAL, Answer, Citation
from assistant.retrieval import Retriever
from index.filters import Filters
from index.models import Hit

Idf = Callable[[Iterable[str]], dict[str, float]]  # terms -> {term: idf}, from the lexical index


class Answerer(Protocol):
    """Writes the answer to a parsed question from the retrieved passages: cited, or the refusal.

    `context` is the earlier text a follow-up borrows its subject from. The Assistant fills in the Answer's
    question (as asked), `retrieved` and `timings`.
    """

    def answer(self, question: Question, hits: list[Hit], *, idf: Idf, context: str = "") -> Answer: ...


class Extractive:
    """The default Answerer: the sentences the ExtractiveAnswerer picks, quoted and cited, or the refusal."""

    def __init__(self, extractive: ExtractiveAnswerer | None = None) -> None:
        self.extractive = extractive or ExtractiveAnswerer()

    def answer(self, question: Question, hits: list[Hit], *, idf: Idf, context: str = "") -> Answer:
        """The picked sentences, each followed by its passage's marker; the refusal when none is good enough."""
        picked = self.extractive.pick(question, hits, idf)
        if not picked:
            return Answer(question=question.text, text=REFUSAL, abstained=True)
        text, numbered = compose(picked)
        return Answer(question=question.text, text=text, abstained=False, citations=citations(numbered))


class Assistant:
    """One question in, one cited answer (or an honest refusal) out."""

    def __init__(self, retriever: Retriever, *, idf: Idf, extractive: ExtractiveAnswerer | None = None,
                 answerer: Answerer | None = None, k: int = 10, restore: Callable[[str], str] | None = None,
                 rerank: int = 3):
        self.retriever = retriever
        self.idf = idf
        # Puts back the diacritics of a question typed without them ("dang vien du bi" → "đảng viên dự bị") and the
        # capitals of the names in one typed all in lower case ("… thi tran nghen" → "… thị trấn Nghèn"), so the
        # question's rules read the words and names they know; None reads it as typed. The retriever restores its
        # query itself (BM25 ignores case).
        self.restore = restore
        self.extractive = extractive or ExtractiveAnswerer()
        self.answerer = answerer or Extractive(self.extractive)
        self.k = k
        # How many of the first retrieved passages are listed in `Answer.retrieved` by how well their best sentence
        # answers (ExtractiveAnswerer.rank); 0 lists them as the retriever ranked them. The answer itself is written
        # from the retriever's order: the refusal threshold was calibrated on it (NOTES.md, stop 32).
        self.rerank = rerank

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
        asked = question
        if self.restore is not None:
            history = tuple((self.restore(user), reply) for user, reply in history)
            question = self.restore(question)
        context = context_of(question, history)
        parsed = Question.parse(question, context=context)
        answer = self.answerer.answer(parsed, hits, idf=self.idf, context=context)
        # A quiz keeps the retriever's order: its options rule reads the options, the sentences' scores only the stem
        # (linked set with options, hit@1 0.79 → 0.62 if reordered).
        depth = 0 if Quiz.parse(asked) else self.rerank
        listed = self.extractive.rank(parsed, hits, self.idf, depth=depth)
        timings = {"retrieve": retrieved_at - started, "answer": time.perf_counter() - retrieved_at}
        return replace(answer, question=asked, retrieved=tuple(listed), timings=timings)

    def stream(self, question: str, *, history: History = (), k: int | None = None, filters: Filters | None = None
               ) -> Iterator[str | Answer]:
        """Text pieces, then the finished Answer as the last item.

        The answer is written in full first (a generated one must be verified whole before any of it is shown),
        then its text is given in word-sized pieces.
        """
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
