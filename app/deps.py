"""FastAPI dependencies as Annotated aliases: settings, the process-wide driver, the read
target, and the paging and date-window query parameters every list shares.

They are `async def` on purpose: they do no I/O, and FastAPI runs every plain `def`
dependency in its thread pool, a hop per dependency per request that cost more than
the work itself. The read routes stay sync: they block on the driver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from neo4j import Driver

from app.config import Settings
from app.errors import invalid_param
from app.guards import api_key_matches
from queries.read import Reader


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.driver
    return driver


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


async def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[
        str | None, Header(description="required when POLIKG_API_KEY is set")
    ] = None,
) -> None:
    """Refuse (401) a write or power-user call without the configured API key.

    `app.guards.RequestGuard` already checks the key before the body is read; this
    dependency keeps the check (and the header in the OpenAPI schema) on the route itself."""
    given = None if x_api_key is None else x_api_key.encode("latin-1", "replace")
    if not api_key_matches(given, settings):
        raise HTTPException(status_code=401, detail="missing or wrong X-API-Key header")


ApiKeyDep = Annotated[None, Depends(require_api_key)]


async def get_reader(driver: DriverDep, settings: SettingsDep) -> Reader:
    """The read target of this app: its driver, database and per-query timeout."""
    return Reader(
        driver=driver, database=settings.neo4j_database, timeout_s=settings.neo4j_query_timeout_s
    )


ReaderDep = Annotated[Reader, Depends(get_reader)]

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]


@dataclass(frozen=True)
class DateWindow:
    since: date | None
    until: date | None


async def date_window(
    since: Annotated[
        date | None,
        Query(
            description="only evidence dated on or after this day (article date, ISO 8601)",
            examples=["2023-12-01"],
        ),
    ] = None,
    until: Annotated[
        date | None,
        Query(description="only evidence dated on or before this day", examples=["2024-02-29"]),
    ] = None,
) -> DateWindow:
    """Inclusive bounds on the article date of returned claims and quotes."""
    if since is not None and until is not None and since > until:
        raise invalid_param("query", "until", "until must not be before since")
    return DateWindow(since=since, until=until)


DateWindowDep = Annotated[DateWindow, Depends(date_window)]


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameter names (aliases) a route and its dependencies declare."""
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_query(request: Request) -> None:
    """422 for a query parameter the route does not know, naming the ones it does: a typo
    (`relationships?type=` vs `types=`, `statements?speaker_id=`) used to be ignored and
    answered as if no filter had been asked for."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    allowed = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        names = ", ".join(sorted(allowed)) or "none"
        raise invalid_param(
            "query", unknown[0], f"unknown query parameter '{unknown[0]}'; allowed: {names}"
        )
