"""Stance over time: criticism and support per period and counterpart, and turnarounds
(who supported someone and later criticised them, or the reverse)."""

from __future__ import annotations

from typing import Annotated

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
from app.schemas_time import Period, StancePage, Turnaround
from queries import read

router = APIRouter(responses=READ_ERRORS)


@router.get(
    "/entities/{entity_id}/stance",
    response_model=StancePage,
    responses=NOT_FOUND,
    tags=["entities"],
)
def entity_stance(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    entity_id: EntityId,
    toward: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=300,
            description="only claims between the entity and this one",
            examples=["person:narendra-modi"],
        ),
    ] = None,
    by: Annotated[Period, Query(description="period length")] = "month",
    evidence_limit: Annotated[
        int, Query(ge=0, le=MAX_EVIDENCE, description="claims shown per period and counterpart")
    ] = DEFAULT_EVIDENCE,
) -> Response:
    """Criticism and support given and received per period and counterpart, with evidence."""
    if toward == entity_id:
        require_entities(reader, entity_id)
        raise invalid_param("query", "toward", "toward must name another entity")
    entity, rows = read.entity_stance(
        reader,
        entity_id,
        toward=toward,
        by=by,
        since=window.since,
        until=window.until,
        evidence_limit=evidence_limit,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if entity is None:  # no row: an unknown id is a 404, a quiet entity an empty page
        known = require_entities(reader, entity_id, *([toward] if toward else []))
        entity, toward_ref = known[entity_id], known[toward] if toward else None
    else:  # with `toward`, every row's counterpart is it
        toward_ref = rows[0]["counterpart"] if toward else None
    return answer(
        StancePage.model_validate(
            {**page_of(rows, page), "entity": entity, "toward": toward_ref, "by": by}
        )
    )


@router.get("/analytics/turnarounds", response_model=Page[Turnaround], tags=["analytics"])
def turnarounds(reader: ReaderDep, page: PageDep, window: DateWindowDep) -> Response:
    """Who supported someone and later criticised them (or the reverse), oldest turn first."""
    rows = read.turnarounds(
        reader, since=window.since, until=window.until, limit=page.limit + 1, offset=page.offset
    )
    return answer(Page[Turnaround].model_validate(page_of(rows, page)))
