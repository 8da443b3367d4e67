"""Apply the constraints and indexes idempotently.

Kept as plain Cypher in `cypher/schema.cypher` so a DBA can read it; every statement
says IF NOT EXISTS, so applying twice (CLI, every API start, every test session)
changes nothing the second time.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from neo4j import Driver

log = logging.getLogger(__name__)

SCHEMA_FILE = "schema.cypher"


@cache
def schema_statements() -> tuple[str, ...]:
    """The schema file split into statements, comments dropped."""
    text = resources.files("graph_schema.cypher").joinpath(SCHEMA_FILE).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    return tuple(s.strip() for s in "\n".join(lines).split(";") if s.strip())


def expected_names() -> set[str]:
    """Names of the constraints and indexes the schema file creates."""
    return {
        stmt.split()[2] if stmt.split()[1] in ("CONSTRAINT", "INDEX") else stmt.split()[3]
        for stmt in schema_statements()
    }


def apply_schema(driver: Driver, *, database: str | None = None) -> int:
    """Create every missing constraint and index, wait until they are online."""
    for statement in schema_statements():
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    log.info("schema applied: %d statements", len(schema_statements()))
    return len(schema_statements())


def schema_is_applied(driver: Driver, *, database: str | None = None) -> bool:
    """True when every constraint and index of the schema exists and is online."""
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, state RETURN name, state", database_=database
    )
    online = {r["name"] for r in records if r["state"] == "ONLINE"}
    return expected_names() <= online
