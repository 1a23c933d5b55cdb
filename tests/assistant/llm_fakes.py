"""Deterministic stand-ins for a language model: the reply is computed from the prompt, never scripted per test.

`reply_to` reads the numbered passages and the question out of the user message, as a real model would, and
answers with the passage sentence sharing most words with the question; the variants misbehave on purpose.
"""

from __future__ import annotations

import re
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from assistant.models import REFUSAL

_PASSAGE = re.compile(r"^\[(\d+)\] [^\n]*\n(.*?)(?=\n\n\[\d+\] |\n\nCâu hỏi: )", re.S | re.M)
_WORD = re.compile(r"\w+")
VARIANTS = ("faithful", "two_changed", "changed", "out_of_range", "uncited", "refusing", "raising", "last_cited")


def passages_and_question(prompt: str) -> tuple[dict[int, str], str]:
    """The numbered passages (without their headers) and the question in a user message."""
    passages = {int(n): text for n, text in _PASSAGE.findall(prompt)}
    question = prompt.rsplit("Câu hỏi: ", 1)[-1].split("\n", 1)[0]
    return passages, question


def best_sentence(passages: dict[int, str], question: str) -> tuple[int, str]:
    """(n, sentence) of the passage sentence holding a figure whose words are most the question's (shared words
    over the square root of the sentence's length)."""
    asked = set(_WORD.findall(question.lower()))
    candidates = [
        (bool(re.search(r"\d", s)), _overlap(asked, s), -n, n, s.strip())
        for n, text in passages.items() for s in re.split(r"(?<=[^\W\d_][.!?])\s+|\n", text) if s.strip()
    ]
    *_, n, sentence = max(candidates)
    return n, sentence.rstrip(".")


def _overlap(asked: set[str], sentence: str) -> float:
    words = _WORD.findall(sentence.lower())
    return len(asked & set(words)) / max(1, len(words)) ** 0.5


def _changed(sentence: str) -> str:
    """The sentence with its last number off by 7, as small models do."""
    last = list(re.finditer(r"\d+", sentence))[-1]
    return sentence[: last.start()] + str(int(last.group()) + 7) + sentence[last.end():]


def reply_to(prompt: str, variant: str = "faithful") -> str:
    """The fake model's answer to a user message built by assistant.generative.messages."""
    passages, question = passages_and_question(prompt)
    if variant == "raising":
        raise TimeoutError("the fake model timed out")
    if variant == "refusing" or not passages:
        return REFUSAL
    n, sentence = best_sentence(passages, question)
    match variant:
        case "faithful":
            return f"{sentence} [{n}]."
        case "two_changed":  # one faithful sentence, one with a changed number
            return f"{sentence} [{n}]. Như vậy, {_changed(sentence).lower()} [{n}]."
        case "changed":
            return f"{_changed(sentence)} [{n}]."
        case "out_of_range":
            return f"{sentence} [9]."
        case "uncited":
            return f"{sentence}."
        case "last_cited":  # cites the last passage only, so the marker must be renumbered to [1]
            last = max(passages)
            return f"{best_sentence({last: passages[last]}, question)[1]} [{last}]."
    raise ValueError(f"unknown variant {variant!r}; use one of: {', '.join(VARIANTS)}")


class PromptEchoChatModel(BaseChatModel):
    """A LangChain chat model whose reply is `reply_to(last user message, variant)`; it counts its calls."""

    variant: str = "faithful"
    calls: list[list[BaseMessage]] = []

    @property
    def _llm_type(self) -> str:
        return "prompt-echo"

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        self.calls.append(list(messages))
        text = reply_to(messages[-1].text, self.variant)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
