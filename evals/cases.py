"""Q&A cases: the dataclass, and loading and writing JSON Lines files with line-precise errors."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.errors import CaseFileError

_KNOWN = {"id", "question", "answer", "evidence", "evidence_also", "history", "kind", "aliases", "choices"}


@dataclass(frozen=True)
class Case:
    """One question with its gold answer and evidence; both None mark an unanswerable question."""

    id: str
    question: str
    answer: str | None = None
    evidence: str | None = None  # an excerpt that must appear in a retrieved chunk
    history: tuple[tuple[str, str], ...] = ()
    kind: str = ""
    aliases: tuple[str, ...] = ()  # other accepted answers (e.g. the other annotators' spans)
    choices: tuple[str, ...] = ()  # multiple-choice options: correctness is then plain containment
    # Other documents' excerpts that state the same answer (source file, excerpt), added when a retrieved passage
    # from another document was judged to answer the question as asked; any of them counts as the evidence.
    evidence_also: tuple[tuple[str, str], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # any other field, kept as is

    @property
    def answerable(self) -> bool:
        return self.answer is not None

    @property
    def golds(self) -> tuple[str, ...]:
        """Every accepted answer, the main one first."""
        return (self.answer, *self.aliases) if self.answer is not None else ()

    @property
    def evidences(self) -> tuple[str, ...]:
        """Every accepted evidence excerpt, the main one first; empty when the case has no evidence."""
        return (self.evidence, *(text for _, text in self.evidence_also)) if self.evidence is not None else ()


def parse_case(obj: Any) -> Case:
    """Validate one decoded JSON value as a case; raise ValueError saying which field is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    for name in ("id", "question"):
        if not isinstance(obj.get(name), str) or not obj[name].strip():
            raise ValueError(f"{name!r} must be a non-empty string")
    for name in ("answer", "evidence"):
        if obj.get(name) is not None and (not isinstance(obj[name], str) or not obj[name].strip()):
            raise ValueError(f"{name!r} must be a non-empty string or null")
    if obj.get("answer") is None and obj.get("evidence") is not None:
        raise ValueError("'evidence' is set but 'answer' is null: an unanswerable case has neither")
    if obj.get("evidence_also") and obj.get("evidence") is None:
        raise ValueError("'evidence_also' is set but 'evidence' is null")
    if not isinstance(obj.get("kind", ""), str):
        raise ValueError("'kind' must be a string")
    return Case(
        id=obj["id"],
        question=obj["question"],
        answer=obj.get("answer"),
        evidence=obj.get("evidence"),
        history=_history(obj.get("history") or []),
        kind=obj.get("kind") or "",
        aliases=_strings(obj.get("aliases") or [], "aliases"),
        choices=_strings(obj.get("choices") or [], "choices"),
        evidence_also=_evidence_also(obj.get("evidence_also") or {}),
        extra={k: v for k, v in obj.items() if k not in _KNOWN},
    )


def _history(value: Any) -> tuple[tuple[str, str], ...]:
    """Earlier turns as (user, assistant) pairs."""
    if not isinstance(value, list):
        raise ValueError("'history' must be a list of [user, assistant] pairs")
    turns = []
    for i, turn in enumerate(value):
        if not (isinstance(turn, list) and len(turn) == 2 and all(isinstance(t, str) for t in turn)):
            raise ValueError(f"'history' turn {i} must be a [user, assistant] pair of strings")
        turns.append((turn[0], turn[1]))
    return tuple(turns)


def _evidence_also(value: Any) -> tuple[tuple[str, str], ...]:
    """{source file: excerpt} of the other documents that give the same answer."""
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise ValueError("'evidence_also' must map source files to non-empty excerpts")
    return tuple(value.items())


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{name!r} must be a list of non-empty strings")
    return tuple(value)


def load_cases(*paths: Path | str) -> list[Case]:
    """Every case of the given JSON Lines files, in order; blank lines are skipped, ids must be unique."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.is_file():
            raise CaseFileError(f"{path}: no such file; pass a JSON Lines file of cases")
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                case = parse_case(json.loads(line))
            except json.JSONDecodeError as err:
                raise CaseFileError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
            except ValueError as err:
                raise CaseFileError(f"{where}: {err}") from None
            if case.id in seen:
                raise CaseFileError(f"{where}: duplicate id {case.id!r} (first at {seen[case.id]})")
            seen[case.id] = where
            cases.append(case)
    return cases


def case_to_dict(case: Case) -> dict[str, Any]:
    """The JSON form of a case; empty optional fields are left out."""
    out: dict[str, Any] = {"id": case.id, "question": case.question, "answer": case.answer, "evidence": case.evidence}
    if case.history:
        out["history"] = [list(turn) for turn in case.history]
    if case.kind:
        out["kind"] = case.kind
    if case.aliases:
        out["aliases"] = list(case.aliases)
    if case.choices:
        out["choices"] = list(case.choices)
    if case.evidence_also:
        out["evidence_also"] = dict(case.evidence_also)
    return {**out, **case.extra}


def write_cases(cases: Iterable[Case], path: Path | str) -> int:
    """Write cases as JSON Lines (UTF-8, unescaped); returns how many were written."""
    lines = [json.dumps(case_to_dict(c), ensure_ascii=False) for c in cases]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)
