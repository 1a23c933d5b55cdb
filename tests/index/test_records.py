"""The SQLite record manager honours LangChain's RecordManager contract; the document store round-trips."""

from __future__ import annotations

import pytest

from index.models import Document
from index.records import DocumentStore, SQLiteRecordManager, connect


@pytest.fixture()
def manager(tmp_path):
    return SQLiteRecordManager("chroma/test", connect(tmp_path / "r.sqlite"))


def test_update_exists_list_delete(manager):
    start = manager.get_time()
    manager.update(["a", "b", "c"], group_ids=["s1", "s1", "s2"])
    assert manager.exists(["a", "x", "c"]) == [True, False, True]
    assert manager.list_keys(group_ids=["s1"]) == ["a", "b"]
    assert manager.list_keys(before=start) == []
    later = manager.get_time()
    manager.update(["a"], group_ids=["s1"])
    assert manager.list_keys(group_ids=["s1"], before=later) == ["b"]
    assert manager.list_keys(after=later) == ["a"]
    assert manager.list_keys(limit=2) == ["a", "b"]
    manager.delete_keys(["a", "b"])
    assert manager.list_keys() == ["c"] and manager.count() == 1


def test_time_is_strictly_increasing(manager):
    times = [manager.get_time() for _ in range(1000)]
    assert all(a < b for a, b in zip(times, times[1:]))


def test_rejects_future_time_and_mismatched_groups(manager):
    with pytest.raises(ValueError):
        manager.update(["a"], time_at_least=manager.get_time() + 3600)
    with pytest.raises(ValueError):
        manager.update(["a", "b"], group_ids=["s"])


def test_namespaces_are_separate(tmp_path):
    conn = connect(tmp_path / "r.sqlite")
    one, two = SQLiteRecordManager("one", conn), SQLiteRecordManager("two", conn)
    one.update(["k"])
    assert two.exists(["k"]) == [False]


def test_exists_handles_many_keys(manager):
    keys = [f"k{i}" for i in range(1500)]
    manager.update(keys[::2])
    assert manager.exists(keys) == [i % 2 == 0 for i in range(1500)]


def test_document_store_round_trip_and_replace(tmp_path):
    store = DocumentStore(connect(tmp_path / "r.sqlite"))
    doc = Document(doc_id="d1", source="a/b.txt", text="Điều 5. Đảng viên", title="T", date="2011-01-19",
                   kind="điều lệ", doc_numbers=("17-NQ/TU",))
    store.put(doc, file_hash="h", pipeline="1", chunk_count=3)
    got = store.get(source="a/b.txt")
    assert got.document == doc and got.chunk_count == 3 and got.version == doc.version
    assert got.document.date_int == 20110119
    store.put(doc, file_hash="h2", pipeline="1", chunk_count=4)
    assert store.count() == 1 and store.get(doc_id="d1").file_hash == "h2"
    store.delete("a/b.txt")
    assert store.get(source="a/b.txt") is None
