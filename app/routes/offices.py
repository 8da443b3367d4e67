"""Offices: who held an office, on a date or over time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.deps import PageDep, ReaderDep
from app.errors import NotFoundError
from app.routes.common import NOT_FOUND, READ_ERRORS, page_of
from app.schemas_graph import HoldersPage
from queries import read

router = APIRouter(tags=["offices"], responses=READ_ERRORS)


@router.get("/offices/{office_id}/holders", response_model=HoldersPage, responses=NOT_FOUND)
def office_holders(
    reader: ReaderDep, page: PageDep,
    office_id: Annotated[str, Path(min_length=1, max_length=300,
                                   examples=["office:president-of-the-indian-national-congress"])],
    on: Annotated[dt.date | None, Query(description="holders on this day: latest claim on or "
                                        "before it is not 'former'; omit for all time",
                                        examples=["2023-12-21"])] = None,
) -> dict[str, object]:
    """Who held an office on a date (or ever), each with first and last dates seen."""
    office = read.lookup_entities(reader, [office_id]).get(office_id)
    if office is None or office["type"] != "Office":
        raise NotFoundError("office", office_id)
    rows = read.office_holders(reader, office_id, on=on, limit=page.limit + 1,
                               offset=page.offset)
    return {**page_of(rows, page), "on": on,
            "office": office}
