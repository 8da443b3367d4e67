"""The aggregated edge folded in Python (loaders/aggregates.edge_row) keeps the rules of the
Cypher fold it replaced: claims ordered by date then id with undated ones last, the status
of the latest claim that has one, the best confidence, day counts on stance edges only."""

from __future__ import annotations

from datetime import date
from typing import Any

from loaders.aggregates import edge_row


def claim(cid: str, day: date | None, status: str | None = None, conf: float = 0.5) -> Any:
    return {"id": cid, "type": "X", "date": day, "status": status, "confidence": conf}


def test_undated_claims_come_last_and_the_latest_status_wins() -> None:
    claims = [
        claim("c3", None, "current", 0.7),
        claim("c2", date(2024, 5, 1), "former", 0.9),
        claim("c1", date(2024, 1, 1), None, 0.4),
    ]
    row = edge_row(("a", "HOLDS_OFFICE", "b"), claims)
    assert row["claims"] == 3 and row["status"] == "current"  # the undated one is last
    assert (row["first_seen"], row["last_seen"]) == (date(2024, 1, 1), date(2024, 5, 1))
    assert row["confidence"] == 0.9 and row["days"] is None


def test_same_day_ties_break_on_the_id_and_null_statuses_are_skipped() -> None:
    day = date(2024, 3, 3)
    claims = [claim("b", day, None), claim("a", day, "former")]
    assert edge_row(("a", "MEMBER_OF", "b"), claims)["status"] == "former"


def test_stance_edges_count_their_dated_claims_per_day() -> None:
    d1, d2 = date(2024, 1, 1), date(2024, 1, 9)
    row = edge_row(
        ("a", "CRITICIZED", "b"), [claim("x", d2), claim("y", d1), claim("z", d2), claim("u", None)]
    )
    assert (row["days"], row["day_claims"]) == ([d1, d2], [1, 2])


def test_no_claims_left_means_no_edge() -> None:
    row = edge_row(("a", "SUPPORTED", "b"), [])
    assert row["claims"] == 0 and row["first_seen"] is None and row["status"] is None
