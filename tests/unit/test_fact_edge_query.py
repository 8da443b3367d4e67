"""refresh_fact_edges spells out each fact type (a static type plans as an expand; a
dynamic one scanned every relationship per row): none may be missing."""

from __future__ import annotations

from graph_schema import FACT_TYPES
from queries import load


def test_every_fact_type_has_its_branch() -> None:
    text = load("write/refresh_fact_edges")
    for fact in FACT_TYPES:
        assert f"r.t = '{fact}'" in text and f"MERGE (s)-[e:{fact}]->(o)" in text
    assert "-[e:$(" not in text and "-[old:$(" not in text
