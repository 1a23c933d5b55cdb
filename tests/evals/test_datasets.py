"""The hand-written sets: every answer and evidence is verbatim in its document, and every kind is covered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from evals.cases import load_cases
from evals.metrics import contains

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "evals" / "data"
PARTY_DOCS = REPO.parent / "shared" / "corpus" / "party" / "docs"
BUNDLED_KINDS = {
    "fact", "number", "date", "docnumber", "abbreviation", "no_diacritics", "followup", "charter",
    "unanswerable", "out_of_domain",
}


def _bundled_texts() -> dict[str, str]:
    corpus = REPO / "corpus"
    return {str(p.relative_to(corpus)): p.read_text(encoding="utf-8") for p in [*corpus.glob("seeds/*.txt"), *corpus.glob("charter/*.md")]}


def _check_verbatim(cases, texts: dict[str, str]) -> list[str]:
    problems = []
    for case in cases:
        if not case.answerable:
            continue
        if not contains(case.evidence, case.answer):
            problems.append(f"{case.id}: answer not inside its evidence")
        source = case.extra.get("source")
        if source not in texts:
            problems.append(f"{case.id}: unknown source {source!r}")
        elif not contains(texts[source], case.evidence):
            problems.append(f"{case.id}: evidence not found in {source}")
        for other, excerpt in case.evidence_also:  # another document's wording of the same answer
            if not any(contains(excerpt, gold) for gold in case.golds):
                problems.append(f"{case.id}: the answer is not inside the evidence from {other}")
            if other not in texts or not contains(texts[other], excerpt):
                problems.append(f"{case.id}: evidence not found in {other}")
    return problems


def _party_texts(cases) -> dict[str, str]:
    """The party documents the answerable cases name, as their answer's source or as other evidence."""
    names = {c.extra["source"] for c in cases if c.answerable} | {s for c in cases for s, _ in c.evidence_also}
    return {name: (PARTY_DOCS / name).read_text(encoding="utf-8") for name in names}


def test_bundled_set_is_verbatim_and_covers_every_kind():
    cases = load_cases(DATA / "bundled.jsonl")
    kinds = Counter(c.kind for c in cases)
    assert len(cases) >= 45 and set(kinds) == BUNDLED_KINDS
    assert kinds["unanswerable"] + kinds["out_of_domain"] >= 8
    assert all(c.history for c in cases if c.kind == "followup")
    assert all(c.evidence is not None for c in cases if c.answerable)
    assert _check_verbatim(cases, _bundled_texts()) == []


def test_bundled_no_diacritics_questions_have_none():
    from index.text import has_diacritics

    typed_plain = [c for c in load_cases(DATA / "bundled.jsonl") if c.kind == "no_diacritics"]
    assert typed_plain and not any(has_diacritics(c.question) for c in typed_plain)


# The party sets in the order they were written: dev, test, holdout, then the fresh ones (PROVENANCE.md). A new set goes
# at the end; every test below reads this list.
_PARTY_SETS = ["party_dev.jsonl", "party_test.jsonl", "party_holdout.jsonl", "party_fresh.jsonl",
               *(f"party_fresh{n}.jsonl" for n in range(2, 20))]


@pytest.mark.skipif(not PARTY_DOCS.is_dir(), reason="../shared/corpus/party is not available")
def test_party_dev_set_is_verbatim():
    cases = load_cases(DATA / "party_dev.jsonl")
    assert len(cases) >= 40
    assert _check_verbatim(cases, _party_texts(cases)) == []


@pytest.mark.skipif(not PARTY_DOCS.is_dir(), reason="../shared/corpus/party is not available")
@pytest.mark.parametrize("name", _PARTY_SETS[1:])
def test_held_out_sets_are_verbatim(name):
    cases = load_cases(DATA / name)
    assert _check_verbatim(cases, _party_texts(cases)) == []
    assert any(not c.answerable for c in cases) and all(c.history for c in cases if c.kind == "followup")


def test_every_party_set_on_disk_is_in_the_list():
    assert sorted(path.name for path in DATA.glob("party_*.jsonl")) == sorted(_PARTY_SETS)


# Each held-out set must avoid the documents of the dev set and of every set written before it.
_EARLIER_SETS = {name: _PARTY_SETS[:i] for i, name in enumerate(_PARTY_SETS) if i}


@pytest.mark.parametrize("name", sorted(_EARLIER_SETS))
def test_held_out_sets_are_apart_from_earlier_ones(name):
    sources = {c.extra.get("source") for c in load_cases(DATA / name) if c.answerable}
    for earlier in _EARLIER_SETS[name]:
        earlier_sources = {c.extra.get("source") for c in load_cases(DATA / earlier)} - {None}
        assert not sources & earlier_sources, f"{name} shares documents with {earlier}"


@pytest.mark.parametrize("name", _PARTY_SETS[3:])
def test_fresh_set_covers_its_kinds(name):
    from index.text import has_diacritics

    cases = load_cases(DATA / name)
    kinds = Counter(c.kind for c in cases)
    assert len(cases) >= 50
    for kind, least in {"docnumber": 5, "no_diacritics": 5, "followup": 5, "abbreviation": 3}.items():
        assert kinds[kind] >= least, kind
    assert kinds["unanswerable"] >= 8 and kinds["out_of_domain"] >= 5
    assert all(c.answer is None and c.evidence is None for c in cases if c.kind in {"unanswerable", "out_of_domain"})
    assert all(c.history for c in cases if c.kind == "followup")
    assert not any(has_diacritics(c.question) for c in cases if c.kind == "no_diacritics")
