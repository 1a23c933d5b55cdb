"""Upload outcomes and the document list, in Vietnamese, escaped."""

from __future__ import annotations

from assistant.library import DocumentInfo
from ui.library_view import documents_html, outcomes_html, reason_vi


def test_refusal_reasons_are_explained_in_vietnamese():
    assert "PDF không có lớp chữ" in reason_vi("scan.pdf: no text layer: scanned PDF? OCR it first")
    assert "không được hỗ trợ" in reason_vi("a.exe: unsupported file type .exe; supported: .txt")
    assert "mật khẩu" in reason_vi("a.pdf: the PDF is encrypted with a password; remove the password first")
    assert reason_vi("something new") == "Không đọc được nội dung tệp."


def test_outcomes_show_each_file_with_its_result():
    html = outcomes_html([
        {"filename": "<a>.txt", "status": "added", "reason": "", "chunks": 3},
        {"filename": "b.pdf", "status": "skipped", "reason": "b.pdf: corrupt or unreadable PDF (x)", "chunks": 0},
        {"filename": "c.md", "status": "waiting", "reason": "", "chunks": 0},
    ])
    assert "&lt;a&gt;.txt" in html and "Đã thêm" in html and "3 đoạn văn" in html
    assert "Không thêm được" in html and "Tệp bị hỏng" in html and "Đang chờ" in html
    assert outcomes_html([]) == ""


def test_documents_newest_first_with_count():
    docs = [
        DocumentInfo("1", "seeds/a.txt", "Cũ", "2011-01-19", "điều lệ", None, (), 79, 1000),
        DocumentInfo("2", "uploads/b.txt", "Mới <b>", "2023-12-15", "tin tức", None, (), 1, 100),
        DocumentInfo("3", "uploads/c.txt", "", None, "khác", None, (), 2, 100),
    ]
    html = documents_html(docs)
    assert "3 tài liệu trong chỉ mục" in html and "Mới &lt;b&gt;" in html and "không rõ ngày" in html
    assert html.index("Mới") < html.index("Cũ")
    assert "Chưa có tài liệu" in documents_html([])
