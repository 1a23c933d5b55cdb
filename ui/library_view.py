"""HTML for the documents tab: per-file upload outcomes (in Vietnamese) and the list of indexed documents."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ui.render import day

STATUS = {
    "added": ("Đã thêm", "ok"),
    "updated": ("Đã cập nhật", "ok"),
    "unchanged": ("Đã có sẵn, không thay đổi", "same"),
    "skipped": ("Không thêm được", "bad"),
    "pending": ("Đang xử lý…", "busy"),
    "waiting": ("Đang chờ", "busy"),
}
# The ingestion layer explains refusals in English for the CLI; people using the page read these instead.
_REASONS = (
    ("unsupported file type", "Định dạng tệp không được hỗ trợ (chỉ nhận .txt, .md, .html, .htm, .pdf, .docx)."),
    ("no text layer", "PDF không có lớp chữ (có thể là bản quét): hãy nhận dạng chữ (OCR) trước khi tải lên."),
    ("encrypted", "PDF được khóa bằng mật khẩu: hãy gỡ mật khẩu rồi tải lên lại."),
    ("no main text", "Không tìm thấy nội dung chính trong trang HTML."),
    ("no text in the file", "Tệp không có nội dung chữ."),
    ("binary data", "Tệp có vẻ là dữ liệu nhị phân, không phải văn bản."),
    ("encoding", "Không nhận ra bảng mã của tệp văn bản: hãy lưu lại dưới dạng UTF-8 rồi tải lên."),
    ("corrupt", "Tệp bị hỏng hoặc không đọc được."),
    ("cannot read", "Không đọc được tệp."),
)


def reason_vi(reason: str) -> str:
    """A Vietnamese explanation of why a file was not added."""
    lowered = reason.lower()
    for needle, text in _REASONS:
        if needle in lowered:
            return text
    return "Không đọc được nội dung tệp."


def outcomes_html(rows: Sequence[dict]) -> str:
    """One line per uploaded file: name, what happened, chunks, and the reason when it was refused."""
    if not rows:
        return ""
    lines = []
    for row in rows:
        label, tone = STATUS.get(row["status"], (row["status"], "same"))
        detail = ""
        if row["status"] == "skipped":
            detail = f'{escape(reason_vi(row["reason"]))}<br><small>Chi tiết: {escape(row["reason"])}</small>'
        elif row.get("chunks"):
            detail = f'{row["chunks"]} đoạn văn'
        lines.append(
            f'<tr class="pda-outcome pda-{tone}"><td>{escape(row["filename"])}</td>'
            f'<td class="pda-status">{label}</td><td>{detail}</td></tr>'
        )
    head = "<tr><th>Tệp</th><th>Kết quả</th><th>Chi tiết</th></tr>"
    return f'<table class="pda-table" id="pda-outcomes">{head}{"".join(lines)}</table>'


def documents_html(documents: Sequence, *, problem: str | None = None) -> str:
    """The indexed documents, newest first, with kind, date, source and size."""
    if problem:
        return f'<div class="pda-panel pda-notice">{escape(problem)}</div>'
    if not documents:
        return '<div class="pda-panel pda-notice">Chưa có tài liệu nào trong chỉ mục.</div>'
    ordered = sorted(documents, key=lambda d: (d.date or "", d.source), reverse=True)
    rows = "".join(
        f"<tr><td>{escape(d.title or d.source)}<br><small>{escape(d.source)}</small></td>"
        f"<td>{escape(d.kind)}</td><td>{escape(day(d.date))}</td><td>{d.chunks}</td></tr>"
        for d in ordered
    )
    head = "<tr><th>Tài liệu</th><th>Loại</th><th>Ngày</th><th>Số đoạn</th></tr>"
    return (
        f'<div class="pda-count">{len(documents)} tài liệu trong chỉ mục</div>'
        f'<table class="pda-table" id="pda-documents">{head}{rows}</table>'
    )
