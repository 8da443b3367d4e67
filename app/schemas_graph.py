"""Response models for graph-shaped answers: relationships, offices, alliances, paths,
networks, analytics and the power-user /cypher endpoint."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

from app.schemas import ArticleRef, Direction, EntityRef, Evidence, OfficeStatus, Page
from app.schemas_time import Term

_DHANKHAR: JsonDict = {
    "id": "person:jagdeep-dhankhar",
    "name": "Jagdeep Dhankhar",
    "type": "Person",
}
_MURMU: JsonDict = {"id": "person:droupadi-murmu", "name": "Droupadi Murmu", "type": "Person"}
_EVIDENCE: JsonDict = {
    "claim_id": "claim:c3f5dcc0d8fb71a6",
    "sentence": "Dhankhar's mimicry saw a slew of protests with President Droupadi Murmu and "
    "Prime Minister Narendra Modi voicing their support for him.",
    "start": 1560,
    "end": 1695,
    "date": "2023-12-21",
    "confidence": 0.9,
    "status": None,
    "article": {"id": "dev-000", "title": None, "url": "seed article"},
}


class EdgeOut(BaseModel):
    """One fact edge around the entity with the claims behind it (in the date window)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "SUPPORTED",
                    "direction": "in",
                    "counterpart": _MURMU,
                    "claims": 1,
                    "first_seen": "2023-12-21",
                    "last_seen": "2023-12-21",
                    "confidence": 0.9,
                    "status": None,
                    "evidence": [_EVIDENCE],
                }
            ]
        }
    )

    type: str
    direction: Direction
    counterpart: EntityRef
    claims: int = Field(description="claims in the date window")
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    confidence: float | None = None
    status: OfficeStatus | None = None
    evidence: list[Evidence] = Field(description="the claims, oldest first, up to evidence_limit")


class CounterpartOut(BaseModel):
    """All edges to one counterpart, grouped (group=true)."""

    counterpart: EntityRef
    types: list[str]
    claims: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class LinkOut(BaseModel):
    """A claim or a quote that directly links the two entities."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "claim",
                    "id": "claim:fe2d7d1313d23dac",
                    "type": "CRITICIZED",
                    "subject": _DHANKHAR,
                    "object": {
                        "id": "person:p-chidambaram",
                        "name": "P. Chidambaram",
                        "type": "Person",
                    },
                    "date": "2023-12-21",
                    "sentence": None,
                    "start": None,
                    "end": None,
                    "text": None,
                    "confidence": 1.0,
                    "status": None,
                    "article": _EVIDENCE["article"],
                }
            ]
        }
    )

    kind: Literal["claim", "quote"]
    id: str
    type: str = Field(description="the fact type of a claim, or QUOTE")
    subject: EntityRef = Field(description="the claim's subject, or the speaker")
    object: EntityRef = Field(description="the claim's object, or the entity quoted about")
    date: dt.date | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = Field(None, description="the quoted words (quotes only)")
    confidence: float | None = None
    status: OfficeStatus | None = None
    article: ArticleRef | None = None


class HolderOut(BaseModel):
    holder: EntityRef
    claims: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    status: OfficeStatus = Field(description="of the latest claim")
    certainty: Literal["certain", "possible"] | None = Field(
        None,
        description="with `on`: certain when `on` lies between two observations of one "
        "term; possible when only no claim rules it out (see reason); null without `on`",
    )
    reason: (
        Literal[
            "between_observations",
            "after_last_observation",
            "before_stated_end",
            "within_stated_precision",
            "before_first_observation",
        ]
        | None
    ) = None
    term: Term | None = Field(None, description="with `on`: the term that covers it")
    terms: list[Term] = Field(description="every term of this holder, oldest first")


class HoldersPage(Page[HolderOut]):
    office: EntityRef
    on: dt.date | None = Field(None, description="the date asked about; null for all time")


class EdgeStats(BaseModel):
    """What an aggregated edge says about its claims: how many, first and last dates."""

    claims: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    confidence: float | None = None


class AllianceEdge(EdgeStats):
    source: EntityRef
    target: EntityRef


class AlliancesOut(BaseModel):
    """One page of ALLIED_WITH edges (symmetric) and the parties and alliances they join."""

    nodes: list[EntityRef]
    edges: list[AllianceEdge]
    limit: int
    offset: int
    next_offset: int | None = None


class HopOut(BaseModel):
    source: str
    target: str
    type: str
    claims: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    evidence: list[Evidence]


class PathOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "length": 2,
                    "nodes": [
                        _MURMU,
                        _DHANKHAR,
                        {"id": "person:p-chidambaram", "name": "P. Chidambaram", "type": "Person"},
                    ],
                    "hops": [
                        {
                            "source": _MURMU["id"],
                            "target": _DHANKHAR["id"],
                            "type": "SUPPORTED",
                            "claims": 1,
                            "first_seen": "2023-12-21",
                            "last_seen": "2023-12-21",
                            "evidence": [_EVIDENCE],
                        }
                    ],
                }
            ]
        }
    )

    length: int
    nodes: list[EntityRef]
    hops: list[HopOut]


class NetworkNode(BaseModel):
    id: str
    label: str
    type: str
    distance: int = Field(description="hops from the center")
    degree: int = Field(0, description="distinct neighbours over the same types and dates")
    hidden: int = Field(
        0,
        description="neighbours not in this answer: what expanding the "
        "node (a /network call centered on it) would add",
    )


class NetworkEdge(EdgeStats):
    id: str = Field(description="subject|TYPE|object, also the key of its claims")
    source: str
    target: str
    type: str
    directed: bool = Field(True, description="false for ALLIED_WITH (symmetric)")
    status: OfficeStatus | None = None


class NetworkMeta(BaseModel):
    center: str
    total_nodes: int = Field(description="nodes within depth before the max_nodes cut")
    truncated: bool
    message: str | None = None


class GraphOut(NetworkMeta):
    """format=graph: plain nodes and edges."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class CytoscapeElements(BaseModel):
    nodes: list[dict[str, NetworkNode]]
    edges: list[dict[str, NetworkEdge]]


