"""API keys: with keys set, every /v1/* call needs `Authorization: Bearer`; health stays open; logs hold no key."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import openai
import pytest

from tests.assistant.test_api import NGHEN, NGHEN_FACT, Server, copy_of_corpus_index, serve

KEYS = ["k1-5f0c7d2e9ab34c61", "k2-ee81b0a4c3d94f27"]
WRONG = "wrong-9c1d3e5f7a"


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> Iterator[Server]:
    index_dir = copy_of_corpus_index(tmp_path_factory.mktemp("keys"))
    env = {"ASSISTANT_API__KEYS": json.dumps(KEYS)}
    with serve(index_dir, env=env, trace=True) as server:  # uvicorn logging every request and ASGI message
        yield server


@pytest.fixture
def server(running) -> str:
    return running.base


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_health_and_docs_need_no_key(server):
    for path in ("/healthz", "/readyz", "/docs", "/openapi.json"):
        assert httpx.get(f"{server}{path}").status_code == 200, path


@pytest.mark.parametrize(
    "headers",
    [{}, bearer(WRONG), {"Authorization": "Bearer"}, {"Authorization": KEYS[0]}, {"Authorization": f"Basic {KEYS[0]}"},
     bearer(KEYS[0] + "x"), bearer(KEYS[0][:-1])],
)
def test_every_v1_route_refuses_a_missing_or_wrong_key(server, headers):
    for method, path in [("POST", "/v1/search"), ("POST", "/v1/ask"), ("GET", "/v1/documents"),
                         ("DELETE", "/v1/documents/x"), ("GET", "/v1/models")]:
        reply = httpx.request(method, f"{server}{path}", headers=headers, json={"query": "x", "question": "x"})
        assert reply.status_code == 401 and reply.headers["www-authenticate"] == "Bearer", path
        assert "Bearer" in str(reply.json()), path


def test_either_key_is_accepted(server):
    for key in KEYS:
        reply = httpx.post(f"{server}/v1/ask", json={"question": NGHEN}, headers=bearer(key))
        assert reply.status_code == 200 and NGHEN_FACT in reply.json()["answer"]


def test_unauthenticated_upload_is_refused_before_reading_and_ingests_nothing(server):
    before = httpx.get(f"{server}/v1/documents", headers=bearer(KEYS[0])).json()
    reply = httpx.post(f"{server}/v1/documents", files=[("files", ("x.txt", b"dang vien " * 10000))])
    assert reply.status_code == 401 and reply.json()["detail"]
    assert httpx.get(f"{server}/v1/documents", headers=bearer(KEYS[0])).json() == before


def test_openai_clients_with_and_without_the_key(server):
    refused = openai.OpenAI(base_url=f"{server}/v1", api_key=WRONG, max_retries=0)
    with pytest.raises(openai.AuthenticationError) as caught:
        refused.chat.completions.create(model="party-assistant", messages=[{"role": "user", "content": NGHEN}])
    assert caught.value.code == "invalid_api_key" and caught.value.body["type"] == "invalid_request_error"
    allowed = openai.OpenAI(base_url=f"{server}/v1", api_key=KEYS[1], max_retries=0)
    stream = allowed.chat.completions.create(
        model="party-assistant", messages=[{"role": "user", "content": NGHEN}], stream=True
    )
    assert NGHEN_FACT in "".join(c.choices[0].delta.content or "" for c in stream if c.choices)


def test_keys_never_reach_the_logs(running):
    for key in (*KEYS, WRONG):
        httpx.post(f"{running.base}/v1/search", json={"query": "đảng viên"}, headers=bearer(key))
    httpx.post(f"{running.base}/v1/search", json={"query": "   "}, headers=bearer(KEYS[0]))  # an error path too
    logs = running.logs()
    assert "/v1/search" in logs and "401" in logs  # the log does record requests ...
    assert all(key not in logs for key in (*KEYS, WRONG))  # ... but none of the keys
