"""Check a generated answer against the passages it was given: each sentence cites a given passage, holds no
number, date or document number that the passages it cites do not hold, and shares its wording with them more
than with any other passage; the rest is removed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.docnumbers import DOC_NUMBER_PATTERN, canonical_document_number
from index.sentences import split_sentences
from index.text import normalize_for_match

_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^\s*(?:\[\d+(?:\s*[,;]\s*\d+)*\]\s*)+")
_GLUED_MARKER = re.compile(r"([.!?…])(\[\d)")  # "viên.[1] Từ" → "viên. [1] Từ", so the splitter sees the end
_ENUMERATOR = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)]|[a-zđ][.)])\s+")  # the model's own list bullets
_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)|ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})"
)
_MONTH_YEAR = re.compile(r"tháng (\d{1,2})(?:[/.-]| năm )(\d{4})(?!\d)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_REFUSING = ("không tìm thấy thông tin", "không có thông tin")
_WORD = re.compile(r"\w+")
# Word pairs of the sentence found in the passages it cites: below MIN_SHARED it is not drawn from them; and when
# another passage holds WRONG_PASSAGE more of them, the marker points at the wrong passage (a 1.5B model did this).
MIN_SHARED, WRONG_PASSAGE = 0.25, 0.3


@dataclass(frozen=True)
class Claim:
    """One sentence of the generated answer, its markers as written, and whether it began a new line."""

    text: str
    cites: tuple[int, ...]
    newline: bool = False

    @property
    def body(self) -> str:
        """The sentence without its markers."""
        return re.sub(r"\s+([.!?…,;:])", r"\1", _MARKER.sub("", self.text)).strip()


@dataclass(frozen=True)
class Verdict:
    """What survived: the kept sentences, the removed ones with why, and whether the model refused outright."""

    kept: tuple[Claim, ...]
    removed: tuple[tuple[str, str], ...]  # (sentence, reason)
    refused: bool


def verify(text: str, passages: Sequence[str]) -> Verdict:
    """Keep the sentences whose markers are all in 1..len(passages), whose figures all appear in the passages they
    cite, and whose wording comes from those passages rather than others; `passages[n - 1]` is passage [n]."""
    known = [facts(p, whole=True) for p in passages]
    wording = [word_pairs(p) for p in passages]
    kept, removed, refusals = [], [], 0
    for claim in split_claims(text):
        if is_refusal(claim.body):
            refusals += 1  # not a claim: it counts only when nothing else is said
            continue
        problem = _problem(claim, known) or _misattributed(claim, wording)
        if problem:
            removed.append((claim.body, problem))
        else:
            kept.append(claim)
    return Verdict(tuple(kept), tuple(removed), refused=bool(refusals) and not kept)


def _problem(claim: Claim, known: list[set[str]]) -> str:
    """Why the claim's markers or figures do not hold, or "" when they do."""
    if not claim.cites:
        return "không có trích dẫn"
    wrong = [n for n in claim.cites if not 1 <= n <= len(known)]
    if wrong:
        return f"trích dẫn [{wrong[0]}] không có trong các đoạn đã cho"
    cited = set().union(*(known[n - 1] for n in claim.cites))
    missing = sorted(facts(_ENUMERATOR.sub("", claim.body)) - cited)
    if missing:
        return f"{', '.join(missing)} không có trong đoạn {_markers(claim)}"
    return ""


def _misattributed(claim: Claim, wording: list[set[tuple[str, str]]]) -> str:
    """Why the claim's wording does not come from the passages it cites, or "" when it does."""
    said = word_pairs(_ENUMERATOR.sub("", claim.body))
    if not said:
        return ""
    shared = [len(said & pairs) / len(said) for pairs in wording]
    cited = max(shared[n - 1] for n in claim.cites)
    if cited < MIN_SHARED:
        return f"nội dung không có trong đoạn {_markers(claim)}"
    best = max(range(len(shared)), key=shared.__getitem__)
    if shared[best] - cited >= WRONG_PASSAGE:
        return f"đoạn [{best + 1}] khớp hơn đoạn {_markers(claim)}"
    return ""


