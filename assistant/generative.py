"""The generative answerer: a LangChain chat model writes from numbered passages; only what verifies is kept."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from assistant.core import Extractive, Idf
from assistant.extractive import ExtractiveAnswerer
from assistant.models import REFUSAL, Answer, Citation
from assistant.question import Question
from assistant.verify import Claim, renumber, verify
from index.models import Hit
from index.sentences import split_sentences
from index.terms import query_terms

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

SYSTEM = (
    "Bạn là trợ lý trả lời câu hỏi về văn kiện của Đảng. Chỉ dùng thông tin trong các đoạn trích được đánh số "
    "mà người dùng gửi; không dùng hiểu biết riêng. Ghi số của đoạn trích làm căn cứ trong ngoặc vuông ngay sau "
    "mỗi câu, ví dụ: \"... 95 đảng viên [1].\" Chép đúng nguyên văn mọi con số, ngày tháng và số hiệu văn bản. "
    f"Nếu các đoạn trích không có câu trả lời, chỉ viết đúng một câu: \"{REFUSAL}\" "
    "Trả lời ngắn gọn bằng tiếng Việt, nhiều nhất ba câu."
)
# One worked exchange before the real question: without it the small local model answered well but left out the
# [n] markers, and every sentence was removed.
EXAMPLE = (
    "Các đoạn trích:\n\n[1] Báo cáo chính trị — 5/3/2020\nNăm 2019, Đảng bộ xã có 12 chi bộ.\n\n"
    "[2] Điều lệ Đảng — 19/1/2011\nĐảng viên phải có tuổi đời từ đủ 18 tuổi.\n\n"
    "Câu hỏi: Đảng bộ xã có bao nhiêu chi bộ?",
    "Năm 2019, Đảng bộ xã có 12 chi bộ [1].",
)
NO_SUPPORT = "Tài liệu không có đoạn đủ liên quan nên không gọi mô hình ngôn ngữ."


@dataclass(frozen=True)
class Passage:
    """A hit as shown to the model: a window [start, end) of its text under a "title — date" header."""

    hit: Hit
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.hit.text[self.start : self.end]

    @property
    def shown(self) -> str:
        when = _vietnamese_date(self.hit.date)
        header = " — ".join(part for part in (self.hit.title, when) if part)
        return f"{header}\n{self.text}" if header else self.text


class GenerativeAnswerer:
    """Asks `model` for a cited answer from a few passages, verifies it, and falls back to the extractive answer
    when nothing verifies, the model refuses or fails. When the extractive answerer finds no support, the answer
    is the refusal and the model is not called (an honest refusal, and no slow call)."""

    def __init__(self, model: BaseChatModel, *, extractive: ExtractiveAnswerer | None = None, passages: int = 4,
                 passage_chars: int = 500):
        self.model = model
        self.extractive = extractive or ExtractiveAnswerer()
        self.fallback = Extractive(self.extractive)
        self.passages = passages  # few and trimmed: a small local model has a 2048-token context
        self.passage_chars = passage_chars

    def answer(self, question: Question, hits: list[Hit], *, idf: Idf, context: str = "") -> Answer:
        """A verified generated answer, or the extractive one with a note saying why."""
        quoted = self.fallback.answer(question, hits, idf=idf, context=context)
        if quoted.abstained:
            return replace(quoted, note=NO_SUPPORT)
        given = self.select(question, hits, idf)
        try:
            text = self.model.invoke(messages(question.text, given, context=context)).text
        except Exception as err:  # any failure of the model (timeout, connection, bad reply) means: quote instead
            log.warning("the language model failed, answering extractively: %s: %s", type(err).__name__, err)
            return _fell_back(quoted, f"Mô hình ngôn ngữ không trả lời được ({type(err).__name__})")
        verdict = verify(text, [p.shown for p in given])
        if verdict.refused:
            # The extractive answerer found a sentence above its refusal threshold: a verbatim quote the reader can
            # check is worth more than a small model's refusal, which hides an answer that may well be there.
            return _fell_back(quoted, "Mô hình ngôn ngữ không tìm thấy câu trả lời trong các đoạn trích")
        if not verdict.kept:
            reasons = "; ".join(reason for _, reason in verdict.removed[:2]) or "câu trả lời trống"
            return _fell_back(quoted, f"Không câu nào của mô hình ngôn ngữ kiểm chứng được ({reasons})")
        answer_text, order = renumber(verdict.kept)
        return Answer(
            question=question.text, text=answer_text, abstained=False, mode="generative",
            citations=tuple(_citation(k, given[n - 1], verdict.kept, n) for k, n in enumerate(order, 1)),
            note=removed_note(verdict.removed),
        )

    def select(self, question: Question, hits: list[Hit], idf: Idf) -> list[Passage]:
        """The `passages` hits whose best sentence scores highest (shown in retrieval order), each trimmed around it."""
        best = self.extractive.best_sentences(question, hits, idf)
        chosen = {h.chunk_id for h in self.extractive.rank(question, hits, idf, depth=len(hits))[: self.passages]}
        return [window(h, (best[h.chunk_id].start, best[h.chunk_id].end) if h.chunk_id in best else None,
                       chars=self.passage_chars)
                for h in hits if h.chunk_id in chosen]


def messages(question: str, given: Sequence[Passage], *, context: str = "") -> list:
    """The system instructions, a worked example, then the numbered passages (as data) and the question."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    numbered = "\n\n".join(f"[{n}] {p.shown}" for n, p in enumerate(given, 1))
    earlier = f"\nCâu hỏi trước đó: {context}" if context else ""
    asked = HumanMessage(f"Các đoạn trích:\n\n{numbered}\n\nCâu hỏi: {question}{earlier}")
    return [SystemMessage(SYSTEM), HumanMessage(EXAMPLE[0]), AIMessage(EXAMPLE[1]), asked]


