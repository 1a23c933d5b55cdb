"""Structure-aware chunking: exact spans over the whole corpus, heading paths, sizes and split points."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.chunking import chunk_document
from index.cleaning import clean_text
from index.models import Chunk, Document

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus"
SEED_DIR = next((d for d in [REPO / "corpus" / "seeds", SHARED / "seeds"] if d.is_dir() and any(d.glob("*.txt"))), None)
PARTY_DOCS = SHARED / "party" / "docs"
CHARTERS = [REPO / "corpus" / "charter" / "dieu-le-dang-2011.md", PARTY_DOCS / "b5766b5f7caa1268.md"]
CHARTER = next((p for p in CHARTERS if p.is_file()), None)


def doc(text: str) -> Document:
    return Document(doc_id="d", source="test", text=text)


def check_invariants(document: Document, chunks: list[Chunk], *, max_chars: int) -> list[str]:
    """Every broken chunk property, as messages; empty when all hold."""
    problems = []
    text = document.text
    previous_end = 0
    for chunk in chunks:
        if text[chunk.start : chunk.end] != chunk.text:
            problems.append(f"{document.source}: span {chunk.start}-{chunk.end} is not the chunk text")
        if not chunk.text or chunk.text != chunk.text.strip():
            problems.append(f"{document.source}: empty or unstripped chunk at {chunk.start}")
        if chunk.start < previous_end:
            problems.append(f"{document.source}: chunk at {chunk.start} overlaps or is out of order")
        if len(chunk.text) > max_chars and any(c.isspace() for c in chunk.text):
            problems.append(f"{document.source}: chunk at {chunk.start} has {len(chunk.text)} chars")
        if text[previous_end : chunk.start].strip():
            problems.append(f"{document.source}: text before {chunk.start} is in no chunk")
        previous_end = chunk.end
    if text[previous_end:].strip():
        problems.append(f"{document.source}: text after {previous_end} is in no chunk")
    return problems


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    paths = sorted(PARTY_DOCS.glob("*.md")) + (sorted(SEED_DIR.glob("*.txt")) if SEED_DIR else [])
    if len(paths) < 100:
        pytest.skip("the 740-document party corpus is not around")
    return [Document(doc_id=p.stem, source=p.name, text=clean_text(p.read_text(encoding="utf-8"))) for p in paths]


@pytest.fixture(scope="module")
def charter_chunks() -> list[Chunk]:
    if CHARTER is None:
        pytest.skip("Party Charter not found")
    return chunk_document(doc(clean_text(CHARTER.read_text(encoding="utf-8"))))


# --- the whole corpus -----------------------------------------------------------------------------


def test_every_chunk_is_an_exact_stripped_slice_covering_the_corpus(corpus):
    problems = []
    total = 0
    for document in corpus:
        chunks = chunk_document(document)
        total += len(chunks)
        problems += check_invariants(document, chunks, max_chars=900)
    assert not problems, problems[:10]
    assert total > len(corpus)


def test_smaller_chunks_keep_the_properties(corpus):
    problems = []
    for document in corpus[::10]:
        problems += check_invariants(document, chunk_document(document, max_chars=300), max_chars=300)
    assert not problems, problems[:10]


# --- the Party Charter ----------------------------------------------------------------------------


def test_every_chunk_of_dieu_5_says_so(charter_chunks):
    under = [c for c in charter_chunks if "Người được kết nạp vào Đảng phải trải qua thời kỳ dự bị" in c.text]
    assert under and all("Điều 5" in c.heading for c in under)
    assert all(c.heading.endswith("Điều 5") for c in charter_chunks if "Điều 5." in c.text.split("\n")[0])


def test_charter_headings_carry_the_chapter(charter_chunks):
    dieu_5 = next(c for c in charter_chunks if c.heading.endswith("Điều 5"))
    assert dieu_5.heading == "Chương I. ĐẢNG VIÊN > Điều 5"
    assert dieu_5.text.startswith("Điều 5.")
    assert any(c.heading.startswith("Chương II. ") for c in charter_chunks)


def test_an_article_that_fits_is_one_chunk(charter_chunks):
    dieu_6 = [c for c in charter_chunks if c.heading.endswith("Điều 6")]
    assert len(dieu_6) == 1
    assert dieu_6[0].text.startswith("Điều 6.\nViệc phát và quản lý thẻ đảng viên")


def test_long_articles_split_at_clause_starts(charter_chunks):
    dieu_4 = [c for c in charter_chunks if c.heading.endswith("Điều 4")]
    assert len(dieu_4) > 1
    assert all(c.text.split("\n")[0][0] in "Đ0123456789-" for c in dieu_4)


def test_chapter_heading_is_not_a_chunk_of_its_own(charter_chunks):
    first = next(c for c in charter_chunks if "Chương I" in c.text)
    assert first.text.startswith("Chương I\nĐẢNG VIÊN\nĐiều 1.\n1. Đảng viên")


# --- small documents ------------------------------------------------------------------------------


def test_markdown_heading_path():
    text = "# Tô Lâm\n\nMở đầu.\n\n## Sự nghiệp\n\n### Bộ Công an\n\nNội dung về Bộ Công an.\n\n## Gia đình\n\nVợ con."
    chunks = chunk_document(doc(text))
    assert [(c.heading, c.text) for c in chunks] == [
        ("Tô Lâm", "# Tô Lâm\n\nMở đầu."),
        ("Tô Lâm > Sự nghiệp > Bộ Công an", "## Sự nghiệp\n\n### Bộ Công an\n\nNội dung về Bộ Công an."),
        ("Tô Lâm > Gia đình", "## Gia đình\n\nVợ con."),
    ]


def test_dieu_with_a_title_and_colon_forms():
    text = "Chương II Tổ chức của Đảng\nĐiều 9: Tập trung dân chủ\nNội dung điều 9.\nĐiều 10.\nNội dung điều 10."
    headings = [c.heading for c in chunk_document(doc(text))]
    chapter = "Chương II. Tổ chức của Đảng"
    assert headings == [f"{chapter} > Điều 9. Tập trung dân chủ", f"{chapter} > Điều 10"]


def test_sentence_that_merely_starts_with_dieu_is_not_a_heading():
    chunks = chunk_document(doc("Điều 5 của Điều lệ quy định thời kỳ dự bị mười hai tháng."))
    assert [c.heading for c in chunks] == [""]


def test_heading_labels_are_short():
    text = "## " + "Một tiêu đề rất dài " * 10 + "\n\nNội dung."
    (chunk,) = chunk_document(doc(text))
    assert len(chunk.heading) <= 81 and chunk.heading.endswith("…")


def test_news_packs_whole_paragraphs():
    paragraphs = [f"Đoạn {i}. " + "Nội dung của đoạn văn này khá dài. " * 6 for i in range(6)]
    text = "\n\n".join(p.strip() for p in paragraphs)
    chunks = chunk_document(doc(text), max_chars=500)
    assert all(c.text.startswith("Đoạn ") for c in chunks)
    assert sum(c.text.count("Đoạn ") for c in chunks) == 6
    assert len(chunks) < 6


def test_long_paragraph_splits_between_sentences():
    sentence = "Đảng bộ đã lãnh đạo thực hiện tốt nhiệm vụ chính trị của địa phương. "
    text = (sentence * 30).strip()
    chunks = chunk_document(doc(text), max_chars=300)
    assert len(chunks) > 1
    assert all(c.text.endswith(".") and c.text.startswith("Đảng bộ") and len(c.text) <= 300 for c in chunks)


def test_overlong_sentence_splits_at_commas_then_spaces():
    sentence = ", ".join(["nâng cao chất lượng sinh hoạt chi bộ"] * 40) + "."
    chunks = chunk_document(doc(sentence), max_chars=200)
    assert len(chunks) > 1 and all(len(c.text) <= 200 for c in chunks)
    assert all(c.text.endswith((",", ".")) for c in chunks)


def test_single_huge_token_is_cut_to_size():
    text = "Mở đầu.\n" + "x" * 2500
    chunks = chunk_document(doc(text), max_chars=900)
    assert [len(c.text) for c in chunks] == [7, 900, 900, 700]


def test_heading_is_kept_with_the_start_of_a_long_body():
    body = "Đảng viên có nhiệm vụ chấp hành nghiêm chỉnh Cương lĩnh chính trị và Điều lệ Đảng. " * 12
    chunks = chunk_document(doc("Điều 2.\n" + body.strip()), max_chars=400)
    assert chunks[0].text.startswith("Điều 2.\nĐảng viên")
    assert all(c.heading == "Điều 2" for c in chunks)


def test_empty_document_has_no_chunks():
    assert chunk_document(doc("")) == [] and chunk_document(doc("\n\n  \n")) == []
