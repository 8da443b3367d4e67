"""The extraction contract (../shared/eval/GUIDELINES.md) as pydantic models.

One `Extraction` per article: what `polikg extract` writes, what `score.py` reads and
what the writer turns into graph records. The evidence fields (sentence offsets,
confidence, extractor version) go beyond the scored contract because every edge and
quote in the graph must point back at the words that support it; `score.py` ignores
fields it does not know.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["Person", "Party", "Alliance", "Office", "Organization", "Place", "Event"]
RelationType = Literal["HOLDS_OFFICE", "MEMBER_OF", "ALLIED_WITH", "CRITICIZED", "SUPPORTED"]
OfficeStatus = Literal["current", "former"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleMeta(_Strict):
    """The article as fed to the extractor; offsets elsewhere refer to `text`."""

    id: str
    source: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO date YYYY-MM-DD")
    dateline: str | None = None
    text: str


class Entity(_Strict):
    """One real-world entity of the article, with every surface form it uses."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(1, ge=0, description="how many times the article names it")


class Evidence(_Strict):
    """Where in the article text a fact is stated: the sentence's character span."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class StatedBound(_Strict):
    """A term bound the evidence sentence states ("sworn in on 13 December", "since 2019"),
    resolved against the article date; beyond the scored contract (score.py ignores it)."""

    date: str = Field(description="ISO date; the first day of the month or year if coarser")
    precision: Literal["day", "month", "year"]
    text: str = Field(description="the date phrase as written")


class Relation(_Strict):
    type: RelationType
    subject: str
    object: str
    status: OfficeStatus | None = None
    evidence: Evidence | None = None
    rule: str | None = Field(None, description="the named extraction rule that found it")
    trigger: str | None = Field(None, description="the word that triggered the rule")
    start: StatedBound | None = Field(None, description="a start the sentence states")
    end: StatedBound | None = Field(None, description="an end the sentence states")


class Quote(_Strict):
    speaker: str
    text: str
    about: list[str] = Field(default_factory=list)
    start: int | None = Field(None, ge=0, description="offset of the quoted words")
    end: int | None = Field(None, ge=0)
    evidence: Evidence | None = None
    rule: str | None = Field(None, description="the named rule that found the speaker")


class Extraction(_Strict):
    """The whole contract document for one article."""

    article: ArticleMeta
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    extractor_version: str = "unknown"
    warnings: list[str] = Field(default_factory=list)
    failed: str | None = Field(
        None,
        description="why extraction failed (null when it worked): the document then "
        "holds no facts, and the writer keeps the article's earlier facts instead of "
        "replacing them with nothing",
    )
