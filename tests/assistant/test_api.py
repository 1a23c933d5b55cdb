"""The API served by a real uvicorn process on loopback, over the bundled corpus with the hash embedder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(index_dir: Path):
    port = free_port()
    env = {**os.environ, "ASSISTANT_EMBEDDER__NAME": "fake", "ASSISTANT_INDEX__DIR": str(index_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(proc.stderr.read().decode())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("idx")
    from tests.assistant.test_cli import assistant

    assert assistant("ingest", index_dir=index_dir).returncode == 0
    proc, base = start(index_dir)
    yield base
    proc.terminate()
    proc.wait(10)


def test_health_and_ready(server):
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{server}/readyz").status_code == 200


def test_search_finds_the_seed_fact_without_diacritics(server):
    reply = httpx.post(f"{server}/v1/search", json={"query": "thi tran Nghen tu nam 2010 den nay da ket nap duoc 95 dang vien", "k": 3})
    assert reply.status_code == 200
    hits = reply.json()["hits"]
    assert any("95 đảng viên" in h["text"] for h in hits)
    assert all(h["end"] > h["start"] for h in hits)


@pytest.mark.parametrize(
    "body", [{"query": "   "}, {"query": "x", "k": 0}, {"query": "x", "k": "many"}, {}, {"query": "x" * 5000}]
)
def test_bad_input_is_422(server, body):
    assert httpx.post(f"{server}/v1/search", json=body).status_code == 422


def test_missing_index_is_503_with_retry_after(tmp_path):
    proc, base = start(tmp_path / "nothing-here")
    try:
        assert httpx.get(f"{base}/healthz").status_code == 200
        reply = httpx.post(f"{base}/v1/search", json={"query": "đảng viên"})
        assert reply.status_code == 503 and reply.headers["retry-after"] and "ingest" in reply.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(10)
