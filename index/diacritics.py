"""Put the diacritics back on a question typed without them, from the index's own words.

"dang vien du bi" folds "đảng viên dự bị", "đang viên dữ bí" and many more to the same letters. The lexical index
already counts, for every syllable and every pair of adjacent syllables, how many passages hold it (both accented and
folded), and can say how many passages hold two pairs at once. A model over those counts that reads three words at a
time picks, for each run of plain words, the accented reading the corpus makes most likely (Viterbi), the way a
reader fills in the marks from context. Words the corpus never writes with marks (numbers, "XIII", "UBND", foreign
names) and document numbers ("17-nq/tu") stay as typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from index.abbreviations import split_number
from index.docnumbers import document_number_spans, within
from index.terms import BIGRAM_JOINER, DOC_NUMBER, FOLDED
from index.text import fold, has_diacritics

_WORD = re.compile(r"[^\W_]+")  # a syllable or a number: "năm 2025" is a pair the index counts
# Words a question asks with, which prose seldom writes: the corpus alone reads "la ai" as "là ái" (Nguyễn Ái Quốc),
# "so may" as "số máy" and "bao nhieu" as "báo nhiều". A question may use one after any word, so each is at least
# ASKING_FLOOR likely wherever it stands: it wins where the corpus knows no pair for it, and loses to a pair the corpus
# counts often ("Thông báo", "máy bay", "Ái Quốc").
_ASKING = frozenset(("ai", "gì", "nào", "đâu", "mấy", "bao", "nhiêu", "sao"))
ASKING_FLOOR = 0.01
# Only spaces join two words into one run: a comma, a bracket or a full stop starts a new one, as in the index's
# bigrams, which never cross punctuation either.
_JOIN = re.compile(r"[ \t]+")
# A word that ends a clause (before "?", "," or the end) reads as one a clause can end with: "Hội nghị do?" is
# "Hội nghị đó?", not "do" (by, because), which comes before what it introduces, nor the surname "Đỗ".
_CLAUSE_FINAL = {"do": "đó", "đỗ": "đó"}
_CANDIDATES = 8  # the readings of a plain syllable kept, most frequent first
_BIGRAM_WEIGHT = 0.9  # P(b | a) = 0.9 · df(a b) / df(a) + 0.1 · df(b) / N
_TRIPLE_WEIGHT = 0.5  # see Restorer._triple
_TRIPLES_KEPT = 200_000  # triples remembered at most
_OPENING_FLOOR = 0.05  # see Restorer._opening
_BEAM = 64  # states (the last two readings) kept at each word: every one when there are no triples (8 × 8)
# Capitals (see restore_capitals): a word the corpus writes capitalised this often inside running text is a name on
# its own ("Nghèn", "Lê"); a pair it writes with both words capitalised this often is one ("Hồng Phong", "Cửu Long").
# Measured on the eleven party sets folded to lower case: pairs at 0.5 also took "Nam Thời" ("ở miền nam thời quân
# quản") for a name.
TITLE_SHARE = 0.9
PAIR_SHARE = 0.8
MIN_SEEN = 3  # fewer sightings than this say nothing
_TOKEN = re.compile(r"(?<![\w/&-])[^\W_]+(?:[&-][^\W_]+)*(?![\w/&-])")  # "ubnd", "gd&đt", "kt-xh"
_ROMAN = re.compile(r"[ivxlc]+")
_PLACE_HEADS = frozenset(("huyện", "tỉnh", "xã", "phường", "quận", "trấn", "phố", "thành"))  # "thành ủy", "thị trấn"
# What a Vietnamese syllable can be, folded: an abbreviation typed in lower case that could be one ("tu" of "xúc tu",
# "du", "ca") is left alone; "ubnd", "tw", "qh", "đh" cannot be one.
_SYLLABLE = re.compile(r"(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_ORDINAL_HEADS = frozenset(("khoa", "hoi", "thu", "dh"))  # "khóa XIII", "Đại hội IV", "lần thứ I", "ĐH III"; folded


class Restorer:
    """Restores diacritics with syllable and syllable-pair passage counts (df) from the index."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[tuple[str, str], int], *,
                 abbreviations: Mapping[str, str] | None = None,
                 together: Callable[[tuple[str, str], tuple[str, str]], int] | None = None) -> None:
        readings: dict[str, list[str]] = {}
        for word in unigrams:
            readings.setdefault(fold(word), []).append(word)
        for word in _ASKING:
            if word not in unigrams:
                readings.setdefault(fold(word), []).append(word)
        self._unigrams = unigrams
        self._bigrams = bigrams
        self._total = max(sum(unigrams.values()), 1)
        self._readings = {
            plain: sorted(words, key=lambda w: -unigrams.get(w, 0))[:_CANDIDATES] for plain, words in readings.items()
        }
        # An abbreviation the corpus spells out stands, for the words beside it, as its expansion's first and last
        # syllables: "nguyen UV BCT" reads "nguyên" before "ủy viên" ("nguyên Ủy viên …"), not the surname "Nguyễn"
        # the corpus knows no pair for it with.
        self._ends = {key.lower(): (syllables[0], syllables[-1]) for key, spelt in (abbreviations or {}).items()
                      if (syllables := _WORD.findall(spelt.lower()))}
        # How many passages hold both pairs of a triple ("xếp bộ" and "bộ máy"): with it the model reads three words
        # at a time, so "sap xep bo may nam 2025" keeps "bộ máy" although "mấy năm" is the likelier pair.
        self._together = together
        self._triples: dict[tuple[str, str, str], float] = {}
        # The share of a word's passages in which its most frequent left neighbour stands before it: "chóng" follows
        # "nhanh" in 342 of its 362, "chồng" follows "vợ" in 28 of 121 (see `_opening`).
        led: dict[str, int] = {}
        for (_, b), n in bigrams.items():
            if n > led.get(b, 0):
                led[b] = n
        self._led = {word: min(n / max(unigrams.get(word, 0), 1), 1.0) for word, n in led.items()}

    @classmethod
    def from_counts(cls, counts: Iterable[tuple[str, int]], *, abbreviations: Mapping[str, str] | None = None,
                    together: Callable[[tuple[str, str], tuple[str, str]], int] | None = None) -> "Restorer":
        """From (term, df) pairs as the lexical index keeps them: "đảng", "đảng_viên"; folded ("~dang") and
        document-number ("#…") terms are skipped. `abbreviations` maps each known abbreviation to its expansion
        ("UV" → "ủy viên")."""
        unigrams: dict[str, int] = {}
        bigrams: dict[tuple[str, str], int] = {}
        for term, df in counts:
            if not term or term.startswith((FOLDED, DOC_NUMBER)) or df <= 0:
                continue
            parts = term.split(BIGRAM_JOINER)
            if len(parts) == 1 and _WORD.fullmatch(term):
                unigrams[term] = df
            elif len(parts) == 2 and all(_WORD.fullmatch(p) for p in parts):
                bigrams[(parts[0], parts[1])] = df
        return cls(unigrams, bigrams, abbreviations=abbreviations, together=together)

    def restore(self, text: str) -> str:
        """`text` with the marks put back on its plain words; text that has any diacritic is returned as it is
        (someone who typed one mark typed them all)."""
        if has_diacritics(text):
            return text
        # a document number typed in lower case ("12-nq/tu") keeps its letters: "tu" is TU (Tỉnh ủy), not "tư"
        numbers = document_number_spans(text.upper())
        words = [m for m in _WORD.finditer(text) if not within(m.start(), numbers)]
        out, last = [], 0
        for run in _runs(text, words):
            restored = self._best(run, opening=run[0] is words[0])
            if restored[-1] in _CLAUSE_FINAL and not text[run[-1].end() :].lstrip()[:1].isalnum():
                restored[-1] = _CLAUSE_FINAL[restored[-1]]
            for match, word in zip(run, restored):
                out.append(text[last : match.start()])
                out.append(_same_case(match.group(), word))
                last = match.end()
        out.append(text[last:])
        return "".join(out)

    def _best(self, run: list[re.Match[str]], *, opening: bool = False) -> list[str]:
        """The most likely reading of one run of words: Viterbi over each word's readings, where a state is the last
        two readings, so that a step can read three words (`_triple`); the best `_BEAM` states go on at each word."""
        options = [self._options(m.group()) for m in run]
        # the syllables an abbreviation meets its neighbours with: (first, last); a word is both
        ends = [self._ends.get(m.group().lower(), ("", "")) if _is_abbreviation(m.group()) else ("", "") for m in run]
        # states[(reading before, reading)] = (log probability of the best path ending in them, the state before)
        states: dict[tuple[str, str], tuple[float, tuple[str, str] | None]] = {
            ("", w): (math.log(self._floor(w, self._opening(w) if opening else self._unigram(w))), None)
            for w in options[0]
        }
        history = [states]
        for i in range(1, len(options)):
            before, after = ends[i - 1][1], ends[i][0]
            triple = self._together is not None and i >= 2 and ends[i - 2] == ends[i - 1] == ends[i] == ("", "")
            step: dict[tuple[str, str], tuple[float, tuple[str, str] | None]] = {}
            for (a, b), (score, _) in sorted(states.items(), key=lambda item: -item[1][0])[:_BEAM]:
                for c in options[i]:
                    probability = self._transition(before or b, after or c)
                    if triple:
                        probability = self._triple(a, b, c, probability)
                    total = score + math.log(self._floor(c, probability))
                    if (b, c) not in step or total > step[(b, c)][0]:
                        step[(b, c)] = (total, (a, b))
            states = step
            history.append(states)
        state: tuple[str, str] | None = max(states, key=lambda key: states[key][0])
        path = []
        for column in reversed(history):
            path.append(state[1])
            state = column[state][1]
        return path[::-1]

    def _triple(self, a: str, b: str, c: str, pair: float) -> float:
        """P(c | b), raised towards n(a b, b c) / df(a b) with weight 0.5, n counting the passages that hold both
        pairs. A triple never seen together only keeps the pair's probability: the index counts passages, not
        adjacent triples, so its silence says little."""
        known = self._bigrams.get((a, b), 0)
        if not known or not self._bigrams.get((b, c), 0):
            return pair
        key = (a, b, c)
        if key not in self._triples:
            if len(self._triples) >= _TRIPLES_KEPT:  # a server answers for months: the memo must not grow unbounded
                self._triples.clear()
            self._triples[key] = self._together((a, b), (b, c)) / known
        return max(pair, _TRIPLE_WEIGHT * self._triples[key] + (1 - _TRIPLE_WEIGHT) * pair)

    def _options(self, typed: str) -> list[str]:
        lowered = typed.lower()
        if _is_abbreviation(typed):  # "TW", "VI", "HDND": an abbreviation or a numeral, left as typed
            return [lowered]
        return self._readings.get(lowered, [lowered])  # a number, or a word the corpus never writes: as typed

    @staticmethod
    def _floor(word: str, probability: float) -> float:
        return max(probability, ASKING_FLOOR) if word in _ASKING else probability

    def _opening(self, word: str) -> float:
        """P(word) for the question's first word, which has no word before it: lowered by how often the word has one
        particular word before it, as a question rarely opens with the second half of a compound. "chong cua nguyen
        Pho Chu tich nuoc …" read "chóng của" ("nhanh chóng của" is the likelier pair), "Trong" "Trọng", "Vi" "Vị".
        Only the first word: a run after a comma or a bracket opens a clause, yet "(nay là …" is still "hiện nay"'s
        "nay" as often as not, and read as "này" once the rule covered every run."""
        return self._unigram(word) * max(1.0 - self._led.get(word, 0.0), _OPENING_FLOOR)

    def _unigram(self, word: str) -> float:
        return (self._unigrams.get(word, 0) + 0.5) / self._total

    def _transition(self, prev: str, word: str) -> float:
        pair = self._bigrams.get((prev, word), 0)
        return _BIGRAM_WEIGHT * pair / (self._unigrams.get(prev, 0) + 1) + (1 - _BIGRAM_WEIGHT) * self._unigram(word)


