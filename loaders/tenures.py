"""Terms and turnarounds folded from a pair's dated claims: the time aggregates the writer
stores next to the aggregated edges, so reads never fold claims (issue 12: the read-time fold
took 100-1,300 ms on a 5k-article graph).

Pure functions, no database: dated claim rows in (as `write/fact_claims` returns them), term
and turn rows out (as `write/replace_terms` and `write/replace_turns` store them). The writer
calls them for every (subject, type, object) a batch touched, so adding or replacing an
article recomputes exactly the pairs it changed.

Terms. Claims oldest first (on one day a `former` claim after the others): a current claim
(or one without a status) opens a term when none is open, a `former` claim ends the open
term, and a current claim after an end opens the next term (re-appointed, returned). A
`former` claim with no term open before it is a term of unknown start that ended by then.
A bound the text states ("sworn in on 13 December", "since 2019", "resigned on Saturday")
wins over one observed from article dates, with the precision the text gave.

Turnarounds. A pair's CRITICIZED and SUPPORTED claims grouped by day; a day with both stances
says nothing about the order and is skipped; a turn is a day whose stance differs from the
previous day's: the latest claim of the old stance and the first of the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby, pairwise
from typing import Any, TypedDict

Row = dict[str, Any]


class ClaimPoint(TypedDict, total=False):
    """One dated claim of a pair: what the folds need of it."""

    id: str
    type: str
    date: date
    status: str | None
    stated_start: date | None
    stated_start_precision: str | None
    stated_end: date | None
    stated_end_precision: str | None


def _former(claim: ClaimPoint) -> bool:
    return claim.get("status") == "former"


def _bound(prefix: str, claim: ClaimPoint | None, kind: str) -> Row:
    """A bound's four properties (date, kind, precision, claim) under `prefix`."""
    if claim is None:
        return {prefix: None, f"{prefix}_kind": None, f"{prefix}_precision": None,
                f"{prefix}_claim": None}  # fmt: skip
    stated = claim.get(f"stated_{prefix}") if prefix in ("start", "end") else None
    if stated is not None:
        return {
            prefix: stated,
            f"{prefix}_kind": "stated",
            f"{prefix}_precision": claim.get(f"stated_{prefix}_precision") or "day",
            f"{prefix}_claim": claim["id"],
        }
    return {
        prefix: claim["date"],
        f"{prefix}_kind": kind,
        f"{prefix}_precision": "day",
        f"{prefix}_claim": claim["id"],
    }


class _Open:
    """A term while the fold builds it."""

    def __init__(self, first: ClaimPoint | None) -> None:
        self.first = first  # the claim that opened it (None: only known from a former)
        self.start_from: ClaimPoint | None = first  # the claim its start bound comes from
        self.last: ClaimPoint | None = first
        self.end: ClaimPoint | None = None
        self.claims = 0
        self.stated = False

    def add(self, claim: ClaimPoint) -> None:
        self.claims += 1
        self.stated = self.stated or claim.get("status") is not None
        if claim.get("stated_start") is not None and (
            self.start_from is None or self.start_from.get("stated_start") is None
        ):
            self.start_from = claim  # the first stated start wins over an observed one
        if _former(claim):
            self.end = self.end or claim
        else:
            self.last = claim

    def row(self, pair: str, seq: int) -> Row:
        status = "ended" if self.end else ("current" if self.stated else "unknown")
        return {
            "id": f"{pair}#{seq}",
            "pair": pair,
            "seq": seq,
            "status": status,
            "claims": self.claims,
            **_bound("start", self.start_from, "observed"),
            **_bound("last_observed", self.last, "observed"),
            **_bound("end", self.end, "former"),
        }


def derive_terms(pair: str, claims: Sequence[ClaimPoint]) -> list[Row]:
    """The terms of one pair, oldest first, as `write/replace_terms` rows."""
    ordered = sorted(claims, key=lambda c: (c["date"], _former(c), c["id"]))
    terms: list[_Open] = []
    for claim in ordered:
        current = terms[-1] if terms else None
        if not _former(claim) and (current is None or current.end is not None):
            terms.append(_Open(claim))
        elif _former(claim) and current is None:
            terms.append(_Open(None))
        terms[-1].add(claim)
    return [term.row(pair, seq) for seq, term in enumerate(terms)]


def derive_turns(subject: str, obj: str, claims: Sequence[ClaimPoint]) -> list[Row]:
    """The turnarounds of `subject` on `obj`, oldest first, as `write/replace_turns` rows."""
    ordered = sorted(claims, key=lambda c: (c["date"], c["id"]))
    days = []
    for _, group in groupby(ordered, key=lambda c: c["date"]):
        same_day = list(group)
        if all(c["type"] == same_day[0]["type"] for c in same_day):
            days.append(same_day)
    turns = []
    for prev, cur in pairwise(days):
        before, after = prev[-1], cur[0]
        if before["type"] != after["type"]:
            turns.append(
                {
                    "id": f"{subject}|{obj}|{after['date'].isoformat()}",
                    "pair": f"{subject}|{obj}",
                    "subject": subject,
                    "object": obj,
                    "from_type": before["type"],
                    "to_type": after["type"],
                    "date": after["date"],
                    "days": (after["date"] - before["date"]).days,
                    "before_claim": before["id"],
                    "after_claim": after["id"],
                }
            )
    return turns


def stance_days(claims: Sequence[ClaimPoint]) -> tuple[list[date], list[int]]:
    """A stance pair's dated claims counted per day, oldest first: stored on its aggregated
    edge (`days`, `day_claims`) so the stance per period sums a few numbers per edge
    instead of reading every claim."""
    days: dict[date, int] = {}
    for claim in claims:
        days[claim["date"]] = days.get(claim["date"], 0) + 1
    ordered = sorted(days)
    return ordered, [days[d] for d in ordered]
