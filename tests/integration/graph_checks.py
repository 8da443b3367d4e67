"""Assertions about the whole graph, shared by the ingest tests."""

from __future__ import annotations

from typing import Any

from neo4j import Driver


def snapshot(driver: Driver) -> dict[str, Any]:
    """Every node id per label and every relationship as (start id, type, end id, props)."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.id AS id ORDER BY id"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, "
        "properties(r) AS p ORDER BY a, t, b"
    )
    return {
        "nodes": sorted((sorted(r["labels"]), r["id"]) for r in nodes),
        "rels": sorted((r["a"], r["t"], r["b"], sorted(r["p"].items())) for r in rels),
    }


def aggregated_edges_agree_with_claims(driver: Driver) -> list[str]:
    """Problems where an aggregated edge and its claims disagree (empty list = consistent)."""
    records, _, _ = driver.execute_query("""
        MATCH (s)-[e:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->(o)
        OPTIONAL MATCH (s)<-[:SUBJECT]-(c:Claim {type: type(e)})-[:OBJECT]->(o)
        WITH s, e, o, count(c) AS n, min(c.date) AS first, max(c.date) AS last
        WHERE n <> e.claims OR first <> e.first_seen OR last <> e.last_seen
        RETURN s.id + ' ' + type(e) + ' ' + o.id AS problem""")
    orphans, _, _ = driver.execute_query("""
        MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o)
        WHERE NOT (s)-[:$(c.type)]->(o)
        RETURN s.id + ' ' + c.type + ' ' + o.id + ' has no edge' AS problem""")
    return [r["problem"] for r in [*records, *orphans]]
