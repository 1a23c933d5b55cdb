"""Aggregate scored outcomes into figures per system and per kind: hit@k, MRR, correctness, refusals, latency."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from evals.metrics import hit_at, mean, percentile, reciprocal_rank
from evals.runner import EvalResult, Outcome

RETRIEVAL_KS = (1, 3, 5, 10)
MRR_K = 10
ALL = "all"


def retrieval_ks(k: int) -> tuple[int, ...]:
    """The hit@k cut-offs that a run retrieving k passages can measure."""
    return tuple(x for x in RETRIEVAL_KS if x <= k) or (k,)


def summarize(outcomes: Sequence[Outcome], *, k: int) -> dict[str, Any]:
    """The headline figures of one system on some outcomes; None where nothing was measured."""
    ok = [o for o in outcomes if o.error is None]
    scored = [o for o in ok if o.scored_retrieval]
    answered = [o for o in ok if o.answered]
    answerable = [o for o in answered if o.answerable]
    unanswerable = [o for o in answered if not o.answerable]
    cited = [o for o in answerable if o.citations_with_evidence is not None and o.citations]
    row: dict[str, Any] = {"cases": len(outcomes), "errors": len(outcomes) - len(ok), "with evidence": len(scored)}
    for cut in retrieval_ks(k):
        row[f"hit@{cut}"] = mean(hit_at(o.rank, cut) for o in scored)
    row[f"MRR@{MRR_K}"] = mean(reciprocal_rank(o.rank, k=MRR_K) for o in scored)
    row["answerable"] = len(answerable)
    row["correct"] = mean(o.correct for o in answerable)
    row["F1"] = mean(o.f1 for o in answerable)
    row["citation precision"] = mean(o.citations_with_evidence / o.citations for o in cited)
    row["false refusals"] = mean(o.abstained for o in answerable)
    row["unanswerable"] = len(unanswerable)
    row["refusals"] = mean(o.abstained for o in unanswerable)
    return row


def by_system(result: EvalResult) -> dict[str, dict[str, Any]]:
    """Headline figures for every system over all cases."""
    return {system: summarize(result.by_system(system), k=result.k) for system in result.systems}


def kinds(result: EvalResult) -> list[str]:
    """The case kinds in first-seen order; unlabelled cases are '-'."""
    return list(dict.fromkeys(case.kind or "-" for case in result.cases))


def by_kind(result: EvalResult) -> dict[str, dict[str, dict[str, Any]]]:
    """Headline figures per system, then per kind."""
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for system in result.systems:
        outcomes = result.by_system(system)
        table[system] = {
            kind: summarize([o for o in outcomes if (o.kind or "-") == kind], k=result.k) for kind in kinds(result)
        }
    return table


def latencies(outcomes: Iterable[Outcome]) -> dict[str, list[float]]:
    """Seconds per stage over the outcomes that recorded it."""
    found: dict[str, list[float]] = {}
    for outcome in outcomes:
        for stage, seconds in outcome.timings.items():
            found.setdefault(stage, []).append(seconds)
    return {stage: found[stage] for stage in sorted(found, key=_stage_order)}


def latency_table(result: EvalResult) -> dict[str, dict[str, tuple[float | None, float | None, int]]]:
    """(p50, p95, count) in seconds per system and stage."""
    table = {}
    for system in result.systems:
        stages = latencies(result.by_system(system))
        table[system] = {s: (percentile(v, 50), percentile(v, 95), len(v)) for s, v in stages.items()}
    return table


def hit_curve(outcomes: Sequence[Outcome], *, k: int) -> list[float]:
    """hit@1 … hit@k of the outcomes that have evidence; empty when none has."""
    scored = [o for o in outcomes if o.scored_retrieval and o.error is None]
    if not scored:
        return []
    return [sum(hit_at(o.rank, cut) for o in scored) / len(scored) for cut in range(1, k + 1)]


def failures(result: EvalResult, system: str) -> list[Outcome]:
    """The outcomes of a system that missed: an error, evidence not retrieved, or a wrong answer or refusal."""
    return [
        o
        for o in result.by_system(system)
        if o.error or (o.scored_retrieval and o.rank is None) or o.correct is False
    ]


def _stage_order(stage: str) -> tuple[int, str]:
    """retrieve, answer, any other stage, then total."""
    order = {"retrieve": 0, "answer": 1, "total": 3}
    return (order.get(stage, 2), stage)
