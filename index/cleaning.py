"""Turn a scraped page or markdown file into clean NFC text: no chrome, flat tables, wrapped lines re-joined."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Zero-width characters and the soft hyphen carry no text; odd spaces become plain spaces.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u3000\t\v\f]")

# Whole lines that are page furniture on the seed sites and the markdown dumps.
_CHROME_LINE = re.compile(
    r"^(?:EmailPrintAa|Email|Print|Skip to main content|PublishingPortal\s*-\s*Block_\w+"
    r"|Tăng cỡ chữ\s*Giảm cỡ chữ|Ý kiến bạn đọc|Click để đánh giá bài viết"
    r"|Tổng số điểm của bài viết là:.*đánh giá|lượt xem:\s*\d+.*|lượt tải:\s*\d+.*"
    r"|Bạn đã không sử dụng Site.*|top|down|Đang tải văn bản\.*"
    r"|Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây\.?"
    r"|\d{1,3}(?: \d{1,3}){1,2})$",  # "4 3 15": photo-gallery counters between paragraphs
    re.IGNORECASE,
)
# "Thứ tư - 25/03/2015 09:21 349 0": keep the dateline, drop the view and comment counters.
_DATELINE_COUNTERS = re.compile(r"^(.*\d{1,2}/\d{1,2}/\d{4}.*?\d{1,2}:\d{2})(?:\s+\d+){1,3}$")
_WIKI_EDIT = re.compile(r"\[\s*sửa\s*\|\s*sửa mã nguồn\s*\]")
_WIKI_NOTE = re.compile(
    r"\[\d{1,4}\]|\[[^\]\n]{0,20}(?:cần dẫn nguồn|cần số trang|liên kết hỏng)[^\]\n]{0,20}\]|\*\*\^\*\*"
)
_BOLD = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![\w(])\*+(?=\S)|(?<=\S)\*+(?![\w)])")
_TABLE_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_HAS_WORD = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")

# Reference apparatus that closes Wikipedia articles: cut when nothing but these follows.
_REF_SECTIONS = {
    "tham khảo", "chú thích", "liên kết ngoài", "xem thêm", "ghi chú", "thư mục", "đọc thêm", "nguồn",
    "trích dẫn", "nguồn tham khảo", "tài liệu tham khảo", "phụ chú", "liên kết", "nguồn dẫn",
    "chú thích và nguồn tham khảo",
}
# Of those, the sections whose entries are notes on the text: all but the links and reading lists.
_NOTE_SECTIONS = _REF_SECTIONS - {"liên kết ngoài", "xem thêm", "thư mục", "đọc thêm", "liên kết"}
# Where one note ends and the next begins: the back-link "^" or "a b c" before each, or a list item.
_NOTE_BREAK = re.compile(r"\*\*\^\*\*|(?:\*\*[a-z]\*\*\s*)+|(?:^|\s)-\s+\^|^-\s", re.MULTILINE)
# A note naming an official text by its number: "1972/QĐ-TTg", "233-CT/TW", and the older "447/TTg", "78/HĐNN".
_OFFICIAL_NUMBER = re.compile(r"(?<![\w/.-])\d{1,5}(?:/\d{4})?[/-][A-ZĐ]{2}")
# A note that cites a web page (archive dates, access dates, addresses) or a template is no statement of fact.
_WEB_CITATION = re.compile(r"truy cập|lưu trữ|https?:|www\.|\.(?:vn|com|org|net)\b|\{\{|`|\|\w+=", re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_VIEW_COUNTER = re.compile(r"^lượt xem:", re.IGNORECASE)
_INDENTED_BULLET = re.compile(r"^\s{2,}•\s")
_NUMBER_LINE = re.compile(r"^Số\s*:")
_TRAILING_MARKERS = re.compile(r"^Văn bản này chưa cập nhật nội dung Tiếng Anh")

# Lines that start a new unit and are never glued onto the previous line.
_STRUCTURAL = re.compile(
    r"^(?:#{1,6}\s|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|thứ)\b"
    r"|(?:Điều|ĐIỀU)\s+\d+\w?\s*(?:[.:]|$)|[-+•–]\s|\d{1,3}(?:\.\d+)*[.)](?:\s|$)|\d{1,3}(?:\.\d+)+\s"
    r"|[a-zđ][).]\s|\(\d+\)|\([a-zđ]\)\s|[IVXLC]+\s*[.\-–)]\s|\((?:ảnh|Ảnh|ẢNH)\b|Tác giả)"
)
# Heading lines that are never continued onto the next line.
_HEADING = re.compile(
    r"^(?:#{1,6}\s|(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+|thứ)\b|(?:Điều|ĐIỀU)\s+\d+\w?\s*(?:[.:]|$))"
)
_BARE_HEADING = re.compile(r"^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Điều|ĐIỀU)\s+\S+\s*[.:]?$")
_TERMINAL = re.compile(r"[.!?…:;][\"”’)\]»]*$")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
# Words that cannot end a Vietnamese sentence: a line ending in one of them was wrapped.
_CONTINUATION_WORDS = set(
    "của và các những số ngày tháng về trong với cho tại theo là được đã sẽ để từ đến trên dưới trước giữa "
    "như nhưng hoặc hay mà thì bởi do vì nếu khi một hai ba có không này đó ông bà đồng chí tỉnh huyện xã "
    "thành phố bộ ban ủy uỷ nhằm gồm bao việc sự cuộc nhiều mọi mỗi phải cần vào ra lại cùng đối".split()
)
_WRAP_MIN_CHARS = 60  # a shorter unterminated line followed by a capital is more likely a heading


@dataclass
class _Line:
    text: str
    table: bool = False


def normalize_characters(text: str) -> str:
    """NFC, invisible characters removed, odd spaces and line ends made plain."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ODD_SPACE.sub(" ", _INVISIBLE.sub("", text))
    return text.replace("ð", "đ")  # scraped text sometimes has the Icelandic eth in place of "đ"


