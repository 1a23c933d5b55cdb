"""Converters on the first lines of the real public sets (skipped when ../shared is not next to the repository)."""

from __future__ import annotations

import itertools
import json

import pytest

from evals import converters
from evals.cases import load_cases
from evals.converters import SHARED_EVALS, convert, mcq_cases, sentence_around, write_corpus
from evals.errors import SetNotFound
from evals.metrics import contains

needs_shared = pytest.mark.skipif(not SHARED_EVALS.is_dir(), reason="../shared/evals is not available")


def _head(tmp_path, relative: str, n: int):
    """A copy of the first n lines of a shared file, laid out like the shared folder."""
    source = SHARED_EVALS / relative
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, encoding="utf-8") as lines:
        target.write_text("".join(itertools.islice(lines, n)), encoding="utf-8")
    return target


def test_sentence_around_picks_the_sentence_holding_the_span():
    text = "Câu một nói về Hà Nội. Đảng bộ đã kết nạp 95 đảng viên. Câu ba."
    start = text.index("95")
    assert sentence_around(text, start, start + 2) == "Đảng bộ đã kết nạp 95 đảng viên."
    across = text.index("Nội")
    assert sentence_around(text, across, text.index("Đảng") + 4) == "Câu một nói về Hà Nội. Đảng bộ đã kết nạp 95 đảng viên."


@needs_shared
def test_xquad(tmp_path):
    _head(tmp_path, converters.XQUAD, 30)
    cases, documents = convert("xquad", shared=tmp_path)
    assert len(cases) == 30 and all(c.kind == "xquad" for c in cases)
    first = cases[0]
    assert first.id == "56beb4343aeaaa14008c925b" and first.answer == "308"
    assert first.evidence.startswith("Đội thủ của Panthers chỉ thua 308 điểm")
    assert all(contains(c.evidence, c.answer) for c in cases)
    assert first.extra["source"] in documents and first.evidence in documents[first.extra["source"]]


@needs_shared
def test_viquad(tmp_path):
    _head(tmp_path, converters.VIQUAD, 20)
    cases, documents = convert("viquad", shared=tmp_path, limit=10)
    assert len(cases) == 10 and cases[0].id == "viquad-0000"
    with_evidence = [c for c in cases if c.evidence]
    assert with_evidence and all(contains(c.evidence, c.answer) for c in with_evidence)
    assert all(c.extra["source"] in documents for c in cases)


@needs_shared
def test_party_linked(tmp_path):
    _head(tmp_path, converters.PARTY_LINKED, 5)
    cases, documents = convert("party-linked", shared=tmp_path)
    assert len(cases) == 5 and documents == {}
    assert cases[0].id == "linked-q00001" and cases[0].kind == "contest_resolutions_2024_2025"
    assert all(c.evidence == c.answer for c in cases) and cases[0].extra["gold_docs"]
    assert not cases[0].choices and "\n" not in cases[0].question


@needs_shared
def test_party_linked_asked_with_its_choices(tmp_path):
    _head(tmp_path, converters.PARTY_LINKED, 5)
    plain, _ = convert("party-linked", shared=tmp_path)
    cases, _ = convert("party-linked-choices", shared=tmp_path)
    first = cases[0]
    assert first.id == "linkedc-q00001" and first.evidence == first.answer == plain[0].answer
    lines = first.question.splitlines()
    assert lines[0] == plain[0].question and [line[:3] for line in lines[1:]] == ["A. ", "B. ", "C. ", "D. "]
    assert len(first.choices) == 4 and first.answer.strip() in first.choices


@needs_shared
def test_mcq_banks_are_asked_with_their_choices(tmp_path):
    path = _head(tmp_path, converters.MCQ_BANKS[1], 5)
    cases = mcq_cases(path)
    first = cases[0]
    assert first.id == "course_lich_su_dang-q00262" and first.evidence is None
    assert first.question.splitlines()[1:] == [
        "A. Đại hội III của Đảng (1960).", "B. Đại hội IV của Đảng (1976).",
        "C. Đại hội V của Đảng (1982).", "D. Đại hội VI của Đảng (1986).",
    ]
    assert first.answer == "Đại hội III của Đảng (1960)." and len(first.choices) == 4


def test_mcq_skips_answers_outside_the_choices(tmp_path):
    path = tmp_path / "bank.jsonl"
    rows = [
        {"id": "q1", "question": "Q1", "choices_clean": ["a", "b"], "answer_index": 1},
        {"id": "q2", "question": "Q2", "choices_clean": ["a", "b"], "answer_index": 4},
        {"id": "q3", "question": "Q3", "choices_clean": ["a", "b"], "answer_index": None},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [(c.id, c.answer) for c in mcq_cases(path)] == [("bank-q1", "b")]


def test_missing_set_and_unknown_name(tmp_path):
    with pytest.raises(SetNotFound, match="not found"):
        convert("xquad", shared=tmp_path)
    with pytest.raises(ValueError, match="choose one of: xquad, viquad, party-linked, party-linked-choices, party-mcq"):
        convert("squad", shared=tmp_path)


@needs_shared
def test_cli_writes_cases_and_corpus(tmp_path, capsys):
    _head(tmp_path, converters.XQUAD, 12)
    out, corpus = tmp_path / "xquad.jsonl", tmp_path / "corpus"
    assert converters.main(["xquad", "--shared", str(tmp_path), "--out", str(out), "--corpus-dir", str(corpus)]) == 0
    assert len(load_cases(out)) == 12 and any(corpus.glob("*.txt"))
    assert "12 cases written" in capsys.readouterr().out


def test_linked_choices_that_cannot_be_read_name_the_question_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / converters.PARTY_LINKED
    path.parent.mkdir(parents=True)
    rows = [{"id": "q1", "question": "Câu hỏi?", "choices": ["Một", "Hai"], "answer": "Hai"},
            {"id": "q2", "question": "Câu hỏi?", "choices": "['Một', 'Hai'", "answer": "Hai"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "linked.jsonl"
    assert converters.main(["party-linked-choices", "--shared", str(tmp_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "silver_linked_to_tnt305_docs.jsonl, question q2: its choices are not a list of strings" in err
    assert not out.exists()
    # asked without its choices, the same file converts
    assert converters.main(["party-linked", "--shared", str(tmp_path), "--out", str(out)]) == 0
    assert [c.id for c in load_cases(out)] == ["linked-q1", "linked-q2"]


def test_write_corpus(tmp_path):
    assert write_corpus({"a.txt": "một", "b.txt": "hai"}, tmp_path / "c") == 2
    assert (tmp_path / "c" / "b.txt").read_text(encoding="utf-8") == "hai\n"
