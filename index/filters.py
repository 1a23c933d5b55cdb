"""Metadata filters (date range, document kind, source) in one form for Chroma and the lexical index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Filters:
    """Keep only chunks whose document matches every given condition."""

    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # a chunk matches when its source starts with one of these

    @property
    def empty(self) -> bool:
        return not (self.date_from or self.date_to or self.kinds or self.sources)

    def matches(self, meta: dict[str, Any]) -> bool:
        """True when a chunk with this metadata passes the filters."""
        day = int(meta.get("date_int") or 0)
        if self.date_from and day < _int(self.date_from):
            return False
        if self.date_to and (day == 0 or day > _int(self.date_to)):
            return False
        if self.kinds and meta.get("kind") not in self.kinds:
            return False
        source = str(meta.get("source", ""))
        return not self.sources or any(source.startswith(prefix) for prefix in self.sources)

    def chroma_where(self) -> dict[str, Any] | None:
        """The Chroma `where` clause for the conditions Chroma can evaluate (source prefixes are post-filtered)."""
        clauses: list[dict[str, Any]] = []
        if self.date_from:
            clauses.append({"date_int": {"$gte": _int(self.date_from)}})
        if self.date_to:
            clauses += [{"date_int": {"$lte": _int(self.date_to)}}, {"date_int": {"$gt": 0}}]
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _int(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day