def clean_text(raw: str) -> str:
    """Clean one scraped page or markdown file; paragraphs come out separated by one blank line."""
    lines = normalize_characters(raw).split("\n")
    lines = _cut_trailing_blocks(_cut_leading_chrome(lines))
    rows = _drop_duplicates([_clean_line(line) for line in lines])
    blocks = _join_wrapped(_blocks(rows))
    return "\n\n".join("\n".join(line.text for line in block) for block in _drop_truncated_leads(blocks))


def _cut_leading_chrome(lines: list[str]) -> list[str]:
    """Legal-library pages put copyright and legend boxes before a "Đang tải văn bản..." line."""
    for i, line in enumerate(lines[:40]):
        if line.strip().startswith("Đang tải văn bản"):
            return lines[i + 1 :]
    return lines


def _cut_trailing_blocks(lines: list[str]) -> list[str]:
    """Cut unrelated lists appended after the article: related documents, teasers, wiki references."""
    half = len(lines) // 2
    cut = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _VIEW_COUNTER.match(stripped):  # "lượt xem: 424 | lượt tải: 9" only follows listed documents
            cut = min(cut, _start_of_listing(lines, i))
        elif i >= half and _INDENTED_BULLET.match(line):
            cut = min(cut, i)
        elif _TRAILING_MARKERS.match(stripped):
            cut = min(cut, i)
    references = _start_of_wiki_references(lines)
    if references < cut:
        return lines[:references] + _official_notes(lines[references:])
    return lines[:cut]


def _start_of_listing(lines: list[str], counter_index: int) -> int:
    """The "Số: 17/CT-UBND" line that opens a listed document's entry; len(lines) when there is none."""
    for j in range(counter_index - 1, max(counter_index - 7, -1), -1):
        if _NUMBER_LINE.match(lines[j].strip()):
            return j
    return len(lines)


