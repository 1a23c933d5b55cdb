"""Convert the public sets in ../shared/evals (XQuAD-vi, ViQuAD, Party MCQ banks) into cases and corpora."""

from __future__ import annotations

import argparse
import ast
import json
import logging
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from evals.cases import Case, write_cases
from evals.errors import CaseFileError, EvalError, SetNotFound

log = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_EVALS = REPO_ROOT.parent / "shared" / "evals"
XQUAD = "xquad-vi/xquad.vi.flat.jsonl"
VIQUAD = "viquad1-sample/viquad1_sample_detok.jsonl"
PARTY_LINKED = "party-mcq/silver_linked_to_tnt305_docs.jsonl"
MCQ_BANKS = (
    "party-mcq/contest_resolutions_2024_2025.jsonl",
    "party-mcq/course_lich_su_dang.jsonl",
    "party-mcq/course_tu_tuong_hcm.jsonl",
    "party-mcq/army_political_awareness.jsonl",
)
LETTERS = "ABCDEFGH"
SET_NAMES = ("xquad", "viquad", "party-linked", "party-linked-choices", "party-mcq")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a file, one a line; a missing file raises SetNotFound naming it."""
    if not path.is_file():
        raise SetNotFound(f"{path} not found; the public sets live in ../shared/evals next to the repository")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of text covering the span [start, end): the evidence that pins down a paragraph."""
    from index.sentences import split_sentences

    spans = [(s, e) for s, e in split_sentences(text) if s < end and e > start]
    if not spans:
        return text[start:end]
    return text[spans[0][0] : spans[-1][1]]


def xquad_cases(path: Path, *, limit: int | None = None) -> list[Case]:
    """XQuAD-vi questions; evidence is the context sentence holding the gold span, so it names the paragraph."""
    cases = []
    for row in read_jsonl(path):
        answer, start = row["answers"][0], row["answer_starts"][0]
        evidence = sentence_around(row["context"], start, start + len(answer))
        extra = {"title": row["title"], "paragraph_index": row["paragraph_index"], "source": xquad_source(row)}
        aliases = tuple(row["answers"][1:])
        cases.append(Case(row["id"], row["question"], answer, evidence, kind="xquad", aliases=aliases, extra=extra))
        if limit and len(cases) >= limit:
            break
    return cases


def xquad_source(row: dict[str, Any]) -> str:
    """File name of an XQuAD paragraph in the written corpus."""
    return f"{_slug(row['title'])}-{int(row['paragraph_index']):02d}.txt"


def xquad_documents(path: Path) -> dict[str, str]:
    """The distinct XQuAD paragraphs as {file name: text}; the retrieval corpus for the XQuAD questions."""
    return {xquad_source(row): row["context"] for row in read_jsonl(path)}


def viquad_cases(path: Path, *, limit: int | None = None) -> list[Case]:
    """ViQuAD sample questions; evidence is the context sentence holding an answer, if one occurs verbatim."""
    cases = []
    for i, row in enumerate(read_jsonl(path)):
        answers = [a for a in row["answers"] if a.strip()]
        found = next((a for a in answers if a in row["context"]), None)
        evidence = None
        if found is not None:  # the located answer becomes the main one, so evidence and answer agree
            answers.insert(0, answers.pop(answers.index(found)))
            start = row["context"].find(found)
            evidence = sentence_around(row["context"], start, start + len(found))
        extra = {"source": viquad_source(row["context"])}
        case_id, aliases = f"viquad-{i:04d}", tuple(answers[1:])
        cases.append(Case(case_id, row["question"], answers[0], evidence, kind="viquad", aliases=aliases, extra=extra))
        if limit and len(cases) >= limit:
            break
    return cases


def viquad_source(context: str) -> str:
    """File name of a ViQuAD context in the written corpus: named by its content, as contexts have no ids."""
    from index.models import content_hash

    return f"viquad-{content_hash(context, size=12)}.txt"


def viquad_documents(path: Path) -> dict[str, str]:
    """The distinct ViQuAD contexts as {file name: text}."""
    return {viquad_source(row["context"]): row["context"] for row in read_jsonl(path)}