class CytoscapeOut(BaseModel):
    """format=cytoscape: Cytoscape.js elements JSON (`cy.add(body.elements)`)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "elements": {
                        "nodes": [
                            {
                                "data": {
                                    "id": _DHANKHAR["id"],
                                    "label": _DHANKHAR["name"],
                                    "type": "Person",
                                    "distance": 0,
                                }
                            },
                            {
                                "data": {
                                    "id": _MURMU["id"],
                                    "label": _MURMU["name"],
                                    "type": "Person",
                                    "distance": 1,
                                }
                            },
                        ],
                        "edges": [
                            {
                                "data": {
                                    "id": f"{_MURMU['id']}|SUPPORTED|{_DHANKHAR['id']}",
                                    "source": _MURMU["id"],
                                    "target": _DHANKHAR["id"],
                                    "type": "SUPPORTED",
                                    "claims": 1,
                                }
                            }
                        ],
                    },
                    "data": {
                        "center": _DHANKHAR["id"],
                        "total_nodes": 2,
                        "truncated": False,
                        "message": None,
                    },
                }
            ]
        }
    )

    elements: CytoscapeElements
    data: NetworkMeta


class CentralityRow(BaseModel):
    entity: EntityRef
    degree: int = Field(description="distinct neighbours")
    pagerank: float = Field(description="PageRank on the directed graph, claims as weights")
    betweenness: float = Field(description="normalised betweenness on the undirected graph")


class CentralityPage(Page[CentralityRow]):
    nodes: int
    edges: int
    truncated: bool = Field(description="the subgraph hit analytics_max_edges")
    approximate: bool = Field(description="betweenness estimated from a seeded sample")


class Community(BaseModel):
    id: int = Field(description="rank by size, 0 = largest")
    size: int
    members: list[EntityRef]


class CommunitiesPage(Page[Community]):
    nodes: int
    edges: int
    modularity: float | None = None
    seed: int
    truncated: bool


_INT64 = 2**63
MAX_PARAMETER_DEPTH = 32


def _check_values(value: Any) -> None:
    """What the driver cannot send: integers beyond 64 bits, text with unpaired surrogates
    or NUL (not encodable as UTF-8 / refused by Neo4j), and nesting deeper than
    MAX_PARAMETER_DEPTH (the driver packs values recursively). Walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_PARAMETER_DEPTH:
            raise ValueError(f"parameters may nest at most {MAX_PARAMETER_DEPTH} levels")
        if isinstance(item, int) and not isinstance(item, bool) and not -_INT64 <= item < _INT64:
            raise ValueError("integers must fit in 64 bits")
        if isinstance(item, str) and not _encodable(item):
            raise ValueError("text must be valid Unicode without NUL characters")
        if isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


class CypherIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (p:Person {id: $id})<-[:SAID_BY]-(q:Quote) "
                    "RETURN q.text AS text, q.date AS date ORDER BY date LIMIT 5",
                    "parameters": {"id": "person:mallikarjun-kharge"},
                }
            ]
        }
    )

    query: str = Field(min_length=1, max_length=20_000, description="read-only Cypher")
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="values for the query's $parameters"
    )

    @field_validator("parameters")
    @classmethod
    def _fits_neo4j(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Neo4j integers are 64-bit, text travels as UTF-8, and the driver packs nested
        values recursively: anything else would fail inside the driver as a 500."""
        _check_values(value)
        return value

    @field_validator("query")
    @classmethod
    def _sendable(cls, value: str) -> str:
        """A query with unpaired surrogates or NUL cannot be sent to Neo4j at all."""
        if not _encodable(value):
            raise ValueError("the query must be valid Unicode without NUL characters")
        return value


class CypherOut(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]] = Field(
        description="JSON-safe: dates as ISO strings, nodes as {id, labels, properties}"
    )
    row_count: int
    row_cap: int
    byte_cap: int = Field(description="JSON bytes of rows returned at most")
    truncated: bool
    message: str | None = None
