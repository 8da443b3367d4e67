"""queries.tenure on hand-built terms: certain/possible on a day, and the tenure checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from queries.tenure import holders_on, standing_on, tenure_checks


def bound(day: str | None, kind: str = "observed") -> dict[str, Any] | None:
    if day is None:
        return None
    return {"date": day, "kind": kind, "precision": "day", "evidence": {"claim_id": day}}


def term(start: str | None, last: str | None, end: str | None = None) -> dict[str, Any]:
    return {
        "status": "ended" if end else "current",
        "claims": 1,
        "start": bound(start),
        "last_observed": bound(last),
        "end": bound(end, "former"),
    }


def row(holder: str, *terms: dict[str, Any], office: str = "office:o") -> dict[str, Any]:
    return {
        "office": {"id": office, "name": office, "type": "Office"},
        "holder": {"id": holder, "name": holder, "type": "Person"},
        "terms": list(terms),
    }


def reason(terms: list[dict[str, Any]], day: str) -> tuple[str, str] | None:
    found = standing_on(terms, date.fromisoformat(day))
    return None if found is None else (found[0], found[1])


def test_a_day_between_observations_is_certain_bounds_included() -> None:
    terms = [term("2024-01-10", "2024-02-15", "2024-03-20")]
    for day in ("2024-01-10", "2024-02-01", "2024-02-15"):
        assert reason(terms, day) == ("certain", "between_observations")


def test_possible_before_a_stated_end_after_the_last_observation_or_before_the_first() -> None:
    terms = [term("2024-01-10", "2024-02-15", "2024-03-20"), term("2024-05-02", "2024-05-02")]
    assert reason(terms, "2024-03-19") == ("possible", "before_stated_end")
    assert reason(terms, "2024-03-20") == ("possible", "before_first_observation")
    assert reason(terms, "2024-06-01") == ("possible", "after_last_observation")
    assert reason(terms, "2023-12-01") == ("possible", "before_first_observation")


def test_a_term_known_only_as_former_is_possible_before_its_end_and_never_certain() -> None:
    terms = [term(None, None, "2024-03-20")]
    assert reason(terms, "2020-01-01") == ("possible", "before_stated_end")
    assert reason(terms, "2024-03-20") is None


def test_holders_on_rank_certain_first() -> None:
    rows = [
        row("person:b", term("2024-04-01", "2024-04-01")),
        row("person:a", term("2024-01-01", "2024-05-01")),
    ]
    found = holders_on(rows, date(2024, 4, 15))
    assert [(r["holder"]["id"], r["certainty"]) for r in found] == [
        ("person:a", "certain"),
        ("person:b", "possible"),
    ]


def test_checks_find_overlaps_of_two_people_but_not_of_one_person() -> None:
    rows = [
        row("person:a", term("2024-01-01", "2024-03-01"), term("2024-02-01", "2024-02-02")),
        row("person:b", term("2024-02-20", "2024-04-01")),
    ]
    checks = tenure_checks(rows)
    assert [(c["check"], str(c["date"]), str(c["until"])) for c in checks] == [
        ("overlap", "2024-02-20", "2024-03-01")
    ]


def test_checks_find_an_end_with_no_later_holder() -> None:
    rows = [
        row("person:a", term("2024-01-01", "2024-01-05", "2024-02-01")),
        row("person:b", term("2023-01-01", "2023-06-01"), office="office:other"),
    ]
    assert [(c["check"], c["office"]["id"]) for c in tenure_checks(rows)] == [
        ("no_successor", "office:o")
    ]
    rows.append(row("person:c", term("2024-03-01", "2024-03-01")))
    assert tenure_checks(rows) == []
