"""Apply the schema (`graph_schema`'s constraints and indexes) idempotently, and check it.

The statements are the schema's own definition and live with it in `graph_schema`; the
database I/O lives here, with the other functions that take the driver."""

from __future__ import annotations

import logging

from neo4j import Driver

from graph_schema.ddl import expected_names, schema_statements
from queries import load

log = logging.getLogger(__name__)


def apply_schema(driver: Driver, *, database: str | None = None) -> int:
    """Create every missing constraint and index, wait until they are online."""
    for statement in schema_statements():
        driver.execute_query(statement, database_=database)
    driver.execute_query(load("schema/await_indexes"), database_=database)
    log.info("schema applied: %d statements", len(schema_statements()))
    return len(schema_statements())


def schema_is_applied(driver: Driver, *, database: str | None = None) -> bool:
    """True when every constraint and index of the schema exists and is online."""
    records, _, _ = driver.execute_query(load("schema/list_indexes"), database_=database)
    online = {r["name"] for r in records if r["state"] == "ONLINE"}
    return expected_names() <= online


def ensure_schema(driver: Driver, *, database: str | None = None) -> None:
    """Apply the schema when part of it is missing: the writer's MERGEs find their nodes
    through these constraints, and a graph made before one was added (e.g. the
    PendingAggregate key) would otherwise scan a label per row."""
    if not schema_is_applied(driver, database=database):
        apply_schema(driver, database=database)
