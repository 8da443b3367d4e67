"""Entities: search by name or alias, one entity's profile, and its timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.deps import DateWindowDep, PageDep, ReaderDep
from app.errors import NotFoundError
from app.routes.common import (
    MAX_EVIDENCE,
    NOT_FOUND,
    READ_ERRORS,
    EntityId,
    answer,
    page_of,
    require_entities,
)
from app.schemas import EntityHit, EntityProfile, Page, TimelineEvent
from graph_schema import EntityType, FactType
from queries import read

router = APIRouter(tags=["entities"], responses=READ_ERRORS)


@router.get("/entities", response_model=Page[EntityHit])
def search_entities(
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="words of a name or alias; typos and prefixes match too",
            examples=["Karge"],
        ),
    ] = None,
    type: Annotated[EntityType | None, Query(description="only this entity type")] = None,
) -> Response:
    """Find entities by name or alias (typo tolerant, best first), or list them by name."""
    rows = read.search_entities(
        reader, q=q, label=type.value if type else None, limit=page.limit + 1, offset=page.offset
    )
    return answer(Page[EntityHit].model_validate(page_of(rows, page)))


@router.get("/entities/{entity_id}", response_model=EntityProfile, responses=NOT_FOUND)
def get_entity(
    reader: ReaderDep,
    entity_id: EntityId,
    evidence_limit: Annotated[
        int,
        Query(
            ge=0, le=MAX_EVIDENCE, description="latest claims shown per office, party and alliance"
        ),
    ] = 3,
) -> Response:
    """One entity: aliases, offices, parties, alliances with evidence, and counts."""
    profile = read.get_entity(reader, entity_id, evidence_limit=evidence_limit)
    if profile is None:
        raise NotFoundError("entity", entity_id)
    return answer(EntityProfile.model_validate(profile))


@router.get(
    "/entities/{entity_id}/timeline", response_model=Page[TimelineEvent], responses=NOT_FOUND
)
def entity_timeline(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    entity_id: EntityId,
    types: Annotated[list[FactType] | None, Query(description="claim types (default all)")] = None,
    quotes: Annotated[bool, Query(description="include quotes given and received")] = True,
) -> Response:
    """Dated claims and quotes of one entity, given and received, oldest first."""
    rows = read.entity_timeline(
        reader,
        entity_id,
        types=types,
        quotes=quotes,
        since=window.since,
        until=window.until,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if not rows:
        require_entities(reader, entity_id)
    return answer(Page[TimelineEvent].model_validate(page_of(rows, page)))
