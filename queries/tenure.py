"""Who held an office on a day, and what in the tenure data does not add up, from the terms
that `read/office_terms` derives from dated claims.

Terms come oldest first, each with a start (stated by the text, else the first claim calling
the holding current), the last such observation, and an end (stated, else the first later
claim calling it former); each bound has a precision. A day surely inside a term (from its
start, or once a coarse stated start's month or year is over, to its last observation or
stated end) is certain; every other answer is a guess the articles allow, marked `possible`
with the reason, so a caller can keep or drop it. Pure functions: rows in, rows out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import combinations
from typing import Any

Row = dict[str, Any]


def _day(bound: Row | None) -> date | None:
    return date.fromisoformat(bound["date"]) if bound else None


def _period_end(bound: Row) -> date:
    """The last day a bound of its precision may mean (13 Dec; 31 Mar for March; 31 Dec)."""
    day = date.fromisoformat(bound["date"])
    if bound["precision"] == "year":
        return date(day.year, 12, 31)
    if bound["precision"] == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return day


def _certain_span(term: Row) -> tuple[date, date] | None:
    """The days the term surely covers: from its start (a stated start of coarse precision
    only once its month or year is over) to its last observation or, when the text states
    the end, to the last day that end surely leaves in office."""
    start, last, end = term["start"], _day(term["last_observed"]), term["end"]
    if start is None or last is None:
        return None
    low = date.fromisoformat(start["date"])
    if start["precision"] != "day":
        low = _period_end(start) + timedelta(days=1)
    high = last
    if end is not None and end["kind"] == "stated":
        stated = date.fromisoformat(end["date"])
        high = max(high, stated if end["precision"] == "day" else stated - timedelta(days=1))
    return (low, high) if low <= high else None


def _latest_possible(end: Row) -> date:
    """The last day an end bound leaves possible: the day before the first `former` claim,
    or the last day a stated end may mean."""
    if end["kind"] == "stated":
        return _period_end(end)
    return date.fromisoformat(end["date"]) - timedelta(days=1)


def _possible(on: date, term: Row, previous_end: date | None) -> str | None:
    """Why the holder may have held the seat on `on` though no observation covers it."""
    start, last, end = _day(term["start"]), _day(term["last_observed"]), _day(term["end"])
    after_previous = previous_end is None or on >= previous_end
    latest = _latest_possible(term["end"]) if term["end"] else None
    if last is not None and on > last:
        if latest is None:
            return "after_last_observation"  # no end stated: maybe still in office
        return "before_stated_end" if on <= latest else None
    if end is not None and start is None and latest is not None and on <= latest:
        return "before_stated_end" if after_previous else None  # only ever called former
    if term["start"] is not None and term["start"]["kind"] == "stated":
        inside = start is not None and start <= on <= _period_end(term["start"])
        return "within_stated_precision" if inside else None  # before a stated start: no
    if start is not None and on < start and after_previous:
        return "before_first_observation"  # the start was never stated
    return None


def standing_on(terms: Sequence[Row], on: date) -> tuple[str, str, Row] | None:
    """(certainty, reason, term) of one holder on `on`, or None when no term allows it.
    `certain` needs `on` inside a term's certain span (_certain_span); else the first term
    that leaves room for `on` makes it `possible`."""
    guess: tuple[str, str, Row] | None = None
    previous_end: date | None = None
    for term in terms:
        span = _certain_span(term)
        if span is not None and span[0] <= on <= span[1]:
            return "certain", "between_observations", term
        reason = _possible(on, term, previous_end)
        if guess is None and reason is not None:
            guess = "possible", reason, term
        previous_end = _day(term["end"]) or previous_end
    return guess


def holders_on(rows: Sequence[Row], on: date) -> list[Row]:
    """The holders of `rows` (office_terms rows) who held or may have held the office on
    `on`: most likely first (see _RANK), then by the covering term's latest bound, newest
    first."""
    found = []
    for row in rows:
        standing = standing_on(row["terms"], on)
        if standing is not None:
            certainty, reason, term = standing
            found.append({**row, "certainty": certainty, "reason": reason, "term": term})
    found.sort(key=lambda r: r["holder"]["id"])
    found.sort(key=lambda r: _latest(r["term"]), reverse=True)
    found.sort(key=lambda r: _RANK[r["reason"]])
    return found


#: Holders on a day, most likely first: observed, then a stated end still ahead, then no end
#: stated, then a term whose first observation is still to come.
_RANK = {
    "between_observations": 0,
    "before_stated_end": 1,
    "after_last_observation": 2,
    "within_stated_precision": 3,
    "before_first_observation": 4,
}


def _latest(term: Row) -> date:
    return max(
        d
        for d in (_day(term["start"]), _day(term["last_observed"]), _day(term["end"]))
        if d is not None
    )


def tenure_checks(rows: Sequence[Row]) -> list[Row]:
    """Problems in the terms of single-seat offices (office_terms rows), oldest first:
    `overlap` when two people are certain holders on the same day, `no_successor` when a
    term ended and nobody was seen holding the office after its last observation."""
    by_office: dict[str, list[tuple[Row, Row]]] = {}
    for row in rows:
        by_office.setdefault(row["office"]["id"], []).extend((row, term) for term in row["terms"])
    found = []
    for entries in by_office.values():
        found += _overlaps(entries) + _no_successor(entries)
    found.sort(
        key=lambda c: (
            c["date"],
            c["check"],
            c["office"]["id"],
            [t["holder"]["id"] for t in c["terms"]],
        )
    )
    return found


def _observed(term: Row) -> tuple[date, date] | None:
    start, last = _day(term["start"]), _day(term["last_observed"])
    return (start, last) if start is not None and last is not None else None


def _overlaps(entries: Sequence[tuple[Row, Row]]) -> list[Row]:
    found = []
    for (row_a, a), (row_b, b) in combinations(entries, 2):
        span_a, span_b = _observed(a), _observed(b)
        if row_a["holder"]["id"] == row_b["holder"]["id"] or not span_a or not span_b:
            continue
        first, last = max(span_a[0], span_b[0]), min(span_a[1], span_b[1])
        if first <= last:
            pair = sorted([(row_a, a), (row_b, b)], key=lambda e: e[0]["holder"]["id"])
            found.append(
                {
                    "check": "overlap",
                    "office": row_a["office"],
                    "date": first,
                    "until": last,
                    "detail": f"both observed holding the seat from {first} to {last}",
                    "terms": [{"holder": r["holder"], "term": t} for r, t in pair],
                }
            )
    return found


def _no_successor(entries: Sequence[tuple[Row, Row]]) -> list[Row]:
    found = []
    for row, term in entries:
        end = _day(term["end"])
        if end is None:
            continue
        anchor = _day(term["last_observed"]) or end
        later = [
            t
            for _, t in entries
            if t is not term and (_day(t["last_observed"]) or date.min) > anchor
        ]
        if not later:
            found.append(
                {
                    "check": "no_successor",
                    "office": row["office"],
                    "date": end,
                    "until": None,
                    "detail": f"ended by {end}; nobody seen holding it after {anchor}",
                    "terms": [{"holder": row["holder"], "term": term}],
                }
            )
    return found
