"""Deterministic stand-ins for the assistant, retrievers and an index store: word overlap over fixed passages."""

from __future__ import annotations

import re
import time

from assistant.models import REFUSAL, Answer, Citation
from evals.metrics import syllables
from index.models import Document, Hit, content_hash

PASSAGES = {
    "nghen.txt": (
        "Sáng ngày 17/2/2016, Ban Thường vụ Đảng ủy thị trấn Nghèn tổ chức Hội nghị Tổng kết. "
        "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên."
    ),
    "cqcq.txt": (
        "Đồng chí Nguyễn Văn Thanh, Phó Chủ tịch thường trực HĐND huyện, Bí thư Đảng ủy CQCQ huyện chủ trì hội nghị. "
        "Kết quả đến nay, đã có 9/15 chỉ tiêu đạt và vượt kế hoạch, chiếm tỷ lệ 60%."
    ),
    "charter.md": "Người được kết nạp vào Đảng phải trải qua thời kỳ dự bị mười hai tháng.",
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def overlap(query: str, text: str) -> int:
    """How many distinct query syllables the text has."""
    return len(set(syllables(query)) & set(syllables(text)))


class OverlapRetriever:
    """Ranks the fixed passages by shared syllables with the query; ties keep the passages' order."""

    def __init__(self, passages: dict[str, str] = PASSAGES) -> None:
        self.passages = passages
        self.calls: list[str] = []

    def retrieve(self, query: str, *, k: int, filters=None) -> list[Hit]:
        self.calls.append(query)
        scored = [(overlap(query, text), source, text) for source, text in self.passages.items()]
        ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])[:k]
        return [
            Hit(chunk_id=content_hash(source), doc_id=content_hash(source), text=text, score=float(score), source=source, end=len(text))
            for score, source, text in ranked
        ]


class OverlapAssistant:
    """Retrieves with the question (plus the previous question for short follow-ups) and quotes the best sentence."""

    def __init__(self, retriever: OverlapRetriever | None = None, *, min_overlap: int = 3) -> None:
        self.retriever = retriever or OverlapRetriever()
        self.min_overlap = min_overlap

    def answer(self, question: str, *, history=(), k: int = 10, filters=None) -> Answer:
        clock = time.perf_counter()
        query = f"{question} {history[-1][0]}" if history else question
        hits = self.retriever.retrieve(query, k=k)
        retrieved = time.perf_counter()
        sentences = [(overlap(query, s), s, hit) for hit in hits[:1] for s in _SENTENCE.split(hit.text)]
        best = max(sentences, default=(0, "", None), key=lambda t: t[0])
        timings = {"retrieve": retrieved - clock, "answer": time.perf_counter() - retrieved}
        if best[0] < self.min_overlap:
            return Answer(question, REFUSAL, True, retrieved=tuple(hits), timings=timings)
        hit = best[2]
        citation = Citation(1, hit.chunk_id, hit.doc_id, hit.title, hit.source, None, hit.text, 0, len(hit.text), hit.score)
        return Answer(question, best[1], False, citations=(citation,), retrieved=tuple(hits), timings=timings)


class BrokenRetriever:
    """Fails on every query, to check that one failing system does not end a run."""

    def retrieve(self, query: str, *, k: int, filters=None) -> list[Hit]:
        raise RuntimeError("index unavailable")


LONG = " ".join(f"Câu số {i} nói về công tác xây dựng Đảng ở cơ sở." for i in range(60))  # ~3,000 characters
DOCUMENTS = [
    ("seeds/nghen.txt", "Từ năm 2010 đến nay, Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên."),
    ("charter/dieu-le.md", "Người được kết nạp vào Đảng phải trải qua thời kỳ dự bị mười hai tháng. " + LONG),
    ("seeds/cqcq.txt", "Đồng chí Nguyễn Văn Thanh, Phó Chủ tịch thường trực HĐND huyện, chủ trì hội nghị."),
]


class _Lexical:
    """The store's BM25 side: one fixed hit, and a record of the call."""

    def __init__(self, log):
        self.log = log

    def search(self, query, *, k, filters=None):
        self.log.append(("lexical", query, k, filters))
        return [Hit("c1", "d1", "bm25 passage", 1.0)]

    def restore(self, text):
        return text  # no word counts here: a plain query is searched as typed


class _Row:
    """A document-table row as `DocumentStore.all()` returns it."""

    def __init__(self, source, text):
        self.document = Document(doc_id=source, source=source, text=text)


class FakeStore:
    """The two search methods and the document table of an index store, recording their calls."""

    def __init__(self):
        self.log = []
        self.documents = self

    def lexical(self):
        return _Lexical(self.log)

    def dense_search(self, query, *, k, filters=None):
        self.log.append(("dense", query, k, filters))
        return [Hit("c2", "d2", "dense passage", 0.9)]

    def all(self):
        return [_Row(source, text) for source, text in DOCUMENTS]
