"""What the page does, without Gradio: ask and stream, open citations, rate answers, upload documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.models import Answer
from index.filters import Filters
from ui import render
from ui.feedback import FILENAME, FeedbackStore
from ui.forms import describe
from ui.library_view import documents_html

NOT_READY = "Trợ lý chưa sẵn sàng: chưa mở được chỉ mục tài liệu."
Turns = list[dict[str, Any]]  # one JSON-able record per answered question, kept in the browser session


class Backend:
    """The running server's parts, looked up on each request: the API's lifespan creates them after mounting."""

    def __init__(self, state: Any, *, feedback_dir: Path) -> None:
        self.state = state  # app.state: .assistant, .library, .problem
        self.feedback_dir = Path(feedback_dir)
        self._feedback: FeedbackStore | None = None

    @property
    def assistant(self):
        return getattr(self.state, "assistant", None)

    @property
    def library(self):
        return getattr(self.state, "library", None)

    @property
    def problem(self) -> str:
        """Why there is no assistant, in Vietnamese, with the server's own words as the detail."""
        detail = getattr(self.state, "problem", None) or ""
        if "starting" in detail or "being opened" in detail:
            return "Trợ lý đang mở chỉ mục tài liệu; hãy thử lại sau vài giây."
        if "no index" in detail:
            return f"{NOT_READY} Hãy chạy lệnh `assistant ingest` để lập chỉ mục rồi thử lại. (Chi tiết: {detail})"
        return f"{NOT_READY} (Chi tiết: {detail})" if detail else NOT_READY

    def feedback(self) -> FeedbackStore:
        """The feedback store beside the index in use (or the configured index folder)."""
        folder = self.library.store.dir if self.library is not None else self.feedback_dir
        if self._feedback is None or self._feedback.path != Path(folder) / FILENAME:
            self._feedback = FeedbackStore(Path(folder) / FILENAME)
        return self._feedback

    def document_text(self, doc_id: str) -> str | None:
        """The cleaned text of an indexed document; None when it is gone or there is no index."""
        if self.library is None:
            return None
        stored = self.library.store.documents.get(doc_id=doc_id)
        return stored.document.text if stored is not None else None


def messages(turns: Turns, *, pending: tuple[str, str] | None = None) -> list[dict]:
    """The Chatbot's messages for the finished turns, plus the question being answered and its text so far."""
    out = []
    for i, turn in enumerate(turns):
        out.append({"role": "user", "content": turn["question"]})
        out.append({"role": "assistant", "content": render.answer_html(i, turn)})
    if pending is not None:
        question, partial = pending
        out.append({"role": "user", "content": question})
        out.append({"role": "assistant", "content": render.streaming_html(partial or "…")})
    return out


def history(turns: Turns) -> list[tuple[str, str]]:
    """Earlier (question, answer) pairs for follow-up questions, oldest first."""
    return [(t["question"], t["text"]) for t in turns if not t.get("problem")]


def record(answer: Answer, filters: Filters | None) -> dict:
    """An Answer as the JSON-able turn the session keeps."""
    return {
        "question": answer.question, "text": answer.text, "abstained": answer.abstained,
        "mode": answer.mode, "note": answer.note,
        "citations": [dataclasses.asdict(c) for c in answer.citations], "filters": describe(filters),
        "rating": None, "feedback_id": None,
    }


def ask(backend: Backend, question: str, turns: Turns, filters: Filters | None) -> Iterator[tuple[list[dict], Turns]]:
    """Stream the answer to `question`: (messages, turns) after each piece, the finished turn last."""
    question = question.strip()
    if not question:
        return
    assistant = backend.assistant
    if assistant is None:
        problem = {"question": question, "text": backend.problem, "problem": True, "abstained": True, "citations": []}
        turns = [*turns, problem]
        yield messages(turns), turns
        return
    yield messages(turns, pending=(question, "")), turns
    text = ""
    for piece in assistant.stream(question, history=history(turns), filters=filters):
        if isinstance(piece, Answer):
            turns = [*turns, record(piece, filters)]
            yield messages(turns), turns
            return
        text += piece
        yield messages(turns, pending=(question, text)), turns


def citation(turns: Turns, turn: int, n: int) -> dict | None:
    """Citation [n] of answer `turn`, if both exist."""
    if not 0 <= turn < len(turns):
        return None
    return next((c for c in turns[turn].get("citations", ()) if c["n"] == n), None)


def show_passage(backend: Backend, turns: Turns, turn: int, n: int) -> str:
    """The source panel for citation [n] of answer `turn`."""
    found = citation(turns, turn, n)
    if found is None:
        return render.notice_html("Không tìm thấy trích dẫn này.")
    return render.passage_html(found, backend.document_text(found["doc_id"]))


def show_document(backend: Backend, turns: Turns, turn: int, n: int) -> str:
    """The whole cited document with the cited span highlighted."""
    found = citation(turns, turn, n)
    if found is None:
        return render.notice_html("Hãy chọn một trích dẫn trước.")
    text = backend.document_text(found["doc_id"])
    if text is None:
        return render.notice_html("Tài liệu này không còn trong chỉ mục.")
    return render.document_html(found, text)


def rate(backend: Backend, turns: Turns, turn: int, rating: str) -> Turns:
    """Store (or change) the rating of answer `turn` with its question, history, answer and citations."""
    if not 0 <= turn < len(turns) or turns[turn].get("problem"):
        return turns
    target = turns[turn]
    feedback_id = backend.feedback().rate(
        question=target["question"], answer=target["text"], rating=rating, history=history(turns[:turn]),
        citations=target["citations"], abstained=target["abstained"], filters=target.get("filters"),
        feedback_id=target.get("feedback_id"),
    )
    updated = [*turns]
    updated[turn] = {**target, "rating": rating, "feedback_id": feedback_id}
    return updated


def comment(backend: Backend, turns: Turns, turn: int, text: str) -> bool:
    """Attach a comment to the stored rating of answer `turn`; False when it has not been rated."""
    if not 0 <= turn < len(turns) or turns[turn].get("feedback_id") is None or not text.strip():
        return False
    return backend.feedback().comment(turns[turn]["feedback_id"], text)


def upload(backend: Backend, paths: Sequence[str | Path]) -> Iterator[list[dict]]:
    """Ingest files one by one (the same ingestion as the CLI and API), yielding every file's outcome so far."""
    names = [Path(p).name for p in paths]
    rows = [{"filename": name, "status": "waiting", "reason": "", "chunks": 0} for name in names]
    if backend.library is None:
        yield [{**row, "status": "skipped", "reason": backend.problem} for row in rows]
        return
    for i, path in enumerate(paths):
        rows[i] = {**rows[i], "status": "pending"}
        yield [*rows]
        [outcome] = backend.library.add([(names[i], Path(path).read_bytes())])
        rows[i] = {"filename": names[i], "status": outcome.status, "reason": outcome.reason, "chunks": outcome.chunks}
    yield [*rows]


def documents(backend: Backend) -> str:
    """The indexed documents, or why there are none."""
    if backend.library is None:
        return documents_html([], problem=backend.problem)
    return documents_html(backend.library.list())
