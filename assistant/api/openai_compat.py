"""OpenAI chat-completions shapes: the request we accept, answers as completions and chunks with citations."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.api.messages import history_pairs
from assistant.api.schemas import FiltersIn, citation_out
from assistant.models import Answer

MODEL_ID = "party-assistant"
OWNER = "party-document-assistant"


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")  # name, tool_calls, ... are accepted and ignored
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        """The message's text; the text parts of a multi-part message joined, images and audio left out."""
        if isinstance(self.content, list):
            return "\n".join(part.text or "" for part in self.content if part.type == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")
    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI's request body; sampling options (temperature, max_tokens, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(MODEL_ID, description=f"any id is accepted; answers always come from {MODEL_ID!r}")
    messages: list[ChatMessage] = Field(..., min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int = Field(1, ge=1, le=1, description="one choice only")
    k: int | None = Field(None, ge=1, le=50, description="extension: passages to retrieve")
    filters: FiltersIn | None = Field(None, description="extension: retrieval filters, as on /v1/ask")


def split_conversation(messages: list[ChatMessage]) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last message, the user's) and the earlier (question, answer) pairs; system text is ignored."""
    turns = [(m.role, m.text()) for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1][0] != "user":
        raise ValueError("the last message must be the user's question")
    question = turns[-1][1]
    if not question.strip():
        raise ValueError("the question (the last user message) is empty")
    return question, history_pairs(turns[:-1])


def model_card() -> dict[str, Any]:
    return {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": OWNER}


@dataclass(frozen=True)
class Reply:
    """What every chunk of one completion shares."""

    id: str = field(default_factory=lambda: f"chatcmpl-{uuid.uuid4().hex}")
    created: int = field(default_factory=lambda: int(time.time()))
    model: str = MODEL_ID

    def head(self, kind: str) -> dict[str, Any]:
        return {"id": self.id, "object": kind, "created": self.created, "model": self.model, "system_fingerprint": None}


def extras(answer: Answer) -> dict[str, Any]:
    """The fields OpenAI does not have: clients that do not know them ignore them."""
    return {
        "citations": [citation_out(c).model_dump() for c in answer.citations], "abstained": answer.abstained,
        "mode": answer.mode, "note": answer.note,
    }


def usage() -> dict[str, int]:
    """No language model counts tokens here: the answer is quoted from the documents."""
    return {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}


def completion(reply: Reply, answer: Answer, content: str) -> dict[str, Any]:
    """A `chat.completion` whose message is `content` (the answer with its sources) plus the structured citations."""
    message = {"role": "assistant", "content": content, "refusal": None}
    choice = {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}
    return {**reply.head("chat.completion"), "choices": [choice], "usage": usage(), **extras(answer)}


def chunk(reply: Reply, delta: dict[str, Any], *, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    """One `chat.completion.chunk`."""
    choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
    return {**reply.head("chat.completion.chunk"), "choices": [choice], **extra}


def usage_chunk(reply: Reply) -> dict[str, Any]:
    """The last chunk when the client asked for `stream_options.include_usage`."""
    return {**reply.head("chat.completion.chunk"), "choices": [], "usage": usage()}
