"""From raw text to a Document: cleaned text, metadata, a stable id, and a clear error for empty pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import UnreadableFile
from index.models import content_hash
from index.prepare import prepare_document

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = [REPO / "corpus" / "seeds", REPO.parent / "shared" / "corpus" / "seeds"]
SEED_DIR = next((d for d in SEED_DIRS if d.is_dir() and any(d.glob("*.txt"))), None)


def test_seed_becomes_a_document():
    if SEED_DIR is None:
        pytest.skip("seed scrapes not found")
    path = next(SEED_DIR.glob("004_*.txt"))
    document = prepare_document(path.read_text(encoding="utf-8"), source="seeds/" + path.name)
    assert document.doc_id == content_hash("seeds/" + path.name)
    assert document.source == "seeds/" + path.name
    assert document.title == "Thực hiện đồng bộ các nhiệm vụ, giải pháp nâng cao chất lượng hoạt động của tổ chức đảng"
    assert (document.date, document.date_int) == ("2021-11-29", 20211129)
    assert (document.author, document.kind) == ("Hương Dịu", "tin tức")
    assert "17-NQ/TU" in document.doc_numbers
    assert "PublishingPortal" not in document.text and document.text.endswith("Hương Dịu")


def test_title_hint_is_used():
    document = prepare_document("Dòng đầu tiên\n\nNội dung bài viết.", source="a.txt", title_hint="Tiêu đề từ danh mục")
    assert document.title == "Tiêu đề từ danh mục"
    assert document.text == "Dòng đầu tiên\n\nNội dung bài viết."


def test_same_source_same_id_whatever_the_text():
    first = prepare_document("Nội dung một.", source="x/a.txt")
    second = prepare_document("Nội dung hai.", source="x/a.txt")
    assert first.doc_id == second.doc_id and first.version != second.version


@pytest.mark.parametrize(
    "raw", ["", "   \n\n", "\u200b\u00a0", "|\n|---|---|\n|", "EmailPrintAa\nSkip to main content\ntop\ndown"]
)
def test_nothing_left_after_cleaning_is_unreadable(raw):
    with pytest.raises(UnreadableFile, match="no text left after cleaning"):
        prepare_document(raw, source="empty.txt")
