"""merge_fact_edges and ensure_fact_edges spell out each fact type (a static type plans as an
expand; a dynamic one scanned every relationship per row): none may be missing, and stance
edges carry their per-day counts."""

from __future__ import annotations

from graph_schema import FACT_TYPES
from loaders.aggregates import STANCE_TYPES
from queries import load


def test_every_fact_type_has_its_branch() -> None:
    text = load("write/merge_fact_edges")
    branches = text.split("CALL (s, o, r) {")[1:]
    assert len(branches) == len(FACT_TYPES)
    for fact in FACT_TYPES:
        [branch] = [b for b in branches if f"r.t = '{fact}'" in b]
        assert f"MERGE (s)-[e:{fact}]->(o)" in branch
        assert ("e.days = r.days" in branch) == (fact in STANCE_TYPES)
    assert "[e:$(" not in text and "[e:$(" not in load("write/delete_fact_edges")


def test_ensure_fact_edges_has_every_branch_and_sets_nothing() -> None:
    text = load("write/ensure_fact_edges")
    branches = text.split("CALL (s, o, r) {")[1:]
    assert len(branches) == len(FACT_TYPES)
    for fact in FACT_TYPES:
        [branch] = [b for b in branches if f"r.t = '{fact}'" in b]
        assert f"MERGE (s)-[:{fact}]->(o)" in branch
    assert " SET " not in text and "[:$(" not in text
