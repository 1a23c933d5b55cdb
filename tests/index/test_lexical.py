"""The lexical index's view of whole documents: the first passage of each, the ones with a signature."""

from index.filters import Filters
from index.lexical import LexicalIndex


def record(chunk: str, doc: str, start: int, passage: str) -> dict:
    return {"chunk_id": chunk, "doc_id": doc, "passage": passage, "start": start, "end": start + len(passage),
            "source": f"{doc}.md", "title": "Quy định về kết nối, chia sẻ dữ liệu", "heading": ""}


def test_a_documents_opening_is_its_first_passage_whatever_the_order_of_its_chunks():
    index = LexicalIndex.build([
        record("c2", "d1", 900, "Chủ quản dữ liệu phải thông báo công khai ít nhất 07 ngày."),
        record("c1", "d1", 0, "Số 384-QĐ/TW. QUY ĐỊNH về kết nối, chia sẻ dữ liệu."),
        record("c3", "d1", 450, "Điều 1. Phạm vi điều chỉnh."),
        record("c4", "d2", 0, "Một văn bản khác."),
    ])
    opening = index.opening("d1")
    assert opening is not None and opening.chunk_id == "c1" and opening.start == 0
    assert opening.text.startswith("Số 384-QĐ/TW") and opening.title.startswith("Quy định")
    assert index.opening("d2").chunk_id == "c4"
    assert index.opening("unknown") is None
    assert LexicalIndex.build([]).opening("d1") is None


def test_a_documents_signature_passages_are_found_by_document_and_filtered():
    index = LexicalIndex.build([
        record("c1", "d1", 0, "Số 212-KL/TW. KẾT LUẬN về tiêu chuẩn của đơn vị hành chính."),
        record("c2", "d1", 500, "- Lưu Văn phòng Trung ương Đảng.\n\nT/M BỘ CHÍNH TRỊ\nTrần Cẩm Tú"),
        record("c3", "d2", 0, "Thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký."),
    ])
    assert [h.chunk_id for h in index.signatures("d1")] == ["c2"]
    assert index.signatures("d2") == [] and index.signatures("unknown") == []
    assert index.signatures("d1", filters=Filters(sources=("d2",))) == []
    assert [h.chunk_id for h in index.signatures("d1", filters=Filters(sources=("d1",)))] == ["c2"]
