"""`entities merge` and `entities rename`: corrections that are safe to repeat."""

from __future__ import annotations

import pytest
from neo4j import Driver

from loaders.contract import Extraction
from loaders.curate import EntityNotFoundError, merge_entities, rename_entity
from loaders.ingest import ingest_extractions
from tests.integration.graph_checks import aggregated_edges_agree_with_claims


def _two_articles() -> list[Extraction]:
    def art(aid: str, name: str) -> Extraction:
        return Extraction.model_validate(
            {
                "article": {
                    "id": aid,
                    "text": f"{name} attacked the Civic Party.",
                    "published": "2024-01-0" + aid[-1],
                },
                "entities": [
                    {"id": "a", "name": name, "type": "Person"},
                    {"id": "b", "name": "Civic Party", "type": "Party"},
                ],
                "relations": [{"type": "CRITICIZED", "subject": "a", "object": "b"}],
                "extractor_version": "test",
            }
        )

    return [art("m1", "Ana Velo"), art("m2", "Anna Veloso-Ruiz")]


def test_merge_moves_everything_and_is_safe_to_repeat(graph: Driver) -> None:
    ingest_extractions(graph, _two_articles())
    keep, drop = "person:ana-velo", "person:anna-veloso-ruiz"
    first = merge_entities(graph, keep, drop)
    again = merge_entities(graph, keep, drop)
    assert not first.already_merged and again.already_merged
    records, _, _ = graph.execute_query(
        "MATCH (p:Person {id: $id})-[e:CRITICIZED]->(:Party) "
        "RETURN p.aliases AS aliases, e.claims AS claims, "
        "size([(p)-[:MENTIONED_IN]->(a) | a]) AS articles",
        id=keep,
    )
    assert records[0]["claims"] == 2 and records[0]["articles"] == 2
    assert "Anna Veloso-Ruiz" in records[0]["aliases"]
    assert aggregated_edges_agree_with_claims(graph) == []
    stored, _, _ = graph.execute_query(  # time aggregates recomputed, none left on `drop`
        "MATCH (:Person {id: $id})-[e:CRITICIZED]->(:Party) RETURN e.day_claims AS days, "
        "COUNT { (n:Term|Turn) WHERE n.pair CONTAINS $drop } AS stale",
        id=keep,
        drop=drop,
    )
    assert (stored[0]["days"], stored[0]["stale"]) == ([1, 1], 0)
    with pytest.raises(EntityNotFoundError):
        merge_entities(graph, keep, "person:nobody")


def test_rename_locks_the_name_against_later_ingests(graph: Driver) -> None:
    docs = _two_articles()
    ingest_extractions(graph, docs[:1])
    assert rename_entity(graph, "person:ana-velo", "Ana María Velo") == "Ana María Velo"
    assert rename_entity(graph, "person:ana-velo", "Ana María Velo") == "Ana María Velo"
    changed = docs[0].model_copy(deep=True)
    changed.article.text += " More."
    ingest_extractions(graph, [changed])
    records, _, _ = graph.execute_query("MATCH (p:Person) RETURN p.name AS name")
    assert [r["name"] for r in records] == ["Ana María Velo"]
    with pytest.raises(EntityNotFoundError):
        rename_entity(graph, "person:nobody", "X")
