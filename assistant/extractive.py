"""The offline answerer: the one to three source sentences that best answer the question, each cited."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

from assistant.question import Question
from assistant.quiz import quiz_lines
from index.abbreviations import expand_abbreviations
from index.docnumbers import within
from index.models import Hit
from index.sentences import split_sentences
from index.terms import query_terms
from index.text import normalize_for_search

# Credit for a question term found in the sentence itself, near it, or only somewhere in its passage.
IN_SENTENCE, NEARBY, IN_PASSAGE = 1.0, 0.6, 0.3
# For ranking a passage's sentences, a term of its title or heading counts almost as if in the sentence: the
# sentence is read under its title, and the one that merely repeats the title ("Tải file Kết luận 223-KL/TW ...")
# should not beat the one that holds what is asked ("... đặt tại Thành phố Hồ Chí Minh"). Whether to answer at
# all is still judged on sentence-local support (title terms at NEARBY), or every sentence of a document about
# the right subject would look like an answer.
IN_TITLE = 0.9
# A sentence that opens by pointing back ("Quyết định này cho phép …", "Sau đó, …", "Ông từng là …", "Cụ thể, …") is
# about what the sentence before it names: it is scored with that sentence's terms as its own.
# So does one whose subject is "đây"/"đó", after a short leading clause or none ("Trước năm 1975, đây là Trại Trần
# Hưng Đạo …", after "Bộ Tư lệnh Quân khu 7 đặt ở số 204 …": fresh14).
_ANAPHORA = re.compile(
    r"\W*(?:(?:[^\W\d_]+\s+){1,3}(?:này|đó|ấy|trên)\b|(?:ông|bà|cụ thể)\b|(?:[^,.]{1,30},\s*)?(?:đây|đó) là\b)",
    re.IGNORECASE,
)
# The header lines of an official text ("Số: 153/KH-UBND", "Độc lập - Tự do - Hạnh phúc", "(Kèm theo Nghị quyết số
# 55/2025/NQ-HĐND …)") repeat the question's document number and so outscored the sentence that answers it.
_BOILERPLATE = re.compile(
    r"[\s*_]*(?:Số(?: hiệu)?\s*:|\(\s*Kèm theo\b|Độc lập\s*[-–]\s*Tự do|CỘNG HÒA XÃ HỘI CHỦ NGHĨA)", re.IGNORECASE
)
# A line that is only a date, perhaps with a time: the page's own date, never what a question asks of its text.
_DATELINE = re.compile(r"[\s*_]*\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s*_.]*")
_SIGNATURE_REACH = 30  # characters before a sentence where its signature line ("**T/M BỘ CHÍNH\nTRỊ**") may stand
_LIST_INTRO = re.compile(r"[:：]\s*$")
_LABEL_WORDS = 4  # a line of at most this many words and no final punctuation labels the line after it


@dataclass(frozen=True)
class Picked:
    """A chosen sentence: which hit it comes from, its span inside the hit's text, and its score."""

    hit: Hit
    start: int
    end: int
    score: float  # for ranking
    support: float = 0.0  # for deciding to answer: the same score with title terms credited as NEARBY

    @property
    def text(self) -> str:
        return self.hit.text[self.start : self.end]


@dataclass(frozen=True)
class _Sentence:
    rank: int
    hit: Hit
    start: int
    end: int
    terms: frozenset[str]
    nearby: frozenset[str]
    passage: frozenset[str]
    heading: frozenset[str]  # the title and heading terms
    document: frozenset[str]  # the terms of every read passage of its document


