"""Offices: who held an office, on a date or over time, from terms derived from dated
claims; and the checks of single-seat offices' terms."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from app.deps import PageDep, ReaderDep
from app.errors import NotFoundError
from app.routes.common import NOT_FOUND, READ_ERRORS, answer, page_of
from app.schemas_graph import HoldersPage
from app.schemas_time import TenureChecksPage
from graph_schema import SINGLE_SEAT_OFFICE_PREFIXES, NodeLabel
from queries import read, tenure

router = APIRouter(tags=["offices"], responses=READ_ERRORS)


@router.get("/offices/{office_id}/holders", response_model=HoldersPage, responses=NOT_FOUND)
def office_holders(
    reader: ReaderDep,
    page: PageDep,
    office_id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=300,
            examples=["office:president-of-the-indian-national-congress"],
        ),
    ],
    on: Annotated[
        dt.date | None,
        Query(
            description="holders on this day, from their terms: "
            "certain between two observations of a term, possible "
            "where no claim rules it out; omit for all time",
            examples=["2023-12-21"],
        ),
    ] = None,
) -> Response:
    """Who held an office on a date (or ever), with the terms derived from dated claims."""
    office = read.lookup_entities(reader, [office_id]).get(office_id)
    if office is None or office["type"] != NodeLabel.OFFICE:
        raise NotFoundError("office", office_id)
    rows = read.office_terms(reader, [office_id])
    if on is not None:
        rows = tenure.holders_on(rows, on)
    window = rows[page.offset : page.offset + page.limit + 1]
    return answer(HoldersPage.model_validate({**page_of(window, page), "on": on, "office": office}))


@router.get("/analytics/tenure-checks", response_model=TenureChecksPage, tags=["analytics"])
def tenure_checks(reader: ReaderDep, page: PageDep) -> Response:
    """Single-seat offices with two holders on one day, or an ended term and no successor."""
    offices, window = read.tenure_checks(reader, offset=page.offset, limit=page.limit + 1)
    return answer(
        TenureChecksPage.model_validate(
            {
                **page_of(window, page),
                "offices": offices,
                "prefixes": list(SINGLE_SEAT_OFFICE_PREFIXES),
            }
        )
    )
