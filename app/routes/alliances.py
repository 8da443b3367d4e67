"""Alliances: the network of parties and alliances joined by ALLIED_WITH."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.deps import DateWindowDep, PageDep, ReaderDep
from app.routes.common import READ_ERRORS, answer, page_of
from app.schemas_graph import AlliancesOut
from queries import read

router = APIRouter(tags=["alliances"], responses=READ_ERRORS)


@router.get("/alliances", response_model=AlliancesOut)
def list_alliances(reader: ReaderDep, page: PageDep, window: DateWindowDep) -> Response:
    """Parties and alliances with the ALLIED_WITH edges between them, first and last dates."""
    rows = read.list_alliances(
        reader, since=window.since, until=window.until, limit=page.limit + 1, offset=page.offset
    )
    paged = page_of(rows, page)
    edges = paged.pop("items")
    nodes = {end["id"]: end for edge in edges for end in (edge["source"], edge["target"])}
    return answer(
        AlliancesOut.model_validate(
            {**paged, "edges": edges, "nodes": sorted(nodes.values(), key=lambda n: n["id"])}
        )
    )