def _markers(claim: Claim) -> str:
    return "".join(f"[{n}]" for n in dict.fromkeys(claim.cites))


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs of the normalised text (Vietnamese meaning lives in syllable pairs)."""
    words = _WORD.findall(normalize_for_match(_MARKER.sub(" ", text)))
    return set(zip(words, words[1:]))


def split_claims(text: str) -> list[Claim]:
    """The answer's sentences; markers opening a sentence ("… viên. [1] Từ …") belong to the one before."""
    text = _GLUED_MARKER.sub(r"\1 \2", text.strip())
    claims: list[Claim] = []
    previous_end = 0
    for start, end in split_sentences(text):
        sentence, newline = text[start:end], "\n" in text[previous_end:start]
        previous_end = end
        leading = _LEADING_MARKERS.match(sentence)
        if leading and claims:
            last = claims[-1]
            claims[-1] = Claim(f"{last.text} {leading.group().strip()}", last.cites + _numbers(leading.group()),
                               last.newline)
            sentence = sentence[leading.end():].strip()
        if sentence:
            claims.append(Claim(sentence, _numbers(sentence), newline))
    return claims


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for group in _MARKER.findall(text) for n in re.split(r"\s*[,;]\s*", group))


def is_refusal(sentence: str) -> bool:
    """True for a sentence saying the documents do not hold the answer."""
    said = normalize_for_match(sentence)
    return any(phrase in said for phrase in _REFUSING)


def facts(text: str, *, whole: bool = False) -> set[str]:
    """Document numbers ("17-NQ/TU"), dates ("17/2/2016", "2/2016") and numbers ("95", "1234") in the text.

    A claim's numbers exclude those inside its dates and document numbers; a passage's (`whole`) include them,
    so "năm 2016" is supported by a passage dated "17/2/2016".
    """
    said = normalize_for_match(_MARKER.sub(" ", text))
    found: set[str] = set()
    rest = said
    upper = said.upper()
    if len(upper) == len(said):  # Vietnamese upper-casing keeps the length, so spans carry over
        for match in DOC_NUMBER_PATTERN.finditer(upper):
            found.add(canonical_document_number(match.group()))
            rest = _blank(rest, match)
    for match in _DAY_MONTH_YEAR.finditer(said):
        day, month, year = (int(g) for g in match.groups() if g is not None)
        found.add(f"{day}/{month}/{year}")
        if whole:
            found.add(f"{month}/{year}")
        rest = _blank(rest, match)
    for match in _MONTH_YEAR.finditer(said):
        found.add(f"{int(match.group(1))}/{match.group(2)}")
        rest = _blank(rest, match)
    found.update(_number(n) for n in _NUMBER.findall(said if whole else rest))
    if whole:  # each digit run too: "2016" is in "17.2.2016"
        found.update(_number(n) for n in re.findall(r"\d+", said))
    return found


def _blank(text: str, match: re.Match) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def _number(token: str) -> str:
    """One spelling per number: thousands dots dropped ("1.234" → "1234"), leading zeros dropped ("05" → "5")."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(".", "")
    whole, sep, fraction = re.fullmatch(r"(\d+)(?:([.,])(.*))?", token).groups(default="")
    return (whole.lstrip("0") or "0") + sep + fraction


def renumber(kept: Sequence[Claim]) -> tuple[str, list[int]]:
    """The kept sentences joined, markers renumbered 1..m in order of first use; and the passage behind each number."""
    order: dict[int, int] = {}
    parts = []
    for claim in kept:
        for n in claim.cites:
            order.setdefault(n, len(order) + 1)
        text = _MARKER.sub(lambda m: "".join(f"[{order[n]}]" for n in dict.fromkeys(_numbers(m.group()))), claim.text)
        parts.append(("\n" if claim.newline else " ") + text if parts else text)
    return "".join(parts), list(order)
