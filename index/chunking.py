"""Cut a cleaned document into passages that follow its structure (Phần, Chương, Mục, Điều, markdown headings)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from index.models import Chunk, Document
from index.sentences import split_sentences

_LABEL_CHARS = 80
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_DIEU = re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+[a-zđ]?)\s*(?:[.:]\s*(.*)|$)")
_PART = re.compile(
    r"^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+((?:thứ|THỨ)\s+\S+|[IVXLC]+|\d+)\b\s*(?:[.:\-–]\s*(.*)|(.*))$"
)
_ROMAN = re.compile(r"^(?![CL]\b)([IVXLC]+)\s*[.\-–)]\s+(.+)$")
_TERMINAL = re.compile(r"[.!?…:;][\"”’)\]»]*$")
_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")
_SPACES = re.compile(r"\s+")
# Ranks order headings: a heading closes every open heading of the same or a higher rank number.
_RANKS = {"phần": 10, "chương": 11, "mục": 12}
_ROMAN_RANK = 13
_DIEU_RANK = 14

# Piece levels: how finely a span has already been cut when it must be split further.
_LINE, _SENTENCE, _CLAUSE, _WORD, _CHARS = range(5)


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    level: int = _LINE
    heading: bool = False


@dataclass
class _Section:
    path: str
    pieces: list[_Piece] = field(default_factory=list)


def chunk_document(doc: Document, *, max_chars: int = 900) -> list[Chunk]:
    """Passages of doc.text in reading order; each is an exact, stripped slice carrying its heading path."""
    # No overlap between neighbours: chunks end at clause, paragraph or sentence boundaries and carry
    # their heading path, so a repeated sentence would add little context but would double its weight
    # in BM25 and return near-duplicate hits and citations.
    return [
        Chunk(doc_id=doc.doc_id, text=doc.text[start:end], start=start, end=end, heading=section.path)
        for section in _sections(doc.text)
        for start, end in _pack(doc.text, section.pieces, max_chars=max_chars)
    ]


def _lines(text: str) -> list[tuple[int, int]]:
    """Stripped (start, end) spans of the non-blank lines."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def _sections(text: str) -> list[_Section]:
    """Split the document at headings; a section holding only headings is merged into the next one."""
    sections = [_Section("")]
    stack: list[tuple[int, str]] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        heading = _heading(text[start:end])
        if heading is None:
            sections[-1].pieces.append(_Piece(start, end))
            i += 1
            continue
        rank, label = heading
        pieces = [_Piece(start, end, heading=True)]
        title = _title_line(text, lines[i + 1]) if rank in _RANKS.values() and i + 1 < len(lines) else None
        if title is not None and _is_bare(text[start:end]):  # "Chương I" / "ĐẢNG VIÊN" on two lines
            label = f"{label}. {title}"
            pieces.append(_Piece(*lines[i + 1], heading=True))
            i += 1
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, _shorten(label)))
        carried = sections[-1].pieces if all(p.heading for p in sections[-1].pieces) else []
        if carried:
            sections.pop()
        sections.append(_Section(" > ".join(lab for _, lab in stack), carried + pieces))
        i += 1
    return [s for s in sections if s.pieces]


def _heading(line: str) -> tuple[int, str] | None:
    """(rank, label) when the line is a heading, else None."""
    markdown = _MD_HEADING.match(line)
    body = markdown.group(2).strip() if markdown else line
    dieu = _DIEU.match(body)
    if dieu:
        title = (dieu.group(2) or "").strip()
        return _DIEU_RANK, f"Điều {dieu.group(1)}" + (f". {title}" if title else "")
    part = _PART.match(body)
    if part and (part.group(3) is not None or not part.group(4) or (part.group(4)[0].isupper() and len(body) <= 150)):
        title = (part.group(3) or part.group(4) or "").strip()
        word = part.group(1).capitalize()
        return _RANKS[word.casefold()], f"{word} {part.group(2)}" + (f". {title}" if title else "")
    if markdown:
        return len(markdown.group(1)), body
    roman = _ROMAN.match(line)
    if roman and len(line) <= 150 and (_is_caps(roman.group(2)) or not _TERMINAL.search(line)):
        return _ROMAN_RANK, line
    return None


def _title_line(text: str, span: tuple[int, int]) -> str | None:
    """The line at span when it reads as the capitalised title of the Chương above it."""
    line = text[span[0] : span[1]]
    return line if _is_caps(line) and _heading(line) is None else None


def _is_bare(line: str) -> bool:
    """A Phần/Chương/Mục line with no title of its own ("Chương I")."""
    return len(line.lstrip("#").split()) <= 3


def _is_caps(text: str) -> bool:
    """Written in capitals, with at least three letters."""
    return text.upper() == text and sum(c.isalpha() for c in text[:200]) >= 3


def _shorten(label: str) -> str:
    """A heading label cut to about _LABEL_CHARS at a word boundary."""
    if len(label) <= _LABEL_CHARS:
        return label
    return label[:_LABEL_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:.-") + "…"


def _pack(text: str, pieces: list[_Piece], *, max_chars: int) -> list[tuple[int, int]]:
    """Greedily join consecutive pieces into spans of at most max_chars, splitting pieces only when needed."""
    queue = deque(pieces)
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None
    heading_only = False
    while queue:
        piece = queue.popleft()
        if current is None:
            if piece.end - piece.start > max_chars and piece.level < _CHARS:
                queue.extendleft(reversed(_refine(text, piece, max_chars=max_chars)))
                continue
            current, heading_only = [piece.start, piece.end], piece.heading
        elif piece.end - current[0] <= max_chars:
            current[1] = piece.end
            heading_only = heading_only and piece.heading
        elif heading_only and piece.level < _CHARS:
            # A heading never stands alone: cut the next piece finer so its start fits beside it.
            queue.extendleft(reversed(_refine(text, piece, max_chars=max_chars)))
        else:
            spans.append((current[0], current[1]))
            current = None
            queue.appendleft(piece)
    if current is not None:
        spans.append((current[0], current[1]))
    return spans


def _refine(text: str, piece: _Piece, *, max_chars: int) -> list[_Piece]:
    """The piece cut one level finer: line → sentences → clauses → words → fixed-size slices."""
    level = piece.level
    while level < _CHARS:
        level += 1
        spans = _split(text, piece.start, piece.end, level, max_chars)
        if len(spans) > 1:
            return [_Piece(start, end, level) for start, end in spans]
    return [_Piece(piece.start, piece.end, _CHARS)]


def _split(text: str, start: int, end: int, level: int, max_chars: int) -> list[tuple[int, int]]:
    """Stripped spans of text[start:end] cut at sentence, clause or word boundaries, or every max_chars."""
    chunk = text[start:end]
    if level == _SENTENCE:
        return [(start + a, start + b) for a, b in split_sentences(chunk)]
    if level == _CLAUSE:
        cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(chunk)] + [len(chunk)]
        return _stripped(chunk, start, cuts)
    if level == _WORD:
        cuts = [0] + [m.end() for m in _SPACES.finditer(chunk)] + [len(chunk)]
        return _stripped(chunk, start, cuts)
    return [(s, min(s + max_chars, end)) for s in range(start, end, max_chars)]


def _stripped(chunk: str, offset: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Spans between consecutive cut positions, with surrounding whitespace removed."""
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        part = chunk[a:b]
        stripped = part.strip()
        if stripped:
            first = a + part.index(stripped[0])
            spans.append((offset + first, offset + first + len(stripped)))
    return spans
