"""`main_eval`, the body of `assistant eval`: arguments, a run with baselines, the report and the summary lines."""

from __future__ import annotations

import argparse
import io
import json

from evals.cli import add_eval_arguments, main_eval
from index.embedders.fake import HashEmbeddings
from tests.evals.fakes import FakeStore, OverlapAssistant


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_eval_arguments(parser)
    return parser.parse_args(list(argv))


def _cases(tmp_path):
    path = tmp_path / "qa.jsonl"
    rows = [
        {"id": "members", "question": "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?", "answer": "95",
         "evidence": "kết nạp được 95 đảng viên", "kind": "fact"},
        {"id": "weather", "question": "Thời tiết ngày mai thế nào?", "answer": None, "evidence": None, "kind": "out_of_domain"},
        {"id": "extra", "question": "Thời kỳ dự bị bao lâu?", "answer": "mười hai tháng", "evidence": "dự bị mười hai tháng"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_defaults():
    args = _args("a.jsonl", "b.jsonl")
    assert [str(p) for p in args.cases] == ["a.jsonl", "b.jsonl"]
    assert (args.k, args.report, args.baselines, args.limit, args.no_plots, args.corpus) == (10, None, False, None, False, [])


def test_run_with_baselines_writes_the_report(tmp_path):
    out = io.StringIO()
    args = _args(str(_cases(tmp_path)), "--baselines", "--limit", "2", "--k", "5", "--report", str(tmp_path / "r"), "--no-plots")
    assert main_eval(args, assistant=OverlapAssistant(), store=FakeStore(), embedder=HashEmbeddings(), out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].strip().startswith("assistant: hit@1 1.000") and "refusals 1.000" in lines[0]
    assert [line.split(":")[0].strip() for line in lines[:4]] == ["assistant", "bm25", "dense", "langchain-tutorial"]
    assert lines[-1].startswith("report: ")
    rows = (tmp_path / "r" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 + 3  # the assistant on both cases, three baselines on the one with evidence
    assert "langchain-tutorial" in (tmp_path / "r" / "report.md").read_text(encoding="utf-8")


def test_bad_case_file_is_one_line_and_exit_1(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main_eval(_args(str(path)), assistant=OverlapAssistant()) == 1
    assert capsys.readouterr().err.strip() == f"assistant eval: {path}:1: 'question' must be a non-empty string"


def test_baselines_need_a_store(tmp_path, capsys):
    assert main_eval(_args(str(_cases(tmp_path)), "--baselines"), assistant=OverlapAssistant()) == 1
    assert "--baselines needs the index store" in capsys.readouterr().err
