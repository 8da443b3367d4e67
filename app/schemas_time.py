"""Response models for time: terms (tenures) derived from dated claims, stance per period,
turnarounds and tenure checks. Field names equal the Cypher columns of the `*_terms`,
`entity_stance` and `turnarounds` queries (and `queries.tenure`'s rows)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import ArticleRef, EntityRef, Evidence, Page

TermStatus = Literal["current", "ended", "unknown"]
Period = Literal["month", "quarter", "year"]


class Bound(BaseModel):
    """One end of a term, with the claim that fixes it."""

    date: dt.date
    kind: Literal["observed", "former", "stated"] = Field(
        description="stated: the evidence sentence states this bound ('sworn in on 13 "
        "December', 'since 2019', 'resigned on Saturday'), resolved against the article "
        "date; observed: a claim calling the holding current (no start or end was stated); "
        "former: the first later claim calling it former, so the term ended after the last "
        "observation and on or before this day"
    )
    precision: Literal["day", "month", "year"] = Field(
        description="how exact `date` is (the first day of its month or year when "
        "coarser); article dates are days"
    )
    text: str | None = Field(None, description="the date phrase, for a stated bound")
    evidence: Evidence


class Term(BaseModel):
    """One tenure: an office held, a party membership or an alliance, from its dated claims."""

    status: TermStatus = Field(
        description="ended: a former claim closed it; current: open, "
        "and a claim said current; unknown: open, no status stated"
    )
    claims: int = Field(description="dated claims that make up the term")
    start: Bound | None = Field(
        None,
        description="first claim calling it current; null when "
        "the term is only known from a former claim",
    )
    last_observed: Bound | None = Field(None, description="last claim calling it current")
    end: Bound | None = Field(None, description="null while no claim called it former")


class StanceEvidence(BaseModel):
    """A CRITICIZED or SUPPORTED claim counted in a stance period."""

    claim_id: str
    type: Literal["CRITICIZED", "SUPPORTED"]
    direction: Literal["out", "in"] = Field(description="out: the entity gave it; in: received")
    sentence: str | None = None
    start: int | None = Field(None, description="sentence start offset in the article text")
    end: int | None = None
    date: dt.date
    confidence: float | None = None
    article: ArticleRef | None = None


class StanceRow(BaseModel):
    """Criticism and support between the entity and one counterpart in one period."""

    period: str = Field(examples=["2024-01", "2024-Q1", "2024"])
    period_start: dt.date
    period_end: dt.date
    counterpart: EntityRef
    criticized_given: int
    criticized_received: int
    supported_given: int
    supported_received: int
    evidence: list[StanceEvidence] = Field(
        description="the claims, oldest first, up to evidence_limit"
    )


class StancePage(Page[StanceRow]):
    entity: EntityRef
    toward: EntityRef | None = None
    by: Period


class TurnEvidence(BaseModel):
    """One side of a turnaround: the claim and where it is stated."""

    claim_id: str
    type: Literal["CRITICIZED", "SUPPORTED"]
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    date: dt.date
    confidence: float | None = None
    article: ArticleRef | None = None


class Turnaround(BaseModel):
    """`subject` changed its stance on `object`: the last claim of the old stance and the
    first of the new one, side by side."""

    subject: EntityRef
    object: EntityRef
    from_type: Literal["CRITICIZED", "SUPPORTED"]
    to_type: Literal["CRITICIZED", "SUPPORTED"]
    date: dt.date = Field(description="the date of the turn: the new stance's first claim")
    days: int = Field(description="days between the two claims")
    before: TurnEvidence
    after: TurnEvidence


class HolderTerm(BaseModel):
    holder: EntityRef
    term: Term


class TenureCheck(BaseModel):
    """Something in the terms of a single-seat office that does not add up."""

    check: Literal["overlap", "no_successor"] = Field(
        description="overlap: two people observed holding the seat on the same days; "
        "no_successor: a term ended and nobody was seen holding the office after it"
    )
    office: EntityRef
    date: dt.date = Field(description="overlap: its first day; no_successor: the end")
    until: dt.date | None = Field(None, description="overlap: its last day")
    detail: str
    terms: list[HolderTerm]


class TenureChecksPage(Page[TenureCheck]):
    offices: int = Field(description="single-seat offices with holders that were checked")
    prefixes: list[str] = Field(description="office name prefixes that mean a single seat")
