"""Loading and writing Q&A files: valid cases round-trip, invalid lines are reported with their line number."""

from __future__ import annotations

import json

import pytest

from evals.cases import Case, load_cases, write_cases
from evals.errors import CaseFileError


def _write(tmp_path, *lines: str):
    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_valid_cases(tmp_path):
    path = _write(
        tmp_path,
        json.dumps({"id": "a", "question": "Q?", "answer": "95", "evidence": "kết nạp được 95 đảng viên", "kind": "fact"}),
        "",
        json.dumps({"id": "b", "question": "Ai chủ trì?", "answer": "X", "evidence": "X chủ trì",
                    "history": [["Hội nghị nào?", "Hội nghị sơ kết"]], "source": "s.txt"}),
        json.dumps({"id": "c", "question": "Thời tiết?", "answer": None, "evidence": None, "kind": "out_of_domain"}),
    )
    a, b, c = load_cases(path)
    assert a.answerable and a.kind == "fact" and a.golds == ("95",)
    assert b.history == (("Hội nghị nào?", "Hội nghị sơ kết"),) and b.extra == {"source": "s.txt"}
    assert not c.answerable and c.golds == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"id": "x", "answer": "a"}), "'question' must be a non-empty string"),
        (json.dumps({"id": "", "question": "q"}), "'id' must be a non-empty string"),
        (json.dumps({"id": "x", "question": "q", "answer": 5}), "'answer' must be a non-empty string or null"),
        (json.dumps({"id": "x", "question": "q", "answer": None, "evidence": "e"}), "unanswerable case has neither"),
        (json.dumps({"id": "x", "question": "q", "history": [["only one"]]}), "'history' turn 0"),
        (json.dumps({"id": "x", "question": "q", "history": "no"}), "'history' must be a list"),
        (json.dumps({"id": "x", "question": "q", "kind": 3}), "'kind' must be a string"),
        (json.dumps({"id": "x", "question": "q", "aliases": [""]}), "'aliases' must be a list"),
        (json.dumps({"id": "x", "question": "q", "answer": "a", "evidence": "a", "evidence_also": ["a"]}),
         "'evidence_also' must map source files"),
        (json.dumps({"id": "x", "question": "q", "evidence_also": {"d.md": "a"}}), "'evidence' is null"),
    ],
)
def test_invalid_line_names_file_and_line(tmp_path, line, message):
    good = json.dumps({"id": "ok", "question": "q"})
    path = _write(tmp_path, good, "", line)
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert f"{path}:3:" in str(err.value)
    assert message in str(err.value)


def test_duplicate_ids_across_files(tmp_path):
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "same", "question": "q"}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "same", "question": "q2"}) + "\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"b\.jsonl:1: duplicate id 'same' \(first at .*a\.jsonl:1\)"):
        load_cases(first, second)


def test_missing_file(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        load_cases(tmp_path / "absent.jsonl")


def test_write_then_load_round_trip(tmp_path):
    cases = [
        Case("a", "Thời kỳ dự bị?", "mười hai tháng", "dự bị mười hai tháng", kind="charter", aliases=("12 tháng",)),
        Case("b", "Q\nA. x\nB. y", "x", None, kind="mcq", choices=("x", "y"), extra={"topic": "t"}),
        Case("c", "Follow-up?", "X", "X", history=(("u", "a"),)),
        Case("d", "Bao nhiêu tỉnh?", "34", "còn 34 tỉnh", evidence_also=(("other.md", "có 34 đơn vị cấp tỉnh"),)),
    ]
    path = tmp_path / "out" / "cases.jsonl"
    assert write_cases(cases, path) == 4
    assert "mười hai tháng" in path.read_text(encoding="utf-8")  # written unescaped
    assert load_cases(path) == cases
    assert cases[3].evidences == ("còn 34 tỉnh", "có 34 đơn vị cấp tỉnh") and cases[2].evidences == ("X",)
