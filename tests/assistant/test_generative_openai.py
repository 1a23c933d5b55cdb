"""The generative path against a real OpenAI-protocol HTTP server on loopback, configured only through settings.

The server answers POST /v1/chat/completions with `reply_to(last user message, variant)`; the variant is the
requested model name after "fake-", so each test picks the behaviour through ASSISTANT_LLM__MODEL.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.compose import build_assistant
from assistant.settings import Settings
from tests.assistant.llm_fakes import reply_to
from tests.assistant.test_api import free_port

NGHEN = "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
NGHEN_SENTENCE = "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên"


class FakeOpenAI(BaseHTTPRequestHandler):
    """Just enough of the chat-completions protocol for ChatOpenAI (non-streaming)."""

    requests: list[dict] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
        variant = body["model"].removeprefix("fake-")
        if variant == "slow":
            time.sleep(3)
            variant = "faithful"
        try:
            content = reply_to(body["messages"][-1]["content"], variant)
        except TimeoutError:
            return self._send(500, {"error": {"message": "the model crashed", "type": "server_error"}})
        message = {"role": "assistant", "content": content}
        self._send(200, {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        })

    def _send(self, status: int, payload: dict) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), FakeOpenAI)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from assistant.compose import open_store
    from index.ingest import ingest

    settings = Settings()
    settings.embedder.name = "fake"
    path = tmp_path_factory.mktemp("index")
    store = open_store(settings, index_dir=path, create=True)
    ingest(settings.index.corpus, store=store)
    store.close()
    return path


def ask(monkeypatch, index_dir, base_url: str, model: str, question: str = NGHEN, **env: str):
    for name, value in {
        "ASSISTANT_EMBEDDER__NAME": "fake", "ASSISTANT_INDEX__DIR": str(index_dir),
        "ASSISTANT_LLM__PROVIDER": "openai", "ASSISTANT_LLM__BASE_URL": base_url, "ASSISTANT_LLM__MODEL": model,
        **env,
    }.items():
        monkeypatch.setenv(name, value)
    FakeOpenAI.requests.clear()
    return build_assistant(Settings()).answer(question)


def test_a_verified_answer_comes_from_the_server(monkeypatch, index_dir, server):
    answer = ask(monkeypatch, index_dir, server, "fake-faithful", ASSISTANT_LLM__API_KEY="sk-local")
    assert answer.mode == "generative" and answer.note == ""
    assert answer.text == f"{NGHEN_SENTENCE} [1]." and [c.n for c in answer.citations] == [1]
    assert answer.citations[0].source.startswith("seeds/") and answer.citations[0].end > answer.citations[0].start
    [request] = FakeOpenAI.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sk-local"
    assert request["temperature"] == 0 and request.get("max_completion_tokens", request.get("max_tokens")) == 256
    assert [m["role"] for m in request["messages"]] == ["system", "user", "assistant", "user"]  # with one example
    assert "[1] " in request["messages"][-1]["content"] and f"Câu hỏi: {NGHEN}" in request["messages"][-1]["content"]


def test_verification_removes_a_changed_number_and_says_so(monkeypatch, index_dir, server):
    answer = ask(monkeypatch, index_dir, server, "fake-two_changed")
    assert answer.mode == "generative" and answer.text == f"{NGHEN_SENTENCE} [1]."
    assert "Đã bỏ 1 câu" in answer.note and "102 không có trong đoạn" in answer.note


@pytest.mark.parametrize(("model", "why"), [
    ("fake-out_of_range", "trích dẫn [9] không có"),
    ("fake-raising", "không trả lời được (OpenAIAPIError)"),  # the server's 500
    ("fake-slow", "không trả lời được (OpenAITimeoutError)"),  # ASSISTANT_LLM__TIMEOUT=1 against a 3 s reply
])
def test_server_failures_fall_back_to_quotes(monkeypatch, index_dir, server, model, why):
    answer = ask(monkeypatch, index_dir, server, model, ASSISTANT_LLM__TIMEOUT="1")
    assert answer.mode == "fallback" and why in answer.note and not answer.abstained
    assert "95 đảng viên" in answer.text and answer.citations


def test_an_unreachable_server_falls_back(monkeypatch, index_dir):
    answer = ask(monkeypatch, index_dir, f"http://127.0.0.1:{free_port()}/v1", "fake-faithful")
    assert answer.mode == "fallback" and "(OpenAIConnectionError)" in answer.note


def test_an_unsupported_question_never_reaches_the_server(monkeypatch, index_dir, server):
    answer = ask(monkeypatch, index_dir, server, "fake-faithful", question="Thời tiết Hà Nội hôm nay thế nào?")
    assert answer.abstained and answer.citations == () and FakeOpenAI.requests == []
