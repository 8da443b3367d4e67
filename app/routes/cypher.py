"""Read-only Cypher for power users.

Three fences: a keyword check refuses writes, admin procedures and file reads before the
database sees them (400); the query then runs in a READ transaction, so Neo4j itself refuses
any write that slipped through; and a timeout and a row cap bound what one call costs.
Requires the API key when POLIKG_API_KEY is set.
"""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import ApiKeyDep, ReaderDep, SettingsDep
from app.routes.common import READ_ERRORS
from app.schemas_graph import CypherIn, CypherOut
from queries import read

router = APIRouter(tags=["cypher"], responses=READ_ERRORS)


@router.post("/cypher", response_model=CypherOut, responses={
    400: {"description": "the query writes, administers or is refused by Neo4j"},
    401: {"description": "API key missing or wrong"},
    504: {"description": "the query ran past the timeout"}})
def run_cypher(body: CypherIn, reader: ReaderDep, settings: SettingsDep,
               _: ApiKeyDep) -> CypherOut:
    """Run one read-only Cypher query with parameters; at most cypher_row_cap rows."""
    cap = settings.cypher_row_cap
    result = read.run_cypher(reader, body.query, body.parameters, row_cap=cap)
    return CypherOut(columns=result.columns, rows=result.rows, row_count=len(result.rows),
                     row_cap=cap, truncated=result.truncated,
                     message=f"only the first {cap} rows are returned" if result.truncated
                     else None)