class ExtractiveAnswerer:
    """Scores every sentence of the top hits by weighted term coverage and answer type; never writes a word."""

    def __init__(self, *, max_sentences: int = 3, min_score: float = 0.46, hits_considered: int = 5,
                 max_chars: int = 600, openings: Callable[[str], Hit | None] | None = None) -> None:
        self.openings = openings  # doc_id -> the document's first passage (LexicalIndex.opening); None: not read
        self.max_sentences = max_sentences
        self.min_score = min_score
        self.hits_considered = hits_considered
        self.max_chars = max_chars
        # The last question's scored sentences: the Assistant asks for them twice, to answer and to list the passages
        # (`rank`), about 10 ms a question. Kept as one tuple, so that threads serving other questions never mix.
        self._last: tuple[Question, tuple[str, ...], Callable, list[Picked]] | None = None

    def score_all(self, question: Question, hits: list[Hit], idf: Callable[[Iterable[str]], dict[str, float]]
                  ) -> list[Picked]:
        """Every candidate sentence with its score, best first (do not change the list: it may be handed out again)."""
        ids = tuple(hit.chunk_id for hit in hits)
        last = self._last
        if last is not None and last[0] is question and last[1] == ids and last[2] is idf:
            return last[3]
        scored = self._score_all(question, hits, idf)
        self._last = (question, ids, idf, scored)
        return scored

    def _score_all(self, question: Question, hits: list[Hit], idf: Callable[[Iterable[str]], dict[str, float]]
                   ) -> list[Picked]:
        weights = _halve_bigrams(idf(question.terms))
        # A leading "Theo Nghị định 73/2024/NĐ-CP, …" or an apposition names where to look: its terms count wherever
        # the document's read passages have them, as a follow-up's borrowed subject does, but as part of the
        # question's own weight.
        setting = {t: w for t, w in _halve_bigrams(idf(question.setting_terms)).items() if t not in weights}
        weights.update(setting)
        context_weights = _halve_bigrams(idf(question.context_terms))
        scored = []
        # "… theo quyết định nào?" wants the number, which a page may give in only one of its tellings, further down
        # (fresh11: the sixth passage): that question reads every retrieved passage. +1 answer, nothing else changed.
        # So does "… vào Đảng ngày nào?": a biography gives the day once, in its "Sự nghiệp" section, which for a
        # well-covered person ranks 7th–10th among the page's passages (fresh5, fresh13). Reading every passage for a
        # birth or death date as well changed nothing, so that stays at the top five.
        read = (len(hits) if question.asks == "document" or question.asked_event == "party"
                else self.hits_considered)
        for sentence in _sentences(hits[:read], also=hits[read:] + self._openings_of(hits[:read], hits)):
            text = sentence.hit.text[sentence.start : sentence.end]
            factor = question.constraint_factor(sentence.hit, sentence.passage, sentence.document)
            factor *= question.post_factor(text) * question.day_factor(text) * question.figure_factor(text)
            if question.asks_venue:  # an infobox label ("Trụ sở") is read with the line it labels, as it is shown
                factor *= question.venue_factor(self._extend_list(Picked(sentence.hit, sentence.start, sentence.end,
                                                                         0.0)).text)
            event = question.event_factor(text)
            factor *= event * question.rank_factor(text) * question.own_date_factor(text)
            factor *= question.month_factor(text) * question.document_factor(text) * question.discipline_factor(text)
            factor *= question.step_factor(text) * question.succession_factor(text)
            before = sentence.hit.text[max(0, sentence.start - _SIGNATURE_REACH) : sentence.start]
            factor *= question.issuing_factor(text) * question.signer_factor(text, before)
            factor *= question.counted_factor(text, sentence.terms, sentence.passage)
            bonus = question.type_bonus(text) - 0.02 * sentence.rank
            context = 0.25 * _coverage(context_weights, sentence, whole_passage=True)
            # A sentence that tells of the life event asked about ("Ông gia nhập Đảng … vào ngày 05/7/1993.") is about
            # the person its page is titled with, whom it names only as "Ông": for it the title's terms count in the
            # support as in the ranking, and the question's words for the event count as its own.
            told = bool(question.asked_event) and event == 1.0
            given = question.event_wording if told else frozenset()
            # A sentence of the document the question names by number ("Nghị quyết 82/2025/NQ-HĐND … đề nghị những tổ
            # chức nào …?") need not repeat the number: its terms count as a neighbour's do. Not in full, so that "NQ
            # 59-NQ/TW … bàn về vấn đề gì?" still prefers the sentence that names it with its subject.
            located = question.numbering_terms if question.names_document(sentence.document) else frozenset()
            score = (_coverage(weights, sentence, title=IN_TITLE, anywhere=setting, given=given, located=located)
                     + context) * factor
            score += bonus
            # So is the name under a signature line ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Trương Cảnh Tuyên") for "ai ký
            # …?": it signs the document the page is titled with.
            whole = told or question.signed_under(before)
            support = (_coverage(weights, sentence, title=IN_TITLE if whole else NEARBY, anywhere=setting, given=given,
                                 located=located) + context) * factor + bonus
            scored.append(Picked(sentence.hit, sentence.start, sentence.end, score, support))
        return sorted(scored, key=lambda p: -p.score)

    def rank(self, question: Question, hits: list[Hit], idf: Callable[[Iterable[str]], dict[str, float]], *,
             depth: int) -> list[Hit]:
        """`hits` with the first `depth` put in the order of their best sentence's score (`score_all`; a passage
        without a scored sentence goes last of them, ties keep the retrieval order), the rest as retrieved.

        The answerer reads those passages sentence by sentence: the one holding the sentence that answers best is
        the passage to list first, and often not the one the fusion of whole-passage rankings put first."""
        if depth < 2 or len(hits) < 2:
            return list(hits)
        best = self.best_sentences(question, hits, idf)
        head = sorted(hits[:depth], key=lambda hit: -best[hit.chunk_id].score if hit.chunk_id in best else float("inf"))
        return head + list(hits[depth:])  # sorted is stable: ties keep the retrieval order

    def best_sentences(self, question: Question, hits: list[Hit], idf: Callable[[Iterable[str]], dict[str, float]]
                       ) -> dict[str, Picked]:
        """Each passage's best-scoring sentence, by chunk id; a passage with nothing to quote has none."""
        best: dict[str, Picked] = {}
        for picked in self.score_all(question, hits, idf):  # best first: a passage's first entry is its best
            best.setdefault(picked.hit.chunk_id, picked)
        return best

    def _openings_of(self, read: list[Hit], hits: list[Hit]) -> list[Hit]:
        """The first passage of each read document that was not retrieved: an official text gives its own number
        only in its header ("Số 384-QĐ/TW"), a wiki page its subject's full name and life span in its first lines,
        which the passage answering a question about an article or a deed does not repeat."""
        if self.openings is None:
            return []
        retrieved = {hit.chunk_id for hit in hits}
        found = (self.openings(doc_id) for doc_id in dict.fromkeys(hit.doc_id for hit in read))
        return [hit for hit in found if hit is not None and hit.chunk_id not in retrieved]

    def pick(self, question: Question, hits: list[Hit], idf) -> list[Picked]:
        """The chosen sentences in reading order; empty when none reaches `min_score` (a refusal)."""
        scored = self.score_all(question, hits, idf)
        if not scored or max(p.support for p in scored) < self.min_score:
            return []
        best = scored[0]
        chosen = [self._extend_list(best)]
        for other in scored[1:]:
            if len(chosen) >= self.max_sentences or other.score < max(self.min_score, 0.9 * best.score):
                break
            if sum(len(c.text) for c in chosen) + len(other.text) > self.max_chars:
                break
            if not any(_overlaps(other, c) or _same_words(other, c) for c in chosen):
                chosen.append(self._extend_list(other))
        return sorted(chosen, key=lambda p: (hits.index(p.hit), p.start))

    def _extend_list(self, picked: Picked) -> Picked:
        """A sentence that introduces a list ("... như sau:") takes the list items that follow it; a label line
        ("Trụ sở", from an infobox) takes the line after it, which holds its value."""
        if _is_label(picked):
            following = [(s, e) for s, e in split_sentences(picked.hit.text) if s >= picked.end]
            if following and "\n" in picked.hit.text[picked.end : following[0][0]]:
                return Picked(picked.hit, picked.start, following[0][1], picked.score, picked.support)
            return picked
        if not _LIST_INTRO.search(picked.text):
            return picked
        end = picked.end
        for start, stop in split_sentences(picked.hit.text):
            if start >= picked.end and stop - picked.start <= self.max_chars:
                end = stop
        return Picked(picked.hit, picked.start, end, picked.score, picked.support)


