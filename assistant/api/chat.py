"""The OpenAI-compatible routes: POST /v1/chat/completions (JSON or SSE stream) and GET /v1/models."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from itertools import chain

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from assistant.api.answers import check_length
from assistant.api.backend import assistant_of
from assistant.api.errors import CodedHTTPException
from assistant.api.messages import sources_block, with_sources
from assistant.api.openai_compat import (
    MODEL_ID,
    ChatRequest,
    Reply,
    chunk,
    completion,
    extras,
    model_card,
    split_conversation,
    usage_chunk,
)
from assistant.models import Answer

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["openai"])
_NO_BUFFERING = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


@router.get("/models")
def models() -> dict:
    """The one model this server has."""
    return {"object": "list", "data": [model_card()]}


@router.get("/models/{model_id}")
def model(model_id: str) -> dict:
    if model_id != MODEL_ID:
        raise CodedHTTPException(404, f"no model {model_id!r}; this server has {MODEL_ID!r}", code="model_not_found")
    return model_card()


@router.post("/chat/completions", responses={413: {}, 503: {}})
async def chat_completions(body: ChatRequest, request: Request):
    """A cited answer to the last user message: the content ends with a "Nguồn:" list of the cited sources, and the
    structured citations ride along in an extra `citations` field (in the last chunk when streaming)."""
    try:
        question, history = split_conversation(body.messages)
    except ValueError as err:
        raise HTTPException(422, detail=str(err)) from None
    check_length(request, question, "question")
    assistant = assistant_of(request)
    options = {"history": history, "k": body.k, "filters": body.filters.domain() if body.filters else None}
    reply = Reply()
    if not body.stream:
        answer = await run_in_threadpool(assistant.answer, question, **options)
        return completion(reply, answer, with_sources(answer))
    pieces = assistant.stream(question, **options)
    first = await run_in_threadpool(next, pieces, None)  # retrieval runs here: its errors still get a status code
    usage = bool(body.stream_options and body.stream_options.include_usage)
    events = _events(reply, chain([first] if first is not None else [], pieces), usage=usage)
    return StreamingResponse(events, media_type="text/event-stream", headers=_NO_BUFFERING)


def _events(reply: Reply, items: Iterator[str | Answer], *, usage: bool) -> Iterator[str]:
    """SSE lines: the role, the answer's pieces, the sources list, a last chunk with the citations, [DONE]."""
    yield _sse(chunk(reply, {"role": "assistant", "content": ""}))
    try:
        for item in items:
            if isinstance(item, Answer):
                tail = sources_block(item.citations)
                if tail:
                    yield _sse(chunk(reply, {"content": tail}))
                yield _sse(chunk(reply, {}, finish="stop", **extras(item)))
                break
            yield _sse(chunk(reply, {"content": item}))
    except Exception:  # the status line is gone: say it in the stream, as OpenAI does
        log.exception("answering failed while streaming")
        yield _sse({"error": {"message": "internal error while answering", "type": "server_error", "code": None}})
    if usage:
        yield _sse(usage_chunk(reply))
    yield "data: [DONE]\n\n"


def _sse(data: dict) -> str:
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
