"""Run Q&A cases through an assistant and plain retrievers, recording one scored outcome per case and system."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol

from evals.cases import Case
from evals.metrics import answer_correct, contains, evidence_rank, token_f1

ASSISTANT = "assistant"
SNIPPET_CHARS = 300  # how much of each retrieved passage results.jsonl keeps for reading failures

Progress = Callable[[int, int, str], None]  # (cases done, cases total, id of the last case)


class Retriever(Protocol):
    """Anything that returns the k best chunks for a query."""

    def retrieve(self, query: str, *, k: int, filters: Any = None) -> list: ...


class Answerer(Protocol):
    """The assistant: a question (with earlier turns) in, an `assistant.models.Answer` out."""

    def answer(self, question: str, *, history: Sequence[tuple[str, str]] = (), k: int = 10, filters: Any = None): ...


@dataclass(frozen=True)
class Outcome:
    """What one system did on one case, already scored; None means 'not measured for this case'."""

    case_id: str
    system: str
    kind: str
    answerable: bool
    rank: int | None = None  # 1-based rank of the first retrieved passage holding the evidence
    scored_retrieval: bool = False  # the case has evidence and the system retrieved
    retrieved: tuple[dict[str, Any], ...] = ()
    answer: str | None = None
    abstained: bool | None = None
    correct: bool | None = None  # answerable: gold found in the answer; unanswerable: the system refused
    f1: float | None = None
    citations: int = 0
    citations_with_evidence: int | None = None
    timings: dict[str, float] = field(default_factory=dict)
    error: str | None = None

    @property
    def answered(self) -> bool:
        return self.abstained is not None


@dataclass
class EvalResult:
    """Every outcome of one evaluation run, with the cases and what was run."""

    cases: list[Case]
    outcomes: list[Outcome]
    systems: list[str]
    k: int
    started: str = ""
    seconds: float = 0.0
    notes: dict[str, str] = field(default_factory=dict)  # e.g. corpus and index used, shown in the report

    def by_system(self, system: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.system == system]


def run_eval(
    cases: Sequence[Case],
    *,
    assistant: Answerer | None = None,
    retrievers: Mapping[str, Retriever] | None = None,
    k: int = 10,
    filters: Any = None,
    progress: Progress | None = None,
    notes: Mapping[str, str] | None = None,
) -> EvalResult:
    """Ask the assistant every case and search every retriever with every case that has evidence."""
    retrievers = dict(retrievers or {})
    if assistant is None and not retrievers:
        raise ValueError("nothing to evaluate: give an assistant, retrievers, or both")
    if assistant is not None and ASSISTANT in retrievers:
        raise ValueError(f"{ASSISTANT!r} names the assistant; give the retriever another name")
    systems = ([ASSISTANT] if assistant is not None else []) + list(retrievers)
    started, clock = datetime.now(timezone.utc).isoformat(timespec="seconds"), time.perf_counter()
    outcomes: list[Outcome] = []
    for done, case in enumerate(cases, 1):
        if assistant is not None:
            outcomes.append(ask(assistant, case, k=k, filters=filters))
        if case.evidence is not None:
            outcomes.extend(search(name, r, case, k=k, filters=filters) for name, r in retrievers.items())
        if progress:
            progress(done, len(cases), case.id)
    seconds = time.perf_counter() - clock
    return EvalResult(list(cases), outcomes, systems, k, started=started, seconds=seconds, notes=dict(notes or {}))


def ask(assistant: Answerer, case: Case, *, k: int, filters: Any = None) -> Outcome:
    """One assistant call on one case, scored for retrieval, answer, refusal and citations."""
    clock = time.perf_counter()
    try:
        answer = assistant.answer(case.question, history=case.history, k=k, filters=filters)
    except Exception as err:  # one broken case must not end a long run; the report lists every error
        return _failed(ASSISTANT, case, err)
    timings = {**answer.timings, "total": time.perf_counter() - clock}
    abstained = bool(answer.abstained)
    if case.answerable:
        correct = not abstained and answer_correct(answer.text, case.golds, strict=bool(case.choices))
        f1 = 0.0 if abstained else token_f1(answer.text, case.golds)
    else:
        correct, f1 = abstained, None
    with_evidence = None
    if case.evidence is not None and answer.citations:
        with_evidence = sum(any(contains(c.text, e) for e in case.evidences) for c in answer.citations)
    return Outcome(
        **_retrieval_fields(ASSISTANT, case, answer.retrieved),
        answer=answer.text,
        abstained=abstained,
        correct=correct,
        f1=f1,
        citations=len(answer.citations),
        citations_with_evidence=with_evidence,
        timings=timings,
    )


def search(name: str, retriever: Retriever, case: Case, *, k: int, filters: Any = None) -> Outcome:
    """One retriever call on one case's question (earlier turns are not given), scored for retrieval."""
    clock = time.perf_counter()
    try:
        hits = retriever.retrieve(case.question, k=k, filters=filters)
    except Exception as err:  # as in `ask`: record and go on
        return _failed(name, case, err)
    seconds = time.perf_counter() - clock
    return Outcome(**_retrieval_fields(name, case, hits), timings={"retrieve": seconds, "total": seconds})


def _retrieval_fields(system: str, case: Case, hits: Sequence[Any]) -> dict[str, Any]:
    rank = evidence_rank([h.text for h in hits], *case.evidences) if case.evidence is not None else None
    return {
        "case_id": case.id,
        "system": system,
        "kind": case.kind,
        "answerable": case.answerable,
        "rank": rank,
        "scored_retrieval": case.evidence is not None,
        "retrieved": tuple(_snippet(h) for h in hits),
    }


def _snippet(hit: Any) -> dict[str, Any]:
    return {
        "source": hit.source,
        "start": hit.start,
        "end": hit.end,
        "score": round(float(hit.score), 6),
        "text": hit.text[:SNIPPET_CHARS],
    }


def _failed(system: str, case: Case, err: Exception) -> Outcome:
    return Outcome(case.id, system, case.kind, case.answerable, error=f"{type(err).__name__}: {err}")