def _is_label(picked: Picked) -> bool:
    """A whole short line without final punctuation: "Trụ sở", "Chủ nhiệm" (infobox labels)."""
    text = picked.text.strip()
    line_start = picked.start == 0 or picked.hit.text[picked.start - 1] == "\n"
    return line_start and len(text.split()) <= _LABEL_WORDS and not re.search(r"[.!?;:…)\]]$", text)


def _sentences(hits: list[Hit], *, also: Iterable[Hit] = ()) -> Iterable[_Sentence]:
    """Each sentence of each hit with its own terms, its neighbours' (and the title's) terms, its passage's and its
    document's (all retrieved passages of it, `also` included); not the lines that are never an answer, nor a quiz
    page's questions and options (assistant.quiz.quiz_lines: "A. 27/2 là “Ngày Sức khỏe toàn dân”" is a wrong one)."""
    read = []
    for hit in hits:
        spans = split_sentences(hit.text)
        terms = [_terms(hit.text[s:e]) for s, e in spans]
        heading = _terms(f"{hit.title}\n{hit.heading}")
        read.append((hit, spans, terms, heading, frozenset().union(heading, *terms)))
    documents: dict[str, frozenset[str]] = {}
    for hit, *_, passage in read:
        documents[hit.doc_id] = documents.get(hit.doc_id, frozenset()) | passage
    for hit in also:  # a lower passage of a read document still says which one it is (a life span, a number)
        if hit.doc_id in documents:
            documents[hit.doc_id] |= _terms(f"{hit.title}\n{hit.heading}\n{hit.text}")
    for rank, (hit, spans, terms, heading, passage) in enumerate(read):
        barred = quiz_lines(hit.text)
        for i, (start, end) in enumerate(spans):
            if _never_an_answer(hit.text, start, end) or within(start, barred):
                continue
            near = heading.union(*terms[max(0, i - 1) : i + 2])
            own = terms[i] | terms[i - 1] if i > 0 and _ANAPHORA.match(hit.text, start) else terms[i]
            yield _Sentence(rank, hit, start, end, own, near, passage, heading, documents[hit.doc_id])


