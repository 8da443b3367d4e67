"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from app.deps import DriverDep
from app.schemas import HealthOut, ReadyOut
from queries.schema import apply_schema, schema_is_applied

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
async def health() -> HealthOut:
    """The process is up (says nothing about Neo4j)."""
    return HealthOut(status="ok")


@router.get("/ready", response_model=ReadyOut, responses={503: {"model": ReadyOut}})
def ready(request: Request, driver: DriverDep) -> ReadyOut | JSONResponse:
    """Neo4j answers and the schema is applied; 503 with the reason otherwise."""
    try:
        driver.verify_connectivity()
        if not request.app.state.schema_ready:
            apply_schema(driver)
            request.app.state.schema_ready = schema_is_applied(driver)
        if not request.app.state.schema_ready:
            return _not_ready("schema is not applied yet")
    except (ServiceUnavailable, SessionExpired, OSError):
        return _not_ready("Neo4j is unreachable")
    except Neo4jError as exc:
        return _not_ready(f"Neo4j error: {exc.code}")
    return ReadyOut(status="ready", neo4j="up", schema_applied=True)


def _not_ready(reason: str) -> JSONResponse:
    body = ReadyOut(status="not ready", neo4j="down", schema_applied=False, detail=reason)
    return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
