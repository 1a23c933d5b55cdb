"""Durable feedback on answers (useful or not, optional comment) in a SQLite file beside the index."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FILENAME = "feedback.sqlite"
RATINGS = ("useful", "not_useful")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    question TEXT NOT NULL,
    history TEXT NOT NULL,
    answer TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    citations TEXT NOT NULL,
    filters TEXT NOT NULL,
    rating TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
)
"""


@dataclass(frozen=True)
class Feedback:
    """One stored judgement of one answer, with everything needed to turn it into an evaluation case."""

    id: int
    created: str
    updated: str
    question: str
    history: list  # [[question, answer], ...] oldest first
    answer: str
    abstained: bool
    citations: list  # citation dicts as shown to the user
    filters: dict
    rating: str  # useful | not_useful
    comment: str


class FeedbackStore:
    """Writes each judgement at once (WAL, synchronous=FULL), so a crash right after a click loses nothing."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and is always closed."""
        conn = sqlite3.connect(self.path, timeout=30)
        try:
            conn.execute("PRAGMA synchronous=FULL")
            with conn:
                yield conn
        finally:
            conn.close()

    def rate(
        self, *, question: str, answer: str, rating: str, history: Sequence[Sequence[str]] = (),
        citations: Sequence[dict] = (), abstained: bool = False, filters: dict | None = None,
        comment: str = "", feedback_id: int | None = None,
    ) -> int:
        """Store a rating (or change an earlier one, given its id); returns the feedback id."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
        now = _now()
        with self._lock, self._connect() as conn:
            if feedback_id is not None:
                updated = conn.execute(
                    "UPDATE feedback SET rating = ?, updated = ? WHERE id = ?", (rating, now, feedback_id)
                )
                if updated.rowcount:
                    return feedback_id
            row = (
                now, now, question, _json([list(turn) for turn in history]), answer, int(abstained),
                _json(list(citations)), _json(filters or {}), rating, comment,
            )
            cursor = conn.execute(
                "INSERT INTO feedback (created, updated, question, history, answer, abstained, citations, filters,"
                " rating, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid)

    def comment(self, feedback_id: int, text: str) -> bool:
        """Attach (or replace) the comment of a stored rating; False when there is no such rating."""
        with self._lock, self._connect() as conn:
            cursor = conn.execute(
                "UPDATE feedback SET comment = ?, updated = ? WHERE id = ?", (text.strip(), _now(), feedback_id)
            )
            return cursor.rowcount == 1

    def all(self) -> list[Feedback]:
        """Every stored judgement, oldest first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, created, updated, question, history, answer, abstained, citations, filters, rating,"
                " comment FROM feedback ORDER BY id"
            ).fetchall()
        return [
            Feedback(
                id=r[0], created=r[1], updated=r[2], question=r[3], history=json.loads(r[4]), answer=r[5],
                abstained=bool(r[6]), citations=json.loads(r[7]), filters=json.loads(r[8]), rating=r[9],
                comment=r[10],
            )
            for r in rows
        ]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
