"""Request and response models of the HTTP API: health, shared pieces, entities, statements.

Graph-shaped answers (relationships, paths, networks, analytics, /cypher) are in
`app.schemas_graph`. Field names equal the Cypher column names of `queries/cypher/read`,
so rows validate straight into these models. Dates are ISO 8601 days.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from app.schemas_common import ArticleRef, Direction, EntityRef, Evidence, OfficeStatus, Page
from app.schemas_time import Term
from graph_schema import NodeLabel

__all__ = [
    "ArticleRef",
    "Direction",
    "EntityRef",
    "Evidence",
    "OfficeStatus",
    "Page",
]


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    neo4j: str
    schema_applied: bool
    detail: str | None = None


_KHARGE: JsonDict = {
    "id": "person:mallikarjun-kharge",
    "name": "Mallikarjun Kharge",
    "type": NodeLabel.PERSON,
}
_SEED: JsonDict = {"id": "dev-000", "title": None, "url": "seed article"}


class EntityHit(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{**_KHARGE, "aliases": ["Kharge", "Mallikarjun Kharge"], "score": 4.1}]
        }
    )

    id: str
    name: str
    type: str
    aliases: list[str]
    score: float | None = Field(None, description="full-text relevance; null without q")


class Tie(BaseModel):
    """An aggregated edge seen from one entity: the other end and the claims' dates."""

    entity: EntityRef
    claims: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    status: OfficeStatus | None = Field(
        None, description="offices only: former when the latest claim says so, else current"
    )
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="the latest claims behind the tie, newest first, up to evidence_limit",
    )
    terms: list[Term] = Field(
        default_factory=list,
        description="the tenures derived from the dated claims, oldest "
        "first: a former claim ends a term, a current claim after it opens the next",
    )


class EntityCounts(BaseModel):
    articles: int = Field(description="articles that mention the entity")
    quotes_given: int
    quotes_about: int
    criticisms_given: int = Field(description="claims, not distinct targets")
    criticisms_received: int
    support_given: int
    support_received: int


class EntityProfile(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_KHARGE,
                    "aliases": ["Kharge", "Mallikarjun Kharge"],
                    "offices": [
                        {
                            "entity": {
                                "id": "office:president-of-the-indian-national-congress",
                                "name": "President of the Indian National Congress",
                                "type": NodeLabel.OFFICE,
                            },
                            "claims": 3,
                            "first_seen": "2023-12-19",
                            "last_seen": "2023-12-21",
                            "status": "current",
                        }
                    ],
                    "parties": [
                        {
                            "entity": {
                                "id": "party:indian-national-congress",
                                "name": "Indian National Congress",
                                "type": NodeLabel.PARTY,
                            },
                            "claims": 3,
                            "first_seen": "2023-12-19",
                            "last_seen": "2023-12-21",
                        }
                    ],
                    "alliances": [],
                    "counts": {
                        "articles": 3,
                        "quotes_given": 6,
                        "quotes_about": 1,
                        "criticisms_given": 4,
                        "criticisms_received": 0,
                        "support_given": 0,
                        "support_received": 1,
                    },
                }
            ]
        }
    )

    id: str
    name: str
    type: str
    aliases: list[str]
    offices: list[Tie] = Field(description="offices held (HOLDS_OFFICE), latest first")
    parties: list[Tie] = Field(description="parties (MEMBER_OF)")
    alliances: list[Tie] = Field(description="parties or alliances it is ALLIED_WITH")
    counts: EntityCounts


class Statement(BaseModel):
    """A quote: who said it, about whom, when, and where in which article."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "quote:9472117d27517f67",
                    "text": (
                        "the biggest challenge is that the people holding constitutional posts ..."
                    ),
                    "start": 728,
                    "end": 985,
                    "sentence": (
                        "The Congress president, who is also the Leader of the Opposition "
                        "in the Rajya Sabha, said the ..."
                    ),
                    "sentence_start": 633,
                    "sentence_end": 987,
                    "date": "2023-12-21",
                    "confidence": 0.9,
                    "score": None,
                    "speaker": _KHARGE,
                    "about": [],
                    "article": _SEED,
                }
            ]
        }
    )

    id: str
    text: str
    start: int | None = Field(None, description="offset of the quoted words in the article")
    end: int | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    date: dt.date | None = None
    confidence: float | None = None
    rule: str | None = Field(
        None,
        description="the named extraction rule that found the speaker (`polikg extract --explain`)",
    )
    score: float | None = Field(None, description="full-text relevance; null without q")
    speaker: EntityRef
    about: list[EntityRef]
    article: ArticleRef | None = None


class TimelineEvent(BaseModel):
    """A dated claim or quote in one entity's history."""

    kind: Literal["claim", "quote"]
    id: str
    type: str = Field(description="the fact type of a claim, or QUOTE")
    direction: Direction = Field(
        description="out: the entity acts or speaks; in: it is the "
        "object or the one quoted about; undirected: ALLIED_WITH"
    )
    date: dt.date | None = None
    counterparts: list[EntityRef]
    sentence: str | None = None
    start: int | None = Field(None, description="sentence start offset in the article text")
    end: int | None = None
    text: str | None = Field(None, description="the quoted words (quotes only)")
    text_start: int | None = Field(None, description="offset of the quoted words (quotes only)")
    text_end: int | None = None
    status: OfficeStatus | None = None
    confidence: float | None = None
    article: ArticleRef | None = None


class ArticleEntity(EntityRef):
    """An entity the article names, with how often and in which forms."""

    mentions: int | None = None
    aliases: list[str] = Field(default_factory=list, description="the forms this article used")


class ArticleClaim(BaseModel):
    """A claim written from the article; start/end are the sentence's offsets in `text`."""

    id: str
    type: str
    subject: EntityRef
    object: EntityRef
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    status: OfficeStatus | None = None


class ArticleQuote(BaseModel):
    """A quote in the article: the words' offsets (start/end) and the sentence's."""

    id: str
    text: str
    start: int | None = None
    end: int | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    confidence: float | None = None
    speaker: EntityRef
    about: list[EntityRef]


class ArticleDetail(BaseModel):
    """One article as stored: text, metadata, and every fact written from it, so an offset
    can be checked against the very text it points into."""

    id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    text: str
    text_sha256: str
    extractor_version: str | None = None
    entities: list[ArticleEntity]
    claims: list[ArticleClaim]
    quotes: list[ArticleQuote]
