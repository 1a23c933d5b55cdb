"""Quiz questions: a stem followed by lettered options ("A. …", "B) …"), and how fully a passage states each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.text import fold

# An option's label opens a line: "A. …", "B) …", "c/ …", "D: …", perhaps after a bullet or bold marks.
_LINE_OPTION = re.compile(r"^[\s*_\-•]*([A-Fa-f])\s*[.):/][\s*_]*(\S.*)$")
# Or the options follow the stem on one line: "… là gì? A. 1930 B. 1931 C. 1945 D. 1954", labels upper case.
_INLINE_OPTION = re.compile(r"(?:^|\s)([A-F])\s*[.)]\s+")
_SYLLABLE = re.compile(r"\w+")
# A page of quiz questions ("Đáp án Cuộc thi tìm hiểu …"): a numbered question ("Câu 15: …", "Câu hỏi 1. Chọn đáp án
# đúng") and lettered options, on lines of their own or after a sentence ("… hiện đại. C. Đến năm 2030, …").
_NUMBERED_QUESTION = re.compile(r"(?i)\bcâu(?: hỏi)? \d+\s*[:.]")
_PASSAGE_OPTION = re.compile(r"(?m)(?:^|(?<=[.!?…:]) )[\s*_]*([A-D])[.)]\s+\S")
# What every such option holds: a passage without it (most, 20,781 of 21,317 in the party corpus) is passed over by
# a plain scan, not the lookbehinds above, as the retriever reads every pooled passage for each question.
_ANY_LABEL = re.compile(r"[A-D][.)]\s")
_LABELS = "ABCDEF"


@dataclass(frozen=True)
class Quiz:
    """A multiple-choice question: what is asked, and the options as (label, text), labels upper case."""

    stem: str
    options: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, text: str) -> Quiz | None:
        """The quiz written in `text`, or None when it is not one: at least two options labelled A, B, … in order."""
        return _by_lines(text) or _inline(text)


def _by_lines(text: str) -> Quiz | None:
    stem: list[str] = []
    options: list[tuple[str, str]] = []
    for line in text.strip().splitlines():
        found = _LINE_OPTION.match(line)
        if found and len(options) < len(_LABELS) and found.group(1).upper() == _LABELS[len(options)]:
            options.append((found.group(1).upper(), found.group(2).strip()))
        elif options:
            if line.strip():  # an option's text may run on to the next line
                label, said = options[-1]
                options[-1] = (label, f"{said} {line.strip()}")
        else:
            stem.append(line)
    return _quiz("\n".join(stem).strip(), options)


def _inline(text: str) -> Quiz | None:
    marks = list(_INLINE_OPTION.finditer(text))
    labels = [m.group(1) for m in marks]
    start = next((i for i, label in enumerate(labels) if label == "A"), None)
    if start is None:
        return None
    chosen = [marks[start]]
    for m in marks[start + 1 :]:
        if len(chosen) < len(_LABELS) and m.group(1) == _LABELS[len(chosen)]:
            chosen.append(m)
    if len(chosen) < 3:  # on one line, "A." and "B." alone may be initials
        return None
    ends = [m.start() for m in chosen[1:]] + [len(text)]
    options = [(m.group(1), text[m.end() : end].strip()) for m, end in zip(chosen, ends)]
    return _quiz(text[: chosen[0].start()].strip(), options)


def _quiz(stem: str, options: Sequence[tuple[str, str]]) -> Quiz | None:
    if not stem or len(options) < 2 or not all(said for _, said in options):
        return None
    return Quiz(stem=stem, options=tuple(options))


def lists_questions(text: str) -> bool:
    """Whether `text` is a passage of a quiz page: options lettered A to C (or D) at least, or a numbered question with
    an option or "đáp án đúng". Its lines are questions and options, wrong ones as often as right: the pages mark
    the right one in bold, which cleaning drops."""
    labels = {found.group(1) for found in _PASSAGE_OPTION.finditer(text)} if _ANY_LABEL.search(text) else set()
    if len(labels) >= 3:
        return True
    return bool(labels or "đáp án đúng" in text.lower()) and _NUMBERED_QUESTION.search(text) is not None


def quiz_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of a quiz page's passage (`lists_questions`) that is a question or an option:
    one with a lettered option or a numbered question in it, or one not ending a sentence ("Cơ chế khuyến khích đổi
    mới sản phẩm số", an option without its letter). None for any other passage: its prose, the page's "Theo đó, đợt
    2 Cuộc thi … kết thúc vào 22h00 ngày 14/12/2025." included, stays."""
    if not lists_questions(text):
        return []
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        said = line.group().strip(" *_")
        if (_PASSAGE_OPTION.search(said) or _NUMBERED_QUESTION.search(said) or said.endswith("?")
                or not re.search(r"[.!…;]$", said)):
            spans.append(line.span())
    return spans


def quiz_share(text: str) -> float:
    """How much of `text` its `quiz_lines` take up: 0.0 for a passage of prose, about 1.0 for a page of options."""
    spans = quiz_lines(text)
    if not spans:
        return 0.0
    return sum(end - start for start, end in spans) / sum(len(line) for line in re.findall(r"[^\n]+", text))


def syllables(text: str) -> list[str]:
    """The text's folded, lower-case syllables (and numbers), punctuation dropped."""
    return _SYLLABLE.findall(fold(text).lower())


def coverages(options: Sequence[str], text: str) -> list[float]:
    """For each option, the share of its syllables that `text` has in one unbroken run: 1.0 when the text states
    the option word for word (punctuation and diacritics aside), about half for a wrong option that differs from
    the text's wording in a middle word."""
    return shares([syllables(option) for option in options], text)


def shares(options: Sequence[list[str]], text: str) -> list[float]:
    """`coverages` of options already split into `syllables`: a quiz's options are split once, not once for each
    passage they are matched against."""
    said = syllables(text)
    where: dict[str, list[int]] = {}
    for at, syllable in enumerate(said):
        where.setdefault(syllable, []).append(at)
    return [_longest_run(option, said, where) / max(1, len(option)) for option in options]


def _longest_run(option: list[str], said: list[str], where: dict[str, list[int]]) -> int:
    """The length of the longest run of `option`'s syllables found unbroken in `said`."""
    best = 0
    for i in range(len(option)):
        if len(option) - i <= best:
            break
        for at in where.get(option[i], ()):
            n = 1
            while i + n < len(option) and at + n < len(said) and option[i + n] == said[at + n]:
                n += 1
            best = max(best, n)
    return best
