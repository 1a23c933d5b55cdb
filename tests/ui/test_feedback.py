"""Feedback is stored at once, survives reopening, and keeps what an evaluation case needs."""

from __future__ import annotations

import sqlite3

import pytest

from ui.feedback import FeedbackStore

CITATION = {"n": 1, "doc_id": "d1", "source": "seeds/a.txt", "title": "Tin", "start": 3, "end": 9, "text": "đoạn"}


def test_a_rating_with_history_citations_and_comment_survives_reopening(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    feedback_id = store.rate(
        question="Con số đó là bao nhiêu?", answer="95 đảng viên. [1]", rating="useful",
        history=[("Đảng bộ Nghèn kết nạp bao nhiêu đảng viên?", "95. [1]")], citations=[CITATION],
        filters={"kinds": ["tin tức"]},
    )
    assert store.comment(feedback_id, "  Đúng và đủ.  ")
    [saved] = FeedbackStore(tmp_path / "feedback.sqlite").all()
    assert saved.id == feedback_id and saved.rating == "useful" and saved.comment == "Đúng và đủ."
    assert saved.history == [["Đảng bộ Nghèn kết nạp bao nhiêu đảng viên?", "95. [1]"]]
    assert saved.citations == [CITATION] and saved.filters == {"kinds": ["tin tức"]}
    assert saved.question == "Con số đó là bao nhiêu?" and not saved.abstained and saved.created


def test_changing_a_rating_updates_the_same_row(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite")
    first = store.rate(question="q", answer="a", rating="useful")
    assert store.rate(question="q", answer="a", rating="not_useful", feedback_id=first) == first
    assert [(f.id, f.rating) for f in store.all()] == [(first, "not_useful")]


def test_unknown_rating_and_missing_row_are_refused(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite")
    with pytest.raises(ValueError):
        store.rate(question="q", answer="a", rating="5 sao")
    assert not store.comment(42, "không có")


def test_the_file_is_plain_sqlite_for_later_export(tmp_path):
    FeedbackStore(tmp_path / "f.sqlite").rate(question="q", answer="a", rating="not_useful", abstained=True)
    with sqlite3.connect(tmp_path / "f.sqlite") as conn:
        assert conn.execute("SELECT question, rating, abstained FROM feedback").fetchall() == [("q", "not_useful", 1)]
