"""Uploads, listing and deletion over HTTP on a real server, including refusals and searches during an upload."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.assistant.test_api import Server, copy_of_corpus_index, serve

NOTE = "Chi bộ thôn Đông họp ngày 5/3/2024 và kết nạp 3 đảng viên mới.".encode()
LIMIT = 1_000_000  # ASSISTANT_API__MAX_UPLOAD_BYTES on this server


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> Iterator[Server]:
    index_dir = copy_of_corpus_index(tmp_path_factory.mktemp("documents"))
    env = {"ASSISTANT_API__MAX_UPLOAD_BYTES": str(LIMIT), "ASSISTANT_API__MAX_FILES": "3"}
    with serve(index_dir, env=env) as server:
        yield server


@pytest.fixture
def server(running) -> str:
    return running.base


def documents(server: str) -> list[dict]:
    reply = httpx.get(f"{server}/v1/documents")
    assert reply.status_code == 200
    return reply.json()["documents"]


def chunks(server: str) -> int:
    return httpx.get(f"{server}/readyz").json()["chunks"]


def upload(server: str, *files: tuple[str, bytes], **options) -> httpx.Response:
    return httpx.post(f"{server}/v1/documents", files=[("files", f) for f in files], timeout=120, **options)


def test_list_shows_metadata_and_chunk_counts(server):
    listed = documents(server)
    assert len(listed) == 6 and sum(d["chunks"] for d in listed) == chunks(server)
    charter = next(d for d in listed if d["source"].startswith("charter/"))
    assert charter["title"] and charter["date"] and charter["kind"] and charter["chars"] > 1000


def test_upload_search_delete(server):
    reply = upload(server, ("ghi chú.txt", NOTE))
    assert reply.status_code == 200
    [added] = reply.json()["files"]
    assert added["status"] == "added" and added["chunks"] == 1 and added["source"] == "uploads/ghi chú.txt"
    assert added["doc_id"] in {d["doc_id"] for d in documents(server)}
    question = "Chi bộ thôn Đông kết nạp bao nhiêu đảng viên mới?"
    found = httpx.post(f"{server}/v1/ask", json={"question": question}).json()
    assert "3 đảng viên" in found["answer"] and found["citations"][0]["doc_id"] == added["doc_id"]
    assert upload(server, ("ghi chú.txt", NOTE)).json()["files"][0]["status"] == "unchanged"

    gone = httpx.delete(f"{server}/v1/documents/{added['doc_id']}")
    assert gone.status_code == 200 and gone.json() == {"doc_id": added["doc_id"], "deleted": True}
    assert added["doc_id"] not in {d["doc_id"] for d in documents(server)}
    hits = httpx.post(f"{server}/v1/search", json={"query": "thôn Đông kết nạp 3 đảng viên"}).json()["hits"]
    assert all(h["doc_id"] != added["doc_id"] for h in hits)
    missing = httpx.delete(f"{server}/v1/documents/{added['doc_id']}")
    assert missing.status_code == 404 and missing.json()["detail"]


def test_corrupt_file_is_skipped_with_its_reason_and_the_others_go_in(server):
    before = documents(server)
    reply = upload(server, ("hỏng.pdf", b"%PDF-1.4 broken"), ("tốt.txt", NOTE))
    assert reply.status_code == 200
    bad, good = reply.json()["files"]
    assert bad["status"] == "skipped" and "PDF" in bad["reason"] and bad["doc_id"] is None
    assert good["status"] == "added"
    assert {d["source"] for d in documents(server)} == {d["source"] for d in before} | {"uploads/tốt.txt"}
    assert httpx.delete(f"{server}/v1/documents/{good['doc_id']}").status_code == 200


def test_unsupported_file_is_415_and_nothing_is_ingested(server):
    before, count = documents(server), chunks(server)
    reply = upload(server, ("tốt.txt", NOTE), ("ảnh.png", b"\x89PNG\r\n"))
    assert reply.status_code == 415 and "ảnh.png" in reply.json()["detail"] and ".docx" in reply.json()["detail"]
    assert upload(server, ("không đuôi", NOTE)).status_code == 415
    assert documents(server) == before and chunks(server) == count


def test_oversized_upload_is_413_and_nothing_is_ingested(server):
    before, count = documents(server), chunks(server)
    big = b"dang vien " * (LIMIT // 10 + 1000)
    reply = upload(server, ("lớn.txt", big))
    assert reply.status_code == 413 and "ASSISTANT_API__MAX_UPLOAD_BYTES" in reply.json()["detail"]
    assert documents(server) == before and chunks(server) == count


def test_oversized_upload_without_length_is_refused_while_reading(server):
    """A chunked body has no Content-Length: the server counts while reading and stops at the limit."""
    boundary = "limit-test"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"lớn.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(2 * LIMIT // 16384):
            yield b"dang vien " * 1638 + b"    "
        yield f"\r\n--{boundary}--\r\n".encode()

    before = documents(server)
    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    try:
        reply = httpx.post(f"{server}/v1/documents", content=body(), headers=headers, timeout=60)
        assert reply.status_code == 413
    except httpx.TransportError:  # the server may close before the client has sent everything: also a refusal
        pass
    assert documents(server) == before


def test_file_name_too_long_for_the_disk_is_422_and_nothing_is_ingested(server):
    before = documents(server)
    reply = upload(server, ("tốt.txt", NOTE), ("đ" * 130 + ".txt", NOTE))
    assert reply.status_code == 422 and "255" in reply.json()["detail"]
    assert documents(server) == before


def test_too_many_files_is_413(server):
    reply = upload(server, *[(f"{i}.txt", NOTE) for i in range(4)])
    assert reply.status_code == 413 and "ASSISTANT_API__MAX_FILES" in reply.json()["detail"]


@pytest.mark.parametrize(
    "options",
    [{"json": {"files": ["a.txt"]}}, {"data": {"note": "no file"}}],
)
def test_upload_without_files_is_422(server, options):
    assert httpx.post(f"{server}/v1/documents", **options).status_code == 422


def big_document(paragraphs: int) -> bytes:
    line = "Đảng bộ xã Hòa An {i} tổ chức hội nghị quán triệt nghị quyết, kết nạp {i} quần chúng ưu tú vào Đảng. "
    return "\n\n".join(line.format(i=i) * 3 for i in range(paragraphs)).encode()


def test_searches_are_served_while_an_upload_is_ingested(server):
    old = {d["doc_id"]: d["chunks"] for d in documents(server)}
    before = chunks(server)
    assert sum(old.values()) == before
    result: dict = {}
    writer = threading.Thread(target=lambda: result.update(reply=upload(server, ("lớn.txt", big_document(1000)))))
    seen_chunks, hit_docs, during = set(), set(), 0
    writer.start()
    while writer.is_alive():
        found = httpx.post(f"{server}/v1/search", json={"query": "kết nạp đảng viên", "k": 10}, timeout=30)
        ready = httpx.get(f"{server}/readyz", timeout=30)
        assert found.status_code == 200 and ready.status_code == 200
        hit_docs |= {h["doc_id"] for h in found.json()["hits"]}
        seen_chunks.add(ready.json()["chunks"])
        during += writer.is_alive()
        time.sleep(0.02)
    writer.join()
    [added] = result["reply"].json()["files"]
    assert added["status"] == "added" and added["chunks"] > 100
    assert during >= 3, "the upload finished before searches could overlap it"
    assert seen_chunks <= {before, before + added["chunks"]}  # never a partly indexed document
    assert before in seen_chunks
    assert hit_docs <= set(old) | {added["doc_id"]}

    listed = {d["doc_id"]: d["chunks"] for d in documents(server)}
    assert listed == {**old, added["doc_id"]: added["chunks"]}
    assert chunks(server) == sum(listed.values()) == before + added["chunks"]
    hits = httpx.post(f"{server}/v1/search", json={"query": "xã Hòa An quần chúng ưu tú"}).json()["hits"]
    assert hits[0]["doc_id"] == added["doc_id"]
    assert httpx.delete(f"{server}/v1/documents/{added['doc_id']}").status_code == 200
    assert chunks(server) == before
