"""Response model of GET /edges/{edge_id}: one network edge and the claims behind it, each
with enough of its article's text to show the sentence in place."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from app.schemas import EntityRef, OfficeStatus, Page


class EdgeArticle(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None


class TextWindow(BaseModel):
    """A slice of the stored article text: `text` starts at character `offset` of the
    article, so the sentence is text[start - offset:end - offset]."""

    offset: int
    text: str
    article_length: int = Field(description="characters in the whole article text")


class EdgeClaim(BaseModel):
    claim_id: str
    sentence: str | None = None
    start: int | None = Field(None, description="sentence start offset in the article text")
    end: int | None = Field(None, description="sentence end offset (exclusive)")
    date: dt.date | None = None
    confidence: float | None = None
    status: OfficeStatus | None = None
    article: EdgeArticle | None = None
    context: TextWindow | None = Field(
        None, description="the article text around the sentence (`context` characters each side)"
    )


class EdgeSummary(BaseModel):
    id: str = Field(description="subject|TYPE|object, as /network returns it")
    source: EntityRef
    target: EntityRef
    type: str
    directed: bool = Field(
        description="false for ALLIED_WITH, whose stored direction only orders the two ids"
    )
    claims: int = Field(description="claims of all time")
    claims_in_window: int = Field(description="claims between since and until")
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    confidence: float | None = None
    status: OfficeStatus | None = None


class EdgeEvidenceOut(Page[EdgeClaim]):
    """The edge and one page of its claims in the date window, oldest first."""

    edge: EdgeSummary
