"""The graph formats on a hand-built ego network, without a database: the ring layout,
lowercase booleans, GEXF edge kinds on parallel edges, and no sigma-breaking `type`."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import networkx as nx

from queries import graph_export, graph_xml

NODES = [
    {"id": "a", "name": "A", "type": "Person", "distance": 0, "degree": 3, "hidden": 0},
    *(
        {"id": x, "name": x.upper(), "type": "Party", "distance": 1, "degree": 1, "hidden": 0}
        for x in ("b", "c", "d")
    ),
    {"id": "e", "name": "E", "type": "Person", "distance": 2, "degree": 1, "hidden": 1},
]
EDGES = [
    {
        "id": "a|CRITICIZED|b",
        "source": "a",
        "target": "b",
        "type": "CRITICIZED",
        "claims": 2,
        "first_seen": "2024-01-01",
        "last_seen": "2024-02-01",
    },
    {
        "id": "a|MEMBER_OF|b",
        "source": "a",
        "target": "b",
        "type": "MEMBER_OF",
        "claims": 1,
        "first_seen": "2024-01-01",
        "last_seen": "2024-01-01",
    },
    {
        "id": "b|ALLIED_WITH|c",
        "source": "b",
        "target": "c",
        "type": "ALLIED_WITH",
        "claims": 1,
        "first_seen": None,
        "last_seen": None,
    },
    {
        "id": "d|SUPPORTED|e",
        "source": "d",
        "target": "e",
        "type": "SUPPORTED",
        "claims": 1,
        "first_seen": "2024-03-01",
        "last_seen": "2024-03-01",
    },
]
GEXF = "{http://gexf.net/1.3}"


def graph() -> nx.MultiDiGraph:
    return graph_export.to_networkx(NODES, EDGES, meta={"center": "a", "truncated": False})


def test_layout_puts_the_center_in_the_middle_and_one_ring_per_hop() -> None:
    positions = graph_export.layout(graph())
    assert positions["a"] == (0.0, 0.0)
    radii = {n: round(math.hypot(*positions[n]), 1) for n in positions}
    assert radii["b"] == radii["c"] == radii["d"] < radii["e"]
    assert positions == graph_export.layout(graph())  # deterministic


def test_gexf_keeps_parallel_edges_apart_by_kind() -> None:
    root = ET.fromstring(graph_xml.to_gexf(graph()))
    body = root.find(f"{GEXF}graph")
    assert body is not None and "defaultedgetype" not in body.attrib  # Gephi: mixed
    edges = {e.get("id"): e for e in root.iter(f"{GEXF}edge")}
    assert edges["a|CRITICIZED|b"].get("kind") == "CRITICIZED"
    assert edges["a|MEMBER_OF|b"].get("kind") == "MEMBER_OF"
    assert edges["b|ALLIED_WITH|c"].get("type") == "undirected"
    assert "start" not in edges["b|ALLIED_WITH|c"].attrib  # no dates, no spell
    values = [v.get("value") for v in root.iter(f"{GEXF}attvalue") if v.get("for") == "directed"]
    assert set(values) == {"true", "false"}


def test_graphml_and_graphology_never_name_a_node_attribute_type() -> None:
    text = graph_xml.to_graphml(graph())
    assert 'attr.name="type"' not in text and "True" not in text and "False" not in text
    body = graph_export.to_graphology(graph())
    assert all("type" not in n["attributes"] for n in body["nodes"])
    assert [e["undirected"] for e in body["edges"]].count(True) == 1
