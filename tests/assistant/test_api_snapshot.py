"""Readers see the index as of the last finished write: a document half written is invisible to search."""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.api.snapshot import CommittedView, CommittingLibrary
from assistant.retrieval import HybridRetriever
from index.chunking import chunk_document
from index.embedders.fake import HashEmbeddings
from index.prepare import prepare_document
from index.store import IndexStore

NOTE = "Chi bộ thôn Đông họp ngày 5/3/2024 và kết nạp 3 đảng viên mới.".encode()
OTHER = "Đảng bộ xã Hòa An tổ chức hội nghị quán triệt nghị quyết về chuyển đổi số."


def library(tmp_path: Path) -> CommittingLibrary:
    store = IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="fake")
    return CommittingLibrary(CommittedView(store))


def test_a_write_is_invisible_until_published(tmp_path):
    lib = library(tmp_path)
    [note] = lib.add([("note.txt", NOTE)])
    view, store = lib.view, lib.store
    retriever = HybridRetriever(view)
    doc = prepare_document(OTHER, source="uploads/other.txt")
    store.write_document(doc, chunk_document(doc, max_chars=900), file_hash="h", pipeline="p")  # as mid-ingest

    assert view.chunk_count() == 1 and view.document_count() == 1
    assert {h.doc_id for h in retriever.retrieve("hội nghị chuyển đổi số xã Hòa An", k=5)} <= {note.doc_id}
    assert [d.doc_id for d in lib.list()] == [note.doc_id]

    view.publish()
    assert view.chunk_count() == 2
    assert retriever.retrieve("hội nghị chuyển đổi số xã Hòa An", k=1)[0].doc_id == doc.doc_id


def test_library_writes_publish_and_deletes_disappear(tmp_path):
    lib = library(tmp_path)
    [note] = lib.add([("note.txt", NOTE)])
    assert lib.view.chunk_count() == 1 and [d.doc_id for d in lib.list()] == [note.doc_id]
    assert lib.delete(note.doc_id) and lib.view.chunk_count() == 0 and lib.list() == []
    assert not lib.delete(note.doc_id)


def test_readers_never_fail_while_documents_are_added(tmp_path):
    lib = library(tmp_path)
    lib.add([("note.txt", NOTE)])
    retriever = HybridRetriever(lib.view)
    errors, counts, done = [], set(), threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                retriever.retrieve("kết nạp đảng viên", k=3)
                counts.add(lib.view.chunk_count())
            except Exception as err:  # collected, so the assertion below shows it
                errors.append(err)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    outcomes = lib.add([(f"{i}.txt", f"Chi bộ số {i} kết nạp {i} đảng viên. {OTHER}".encode()) for i in range(8)])
    done.set()
    for reader in readers:
        reader.join()
    assert errors == [] and all(o.status == "added" for o in outcomes)
    assert counts <= {1, 9} and lib.view.chunk_count() == 9