def window(hit: Hit, anchor: tuple[int, int] | None, *, chars: int) -> Passage:
    """The hit trimmed to at most `chars` characters of whole sentences around `anchor` (following ones first)."""
    spans = split_sentences(hit.text)
    if len(hit.text) <= chars or not spans:
        return Passage(hit, 0, min(len(hit.text), chars))
    best = next((i for i, (start, end) in enumerate(spans) if start <= (anchor or (0, 0))[0] < end), 0)
    lo = hi = best
    while True:
        if hi + 1 < len(spans) and spans[hi + 1][1] - spans[lo][0] <= chars:
            hi += 1
        elif lo > 0 and spans[hi][1] - spans[lo - 1][0] <= chars:
            lo -= 1
        else:
            break
    start, end = spans[lo][0], spans[hi][1]
    return Passage(hit, start, min(end, start + chars))


def _citation(n: int, passage: Passage, kept: Sequence[Claim], original: int) -> Citation:
    """Citation [n]: the passage's sentences that the claims citing it rest on, in document offsets."""
    start, end = _support(passage, [c.body for c in kept if original in c.cites])
    hit = passage.hit
    return Citation(
        n=n, chunk_id=hit.chunk_id, doc_id=hit.doc_id, title=hit.title, source=hit.source, date=hit.date,
        text=hit.text, start=hit.start + start, end=hit.start + end, score=hit.score,
    )


def _support(passage: Passage, claims: Sequence[str]) -> tuple[int, int]:
    """The span (in the hit's text) of the sentences sharing at least half a claim's terms; else the whole window."""
    spans = [(passage.start + a, passage.start + b) for a, b in split_sentences(passage.text)]
    chosen = []
    for claim in claims:
        terms = set(query_terms(claim))
        if not terms or not spans:
            continue
        shared = [len(terms & set(query_terms(passage.hit.text[a:b]))) for a, b in spans]
        best = max(range(len(spans)), key=shared.__getitem__)
        if shared[best] >= len(terms) / 2:
            chosen.append(spans[best])
    if not chosen:
        return passage.start, passage.end
    return min(a for a, _ in chosen), max(b for _, b in chosen)


def removed_note(removed: Sequence[tuple[str, str]]) -> str:
    """A short note naming the sentences that were removed and why; empty when none were."""
    if not removed:
        return ""
    listed = "; ".join(f"«{_short(sentence)}» ({reason})" for sentence, reason in removed)
    return f"Đã bỏ {len(removed)} câu không kiểm chứng được: {listed}"


def _fell_back(quoted: Answer, why: str) -> Answer:
    return replace(quoted, mode="fallback", note=f"{why}; trả lời bằng câu trích nguyên văn từ tài liệu.")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vietnamese_date(iso: str | None) -> str:
    """"2016-02-17" → "17/2/2016", as the documents write dates; "" when unknown or malformed."""
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return ""
    return f"{day.day}/{day.month}/{day.year}"
