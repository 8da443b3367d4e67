"""Statements: quotes with their speaker, targets, date and article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.deps import DateWindowDep, PageDep, ReaderDep
from app.routes.common import NOT_FOUND, READ_ERRORS, answer, page_of, require_entities
from app.schemas import Page, Statement
from queries import read

router = APIRouter(tags=["statements"], responses=READ_ERRORS)


@router.get("/statements", response_model=Page[Statement], responses=NOT_FOUND)
def list_statements(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    speaker: Annotated[
        str | None,
        Query(
            max_length=300,
            description="entity id of the speaker",
            examples=["person:mallikarjun-kharge"],
        ),
    ] = None,
    about: Annotated[
        str | None,
        Query(max_length=300, description="entity id quoted about (as GET /entities?q= finds it)"),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="words in the quote (full-text, typo tolerant)",
            examples=["seats"],
        ),
    ] = None,
) -> Response:
    """Quotes, newest first (best match first with q), filtered by speaker, target and date."""
    rows = read.list_statements(
        reader,
        speaker=speaker,
        about=about,
        q=q,
        since=window.since,
        until=window.until,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if not rows and (speaker or about):  # a mistyped id should not look like "no quotes"
        require_entities(reader, *[i for i in (speaker, about) if i])
    return answer(Page[Statement].model_validate(page_of(rows, page)))