def restore_capitals(text: str, capitalised: Callable[[tuple[str, ...]], tuple[int, int]],
                     abbreviations: Mapping[str, str] | None = None) -> str:
    """`text` with its capitals put back, when it was typed all in lower case (its first word aside): "le hong phong
    ket hon nam nao", restored to "lê hồng phong kết hôn năm nào", becomes "Lê Hồng Phong kết hôn năm nào", so the
    rules that read names (the answer's document must hold them), abbreviations, document numbers and Roman
    numerals read them as in a question typed with care.

    - Document numbers: "16-kl/tw" → "16-KL/TW".
    - Abbreviations: `abbreviations` maps each known one in lower case to its written form ("ubnd" → "UBND").
    - Roman numerals of a term, congress or rank order: "khóa xiii", "đại hội iv", "lần thứ i", "khóa v, vi".
    - Names: `capitalised(words)` says, for one word or a pair in lower case, (how often the corpus writes it
      capitalised, how often it writes it) inside running text.
    - Places: the words after "huyện", "tỉnh ủy", … (see _capitalise_places).

    Text with any capitalised word after its first is returned as it is: its writer put the capitals where they
    wanted them."""
    words = list(_WORD.finditer(text))
    if any(not _is_abbreviation(m.group()) and m.group() != m.group().lower() for m in words[1:]):
        return text
    out = list(text)
    numbers = document_number_spans(text.upper())
    for start, end in numbers:
        out[start:end] = text[start:end].upper()
    _write_abbreviations(text, out, numbers, abbreviations or {})
    lowered = [m.group().lower() for m in words]
    inside = {i for i, m in enumerate(words) if within(m.start(), numbers)}
    numerals = _write_numerals(text, words, lowered, out, skip=inside)
    _capitalise_names(text, words, lowered, out, capitalised, skip=inside | numerals)
    _capitalise_places(text, words, lowered, out, capitalised)
    return "".join(out)


