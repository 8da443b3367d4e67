"""Helpers the read routers share: paging envelopes and 404s for unknown ids."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Path, Response
from pydantic import BaseModel

from app.deps import PageParams
from app.errors import NotFoundError
from queries import read
from queries.rows import EntityRefRow

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "an id names nothing in the graph"}
}
#: Every read route can meet these; app.errors produces them.
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"description": "Neo4j is unreachable; retry after the Retry-After seconds"},
    504: {"description": "the query ran past neo4j_query_timeout_s"},
}
EntityId = Annotated[
    str, Path(min_length=1, max_length=300, examples=["person:mallikarjun-kharge"])
]
DEFAULT_EVIDENCE = 5
MAX_EVIDENCE = 100


def page_of(rows: Sequence[Any], page: PageParams) -> dict[str, Any]:
    """A page envelope from rows fetched with `limit + 1`: the extra row only says that
    another page exists, so there is no separate count query."""
    more = len(rows) > page.limit
    return {
        "items": list(rows[: page.limit]),
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.offset + page.limit if more else None,
    }


def answer(model: BaseModel) -> Response:
    """`model` (validated by the route) as the JSON response, serialised in the route's own
    worker thread. A sync route that returns a model has FastAPI validate it once more in a
    second thread-pool hop before serialising: the route has just validated it, so that hop
    bought nothing and cost up to milliseconds on a busy machine. The decorator's
    `response_model` still documents the answer in OpenAPI."""
    return Response(model.model_dump_json(), media_type="application/json")


def require_entities(reader: read.Reader, *ids: str) -> dict[str, EntityRefRow]:
    """{id, name, type} of each id; NotFoundError (404) naming the first unknown id."""
    found = read.lookup_entities(reader, ids)
    for ident in ids:
        if ident not in found:
            raise NotFoundError("entity", ident)
    return found
