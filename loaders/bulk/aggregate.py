"""The aggregated fact edges and time aggregates of a bulk load, folded in Python.

The incremental writer recomputes, for every (subject, type, object) a batch touched, the
edge from all its claims (`write/refresh_fact_edges`) and the pair's terms, turnarounds and
per-day stance counts (`loaders.write_time`). After the last batch each of those equals
the fold of all the pair's claims, so a bulk load folds each pair once, at the end, with
the same rules: here for the edge (the Cypher's count, min, max and last non-null status
in date-then-id order), `loaders.tenures` for the time aggregates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from graph_schema import STANCE_TYPES, TENURE_TYPES
from loaders.records import ArticleRows, pair_key
from loaders.tenures import ClaimPoint, derive_terms, derive_turns, stance_days

TERM_TYPES = frozenset(TENURE_TYPES)  # the pairs loaders.write_time keeps terms for
Triple = tuple[str, str, str]


class Point(NamedTuple):
    """What the folds need of one claim (a tuple: a 100k-article load holds millions)."""

    id: str
    day: date | None  # the claim's date (`date` would shadow the type here)
    status: str | None
    confidence: float
    stated_start: date | None
    stated_start_precision: str | None
    stated_end: date | None
    stated_end_precision: str | None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass
class FactEdge:
    """One aggregated edge, as `write/refresh_fact_edges` and `set_stance_days` leave it."""

    triple: Triple
    claims: int
    first_seen: date | None
    last_seen: date | None
    confidence: float | None
    status: str | None
    days: list[date] | None = None  # stance edges only
    day_claims: list[int] | None = None


@dataclass
class PairClaims:
    """Every claim's fold inputs, grouped by (subject, type, object)."""

    by_triple: dict[Triple, list[Point]] = field(default_factory=dict)

    def add(self, rows: list[ArticleRows]) -> None:
        for article in rows:
            for c in article.claims:
                point = Point(
                    c["id"], _day(c["date"]), c["status"], c["confidence"],
                    _day(c["stated_start"]), c["stated_start_precision"],
                    _day(c["stated_end"]), c["stated_end_precision"],
                )  # fmt: skip
                key = (c["subject"], c["type"], c["object"])
                self.by_triple.setdefault(key, []).append(point)

    def edges(self) -> Iterator[FactEdge]:
        """Each triple's edge; stance edges carry their per-day counts."""
        for triple in sorted(self.by_triple):
            edge = fold_edge(triple, self.by_triple[triple])
            if triple[1] in STANCE_TYPES:
                edge.days, edge.day_claims = stance_days(_dated(triple[1], self.by_triple[triple]))
            yield edge

    def terms(self) -> Iterator[dict[str, Any]]:
        for triple in sorted(self.by_triple):
            if triple[1] in TERM_TYPES:
                yield from derive_terms(
                    pair_key(*triple), _dated(triple[1], self.by_triple[triple])
                )

    def turns(self) -> Iterator[dict[str, Any]]:
        pairs = sorted({(s, o) for s, t, o in self.by_triple if t in STANCE_TYPES})
        for s, o in pairs:
            points = [p for t in STANCE_TYPES for p in _dated(t, self.by_triple.get((s, t, o), []))]
            yield from derive_turns(s, o, points)


def fold_edge(triple: Triple, points: list[Point]) -> FactEdge:
    """count, min/max date, max confidence, and the last non-null status in the order
    `ORDER BY c.date, c.id` gives (undated claims last)."""
    ordered = sorted(points, key=lambda p: (p.day is None, p.day or date.min, p.id))
    dates = [p.day for p in ordered if p.day is not None]
    statuses = [p.status for p in ordered if p.status is not None]
    return FactEdge(
        triple=triple,
        claims=len(points),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        confidence=max(p.confidence for p in points),
        status=statuses[-1] if statuses else None,
    )


def _dated(rel_type: str, points: list[Point]) -> list[ClaimPoint]:
    """The claims `write/pair_claims` returns: dated ones, as the folds' dicts."""
    return [
        {
            "id": p.id,
            "type": rel_type,
            "date": p.day,
            "status": p.status,
            "stated_start": p.stated_start,
            "stated_start_precision": p.stated_start_precision,
            "stated_end": p.stated_end,
            "stated_end_precision": p.stated_end_precision,
        }
        for p in points
        if p.day is not None
    ]
