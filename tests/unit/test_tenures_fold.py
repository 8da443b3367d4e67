"""loaders.tenures on hand-built claims: the term fold (open, extend, end, reopen, former
first, stated bounds win) and the turnarounds (same-day mixes skipped)."""

from __future__ import annotations

from datetime import date
from typing import Any

from loaders.tenures import ClaimPoint, derive_terms, derive_turns


def claim(ident: str, day: str, status: str | None = "current", **stated: Any) -> ClaimPoint:
    return ClaimPoint(id=ident, date=date.fromisoformat(day), status=status, **stated)


def spans(terms: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return [
        (iso(t["start"]), iso(t["last_observed"]), iso(t["end"]), t["status"], t["claims"])
        for t in terms
    ]


def test_current_claims_make_one_term_a_former_ends_it_a_current_reopens() -> None:
    terms = derive_terms(
        "p",
        [
            claim("c3", "2024-03-20", "former"),
            claim("c1", "2024-01-10"),
            claim("c2", "2024-02-15"),
            claim("c4", "2024-04-01", "former"),
            claim("c5", "2024-05-02"),
        ],
    )
    assert spans(terms) == [
        ("2024-01-10", "2024-02-15", "2024-03-20", "ended", 4),
        ("2024-05-02", "2024-05-02", None, "current", 1),
    ]
    assert [t["id"] for t in terms] == ["p#0", "p#1"]
    assert terms[0]["end_claim"] == "c3" and terms[0]["end_kind"] == "former"


def test_former_first_is_a_term_of_unknown_start_and_no_status_is_unknown() -> None:
    assert spans(derive_terms("p", [claim("c1", "2024-01-01", "former")])) == [
        (None, None, "2024-01-01", "ended", 1)
    ]
    assert spans(derive_terms("p", [claim("c1", "2024-01-01", None)]))[0][3] == "unknown"
    assert derive_terms("p", []) == []


def test_on_one_day_former_sorts_after_current() -> None:
    terms = derive_terms(
        "p", [claim("b", "2024-01-01", "former"), claim("a", "2024-01-01", "current")]
    )
    assert spans(terms) == [("2024-01-01", "2024-01-01", "2024-01-01", "ended", 2)]


def test_a_stated_bound_wins_with_its_precision_and_claim() -> None:
    terms = derive_terms(
        "p",
        [
            claim("c1", "2024-01-10"),
            claim("c2", "2024-02-01", stated_start=date(2019, 1, 1), stated_start_precision="year"),
            claim(
                "c3",
                "2024-03-20",
                "former",
                stated_end=date(2024, 3, 16),
                stated_end_precision="day",
            ),
        ],
    )
    (term,) = terms
    assert (term["start"], term["start_kind"], term["start_precision"], term["start_claim"]) == (
        date(2019, 1, 1),
        "stated",
        "year",
        "c2",
    )
    assert (term["end"], term["end_kind"], term["end_claim"]) == (date(2024, 3, 16), "stated", "c3")


def stance(ident: str, day: str, rel_type: str) -> ClaimPoint:
    return ClaimPoint(id=ident, date=date.fromisoformat(day), type=rel_type)


def test_turns_are_days_whose_stance_differs_from_the_previous_day() -> None:
    turns = derive_turns(
        "a",
        "b",
        [
            stance("s1", "2024-01-12", "SUPPORTED"),
            stance("s2", "2024-01-20", "SUPPORTED"),
            stance("x1", "2024-02-01", "SUPPORTED"),  # a mixed day says nothing
            stance("x2", "2024-02-01", "CRITICIZED"),
            stance("k1", "2024-03-05", "CRITICIZED"),
            stance("s3", "2024-06-10", "SUPPORTED"),
        ],
    )
    assert [(t["before_claim"], t["after_claim"], t["days"]) for t in turns] == [
        ("s2", "k1", 45),
        ("k1", "s3", 97),
    ]
    assert turns[0]["from_type"] == "SUPPORTED" and turns[0]["date"] == date(2024, 3, 5)
    assert derive_turns("a", "b", [stance("s", "2024-01-01", "SUPPORTED")]) == []
