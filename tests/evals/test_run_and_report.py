"""A whole evaluation with the fake assistant and retrievers: outcomes, figures, and the report files."""

from __future__ import annotations

import json

import pytest

from evals.cases import Case
from evals.report import write_report
from evals.runner import ASSISTANT, run_eval
from evals.summary import by_kind, by_system, hit_curve, latency_table
from tests.evals.fakes import BrokenRetriever, OverlapAssistant, OverlapRetriever

CASES = [
    Case("members", "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?", "95",
         "Đảng bộ đã kết nạp được 95 đảng viên", kind="fact"),
    Case("chair", "Ai chủ trì hội nghị của Đảng ủy CQCQ huyện?", "Nguyễn Văn Thanh",
         "Bí thư Đảng ủy CQCQ huyện chủ trì hội nghị", kind="fact"),
    Case("probation", "Thời kỳ dự bị kéo dài bao lâu?", "mười hai tháng",
         "thời kỳ dự bị mười hai tháng", kind="charter", aliases=("12 tháng",)),
    Case("share", "Con số đó là bao nhiêu phần trăm?", "60%", "chiếm tỷ lệ 60%", kind="followup",
         history=(("Đảng bộ CQCQ huyện có bao nhiêu chỉ tiêu đạt và vượt kế hoạch?", "9/15 chỉ tiêu."),)),
    Case("weather", "Thời tiết Hà Nội ngày mai thế nào?", None, None, kind="out_of_domain"),
    Case("mcq", "Thời kỳ dự bị?\nA. mười hai tháng\nB. sáu tháng", "mười hai tháng", None, kind="mcq",
         choices=("mười hai tháng", "sáu tháng")),
]


@pytest.fixture(scope="module")
def result():
    progress = []
    outcome = run_eval(
        CASES,
        assistant=OverlapAssistant(),
        retrievers={"overlap": OverlapRetriever(), "broken": BrokenRetriever()},
        k=3,
        progress=lambda done, total, case_id: progress.append((done, total, case_id)),
        notes={"corpus": "fake passages"},
    )
    assert progress[-1] == (len(CASES), len(CASES), "mcq")
    return outcome


def test_outcomes_per_case_and_system(result):
    assert result.systems == [ASSISTANT, "overlap", "broken"]
    assistant = {o.case_id: o for o in result.by_system(ASSISTANT)}
    assert len(assistant) == len(CASES)
    assert assistant["members"].rank == 1 and assistant["members"].correct and assistant["members"].f1 > 0
    assert assistant["weather"].abstained and assistant["weather"].correct and assistant["weather"].rank is None
    assert assistant["share"].correct  # the history carried the subject
    assert assistant["members"].citations == 1 and assistant["members"].citations_with_evidence == 1
    assert not assistant["mcq"].scored_retrieval
    # retrievers are asked only the cases with evidence, with the question alone
    assert {o.case_id for o in result.by_system("overlap")} == {"members", "chair", "probation", "share"}
    assert all(o.error == "RuntimeError: index unavailable" for o in result.by_system("broken"))


def test_figures(result):
    overview = by_system(result)
    mine = overview[ASSISTANT]
    assert mine["with evidence"] == 4 and mine["hit@1"] == 1.0 and mine["MRR@10"] == 1.0
    assert mine["answerable"] == 5 and mine["unanswerable"] == 1 and mine["refusals"] == 1.0
    assert mine["false refusals"] == 0.0 and mine["citation precision"] == 1.0
    assert "hit@5" not in mine  # k=3 cannot measure hit@5
    assert overview["overlap"]["hit@1"] == 0.75  # the follow-up without its history misses at rank 1
    assert overview["overlap"]["correct"] is None
    assert overview["broken"]["errors"] == 4 and overview["broken"]["hit@1"] is None
    kinds = by_kind(result)[ASSISTANT]
    assert kinds["followup"]["correct"] == 1.0 and kinds["out_of_domain"]["refusals"] == 1.0
    assert hit_curve(result.by_system(ASSISTANT), k=3) == [1.0, 1.0, 1.0]
    p50, p95, n = latency_table(result)[ASSISTANT]["retrieve"]
    assert n == len(CASES) and 0 <= p50 <= p95


def test_report_files(result, tmp_path):
    files = write_report(result, tmp_path / "report")
    assert {p.name for p in files.figures} == {"hit_at_k.png", "latency.png", "per_kind.png"}
    assert all(p.stat().st_size > 1000 for p in files.figures)
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "| metric | assistant | overlap | broken |" in markdown
    assert "## Assistant answers by kind" in markdown and "![hit_at_k](hit_at_k.png)" in markdown
    assert "corpus: fake passages" in markdown
    page = files.html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "data:image/png;base64," in page and "<td>followup</td>" in page
    rows = [json.loads(line) for line in files.results.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(result.outcomes)
    share = next(r for r in rows if r["case_id"] == "share" and r["system"] == ASSISTANT)
    assert share["history"] and share["gold"] == "60%" and share["retrieved"][0]["source"] == "cqcq.txt"


def test_report_without_plots(result, tmp_path):
    files = write_report(result, tmp_path, plots=False)
    assert files.figures == () and "## Figures" not in files.markdown.read_text(encoding="utf-8")


def test_nothing_to_run():
    with pytest.raises(ValueError, match="nothing to evaluate"):
        run_eval(CASES, retrievers={})


def test_report_without_matplotlib(result, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.split(".")[0] == "matplotlib":
            raise ModuleNotFoundError(f"No module named {name!r}", name="matplotlib")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    files = write_report(result, tmp_path)
    assert files.figures == ()
    assert "figures skipped: matplotlib is not installed" in files.markdown.read_text(encoding="utf-8")
