"""Pure helpers of the read side: Lucene queries, JSON-safe values, graph export, analytics."""

from __future__ import annotations

import io
import math
from datetime import date

import networkx as nx

from graph_schema import ENTITY_LABELS, FACT_TYPES, EntityType, FactType
from queries import analytics, graph_export, graph_xml
from queries.read import lucene_query
from queries.values import to_json


def test_api_enums_match_the_graph_schema() -> None:
    assert {t.value for t in FactType} == {str(t) for t in FACT_TYPES}
    assert {t.value for t in EntityType} == {str(label) for label in ENTITY_LABELS}


def test_lucene_query_escapes_and_adds_fuzzy_and_prefix_terms() -> None:
    assert lucene_query("Karge") == "(karge^4 OR karge* OR karge~1)"
    assert lucene_query("janata-dal") == r"(janata\-dal^4 OR janata\-dal* OR janata\-dal~2)"
    assert lucene_query("!!! ???") is None
    # Syntax characters never reach Lucene unescaped; operator words become plain terms.
    assert lucene_query('x") OR (y:z') == "(x^4) OR (or^4) OR (y^4) OR (z^4)"
    assert lucene_query("AND NOT") == "(and^4 OR and*) OR (not^4 OR not*)"
    assert lucene_query("\\ ~^*?") is None


def test_to_json_handles_non_finite_floats_and_temporals() -> None:
    from neo4j.time import Date, DateTime, Duration

    assert to_json({"a": [math.nan, math.inf, 1.5]}) == {"a": [None, None, 1.5]}
    assert to_json(Date(2023, 12, 21)) == "2023-12-21"
    assert to_json(DateTime(2024, 1, 2, 3, 4, 5)).startswith("2024-01-02T03:04:05")
    assert to_json(Duration(days=1)) == "P1D"
    assert to_json(date(2024, 1, 1)) == "2024-01-01"
    assert to_json(b"\x00\x01") == "AAE="


NODES = [
    {"id": "p:a", "name": "A", "type": "Person", "distance": 0},
    {"id": "p:b", "name": "B", "type": "Person", "distance": 1},
]
EDGES = [
    {
        "id": "p:a|CRITICIZED|p:b",
        "source": "p:a",
        "target": "p:b",
        "type": "CRITICIZED",
        "claims": 2,
        "first_seen": "2024-01-01",
        "last_seen": "2024-02-01",
        "status": None,
    },
    {
        "id": "p:a|SUPPORTED|p:b",
        "source": "p:a",
        "target": "p:b",
        "type": "SUPPORTED",
        "claims": 1,
        "first_seen": "2024-03-01",
        "last_seen": "2024-03-01",
        "status": None,
    },
]


def test_every_format_keeps_parallel_edges_and_parses() -> None:
    graph = graph_export.to_networkx(NODES, EDGES, meta={"center": "p:a", "truncated": False})
    cyto = graph_export.to_cytoscape(graph)["elements"]
    assert [n["data"]["id"] for n in cyto["nodes"]] == ["p:a", "p:b"]
    assert {e["data"]["type"] for e in cyto["edges"]} == {"CRITICIZED", "SUPPORTED"}
    for text, reader in (
        (graph_xml.to_graphml(graph), nx.read_graphml),
        (graph_xml.to_gexf(graph), nx.read_gexf),
    ):
        parsed = reader(io.BytesIO(text.encode()))
        assert set(parsed.nodes) == {"p:a", "p:b"} and parsed.number_of_edges() == 2


def test_pagerank_matches_networkx_definition() -> None:
    graph = nx.DiGraph()
    graph.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1), ("c", "a", 1), ("a", "c", 1)])
    graph.add_node("d")  # dangling
    ranks = analytics.weighted_pagerank(graph)
    assert abs(sum(ranks.values()) - 1) < 1e-9
    assert ranks["a"] > ranks["d"] and ranks["c"] > ranks["d"]


def test_communities_are_repeatable() -> None:
    edges = [
        {
            "source": {"id": s, "name": s, "type": "Person"},
            "target": {"id": t, "name": t, "type": "Person"},
            "claims": 1,
        }
        for s, t in [
            ("a", "b"),
            ("b", "c"),
            ("c", "a"),
            ("x", "y"),
            ("y", "z"),
            ("z", "x"),
            ("c", "x"),
        ]
    ]
    graph = analytics.build_graph(edges)
    first, modularity = analytics.communities(graph)
    assert first == analytics.communities(graph)[0]
    assert sorted(c["size"] for c in first) == [3, 3] and modularity and modularity > 0
