"""Relationships: the edges around an entity with their evidence, everything linking two
entities, and the shortest paths between two entities."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from app.deps import DateWindowDep, PageDep, ReaderDep
from app.errors import invalid_param
from app.routes.common import (
    DEFAULT_EVIDENCE,
    MAX_EVIDENCE,
    NOT_FOUND,
    READ_ERRORS,
    EntityId,
    answer,
    page_of,
    require_entities,
)
from app.schemas import Page
from app.schemas_graph import CounterpartOut, EdgeOut, LinkOut, PathOut
from graph_schema import FactType
from queries import read

router = APIRouter(tags=["relationships"], responses=READ_ERRORS)

Types = Annotated[list[FactType] | None, Query(description="fact types (default all)")]
Evidence = Annotated[int, Query(ge=0, le=MAX_EVIDENCE, description="claims shown per edge")]


@router.get(
    "/entities/{entity_id}/relationships",
    response_model=Page[EdgeOut] | Page[CounterpartOut],
    responses=NOT_FOUND,
)
def entity_relationships(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    entity_id: EntityId,
    types: Types = None,
    type: Annotated[
        list[FactType] | None,
        Query(
            deprecated=True,
            description="deprecated alias of `types` (every other route says types)",
        ),
    ] = None,
    direction: Annotated[
        Literal["out", "in", "both"],
        Query(description="out: the entity is the subject; ALLIED_WITH matches any"),
    ] = "both",
    group: Annotated[
        bool, Query(description="one row per counterpart instead of per edge")
    ] = False,
    evidence_limit: Evidence = DEFAULT_EVIDENCE,
) -> Response:
    """Fact edges around an entity with the claims behind them, or grouped by counterpart."""
    types = [*(types or []), *(type or [])] or None
    if group:
        rows = read.entity_counterparts(
            reader,
            entity_id,
            types=types,
            direction=direction,
            since=window.since,
            until=window.until,
            limit=page.limit + 1,
            offset=page.offset,
        )
    else:
        rows = read.entity_relationships(
            reader,
            entity_id,
            types=types,
            direction=direction,
            since=window.since,
            until=window.until,
            evidence_limit=evidence_limit,
            limit=page.limit + 1,
            offset=page.offset,
        )
    if not rows:
        require_entities(reader, entity_id)
    if group:
        return answer(Page[CounterpartOut].model_validate(page_of(rows, page)))
    return answer(Page[EdgeOut].model_validate(page_of(rows, page)))


@router.get("/relationships/between", response_model=Page[LinkOut], responses=NOT_FOUND)
def relationships_between(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    a: Annotated[str, Query(min_length=1, max_length=300, examples=["person:mallikarjun-kharge"])],
    b: Annotated[
        str, Query(min_length=1, max_length=300, examples=["party:indian-national-congress"])
    ],
    types: Types = None,
) -> Response:
    """Every claim and quote directly linking two entities, in date order."""
    if a == b:
        raise invalid_param("query", "b", "a and b must be different entities")
    rows = read.relationships_between(
        reader,
        a,
        b,
        types=types,
        since=window.since,
        until=window.until,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if not rows:
        require_entities(reader, a, b)
    return answer(Page[LinkOut].model_validate(page_of(rows, page)))


@router.get("/paths", response_model=Page[PathOut], responses=NOT_FOUND)
def find_paths(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    source: Annotated[
        str, Query(alias="from", min_length=1, max_length=300, examples=["person:droupadi-murmu"])
    ],
    target: Annotated[
        str, Query(alias="to", min_length=1, max_length=300, examples=["person:narendra-modi"])
    ],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    types: Types = None,
    evidence_limit: Evidence = DEFAULT_EVIDENCE,
) -> Response:
    """All shortest paths (up to max_hops) between two entities, with evidence on each hop."""
    if source == target:
        raise invalid_param("query", "to", "from and to must be different entities")
    rows = read.find_paths(
        reader,
        source,
        target,
        types=types,
        max_hops=max_hops,
        since=window.since,
        until=window.until,
        evidence_limit=evidence_limit,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if not rows:
        require_entities(reader, source, target)
    return answer(Page[PathOut].model_validate(page_of(rows, page)))
