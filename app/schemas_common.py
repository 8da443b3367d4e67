"""The pieces every response model shares: references to an entity or an article, one
page of a list, the evidence behind an edge. A module of its own so that `app.schemas`,
`app.schemas_time` and `app.schemas_graph` all build on it without importing each other
in a circle."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")

OfficeStatus = Literal["current", "former"]
Direction = Literal["out", "in", "undirected"]


class EntityRef(BaseModel):
    id: str = Field(examples=["person:mallikarjun-kharge"])
    name: str
    type: str = Field(description="the entity label: Person, Party, Alliance, Office, ...")


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list; ask again with `offset=next_offset` until it is null."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(None, description="offset of the next page; null at the end")


class Evidence(BaseModel):
    """One claim behind an edge: where it is stated and when."""

    claim_id: str
    sentence: str | None = None
    start: int | None = Field(None, description="sentence start offset in the article text")
    end: int | None = None
    date: dt.date | None = None
    confidence: float | None = None
    status: OfficeStatus | None = None
    article: ArticleRef | None = None
