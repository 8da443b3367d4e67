"""Typed rows at the queries/ boundary: the rows the write queries UNWIND, one TypedDict
per query (their `// params:` header in `cypher/write/`), which `loaders.records` builds
and `queries.write` sends, and the entity reference the reads return. Keys are the Cypher
parameter and column names, which are the graph's property names."""

from __future__ import annotations

from datetime import date
from typing import TypedDict


class ArticleRow(TypedDict):
    """write/merge_articles; `published` is an ISO date or None."""

    id: str
    url: str | None
    title: str | None
    published: str | None
    dateline: str | None
    text: str
    text_sha256: str
    extractor_version: str


class EntityRow(TypedDict):
    """write/merge_entities; `label` is a graph_schema entity label, `key` the normalised
    name."""

    id: str
    label: str
    name: str
    key: str


class MentionRow(TypedDict):
    """write/merge_mentions: one entity in one article, with the forms it used there."""

    entity: str
    article: str
    count: int
    aliases: list[str]


class AliasRow(TypedDict):
    """write/add_aliases."""

    id: str
    aliases: list[str]


class ClaimRow(TypedDict):
    """write/merge_claims: one assertion with its evidence."""

    id: str
    pair: str
    type: str
    subject: str
    object: str
    article: str
    sentence: str | None
    start: int | None
    end: int | None
    date: str | None
    confidence: float
    status: str | None
    stated_start: str | None
    stated_start_precision: str | None
    stated_start_text: str | None
    stated_end: str | None
    stated_end_precision: str | None
    stated_end_text: str | None
    rule: str | None
    extractor_version: str


class QuoteRow(TypedDict):
    """write/merge_quotes."""

    id: str
    text: str
    start: int | None
    end: int | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    confidence: float
    date: str | None
    speaker: str
    about: list[str]
    article: str
    rule: str | None


class EntityRefRow(TypedDict):
    """read/lookup_entities: an entity's id, display name and label."""

    id: str
    name: str
    type: str


class FactEdgeKey(TypedDict):
    """One aggregated edge (subject, type, object) and its claims' `pair` key, as
    write/detach_article_facts and write/merge_entity_into return them."""

    s: str
    t: str
    o: str
    pair: str


class FactEdgeRow(TypedDict):
    """write/merge_fact_edges (and write/delete_fact_edges when `claims` is 0): one
    aggregated edge as folded from its claims; `days`/`day_claims` on stance types only."""

    s: str
    t: str
    o: str
    claims: int
    first_seen: date | None
    last_seen: date | None
    confidence: float | None
    status: str | None
    days: list[date] | None
    day_claims: list[int] | None
