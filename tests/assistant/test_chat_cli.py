"""`assistant chat` driven through a pipe, as a script or a test would: answers, sources, follow-ups, exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NGHEN = "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
FOLLOW_UP = "Hội nghị đó được tổ chức vào ngày nào?"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_LLM__PROVIDER": "none"}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("chat") / "idx"
    done = run("ingest", "--index-dir", str(path), "--embedder", "fake")
    assert done.returncode == 0, done.stderr
    return path


def test_chat_answers_follow_ups_and_stops_at_thoat(index_dir):
    done = run("chat", "--index-dir", str(index_dir), "--embedder", "fake",
               stdin=f"{NGHEN}\n\n{FOLLOW_UP}\nthoát\n{NGHEN}\n")
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("Bạn: ")[1:]
    assert [t.splitlines()[0] for t in turns] == [NGHEN, "", FOLLOW_UP, "thoát"]  # nothing read after "thoát"
    first, _, follow_up, _ = turns
    assert "Trợ lý: " in first and "95 đảng viên" in first and "\n[1] " in first and "seeds/" in first
    assert "17/2/2016" in follow_up  # the follow-up found the meeting of the earlier question


def test_chat_ends_at_end_of_input(index_dir):
    done = run("chat", "--index-dir", str(index_dir), "--embedder", "fake", stdin="Thời tiết hôm nay thế nào?\n")
    assert done.returncode == 0, done.stderr
    assert "Không tìm thấy thông tin này trong tài liệu." in done.stdout and done.stdout.count("Bạn: ") == 2


def test_ask_json_says_how_the_answer_was_made(index_dir):
    done = run("ask", NGHEN, "--json", "--index-dir", str(index_dir), "--embedder", "fake")
    assert done.returncode == 0, done.stderr
    assert '"mode": "extractive"' in done.stdout and '"note": ""' in done.stdout


def test_a_misconfigured_llm_is_a_one_line_error(index_dir):
    done = run("ask", NGHEN, "--llm", "openai", "--index-dir", str(index_dir), "--embedder", "fake")
    assert done.returncode == 1 and "ASSISTANT_LLM__MODEL" in done.stderr and "Traceback" not in done.stderr
    done = run("chat", "--llm", "gpt", "--index-dir", str(index_dir), "--embedder", "fake")
    assert done.returncode == 1 and "none, openai, local" in done.stderr
