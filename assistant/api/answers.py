"""Structured answers and retrieval for programs: POST /v1/ask and POST /v1/search."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from assistant.api.backend import assistant_of
from assistant.api.messages import history_pairs
from assistant.api.schemas import AnswerOut, AskIn, SearchIn, SearchOut, answer_out, hit_out

router = APIRouter(prefix="/v1", tags=["answers"])


def check_length(request: Request, text: str, what: str) -> None:
    """413 when a question is longer than the configured limit."""
    limit = request.app.state.settings.api.max_question_chars
    if len(text) > limit:
        detail = f"the {what} has {len(text)} characters; the limit is {limit} (ASSISTANT_API__MAX_QUESTION_CHARS)"
        raise HTTPException(413, detail=detail)


@router.post("/ask", response_model=AnswerOut, responses={413: {}, 503: {}})
def ask(body: AskIn, request: Request) -> AnswerOut:
    """Answer a question with the passages it rests on, or abstain; `history` carries a follow-up's context."""
    check_length(request, body.question, "question")
    assistant = assistant_of(request)
    history = history_pairs((turn.role, turn.content) for turn in body.history)
    filters = body.filters.domain() if body.filters else None
    return answer_out(assistant.answer(body.question, history=history, k=body.k, filters=filters))


@router.post("/search", response_model=SearchOut, responses={413: {}, 503: {}})
def search(body: SearchIn, request: Request) -> SearchOut:
    """The passages retrieved for a query (hybrid BM25 + dense), best first, without an answer."""
    check_length(request, body.query, "query")
    retriever = assistant_of(request).retriever
    filters = body.filters.domain() if body.filters else None
    return SearchOut(hits=[hit_out(h) for h in retriever.retrieve(body.query, k=body.k, filters=filters)])
