"""HTML for the chat: answers with clickable [n] markers, source cards, the cited passage and the whole document."""

from __future__ import annotations

import re
from html import escape

from assistant.models import REFUSAL

_MARKER = re.compile(r"\[(\d+)\]")
PASSAGE_HINT = "Bấm vào [1], [2]… trong câu trả lời, hoặc vào một thẻ nguồn, để xem đoạn văn được trích dẫn."
_RATING_LABELS = {"useful": "Hữu ích", "not_useful": "Không hữu ích"}


def day(iso: str | None) -> str:
    """An ISO date as dd/mm/yyyy, the way Vietnamese readers write it."""
    if not iso:
        return "không rõ ngày"
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def text_html(text: str) -> str:
    """Escaped text with line breaks kept and no blank line (a blank line would end Markdown's raw-HTML block)."""
    return escape(text).replace("\n", "<br>")


def action(kind: str, turn: int, arg: str | int) -> str:
    """The link target the page script turns into a server call: #pda-<kind>-<turn>-<arg>."""
    return f"#pda-{kind}-{turn}-{arg}"


def streaming_html(text: str) -> str:
    """The answer while it is still arriving."""
    return f'<div class="pda-answer pda-streaming">{text_html(text)}</div>'


def answer_html(turn: int, record: dict) -> str:
    """A finished answer: text with linked markers, its source cards, and the feedback links."""
    if record.get("problem"):
        return f'<div class="pda-answer pda-problem">{text_html(record["text"])}</div>'
    if record["abstained"]:
        body = (
            f'<div class="pda-answer pda-refusal"><strong>{escape(REFUSAL)}</strong><br>'
            '<span class="pda-hint">Không có đoạn văn nào trong các tài liệu đã lập chỉ mục đủ để trả lời. '
            "Hãy thử hỏi cách khác, bỏ bớt bộ lọc, hoặc tải tài liệu liên quan lên.</span></div>"
        )
        return body + rating_html(turn, record)
    known = {c["n"] for c in record["citations"]}

    def link(found: re.Match) -> str:
        n = int(found[1])
        if n not in known:
            return found[0]
        return f'<a class="pda-cite" href="{action("cite", turn, n)}" title="Xem nguồn [{n}]">[{n}]</a>'

    text = _MARKER.sub(link, text_html(record["text"]))
    return (f'<div class="pda-answer">{text}</div>' + mode_html(record) + sources_html(turn, record["citations"])
            + rating_html(turn, record))


MODES = {"generative": "Câu trả lời do mô hình ngôn ngữ viết, đã đối chiếu với nguồn.",
         "fallback": "Trích nguyên văn từ nguồn (không dùng câu trả lời của mô hình ngôn ngữ)."}


def mode_html(record: dict) -> str:
    """How a non-extractive answer was made, and what verification removed or why it fell back."""
    label = MODES.get(record.get("mode") or "extractive")
    if label is None:
        return ""
    note = f" {escape(record['note'])}" if record.get("note") else ""
    return f'<div class="pda-hint pda-mode">{escape(label)}{note}</div>'


def sources_html(turn: int, citations: list[dict]) -> str:
    """One clickable card per citation: number, title, date and source."""
    if not citations:
        return ""
    cards = "".join(
        f'<a class="pda-card" href="{action("cite", turn, c["n"])}">'
        f'<span class="pda-card-n">[{c["n"]}]</span> '
        f'<span class="pda-card-title">{escape(c["title"] or c["source"])}</span>'
        f'<span class="pda-card-meta">{escape(day(c["date"]))} · {escape(c["source"])}</span></a>'
        for c in citations
    )
    return f'<div class="pda-sources"><div class="pda-sources-label">Nguồn trích dẫn</div>{cards}</div>'


def rating_html(turn: int, record: dict) -> str:
    """The feedback links under an answer, or what was chosen."""
    rating = record.get("rating")
    if rating:
        other = "useful" if rating == "not_useful" else "not_useful"
        return (
            f'<div class="pda-rate pda-rated">Đã ghi nhận đánh giá: <strong>{_RATING_LABELS[rating]}</strong>. '
            f'<a href="{action("rate", turn, other)}">Đổi đánh giá</a></div>'
        )
    return (
        '<div class="pda-rate">Câu trả lời này có hữu ích không? '
        f'<a class="pda-rate-up" href="{action("rate", turn, "useful")}">Hữu ích</a> '
        f'<a class="pda-rate-down" href="{action("rate", turn, "not_useful")}">Không hữu ích</a></div>'
    )


def locate(document_text: str, citation: dict) -> tuple[int, int]:
    """Where the cited passage (chunk) sits in the document: the occurrence that contains the cited span."""
    passage = citation["text"]
    at = document_text.find(passage)
    while at != -1:
        if at <= citation["start"] and citation["end"] <= at + len(passage):
            return at, at + len(passage)
        at = document_text.find(passage, at + 1)
    # Not found verbatim (the document changed since): show the paragraph(s) around the span instead.
    start = document_text.rfind("\n\n", 0, citation["start"])
    end = document_text.find("\n\n", citation["end"])
    return (0 if start == -1 else start + 2), (len(document_text) if end == -1 else end)


def highlighted(text: str, start: int, end: int, *, mark_id: str = "") -> str:
    """`text` escaped, with [start, end) wrapped in <mark>."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    attr = f' id="{mark_id}"' if mark_id else ""
    return f"{escape(text[:start])}<mark{attr}>{escape(text[start:end])}</mark>{escape(text[end:])}"


def _header(citation: dict, label: str) -> str:
    title = escape(citation["title"] or citation["source"])
    return (
        f'<div class="pda-panel-label">{label}</div><h3 class="pda-panel-title">{title}</h3>'
        f'<div class="pda-meta"><span>Ngày: {escape(day(citation["date"]))}</span>'
        f'<span>Nguồn: {escape(citation["source"])}</span></div>'
    )


def passage_html(citation: dict, document_text: str | None) -> str:
    """The cited passage with the cited span highlighted, under the document's title, date and source."""
    if document_text is None:
        body = (
            f'<div class="pda-passage">{escape(citation["text"])}</div>'
            '<div class="pda-hint">Tài liệu này không còn trong chỉ mục; đây là đoạn văn lúc trả lời.</div>'
        )
    else:
        start, end = locate(document_text, citation)
        body = '<div class="pda-passage">' + highlighted(
            document_text[start:end], citation["start"] - start, citation["end"] - start
        ) + "</div>"
    header = _header(citation, f"Trích dẫn [{citation['n']}]")
    return f'<div class="pda-panel" id="pda-passage-panel">{header}{body}</div>'


def document_html(citation: dict, document_text: str) -> str:
    """The whole document with the cited span highlighted (the page scrolls it into view)."""
    text = highlighted(document_text, citation["start"], citation["end"], mark_id="pda-doc-mark")
    header = _header(citation, f"Toàn văn — trích dẫn [{citation['n']}]")
    return f'<div class="pda-panel pda-doc-panel" id="pda-doc-panel">{header}<div class="pda-doc">{text}</div></div>'


def notice_html(text: str) -> str:
    """A short message in the source panel."""
    return f'<div class="pda-panel pda-notice">{escape(text)}</div>'
