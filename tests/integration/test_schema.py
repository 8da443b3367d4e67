"""The schema is applied idempotently and contains what the queries rely on."""

from __future__ import annotations

from neo4j import Driver

from graph_schema.ddl import expected_names
from queries.schema import apply_schema, schema_is_applied


def _schema_snapshot(driver: Driver) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    cons, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name, type RETURN name, type")
    idx, _, _ = driver.execute_query("SHOW INDEXES YIELD name, type RETURN name, type")
    return ({(r["name"], r["type"]) for r in cons}, {(r["name"], r["type"]) for r in idx})


def test_apply_twice_leaves_the_same_constraints_and_indexes(graph: Driver) -> None:
    apply_schema(graph)
    first = _schema_snapshot(graph)
    apply_schema(graph)
    assert _schema_snapshot(graph) == first
    assert schema_is_applied(graph)


def test_every_label_has_a_unique_id_and_names_are_fulltext_searchable(graph: Driver) -> None:
    constraints, indexes = _schema_snapshot(graph)
    unique = {name for name, kind in constraints if kind == "UNIQUENESS"}
    for label in (
        "article",
        "person",
        "party",
        "alliance",
        "office",
        "organization",
        "claim",
        "quote",
    ):
        assert f"{label}_id" in unique
    assert ("entity_names", "FULLTEXT") in indexes
    assert expected_names() <= {name for name, _ in indexes}


def test_fulltext_index_finds_an_entity_by_alias(graph: Driver) -> None:
    graph.execute_query(
        "CREATE (:Entity:Party {id: 'p1', name: 'Bharatiya Janata Party', aliases: ['BJP']})"
    )
    records, _, _ = graph.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id",
        q="BJP",
    )
    assert [r["id"] for r in records] == ["p1"]