def party_linked_cases(path: Path, *, with_choices: bool = False) -> list[Case]:
    """The MCQ questions linked to the party corpus, as a retrieval set: the correct choice is the evidence.

    With `with_choices`, each is asked as a quiz, its stem followed by its lettered choices (as `mcq_cases` asks
    the banks), and scored as one: the answer must contain the correct choice's text."""
    cases = []
    for row in read_jsonl(path):
        extra = {"gold_docs": row.get("gold_docs", []), "set": row.get("set", "")}
        kind = row.get("set", "linked")
        question, choices = row["question"], ()
        if with_choices:
            choices = tuple(c.strip() for c in _listed(row.get("choices"), f"{path.name}, question {row['id']}"))
            question = asked_with(question, choices)
        prefix = "linkedc" if with_choices else "linked"
        cases.append(Case(f"{prefix}-{row['id']}", question, row["answer"], row["answer"], kind=kind, choices=choices,
                          extra=extra))
    return cases


def _listed(value: Any, where: str) -> list[str]:
    """A list of strings, also when the file writes it as a Python literal ("['…', '…']"); `where` names the row
    in the error."""
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            pass  # reported below, as any other value that is not a list of strings
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"{where}: its choices are not a list of strings: {value!r:.80}")
    return value


def asked_with(question: str, choices: Sequence[str]) -> str:
    """A quiz as a user pastes it: the question, then one "A. …" line per choice."""
    return "\n".join([question.strip(), *(f"{LETTERS[i]}. {c.strip()}" for i, c in enumerate(choices))])


def mcq_cases(path: Path) -> list[Case]:
    """A multiple-choice bank asked with its choices; correct when the answer contains the right choice's text."""
    cases, skipped = [], 0
    bank = path.stem
    for row in read_jsonl(path):
        choices, index = row.get("choices_clean") or row.get("choices") or [], row.get("answer_index")
        if index is None or not 0 <= index < len(choices) or not all(c and c.strip() for c in choices):
            skipped += 1  # the bank's answer index points outside its choices: no gold to score against
            continue
        extra = {"topic": row.get("topic", ""), "origin": row.get("source", "")}
        question, answer = asked_with(row["question"], choices), choices[index].strip()
        cases.append(Case(f"{bank}-{row['id']}", question, answer, None, kind=bank, choices=tuple(choices), extra=extra))
    if skipped:
        log.warning("%s: skipped %d questions whose answer index is not one of their choices", path.name, skipped)
    return cases


def write_corpus(documents: dict[str, str], directory: Path) -> int:
    """Write {file name: text} as UTF-8 text files, ready for `assistant ingest`; returns how many."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (directory / name).write_text(text + "\n", encoding="utf-8")
    return len(documents)


def _slug(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "untitled"


def convert(name: str, *, shared: Path = SHARED_EVALS, limit: int | None = None) -> tuple[list[Case], dict[str, str]]:
    """Cases of the named set and the documents it needs written as a corpus (empty when it has its own corpus)."""
    match name:
        case "xquad":
            return xquad_cases(shared / XQUAD, limit=limit), xquad_documents(shared / XQUAD)
        case "viquad":
            return viquad_cases(shared / VIQUAD, limit=limit), viquad_documents(shared / VIQUAD)
        case "party-linked":
            return party_linked_cases(shared / PARTY_LINKED)[:limit], {}
        case "party-linked-choices":
            return party_linked_cases(shared / PARTY_LINKED, with_choices=True)[:limit], {}
        case "party-mcq":
            return [case for bank in MCQ_BANKS for case in mcq_cases(shared / bank)][:limit], {}
        case _:
            raise ValueError(f"unknown set {name!r}; choose one of: {', '.join(SET_NAMES)}")


def main(argv: list[str] | None = None) -> int:
    """`python -m evals.converters SET --out FILE [--corpus-dir DIR]`: write a set's cases (and corpus)."""
    parser = argparse.ArgumentParser(prog="python -m evals.converters", description=__doc__)
    parser.add_argument("set", choices=SET_NAMES)
    parser.add_argument("--out", type=Path, required=True, help="JSON Lines file of cases to write")
    parser.add_argument("--corpus-dir", type=Path, help="write the set's paragraphs here as .txt files (xquad, viquad)")
    parser.add_argument("--shared", type=Path, default=SHARED_EVALS, help=f"the public sets (default {SHARED_EVALS})")
    parser.add_argument("--limit", type=int, default=None, help="keep only the first N cases")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        cases, documents = convert(args.set, shared=args.shared, limit=args.limit)
    except EvalError as err:  # a set not found, or a row of it that cannot be read
        print(f"evals.converters: {err}", file=sys.stderr)
        return 1
    print(f"{write_cases(cases, args.out)} cases written to {args.out}")
    if args.corpus_dir and documents:
        print(f"{write_corpus(documents, args.corpus_dir)} documents written to {args.corpus_dir}")
    elif args.corpus_dir:
        print(f"{args.set} has no corpus of its own: it is asked against the party corpus (../shared/corpus/party)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
