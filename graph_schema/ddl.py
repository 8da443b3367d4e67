"""The constraints and indexes, as data: the statements of `cypher/schema.cypher`.

Kept as plain Cypher so a DBA can read it, and here rather than under `queries/` because
it is the schema's own definition (reading it needs no database and no import from the
layers above). Every statement says IF NOT EXISTS; `queries.schema.apply_schema` runs
them, so applying twice (CLI, every API start, every test session) changes nothing the
second time.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

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
