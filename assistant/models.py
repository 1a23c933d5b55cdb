"""What the assistant returns: an answer, the citations it rests on, and what was retrieved."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.models import Hit

REFUSAL = "Không tìm thấy thông tin này trong tài liệu."


@dataclass(frozen=True)
class Citation:
    """One cited passage: marker number, where it comes from, and the cited span in the document."""

    n: int
    chunk_id: str
    doc_id: str
    title: str
    source: str
    date: str | None
    text: str  # the passage (chunk) text
    start: int  # cited span, character offsets into the document's cleaned text
    end: int
    score: float


@dataclass(frozen=True)
class Answer:
    """The assistant's reply to one question."""

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[Hit, ...] = ()
    mode: str = "extractive"  # extractive | generative | fallback
    note: str = ""  # e.g. why a generated answer fell back to the extractive one
    timings: dict[str, float] = field(default_factory=dict, compare=False)  # seconds per stage: retrieve, answer
