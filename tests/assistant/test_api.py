"""The JSON API served by a real uvicorn process on loopback, over the bundled corpus with the hash embedder.

The helpers here (`corpus_index`, `serve`) start the servers of the other `test_api_*` modules too.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
NGHEN = "dang bo thi tran Nghen da ket nap bao nhieu dang vien"  # typed without diacritics, as people do
NGHEN_FACT = "95 đảng viên"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@functools.cache
def corpus_index() -> Path:
    """The bundled corpus indexed once per test session (by the CLI, as a user would); copy it before writing."""
    from tests.assistant.test_cli import assistant

    root = Path(tempfile.mkdtemp(prefix="api-index-"))
    atexit.register(shutil.rmtree, root, True)
    done = assistant("ingest", index_dir=root / "idx")
    assert done.returncode == 0, done.stderr
    return root / "idx"


def copy_of_corpus_index(into: Path) -> Path:
    shutil.copytree(corpus_index(), into / "idx")
    return into / "idx"


@dataclass
class Server:
    base: str
    proc: subprocess.Popen
    log: Path

    def logs(self) -> str:
        return self.log.read_text(errors="replace")


COMMAND = ["-m", "assistant.cli", "serve"]
# uvicorn at its most talkative (every request, every ASGI message): for checking what reaches the logs
TRACE_COMMAND = [
    "-c",
    "import sys, uvicorn; from assistant.api import create_app; from assistant.settings import Settings; "
    "uvicorn.run(create_app(Settings()), host='127.0.0.1', port=int(sys.argv[1]), log_level='trace')",
]


@contextmanager
def serve(index_dir: Path, *, ready: bool = True, env: dict[str, str] | None = None, trace: bool = False
          ) -> Iterator[Server]:
    """A real server on a free loopback port; waits for /healthz, and for /readyz unless `ready` is False."""
    port = free_port()
    settings = {"ASSISTANT_EMBEDDER__NAME": "fake", "ASSISTANT_INDEX__DIR": str(index_dir), **(env or {})}
    log = index_dir.parent / f"server-{port}.log"
    args = [*TRACE_COMMAND, str(port)] if trace else [*COMMAND, "--port", str(port)]
    with open(log, "wb") as out:
        env = {**os.environ, **settings}
        proc = subprocess.Popen([sys.executable, *args], cwd=REPO, env=env, stdout=out, stderr=out)
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        wait_for(server, "/healthz")
        if ready:
            wait_for(server, "/readyz")
        yield server
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server process; kill it if it has not exited within 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def wait_for(server: Server, path: str, seconds: float = 60) -> None:
    """Until `path` answers 200; fails with the server's log if it exits first or never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"the server exited:\n{server.logs()}")
        try:
            if httpx.get(f"{server.base}{path}", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{path} never answered 200:\n{server.logs()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    index_dir = copy_of_corpus_index(tmp_path_factory.mktemp("api"))
    with serve(index_dir, env={"ASSISTANT_API__MAX_QUESTION_CHARS": "500"}) as running:
        yield running.base


def test_health_ready_and_docs(server):
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{server}/readyz").json()
    assert ready["status"] == "ready" and ready["documents"] == 6 and ready["chunks"] > 6
    assert httpx.get(f"{server}/docs").status_code == 200
    paths = httpx.get(f"{server}/openapi.json").json()["paths"]
    assert {"/v1/ask", "/v1/search", "/v1/chat/completions", "/v1/models", "/v1/documents"} <= set(paths)


def test_search_finds_the_seed_fact_without_diacritics(server):
    query = "thi tran Nghen tu nam 2010 den nay da ket nap duoc 95 dang vien"
    reply = httpx.post(f"{server}/v1/search", json={"query": query, "k": 3})
    assert reply.status_code == 200
    hits = reply.json()["hits"]
    assert len(hits) == 3 and any(NGHEN_FACT in h["text"] for h in hits)
    assert all(h["end"] > h["start"] and h["doc_id"] and h["source"] for h in hits)


def test_search_filters_by_source(server):
    body = {"query": "đảng viên", "k": 5, "filters": {"sources": ["charter/"]}}
    hits = httpx.post(f"{server}/v1/search", json=body).json()["hits"]
    assert hits and all(h["source"].startswith("charter/") for h in hits)


def test_ask_gives_a_cited_answer(server):
    reply = httpx.post(f"{server}/v1/ask", json={"question": NGHEN})
    assert reply.status_code == 200
    body = reply.json()
    assert set(body) == {"answer", "abstained", "citations", "retrieved", "mode", "note"}
    assert body["mode"] == "extractive" and body["note"] == ""
    assert not body["abstained"] and NGHEN_FACT in body["answer"] and "[1]" in body["answer"]
    first = body["citations"][0]
    assert set(first) == {"n", "text", "doc_id", "title", "source", "date", "start", "end", "score"}
    assert first["n"] == 1 and first["source"].startswith("seeds/") and first["end"] > first["start"]
    assert body["retrieved"] and all("n" not in passage for passage in body["retrieved"])


def test_ask_uses_history_for_a_follow_up(server):
    history = [
        {"role": "user", "content": "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"},
        {"role": "assistant", "content": "Từ năm 2010 đến nay đã kết nạp được 95 đảng viên [1]"},
    ]
    question = "còn con số đó tính từ năm nào?"
    body = httpx.post(f"{server}/v1/ask", json={"question": question, "history": history}).json()
    assert any("Nghèn" in passage["text"] for passage in body["retrieved"])


def test_ask_abstains_without_citations(server):
    body = httpx.post(f"{server}/v1/ask", json={"question": "Giá vé máy bay đi Paris tháng sau là bao nhiêu?"}).json()
    assert body["abstained"] and body["citations"] == [] and body["answer"]


@pytest.mark.parametrize(
    "path, body",
    [
        ("/v1/search", {"query": "   "}),
        ("/v1/search", {"query": "x", "k": 0}),
        ("/v1/search", {"query": "x", "k": 51}),
        ("/v1/search", {"query": "x", "k": "many"}),
        ("/v1/search", {}),
        ("/v1/search", {"query": "x", "top_k": 3}),
        ("/v1/search", {"query": "x", "filters": {"date_from": "not a date"}}),
        ("/v1/ask", {"question": ""}),
        ("/v1/ask", {"question": " \n\t "}),
        ("/v1/ask", {"question": 42}),
        ("/v1/ask", {"question": "x", "history": [{"role": "system", "content": "y"}]}),
        ("/v1/ask", {"question": "x", "history": "not a list"}),
        ("/v1/ask", {"question": "x", "k": 100}),
    ],
)
def test_invalid_input_is_422_with_detail(server, path, body):
    reply = httpx.post(f"{server}{path}", json=body)
    assert reply.status_code == 422 and reply.json()["detail"]


def test_malformed_json_is_422(server):
    reply = httpx.post(f"{server}/v1/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert reply.status_code == 422


@pytest.mark.parametrize("path, field", [("/v1/ask", "question"), ("/v1/search", "query")])
def test_oversized_question_is_413_and_the_server_still_answers(server, path, field):
    reply = httpx.post(f"{server}{path}", json={field: "đảng viên " * 100})
    assert reply.status_code == 413 and "500" in reply.json()["detail"]
    assert httpx.post(f"{server}{path}", json={field: NGHEN}).status_code == 200


def test_oversized_body_is_413(server):
    history = [{"role": "user", "content": "y" * 2_000_000}]
    reply = httpx.post(f"{server}/v1/ask", json={"question": "x", "history": history})
    assert reply.status_code == 413


def test_missing_index_is_503_with_retry_after_and_the_server_stays_up(tmp_path):
    import openai

    with serve(tmp_path / "nothing-here", ready=False) as running:
        assert httpx.get(f"{running.base}/healthz").status_code == 200
        opening = httpx.get(f"{running.base}/readyz")  # first 503 "being opened", until the index is found missing
        for _ in range(300):
            if "ingest" in opening.json()["detail"]:
                break
            assert opening.status_code == 503 and int(opening.headers["retry-after"]) > 0
            time.sleep(0.1)
            opening = httpx.get(f"{running.base}/readyz")
        for method, path, body in [
            ("GET", "/readyz", None), ("POST", "/v1/search", {"query": "đảng viên"}),
            ("POST", "/v1/ask", {"question": "đảng viên"}), ("GET", "/v1/documents", None),
            ("DELETE", "/v1/documents/abc", None),
        ]:
            reply = httpx.request(method, f"{running.base}{path}", json=body)
            assert reply.status_code == 503, path
            assert int(reply.headers["retry-after"]) > 0 and "assistant ingest" in reply.json()["detail"]

        client = openai.OpenAI(base_url=f"{running.base}/v1", api_key="x", max_retries=0)
        with pytest.raises(openai.InternalServerError) as caught:  # the SDK's class for every 5xx
            client.chat.completions.create(model="party-assistant", messages=[{"role": "user", "content": NGHEN}])
        error = caught.value
        assert error.status_code == 503 and error.code == "service_unavailable" and "assistant ingest" in error.message
        assert int(error.response.headers["retry-after"]) > 0
        assert [m.id for m in client.models.list()] == ["party-assistant"]  # listing the model needs no index
        assert httpx.get(f"{running.base}/healthz").status_code == 200 and "Traceback" not in running.logs()
