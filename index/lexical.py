"""The BM25 side of the index: bm25s over Vietnamese-aware terms, saved beside Chroma and kept in step with it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.filters import Filters
from index.models import Hit

if TYPE_CHECKING:
    from index.diacritics import Restorer

FORMAT = 2
CASE_SAMPLE = 40  # passages read to learn how a word is capitalised, spread over those holding it
_BREAKS = ".!?:;"  # a word right after one of these (or at a line's start) starts a sentence: its capital says nothing
_LETTERS = re.compile(r"[^\W\d_]+")


def fingerprint(chunk_ids: Iterable[str]) -> str:
    """A hash of the set of chunk ids: equal fingerprints mean the same chunks."""
    digest = hashlib.sha256()
    for chunk_id in sorted(chunk_ids):
        digest.update(chunk_id.encode())
    return digest.hexdigest()


class LexicalIndex:
    """BM25 over chunks, with each chunk's metadata kept for filtering and for building hits."""

    def __init__(self, records: list[dict[str, Any]], bm25: Any | None, *, abbreviations: dict[str, str]) -> None:
        self.records = records  # one dict per chunk: its Chroma metadata plus `passage`
        self._bm25 = bm25
        self.abbreviations = abbreviations  # learnt from the documents' own definitions, used on queries
        self.fingerprint = fingerprint(r["chunk_id"] for r in records)
        self._restorer: Restorer | None = None
        self._capitals: dict[tuple[str, ...], tuple[int, int]] = {}
        self._written: dict[str, str] | None = None  # the known abbreviations, as typed in lower case
        self._openings: dict[str, int] | None = None  # doc_id -> the record of its first passage
        self._signed: dict[str, list[int]] | None = None  # doc_id -> the records of its passages with a signature

    @classmethod
    def build(cls, records: list[dict[str, Any]], *, defined: dict[str, dict[str, str]] | None = None) -> "LexicalIndex":
        """Tokenise every passage, with its abbreviations spelt out, and build the BM25 matrix.

        `defined` maps a doc_id to the abbreviations that document defines ("Cơ quan Chính quyền (CQCQ)"), so
        every chunk of it that writes "CQCQ" also matches "cơ quan chính quyền".
        """
        import bm25s

        from index.abbreviations import expand_abbreviations
        from index.terms import document_terms

        defined = defined or {}
        learnt: dict[str, str] = {}
        for table in defined.values():
            for abbreviation, expansion in table.items():
                learnt.setdefault(abbreviation, expansion)
        if not records:
            return cls([], None, abbreviations=learnt)
        # Terms become ids chunk by chunk (4 bytes each): a list of every chunk's term strings was most of the
        # ingest's peak memory (1.6 GB for the 21k chunks of the party corpus).
        vocab: dict[str, int] = {}
        ids = []
        for r in records:
            terms = document_terms(expand_abbreviations(r["passage"], extra=defined.get(r["doc_id"]))) or ["\x00"]
            ids.append(array("i", [vocab.setdefault(t, len(vocab)) for t in terms]))
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        bm25.index((ids, vocab), show_progress=False)
        return cls(records, bm25, abbreviations=learnt)

    def __len__(self) -> int:
        return len(self.records)

    def search(self, query: str, *, k: int, filters: Filters | None = None) -> list[Hit]:
        """The k best chunks for `query` by BM25; chunks with no matching term are never returned."""
        from index.abbreviations import expand_abbreviations
        from index.terms import query_terms

        if self._bm25 is None:
            return []
        vocab = self._bm25.vocab_dict
        terms = query_terms(expand_abbreviations(query, extra=self.abbreviations))
        ids = [vocab[t] for t in terms if t in vocab]
        if not ids:
            return []
        scores = self._bm25.get_scores(ids)
        if filters and not filters.empty:
            scores = scores * np.fromiter((filters.matches(r) for r in self.records), dtype=bool, count=len(scores))
        top = np.argsort(-scores, kind="stable")[:k]
        return [self._hit(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def idf(self, terms: Iterable[str]) -> dict[str, float]:
        """BM25 idf of each term over the chunks; a term the index has never seen gets the highest idf."""
        n = max(len(self.records), 1)
        vocab = self._bm25.vocab_dict if self._bm25 is not None else {}
        weights = {}
        for term in terms:
            df = self._chunks_holding(vocab.get(term))
            weights[term] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
        return weights

    def restore_diacritics(self, text: str) -> str:
        """`text` with the diacritics a plain-typed question left out put back, from this index's counts (the
        model is built on the first plain question, ~1 s for the party corpus)."""
        if self._restorer is None:
            from index.abbreviations import expansions
            from index.diacritics import Restorer

            self._restorer = Restorer.from_counts(self.term_counts(), abbreviations=expansions(self.abbreviations),
                                                  together=self.together)
        return self._restorer.restore(text)

    def restore(self, text: str) -> str:
        """A question as its writer would have written it with care: the diacritics back on its plain words, then,
        in one typed all in lower case, the capitals of its names, abbreviations, document numbers and Roman numerals
        (index.diacritics.restore_capitals)."""
        from index.abbreviations import written_forms
        from index.diacritics import restore_capitals

        if self._written is None:
            self._written = written_forms(self.abbreviations)
        return restore_capitals(self.restore_diacritics(text), self.capitalised, self._written)

    def capitalised(self, words: tuple[str, ...]) -> tuple[int, int]:
        """(How often capitalised, how often seen) `words` (one lower-case syllable or a pair) are in running text:
        not at a sentence's start, in a heading, or in a line whose words are mostly capitalised (a title, a table's
        header). Read from up to CASE_SAMPLE passages holding them, spread over the corpus; remembered."""
        counts = self._capitals.get(words)
        if counts is None:
            counts = self._capitals[words] = self._count_capitals(words)
        return counts

    def _count_capitals(self, words: tuple[str, ...]) -> tuple[int, int]:
        from index.chroma import strip_passage_prefix
        from index.terms import BIGRAM_JOINER
        from index.text import normalize_for_search

        slot = self._bm25.vocab_dict.get(BIGRAM_JOINER.join(words)) if self._bm25 is not None else None
        if not self._chunks_holding(slot):
            return 0, 0
        indptr, indices = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        chunks = indices[indptr[slot] : indptr[slot + 1]]
        pattern = re.compile(r"(?<![^\W_])" + r"[ \t]+".join(map(re.escape, words)) + r"(?![^\W_])", re.IGNORECASE)
        capital = seen = 0
        for i in chunks[:: max(1, len(chunks) // CASE_SAMPLE)][:CASE_SAMPLE]:
            record = self.records[int(i)]
            text = normalize_for_search(strip_passage_prefix(record["passage"], record))
            for match in pattern.finditer(text):
                if _in_running_text(text, match.start()):
                    seen += 1
                    capital += all(_is_title(word) for word in match.group().split())
        return capital, seen

    def together(self, *pairs: tuple[str, str]) -> int:
        """How many chunks hold every one of the syllable pairs `pairs` ("xếp bộ", "bộ máy")."""
        from index.terms import BIGRAM_JOINER

        if self._bm25 is None:
            return 0
        indptr, indices = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        held = None
        for pair in pairs:
            slot = self._bm25.vocab_dict.get(BIGRAM_JOINER.join(pair))
            if not self._chunks_holding(slot):
                return 0
            chunks = indices[indptr[slot] : indptr[slot + 1]]
            held = chunks if held is None else np.intersect1d(held, chunks, assume_unique=True)
        return 0 if held is None else len(held)

    def term_counts(self) -> Iterator[tuple[str, int]]:
        """Every indexed term with the number of chunks that hold it."""
        if self._bm25 is None:
            return
        for term, slot in self._bm25.vocab_dict.items():
            yield term, self._chunks_holding(slot)

    def _chunks_holding(self, slot: int | None) -> int:
        """How many chunks hold the term in vocabulary slot `slot`; 0 for none, or for the empty term bm25s keeps one
        slot past its matrix."""
        if slot is None or self._bm25 is None:
            return 0
        indptr = self._bm25.scores["indptr"]
        return int(indptr[slot + 1] - indptr[slot]) if slot + 1 < len(indptr) else 0

    def opening(self, doc_id: str) -> Hit | None:
        """The first passage of a document (an official text's header: "Số 384-QĐ/TW", its kind and title); None
        for a document the index does not hold."""
        if self._openings is None:
            first: dict[str, int] = {}
            for i, record in enumerate(self.records):
                j = first.get(record["doc_id"])
                if j is None or int(record.get("start", 0)) < int(self.records[j].get("start", 0)):
                    first[record["doc_id"]] = i
            self._openings = first
        i = self._openings.get(doc_id)
        return None if i is None else self._hit(i, 0.0)

    def signatures(self, doc_id: str, *, filters: Filters | None = None) -> list[Hit]:
        """The passages of a document that hold a signature line ("T/M BỘ CHÍNH TRỊ / Trần Cẩm Tú"), which "Ai ký
        …?" asks about and whose few words seldom bring them into a search's first results."""
        from index.abbreviations import signs_off

        if self._signed is None:
            self._signed = {}
            for i, record in enumerate(self.records):
                if signs_off(record["passage"]):
                    self._signed.setdefault(record["doc_id"], []).append(i)
        found = self._signed.get(doc_id, [])
        return [self._hit(i, 0.0) for i in found if not filters or filters.empty or filters.matches(self.records[i])]

    def _hit(self, i: int, score: float) -> Hit:
        from index.chroma import hit_from_record, strip_passage_prefix

        record = self.records[i]
        return hit_from_record(strip_passage_prefix(record["passage"], record), record, score)

    def save(self, directory: Path) -> None:
        """Write atomically: a reader sees the old index or the new one, never half of one."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=directory.name + ".tmp-", dir=directory.parent))  # one per writer
        if self._bm25 is not None:
            self._bm25.save(str(tmp / "bm25"), show_progress=False)
        with open(tmp / "records.jsonl", "w", encoding="utf-8") as out:
            for record in self.records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        from index.abbreviations import table_version

        meta = {"format": FORMAT, "terms": table_version(), "fingerprint": self.fingerprint,
                "abbreviations": self.abbreviations}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False))
        old = Path(tempfile.mkdtemp(prefix=directory.name + ".old-", dir=directory.parent))
        if directory.exists():
            os.replace(directory, old / "index")
        os.replace(tmp, directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex | None":
        """The saved index, or None when there is none, it is of another format, or its passages were expanded with
        another abbreviation table (the store then rebuilds it from Chroma, ~15 s for the party corpus)."""
        import bm25s

        from index.abbreviations import table_version

        meta_path = directory / "meta.json"
        if not meta_path.exists():
            return None
        meta = json.loads(meta_path.read_text())
        if meta.get("format") != FORMAT or meta.get("terms") != table_version():
            return None
        with open(directory / "records.jsonl", encoding="utf-8") as src:
            records = [json.loads(line) for line in src]
        bm25 = bm25s.BM25.load(str(directory / "bm25")) if records else None
        return cls(records, bm25, abbreviations=meta.get("abbreviations", {}))


def _in_running_text(text: str, start: int) -> bool:
    """Whether the word at `start` stands inside a sentence of running text (see LexicalIndex.capitalised)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before = text[line_start:start].rstrip()
    if line.startswith("#") or not before or before[-1] in _BREAKS:
        return False
    words = _LETTERS.findall(line)
    return sum(_is_title(word) for word in words) <= 0.6 * len(words)


def _is_title(word: str) -> bool:
    """"Hồng", "Đ": a capital, then lower case only ("TTg", "UBND" are abbreviations, not names)."""
    return word[:1].isupper() and word[1:] == word[1:].lower()
