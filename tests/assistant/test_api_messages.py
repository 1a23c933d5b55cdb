"""Chat text mapping without a server: turns to history pairs, answers to text with sources, OpenAI messages."""

from __future__ import annotations

import pytest

from assistant.api.messages import history_pairs, strip_sources, with_sources
from assistant.api.openai_compat import ChatMessage, split_conversation
from assistant.models import REFUSAL, Answer, Citation


def citation(n: int, *, date: str | None = "2024-03-05") -> Citation:
    return Citation(n=n, chunk_id=f"c{n}", doc_id=f"d{n}", title=f"Nghị quyết {n}", source=f"uploads/{n}.txt",
                    date=date, text="...", start=0, end=3, score=0.5)


def test_history_pairs_questions_with_their_answers():
    turns = [("assistant", "Xin chào"), ("user", "a"), ("user", "b"), ("assistant", "x [1]\n\nNguồn:\n- [1] t — s"),
             ("user", "c"), ("assistant", "y"), ("user", "unanswered")]
    assert history_pairs(turns) == [("a\nb", "x [1]"), ("c", "y")]


def test_answer_text_lists_its_sources_and_strips_back():
    answer = Answer(question="q", text="Kết nạp 3 đảng viên [1]. Họp ngày 5/3 [2].", abstained=False,
                    citations=(citation(1), citation(2, date=None)))
    text = with_sources(answer)
    assert text == (
        "Kết nạp 3 đảng viên [1]. Họp ngày 5/3 [2].\n\nNguồn:\n"
        "- [1] Nghị quyết 1 (2024-03-05) — uploads/1.txt\n- [2] Nghị quyết 2 — uploads/2.txt"
    )
    assert strip_sources(text) == answer.text
    assert with_sources(Answer(question="q", text=REFUSAL, abstained=True)) == REFUSAL


def test_split_conversation_takes_the_last_user_message_as_the_question():
    parts = [{"type": "text", "text": "b"}, {"type": "image_url", "image_url": {}}]
    messages = [ChatMessage(role="system", content="be nice"), ChatMessage(role="user", content="a"),
                ChatMessage(role="assistant", content="x"), ChatMessage(role="tool", content="{}"),
                ChatMessage(role="user", content=parts)]
    assert split_conversation(messages) == ("b", [("a", "x")])


@pytest.mark.parametrize(
    "messages",
    [
        [ChatMessage(role="system", content="s")],
        [ChatMessage(role="user", content="a"), ChatMessage(role="assistant", content="x")],
        [ChatMessage(role="user", content=" ")],
        [ChatMessage(role="user", content=None)],
    ],
)
def test_split_conversation_refuses_without_a_question(messages):
    with pytest.raises(ValueError):
        split_conversation(messages)


def test_a_failure_mid_stream_ends_the_stream_with_an_openai_error_event():
    import json

    from assistant.api.chat import _events
    from assistant.api.openai_compat import Reply

    def pieces():
        yield "Kết nạp "
        raise RuntimeError("the index went away")

    events = list(_events(Reply(), pieces(), usage=False))
    assert events[-1] == "data: [DONE]\n\n"
    error = json.loads(events[-2].removeprefix("data: "))["error"]
    assert error["type"] == "server_error" and "index" not in error["message"]  # no internals leak to clients
