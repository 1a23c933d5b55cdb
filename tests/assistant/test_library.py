"""Uploads, listing and deletion through the Library, on a real store with the hash embedder."""

from __future__ import annotations

from pathlib import Path

from assistant.library import Library, safe_filename
from index.embedders.fake import HashEmbeddings
from index.store import IndexStore

NOTE = "Chi bộ thôn Đông họp ngày 5/3/2024 và kết nạp 3 đảng viên mới.".encode()


def library(tmp_path: Path) -> Library:
    return Library(IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="fake"))


def test_upload_list_delete(tmp_path):
    lib = library(tmp_path)
    [added] = lib.add([("ghi-chu.txt", NOTE)])
    assert added.status == "added" and added.chunks == 1 and added.source == "uploads/ghi-chu.txt"
    assert [d.source for d in lib.list()] == ["uploads/ghi-chu.txt"]
    assert lib.store.lexical().search("kết nạp 3 đảng viên", k=1)[0].doc_id == added.doc_id
    [again] = lib.add([("ghi-chu.txt", NOTE)])
    assert again.status == "unchanged"
    assert lib.delete(added.doc_id) and lib.list() == [] and not lib.delete(added.doc_id)
    assert not (tmp_path / "idx" / "uploads" / "ghi-chu.txt").exists()
    assert lib.store.lexical().search("kết nạp 3 đảng viên", k=1) == []


def test_bad_upload_is_reported_and_leaves_nothing(tmp_path):
    lib = library(tmp_path)
    outcomes = lib.add([("hong.pdf", b"%PDF-1.4 broken"), ("tot.txt", NOTE), ("anh.png", b"\x89PNG")])
    assert [o.status for o in outcomes] == ["skipped", "added", "skipped"]
    assert all(o.reason for o in outcomes if o.status == "skipped")
    assert [d.source for d in lib.list()] == ["uploads/tot.txt"]
    assert sorted(p.name for p in (tmp_path / "idx" / "uploads").iterdir()) == ["tot.txt"]


def test_filenames_cannot_escape_the_upload_folder():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\x\\Nghị quyết 17.docx") == "Nghị quyết 17.docx"
    assert safe_filename("...") == "document"


def test_refused_reupload_keeps_the_earlier_version(tmp_path):
    lib = library(tmp_path)
    [first] = lib.add([("ghi-chu.txt", NOTE)])
    [refused] = lib.add([("ghi-chu.txt", bytes(range(128, 256)) * 40)])
    assert refused.status == "skipped"
    assert (tmp_path / "idx" / "uploads" / "ghi-chu.txt").read_bytes() == NOTE
    assert [d.doc_id for d in lib.list()] == [first.doc_id]