def _start_of_wiki_references(lines: list[str]) -> int:
    """Index of the first of the trailing top-level reference sections, or len(lines)."""
    cut = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        match = _MD_HEADING.match(_WIKI_EDIT.sub("", lines[i]).strip())
        if not match or len(match.group(1)) > 2:
            continue
        if match.group(2).strip(" *:").casefold() not in _REF_SECTIONS:
            break
        cut = i
    return cut


def _official_notes(lines: list[str]) -> list[str]:
    """The notes of a wiki page's reference sections that name an official text, under one "## Chú thích".

    Wiki pages put the number of the decision behind a fact in a note ("Quyết định số 1972/QĐ-TTg ngày 28/10/2010
    của Thủ tướng Chính phủ … về việc thành lập Trường Đại học Trần Quốc Tuấn"), and "theo quyết định nào?" is how
    officials ask. Notes citing web pages, books without a number, and link lists stay cut.
    """
    notes: list[str] = []
    keep = False
    for line in lines:
        line = _WIKI_EDIT.sub("", line)
        heading = _MD_HEADING.match(line.strip())
        if heading and len(heading.group(1)) <= 2:
            keep = heading.group(2).strip(" *:").casefold() in _NOTE_SECTIONS
            continue
        if not keep:
            continue
        for note in _NOTE_BREAK.split(line):
            text = " ".join(_ITALIC.sub("", _BOLD.sub("", note)).split()).strip(" -^")
            text = text if text[-1:] in ".!?" else text + "."
            if _OFFICIAL_NUMBER.search(text) and not _WEB_CITATION.search(text) and text not in notes:
                notes.append(text)
    return ["## Chú thích", ""] + [line for note in notes for line in (note, "")] if notes else []


def _clean_line(line: str) -> _Line | None:
    """One line with markup debris removed; None for a line that only separates paragraphs."""
    text = _WIKI_NOTE.sub("", _WIKI_EDIT.sub("", line)).strip() if "[" in line else line.strip()
    if "*" in text or "_" in text:
        text = "- " + text[2:] if text.startswith("* ") else text
        text = _ITALIC.sub("", _BOLD.sub("", text))
    table = "|" in text
    if table:
        cells = [cell.strip() for cell in text.split("|")]
        text = " ; ".join(c for c in cells if _HAS_WORD.search(c) and not _TABLE_SEPARATOR_CELL.match(c))
    text = " ".join(text.split())
    counters = _DATELINE_COUNTERS.match(text) if len(text) <= 80 else None
    if counters:
        text = counters.group(1)
    if not _HAS_WORD.search(text) or (len(text) <= 200 and _CHROME_LINE.match(text)):
        return _Line(text) if text in ("-", "+", "•") else None  # a lone bullet waits for its item
    return _Line(text, table)


def _drop_duplicates(rows: list[_Line | None]) -> list[_Line | None]:
    """Keep one of two identical consecutive lines (photo captions are often printed twice)."""
    out: list[_Line | None] = []
    previous: _Line | None = None
    for row in rows:
        if row is not None and previous is not None and row.text == previous.text and len(row.text) > 20:
            continue
        out.append(row)
        previous = row or previous
    return out