def _write_abbreviations(text: str, out: list[str], numbers: list[tuple[int, int]],
                         abbreviations: Mapping[str, str]) -> None:
    """Known abbreviations outside document numbers, in their written form; not one that could be a syllable."""
    for token in _TOKEN.finditer(text):
        lowered = token.group().lower()
        # "đt&tg" as the restorer may spell "dt&tg"; not "tù" for "TU": a tone mark makes it a word
        written = abbreviations.get(lowered) or abbreviations.get(lowered.replace("đ", "d"))
        numbered = split_number(lowered)  # "qk2": a unit with its number glued on
        if not written and numbered and numbered[0] in abbreviations:
            written = abbreviations[numbered[0]] + numbered[1]
        if (written and len(written) == len(token.group()) and not within(token.start(), numbers)
                and not all(_SYLLABLE.fullmatch(fold(part)) for part in re.split(r"[&-]", lowered))):
            out[token.start() : token.end()] = written


def _write_numerals(text: str, words: list[re.Match[str]], lowered: list[str], out: list[str], *,
                    skip: set[int]) -> set[int]:
    """Roman numerals right after khóa / đại hội / ĐH / lần thứ, or after another such numeral and a comma or "và";
    returns the positions of the words written."""
    written: set[int] = set()
    for i, match in enumerate(words):
        if i in skip or _is_abbreviation(match.group()) or not match.group().isalpha() or not i:
            continue
        joined = re.fullmatch(r"[ \t]*(?:[,–-]|và)?[ \t]*", text[words[i - 1].end() : match.start()])
        follows = fold(lowered[i - 1]) in _ORDINAL_HEADS or i - 1 in written
        if _ROMAN.fullmatch(fold(lowered[i])) and joined and follows:
            out[match.start() : match.end()] = fold(lowered[i]).upper()
            written.add(i)
    return written


