"""The FastAPI application: one driver per process, made in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from app import __version__
from app.config import Settings, get_settings
from app.db import create_driver, wait_for_neo4j
from app.deps import reject_unknown_query
from app.errors import install_error_handlers
from app.guards import RequestGuard
from app.routes import (
    alliances,
    analytics,
    articles,
    cypher,
    entities,
    explore,
    health,
    network,
    offices,
    relationships,
    stance,
    statements,
)
from queries.schema import apply_schema

log = logging.getLogger(__name__)


def _prepare_schema(app: FastAPI) -> None:
    try:
        apply_schema(app.state.driver)
        app.state.schema_ready = True
    except (ServiceUnavailable, Neo4jError, OSError) as exc:
        log.error("could not apply the schema at start: %s", exc)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.driver = create_driver(
        settings, max_transaction_retry_time=settings.neo4j_api_retry_time_s
    )
    app.state.schema_ready = False
    if wait_for_neo4j(app.state.driver, retries=settings.neo4j_connect_retries):
        _prepare_schema(app)
    else:
        log.error(
            "Neo4j is unreachable at %s: the API serves /health, and /ready answers "
            "503 until Neo4j is up (start it with `polikg neo4j start`)",
            settings.neo4j_uri,
        )
    try:
        yield
    finally:
        app.state.driver.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for `settings` (tests pass their own; `polikg serve` uses the env)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="polikg",
        version=__version__,
        summary="Who said what about whom, and when: a political knowledge graph over news.",
        lifespan=lifespan,
        dependencies=[Depends(reject_unknown_query)],
    )
    app.state.settings = settings
    # Graph answers are repetitive JSON/XML: gzip cuts them ~10x (GZipMiddleware only
    # compresses for clients that send Accept-Encoding: gzip, and bodies over 1 KB).
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    if settings.cors_origins:
        # Browsers on another origin: preflight (OPTIONS) answered, the truncation and
        # ETag headers readable from JavaScript.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"],
            expose_headers=["X-Polikg-Truncated", "ETag"],
            max_age=600,
        )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(articles.router)
    for module in (
        entities,
        stance,
        statements,
        relationships,
        offices,
        alliances,
        network,
        analytics,
        cypher,
    ):
        app.include_router(module.router)
    explore.mount(app)
    # outermost of our middleware: the key and the size are checked before anything reads
    app.add_middleware(RequestGuard, settings=settings)
    return app