def _terms(text: str) -> frozenset[str]:
    return frozenset(query_terms(expand_abbreviations(text)))


def _never_an_answer(text: str, start: int, end: int) -> bool:
    """A Markdown heading (it counts as the title does), a header line of an official text, a question (a Q&A
    page's heading, "Toàn văn Chỉ thị 26/CT-TTg … ra sao?"), or a dateline alone ("29/11/2021", a page's own date)."""
    return (text.startswith("#", start) or bool(_BOILERPLATE.match(text, start))
            or text[start:end].rstrip().endswith("?") or bool(_DATELINE.fullmatch(text, start, end)))


def _coverage(weights: dict[str, float], sentence: _Sentence, *, whole_passage: bool = False,
              title: float = NEARBY, anywhere: Container[str] = (), given: Container[str] = (),
              located: Container[str] = ()) -> float:
    """Weighted share of the question's terms the sentence covers, with partial credit for its surroundings. With
    `whole_passage`, a term anywhere in the passage counts in full; a term in `anywhere`, one anywhere in the read
    passages of the sentence's document; a term in `given`, always; a term in `located`, as a neighbour's."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    got = 0.0
    for term, weight in weights.items():
        if (term in sentence.terms or term in given or (whole_passage and term in sentence.passage)
                or (term in anywhere and term in sentence.document)):
            got += weight * IN_SENTENCE
        elif term in sentence.heading:
            got += weight * title
        elif term in sentence.nearby or term in located:
            got += weight * NEARBY
        elif term in sentence.passage:
            got += weight * IN_PASSAGE
    return got / total


def _halve_bigrams(weights: dict[str, float]) -> dict[str, float]:
    """Syllable bigrams count half: many span a word boundary ("thư_đảng") and only add noise."""
    return {term: weight * (0.5 if "_" in term else 1.0) for term, weight in weights.items()}


def _overlaps(a: Picked, b: Picked) -> bool:
    return a.hit.chunk_id == b.hit.chunk_id and a.start < b.end and b.start < a.end


def _same_words(a: Picked, b: Picked) -> bool:
    """The same sentence quoted by two documents (the Charter's text is copied into many): quote it once."""
    return _words_of(a.text) == _words_of(b.text)


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", normalize_for_search(text).lower())


def compose(picked: list[Picked]) -> tuple[str, list[tuple[int, Picked]]]:
    """Answer text with a marker after each sentence; sentences of one passage share its marker."""
    markers: dict[str, int] = {}
    numbered, parts = [], []
    for p in picked:
        n = markers.setdefault(p.hit.chunk_id, len(markers) + 1)
        numbered.append((n, p))
        parts.append(f"{p.text.strip()} [{n}]")
    return " ".join(parts), numbered