def _capitalise_names(text: str, words: list[re.Match[str]], lowered: list[str], out: list[str],
                      capitalised: Callable[[tuple[str, ...]], tuple[int, int]], *, skip: set[int]) -> None:
    """A word the corpus writes capitalised TITLE_SHARE of the time, a pair it writes so PAIR_SHARE of the time."""
    for i, match in enumerate(words):
        if i in skip or _is_abbreviation(match.group()) or not match.group().isalpha():
            continue
        if _share(capitalised((lowered[i],))) >= TITLE_SHARE:
            out[match.start()] = out[match.start()].upper()
        following = words[i + 1] if i + 1 < len(words) else None
        if (following is not None and following.group().isalpha() and not _is_abbreviation(following.group())
                and _JOIN.fullmatch(text[match.end() : following.start()])
                and _share(capitalised((lowered[i], lowered[i + 1]))) >= PAIR_SHARE):
            out[match.start()] = out[match.start()].upper()
            out[following.start()] = out[following.start()].upper()


def _capitalise_places(text: str, words: list[re.Match[str]], lowered: list[str], out: list[str],
                       capitalised: Callable[[tuple[str, ...]], tuple[int, int]]) -> None:
    """The one or two words after "huyện", "tỉnh ủy", "xã", … name the place, even one the corpus never names
    ("huyện ủy dakrong"), unless the corpus writes them in lower case ("huyện ủy tổ chức", "tỉnh nào")."""
    for i in range(1, len(words)):
        head = lowered[i - 1]
        if head not in _PLACE_HEADS and not (head == "ủy" and i > 1 and lowered[i - 2] in _PLACE_HEADS):
            continue
        for j in (i, i + 1):
            word = words[j] if j < len(words) else None
            joined = word is not None and _JOIN.fullmatch(text[words[j - 1].end() : word.start()])
            if not joined or not word.group().isalpha() or _is_abbreviation(word.group()) or lowered[j] == "ủy":
                break
            capital, seen = capitalised((lowered[j],))
            if seen >= MIN_SEEN and capital < 0.5 * seen:
                break
            out[word.start()] = out[word.start()].upper()


def _share(counts: tuple[int, int]) -> float:
    capital, seen = counts
    return capital / seen if seen >= MIN_SEEN else 0.0


def _is_abbreviation(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _runs(text: str, words: list[re.Match[str]]) -> Iterable[list[re.Match[str]]]:
    """The words grouped into runs that only spaces join."""
    run: list[re.Match[str]] = []
    for match in words:
        if run and not _JOIN.fullmatch(text[run[-1].end() : match.start()]):
            yield run
            run = []
        run.append(match)
    if run:
        yield run


def _same_case(typed: str, word: str) -> str:
    """`word` in the case `typed` was written in: "Dang" → "Đảng", "dang" → "đảng"."""
    if _is_abbreviation(typed):
        return typed
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
