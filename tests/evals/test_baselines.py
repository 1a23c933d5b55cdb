"""Baselines: BM25 alone and dense alone wrap the store; the LangChain-tutorial pipeline builds its own Chroma."""

from __future__ import annotations

import unicodedata

import pytest

from evals.baselines import DenseRetriever, LexicalRetriever, TutorialRetriever, store_documents, tutorial_chunks
from evals.metrics import evidence_rank
from index.embedders.fake import HashEmbeddings
from tests.evals.fakes import DOCUMENTS, FakeStore


def test_lexical_and_dense_wrap_the_store_with_normalised_queries():
    store = FakeStore()
    nfd_old_tones = unicodedata.normalize("NFD", "cấp uỷ")
    assert LexicalRetriever(store).retrieve(nfd_old_tones, k=4, filters="F")[0].text == "bm25 passage"
    assert DenseRetriever(store).retrieve(nfd_old_tones, k=2)[0].text == "dense passage"
    assert store.log == [("lexical", "cấp ủy", 4, "F"), ("dense", "cấp ủy", 2, None)]


def test_store_documents():
    assert store_documents(FakeStore()) == DOCUMENTS


def test_tutorial_chunks_follow_the_tutorial_sizes():
    chunks = tutorial_chunks(DOCUMENTS)
    assert all(len(c.page_content) <= 1000 for c in chunks)
    charter = [c for c in chunks if c.metadata["source"] == "charter/dieu-le.md"]
    assert len(charter) >= 3
    first, second = charter[0], charter[1]
    assert second.metadata["start_index"] < first.metadata["start_index"] + len(first.page_content)  # 200 overlap


def test_tutorial_retriever_builds_searches_and_cleans_up(tmp_path):
    progress = []
    embedder = HashEmbeddings()
    retriever = TutorialRetriever.build(DOCUMENTS, embedder=embedder, batch_size=2, progress=lambda d, t: progress.append((d, t)))
    directory = retriever._cleanup
    assert directory is not None and directory.exists()
    total = len(tutorial_chunks(DOCUMENTS))
    assert progress[-1] == (total, total) and len(progress) == (total + 1) // 2
    hits = retriever.retrieve("Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?", k=3)
    assert len(hits) == 3 and hits[0].source == "seeds/nghen.txt" and hits[0].score == 1.0
    assert evidence_rank([h.text for h in hits], "kết nạp được 95 đảng viên") == 1
    with pytest.raises(ValueError, match="no metadata filters"):
        retriever.retrieve("x", k=1, filters=object())
    retriever.close()
    assert not directory.exists()


def test_tutorial_retriever_in_a_given_directory(tmp_path):
    with TutorialRetriever.build(DOCUMENTS[:1], embedder=HashEmbeddings(), directory=tmp_path) as retriever:
        assert retriever.retrieve("95 đảng viên", k=5)[0].start == 0
    assert tmp_path.exists()  # not ours to delete
