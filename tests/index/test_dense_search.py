"""Dense search returns the exact nearest neighbours, not an approximation, in embedded Chroma and in a real
`chroma run` server; an index opened in server mode is written and searched like an embedded one."""

from __future__ import annotations

import re

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from index.chroma import SEARCH_EF, open_client, open_vectorstore
from index.embedders.fake import HashEmbeddings
from index.ingest import ingest
from index.store import IndexStore
from tests.index.chroma_server import chroma_server
from tests.index.test_ingest import SEEDS, assert_consistent

DIM, POINTS, QUERIES, K = 48, 3000, 25, 50


class TableEmbeddings(Embeddings):
    """"p17" is the 17th row of a fixed random table, "q3" the 3rd query row: vectors with no structure to lean on."""

    def __init__(self) -> None:
        rng = np.random.default_rng(23)
        self.points = rng.standard_normal((POINTS, DIM)).astype(np.float32)
        self.queries = rng.standard_normal((QUERIES, DIM)).astype(np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.points[int(t[1:])].tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.queries[int(text[1:])].tolist()


def _exact(table: TableEmbeddings, query: int) -> list[str]:
    unit = table.points / np.linalg.norm(table.points, axis=1, keepdims=True)
    q = table.queries[query] / np.linalg.norm(table.queries[query])
    return [f"p{i}" for i in np.argsort(-(unit @ q))[:K]]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("server") / "chroma") as url:
        yield url


@pytest.fixture(params=["embedded", "server"])
def where(request, tmp_path):
    """Where a test's Chroma lives: a directory for embedded Chroma, or the server's URL and a fresh collection."""
    if request.param == "embedded":
        return {"path": tmp_path / "chroma", "collection": "table"}
    name = re.sub(r"[^a-zA-Z0-9]+", "-", request.node.originalname).strip("-")
    return {"url": request.getfixturevalue("server_url"), "collection": name}


def _open(where, table, search_ef):
    client = open_client(where.get("path"), url=where.get("url"))
    return open_vectorstore(
        client, collection=where["collection"], embedder=table, embedder_name="table", search_ef=search_ef
    )


def test_dense_search_finds_the_exact_nearest_neighbours(where):
    table = TableEmbeddings()
    store = _open(where, table, SEARCH_EF)
    names = [f"p{i}" for i in range(POINTS)]
    store.add_texts(names, ids=names)
    for query in range(QUERIES):
        found = [doc.page_content for doc, _ in store.similarity_search_with_score(f"q{query}", k=K)]
        assert found == _exact(table, query), f"q{query}"


def test_an_index_opened_with_another_breadth_takes_the_new_one(where):
    table = TableEmbeddings()
    store = _open(where, table, 100)
    store.add_texts(["p0", "p1"], ids=["p0", "p1"])
    assert store._collection.configuration["hnsw"]["ef_search"] == 100
    reopened = _open(where, table, SEARCH_EF)
    assert reopened._collection.configuration["hnsw"]["ef_search"] == SEARCH_EF
    assert reopened._collection.configuration["hnsw"]["space"] == "cosine"


def test_an_index_in_server_mode_is_written_read_and_searched(server_url, tmp_path):
    store = IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="fake", chroma_url=server_url,
                       collection="seeds")
    report = ingest([SEEDS], store=store)
    assert len(report.added) == 5 and report.chunks_embedded == report.chunks_total
    assert_consistent(store)
    hits = store.dense_search("Thị trấn Nghèn thuộc huyện nào", k=5)
    assert len(hits) == 5 and all(h.source for h in hits)
    lexical = store.lexical().search("Thị trấn Nghèn", k=1)
    assert lexical[0].chunk_id in {h.chunk_id for h in store.dense_search("Thị trấn Nghèn", k=50)}
    store.close()
    again = IndexStore(tmp_path / "idx", embedder=HashEmbeddings(), embedder_name="fake", chroma_url=server_url,
                       collection="seeds", create=False)
    assert again.chunk_count() == report.chunks_total
    assert not ingest([SEEDS], store=again).added
    again.close()
