"""Read-only Cypher for power users.

Three fences: Neo4j plans the query first (EXPLAIN) and only plans made of read operators
and allow-listed procedures run (400 otherwise, see `queries.cypher_guard`); the query then
runs in a READ transaction, so Neo4j itself refuses any write that slipped through; and a
timeout, a row cap and a byte cap bound what one call costs. Requires the API key when
POLIKG_API_KEY is set (checked before the body is read, see `app.guards`).
"""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ApiKeyDep, ReaderDep, SettingsDep
from app.routes.common import READ_ERRORS
from app.schemas_graph import CypherIn, CypherOut
from queries import read

router = APIRouter(tags=["cypher"], responses=READ_ERRORS)


@router.post(
    "/cypher",
    response_model=CypherOut,
    responses={
        400: {"description": "the query writes, administers or is refused by Neo4j"},
        401: {"description": "API key missing or wrong"},
        504: {"description": "the query ran past the timeout"},
    },
)
def run_cypher(body: CypherIn, reader: ReaderDep, settings: SettingsDep, _: ApiKeyDep) -> CypherOut:
    """Run one read-only Cypher query with parameters; at most cypher_row_cap rows."""
    cap, byte_cap = settings.cypher_row_cap, settings.cypher_byte_cap
    result = read.run_cypher(reader, body.query, body.parameters, row_cap=cap, byte_cap=byte_cap)
    messages = {
        "rows": f"only the first {cap} rows are returned",
        "bytes": f"only the first {len(result.rows)} rows are returned: the next would "
        f"pass {byte_cap} bytes of JSON",
    }
    return CypherOut(
        columns=result.columns,
        rows=result.rows,
        row_count=len(result.rows),
        row_cap=cap,
        byte_cap=byte_cap,
        truncated=result.truncated,
        message=messages.get(result.cut or ""),
    )