def _blocks(rows: list[_Line | None]) -> list[list[_Line]]:
    """Group lines into paragraphs separated by blank lines; glue lone bullets onto their item."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for row in rows + [None]:
        if row is None:
            if current:
                blocks.append(current)
            current = []
        elif current and current[-1].text in ("-", "+", "•"):
            current[-1] = _Line(current[-1].text + " " + row.text, row.table)
        else:
            current.append(row)
    blocks = [[line for line in block if line.text not in ("-", "+", "•")] for block in blocks]
    return [block for block in blocks if block]


def _join_wrapped(blocks: list[list[_Line]]) -> list[list[_Line]]:
    """Re-join lines hard-wrapped mid-sentence, inside paragraphs and across a stray blank line."""
    title = _title_position(blocks)
    out: list[list[_Line]] = []
    for b, block in enumerate(blocks):
        merged = _join_lines(block, title_index=title[1] if title and title[0] == b else -1)
        previous = out[-1][-1] if out else None
        if previous is not None and _continues_across_blank(previous, merged[0]):
            out[-1][-1] = _Line(previous.text + " " + merged[0].text)
            out[-1].extend(merged[1:])
        else:
            out.append(merged)
    return out


def _join_lines(block: list[_Line], *, title_index: int) -> list[_Line]:
    """The lines of one paragraph with wrapped continuations glued back on."""
    merged = [block[0]]
    origin = 0  # index in block of the line that merged[-1] started as
    for i, line in enumerate(block[1:], start=1):
        if _continues(merged[-1], line, is_title=origin == title_index):
            merged[-1] = _Line(merged[-1].text + " " + line.text)
        else:
            merged.append(line)
            origin = i
    return merged


def _title_position(blocks: list[list[_Line]]) -> tuple[int, int] | None:
    """(block, line) of the first line that is not a dateline: the page title, never glued onward."""
    for b, block in enumerate(blocks):
        for i, line in enumerate(block):
            if not is_dateline(line.text):
                return (b, i)
    return None


def is_dateline(text: str) -> bool:
    """A short line that is mostly a date, such as "09:16 20/02/2017" or "Chủ nhật, 21/07/2024"."""
    return len(text) <= 45 and bool(_DATE.search(text)) and not _TERMINAL.search(text)


def _continues(a: _Line, b: _Line, *, is_title: bool) -> bool:
    """Whether line b continues the sentence that line a was wrapped out of."""
    if a.table:
        return not b.table and (a.text.endswith(",") or _starts_lower(b.text))  # a wrapped table cell
    if b.table or _STRUCTURAL.match(b.text) or is_dateline(a.text) or _TERMINAL.search(a.text):
        return False
    if _starts_lower(b.text):
        return not (_MD_HEADING.match(a.text) or _BARE_HEADING.match(a.text))
    if _HEADING.match(a.text):
        return False
    if _is_caps(a.text) or is_title:
        return _is_caps(a.text) and _is_caps(b.text)
    if a.text.endswith(")") or is_dateline(b.text):
        return False
    last_word = a.text.rsplit(" ", 1)[-1].casefold()
    return a.text.endswith(",") or last_word in _CONTINUATION_WORDS or len(a.text) >= _WRAP_MIN_CHARS


def _continues_across_blank(a: _Line, b: _Line) -> bool:
    """A paragraph that starts in lower case continues the previous unterminated one."""
    if not _starts_lower(b.text) or a.table or b.table or _TERMINAL.search(a.text):
        return False
    return not (_HEADING.match(a.text) or _STRUCTURAL.match(b.text) or _is_caps(a.text) or is_dateline(a.text))


def _starts_lower(text: str) -> bool:
    """Whether the first letter or digit of the text is a lower-case letter."""
    for char in text:
        if char.isalnum():
            return char.islower()
    return False


def _is_caps(text: str) -> bool:
    """A line written in capitals (a document header or heading), with at least three letters."""
    return text.upper() == text and len(_LETTER.findall(text, 0, 200)) >= 3


def _drop_truncated_leads(blocks: list[list[_Line]]) -> list[list[_Line]]:
    """Drop a paragraph that the following text repeats: a "..." teaser of the lead, or an exact copy."""
    cores = ["".join("".join(line.text.split()) for line in block) for block in blocks]
    keep = []
    for i, core in enumerate(cores):
        truncated = core.rstrip(".…")
        following = "".join(cores[i + 1 : i + 4])
        if following and (
            core == cores[i + 1]
            or (truncated != core and len(truncated) >= 40 and following.startswith(truncated))
            or (len(core) >= 80 and following.startswith(core))
        ):
            continue
        keep.append(blocks[i])
    return keep
