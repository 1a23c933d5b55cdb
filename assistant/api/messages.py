"""Chat text both ways: role-tagged turns to the Assistant's history, and an answer to text that lists its sources."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.models import Answer, Citation

SOURCES_HEADING = "Nguồn:"
_SOURCES_BLOCK = f"\n\n{SOURCES_HEADING}\n"


def history_pairs(turns: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(question, answer) pairs, oldest first; consecutive user turns join, an answer with no question is dropped."""
    pairs: list[tuple[str, str]] = []
    asked: list[str] = []
    for role, text in turns:
        if role == "user":
            asked.append(text)
        elif role == "assistant" and asked:
            pairs.append(("\n".join(asked), strip_sources(text)))
            asked = []
    return pairs


def sources_block(citations: Iterable[Citation]) -> str:
    """The short list appended to an answer so that any chat client shows where its [n] markers point."""
    lines = [f"- [{c.n}] {c.title or c.source}{f' ({c.date})' if c.date else ''} — {c.source}" for c in citations]
    return f"{_SOURCES_BLOCK}{chr(10).join(lines)}" if lines else ""


def with_sources(answer: Answer) -> str:
    """The answer text with its [n] markers, then the sources list (none for a refusal)."""
    return answer.text + sources_block(answer.citations)


def strip_sources(text: str) -> str:
    """An earlier answer as the client sends it back, without the sources list we appended."""
    return text.split(_SOURCES_BLOCK, 1)[0]
