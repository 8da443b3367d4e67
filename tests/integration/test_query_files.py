"""Every named Cypher file parses and plans against the real server (EXPLAIN)."""

from __future__ import annotations

import re

import pytest
from neo4j import Driver

import queries


@pytest.mark.parametrize("name", queries.names())
def test_query_file_explains(name: str, graph: Driver) -> None:
    text = queries.load(name)
    params = {p: None for p in re.findall(r"\$(\w+)", text)}
    graph.execute_query(f"EXPLAIN {text}", params)


def test_unknown_or_escaping_names_are_refused() -> None:
    for bad in ("read/nope", "../graph_schema/cypher/schema", "read/../write/x", ""):
        with pytest.raises(queries.UnknownQueryError):
            queries.load(bad)
