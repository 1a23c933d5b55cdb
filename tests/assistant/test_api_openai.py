"""The OpenAI-compatible routes, spoken to by real clients: the official `openai` SDK and LangChain's ChatOpenAI."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import openai
import pytest

from tests.assistant.test_api import NGHEN, NGHEN_FACT, copy_of_corpus_index, serve

QUESTION = [{"role": "user", "content": NGHEN}]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    index_dir = copy_of_corpus_index(tmp_path_factory.mktemp("openai"))
    with serve(index_dir, env={"ASSISTANT_API__MAX_QUESTION_CHARS": "500"}) as running:
        yield running.base


@pytest.fixture
def client(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{server}/v1", api_key="not-needed", max_retries=0, timeout=30)


def test_models_lists_the_assistant(client):
    assert [m.id for m in client.models.list()] == ["party-assistant"]
    assert client.models.retrieve("party-assistant").owned_by
    with pytest.raises(openai.NotFoundError) as caught:
        client.models.retrieve("gpt-4o")
    assert caught.value.code == "model_not_found"


def test_completion_is_a_cited_vietnamese_answer(client):
    completion = client.chat.completions.create(model="party-assistant", messages=QUESTION)
    content = completion.choices[0].message.content
    answer, sources = content.split("\n\nNguồn:\n")
    assert NGHEN_FACT in answer and "[1]" in answer
    assert sources.startswith("- [1] ") and "seeds/" in sources
    assert completion.choices[0].finish_reason == "stop" and completion.object == "chat.completion"
    citations = completion.model_extra["citations"]  # the extra field: the SDK keeps it, unparsed
    assert citations[0]["n"] == 1 and citations[0]["source"] in sources and citations[0]["end"] > citations[0]["start"]
    assert completion.model_extra["abstained"] is False


def test_any_model_id_is_answered_by_the_assistant(client):
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=QUESTION, temperature=0.2, max_tokens=50)
    assert completion.model == "party-assistant" and NGHEN_FACT in completion.choices[0].message.content


def test_streaming_gives_the_same_content_and_the_citations_last(client):
    whole = client.chat.completions.create(model="party-assistant", messages=QUESTION).choices[0].message.content
    chunks = list(client.chat.completions.create(
        model="party-assistant", messages=QUESTION, stream=True, stream_options={"include_usage": True}
    ))
    assert chunks[0].choices[0].delta.role == "assistant"
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert streamed == whole
    assert len({c.id for c in chunks}) == 1 and sum(bool(c.choices and c.choices[0].delta.content) for c in chunks) > 3
    final = [c for c in chunks if c.choices and c.choices[0].finish_reason][-1]
    assert final.choices[0].finish_reason == "stop" and final.model_extra["citations"][0]["n"] == 1
    assert chunks[-1].choices == [] and chunks[-1].usage is not None


def test_raw_stream_ends_with_done(server):
    with httpx.stream("POST", f"{server}/v1/chat/completions", json={"messages": QUESTION, "stream": True}) as reply:
        assert reply.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in reply.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines) and lines[-1] == "data: [DONE]"


def test_history_system_and_multipart_messages(client):
    messages = [
        {"role": "system", "content": "Bạn là trợ lý."},
        {"role": "user", "content": "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"},
        {"role": "assistant", "content": "Đã kết nạp 95 đảng viên [1]\n\nNguồn:\n- [1] x — seeds/x.txt"},
        {"role": "user", "content": [{"type": "text", "text": "còn con số đó tính từ năm nào?"}]},
    ]
    completion = client.chat.completions.create(model="party-assistant", messages=messages)
    assert completion.choices[0].message.content


def test_refusal_has_no_sources_list(client):
    messages = [{"role": "user", "content": "Giá vé máy bay đi Paris tháng sau là bao nhiêu?"}]
    completion = client.chat.completions.create(model="party-assistant", messages=messages)
    assert "Nguồn:" not in completion.choices[0].message.content
    assert completion.model_extra["abstained"] is True and completion.model_extra["citations"] == []


def test_langchain_chat_openai_invoke_and_stream(server):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="party-assistant", base_url=f"{server}/v1", api_key="not-needed", max_retries=0)
    reply = llm.invoke(NGHEN)
    assert NGHEN_FACT in reply.content and "Nguồn:" in reply.content
    streamed = "".join(piece.content for piece in llm.stream(NGHEN))
    assert streamed == reply.content


@pytest.mark.parametrize(
    "body, param",
    [
        ({"model": "party-assistant", "messages": []}, "messages"),
        ({"model": "party-assistant"}, "messages"),
        ({"messages": [{"role": "user", "content": "   "}]}, None),
        ({"messages": [{"role": "user", "content": NGHEN}, {"role": "assistant", "content": "x"}]}, None),
        ({"messages": [{"role": "system", "content": "chỉ có hệ thống"}]}, None),
        ({"messages": [{"role": "robot", "content": NGHEN}]}, "messages.0.role"),
        ({"messages": [{"role": "user", "content": 42}]}, "messages.0.content.str"),
        ({"messages": QUESTION, "n": 2}, "n"),
        ({"messages": QUESTION, "k": 0}, "k"),
        ({"messages": QUESTION, "stream": "sometimes"}, "stream"),
    ],
)
def test_invalid_requests_get_openai_errors(server, body, param):
    reply = httpx.post(f"{server}/v1/chat/completions", json=body)
    assert reply.status_code == 422
    error = reply.json()["error"]
    assert error["type"] == "invalid_request_error" and error["message"] and error["param"] == param


def test_invalid_request_raises_in_the_sdk(client):
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        client.chat.completions.create(model="party-assistant", messages=[])
    assert caught.value.body["type"] == "invalid_request_error"


def test_oversized_question_is_413_in_openai_shape(client, server):
    with pytest.raises(openai.APIStatusError) as caught:
        client.chat.completions.create(model="party-assistant", messages=[{"role": "user", "content": "đảng " * 200}])
    assert caught.value.status_code == 413 and caught.value.code == "request_too_large"
    assert client.chat.completions.create(model="party-assistant", messages=QUESTION).choices[0].message.content

