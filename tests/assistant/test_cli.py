"""The console script end to end on the bundled corpus with the hash embedder, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def assistant(*args: str, index_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_EMBEDDER__NAME": "fake", "ASSISTANT_INDEX__DIR": str(index_dir)}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_ingest_then_reingest_then_search(tmp_path):
    first = assistant("ingest", index_dir=tmp_path / "idx")
    assert first.returncode == 0, first.stderr
    assert "added 6, updated 0, unchanged 0, removed 0, skipped 0 documents" in first.stdout
    second = assistant("ingest", index_dir=tmp_path / "idx")
    assert "added 0, updated 0, unchanged 6" in second.stdout and "\n0 chunks embedded" in "\n" + second.stdout
    found = assistant("search", "dang bo thi tran Nghen ket nap dang vien", index_dir=tmp_path / "idx")
    assert found.returncode == 0 and "seeds/000_dc72e500110ffbd8.txt" in found.stdout
    asked = assistant("ask", "dang bo thi tran Nghen da ket nap bao nhieu dang vien", index_dir=tmp_path / "idx")
    assert asked.returncode == 0 and "95 đảng viên" in asked.stdout and "[1]" in asked.stdout


def test_a_refused_setting_gives_a_one_line_error_naming_its_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_INDEX__SEARCH_EF", "5")
    monkeypatch.setenv("ASSISTANT_API__PORT", "not-a-port")
    refused = assistant("ask", "đảng viên dự bị", index_dir=tmp_path / "idx")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("assistant: bad setting: ") and len(refused.stderr.strip().splitlines()) == 1
    assert "ASSISTANT_INDEX__SEARCH_EF: Input should be greater than or equal to 10" in refused.stderr
    assert "ASSISTANT_API__PORT" in refused.stderr and not (tmp_path / "idx").exists()  # nothing was opened


def test_missing_path_and_missing_index_give_one_line_errors(tmp_path):
    missing = assistant("ingest", str(tmp_path / "nope"), index_dir=tmp_path / "idx")
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    empty = assistant("search", "đảng viên", index_dir=tmp_path / "empty")
    assert empty.returncode == 1 and "assistant ingest" in empty.stderr and "Traceback" not in empty.stderr
