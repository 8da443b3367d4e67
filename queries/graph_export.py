"""Ego-network records -> a networkx graph -> the formats graph tools read.

One networkx MultiDiGraph in the middle (two entities can share several fact types) so
every format is derived from the same graph and the formats cannot drift apart: the JSON
ones here (Cytoscape.js elements, plain JSON, graphology) and the XML ones in
`queries.graph_xml` (GEXF 1.3, GraphML).

What every format says the same way, so a front end can draw it as is:
- ALLIED_WITH is symmetric (stored once, from the smaller id): `directed` is false on it.
- An edge's weight is its number of claims.
- Nodes carry a position from a concentric layout (`layout`): the center in the middle and
  one ring per hop, so sigma.js and Gephi can draw the file without a layout step.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

Row = dict[str, Any]

#: Media types of the XML formats.
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}
#: Fact types with no direction: the stored direction only orders the two ids.
UNDIRECTED_TYPES = frozenset({"ALLIED_WITH"})
#: Colours of node types and fact types (the same in /explore's stylesheet).
NODE_COLORS = {
    "Person": "#3b6ea5",
    "Party": "#e08a2e",
    "Alliance": "#8e5ea2",
    "Office": "#3d9a8b",
    "Organization": "#8c6d46",
}
EDGE_COLORS = {
    "CRITICIZED": "#d62728",
    "SUPPORTED": "#2ca02c",
    "ALLIED_WITH": "#8e5ea2",
    "MEMBER_OF": "#8a8f98",
    "HOLDS_OFFICE": "#3d9a8b",
}
DEFAULT_COLOR = "#777777"
#: Layout units: the first ring's radius and the least arc between two nodes of a ring.
RING_STEP = 100.0
NODE_GAP = 30.0


def to_networkx(
    nodes: Sequence[Row], edges: Sequence[Row], *, meta: Mapping[str, Any] | None = None
) -> nx.MultiDiGraph:
    """Nodes {id, name, type, distance, ...} and edges {id, source, target, type, claims, ...}
    as a graph; `meta` (center, truncated, message) becomes graph attributes."""
    graph = nx.MultiDiGraph(**{k: v for k, v in (meta or {}).items() if v is not None})
    for node in nodes:
        attrs = {k: v for k, v in node.items() if k not in {"id", "name"} and v is not None}
        graph.add_node(node["id"], label=node.get("name") or node["id"], **attrs)
    for edge in edges:
        attrs = {k: v for k, v in edge.items() if k not in {"source", "target"} and v is not None}
        attrs["directed"] = edge["type"] not in UNDIRECTED_TYPES
        graph.add_edge(edge["source"], edge["target"], key=edge["id"], **attrs)
    return graph


def edge_keys(graph: nx.MultiDiGraph) -> list[str]:
    """The edges' keys: their pair keys, which find their stored terms."""
    return [str(key) for _, _, key in graph.edges(keys=True)]


def add_term_spells(graph: nx.MultiDiGraph, terms: Mapping[str, Sequence[Row]]) -> None:
    """Give each edge whose key (its pair key) has terms (read.pair_terms) a `spells` list of
    (start, end) per term, oldest first: the dynamic GEXF draws an office, party or alliance
    only while a term lasts, not from its first to its last mention."""
    for _, _, key, data in graph.edges(keys=True, data=True):
        found = terms.get(key)
        if found:
            data["spells"] = [
                ((t.get("start") or {}).get("date"), (t.get("end") or {}).get("date"))
                for t in found
            ]


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Concentric positions: ring d holds the nodes d hops from the center, in the order
    the query ranked them (most claims first). Linear time and deterministic, where a
    force layout would cost seconds on 2000 nodes and move every node between calls; a
    ring's radius grows with its size so nodes keep NODE_GAP apart."""
    rings: dict[int, list[str]] = {}
    for node, data in graph.nodes(data=True):
        rings.setdefault(int(data.get("distance", 1)), []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    radius = 0.0
    for distance in sorted(rings):
        members = rings[distance]
        if distance == 0 and len(members) == 1:
            positions[members[0]] = (0.0, 0.0)
            continue
        radius = max(radius + RING_STEP, len(members) * NODE_GAP / (2 * math.pi))
        for i, node in enumerate(members):
            angle = 2 * math.pi * i / len(members) - math.pi / 2
            positions[node] = (
                round(radius * math.cos(angle), 2),
                round(radius * math.sin(angle), 2),
            )
    return positions


def node_size(data: Mapping[str, Any]) -> float:
    """A drawing size that grows with the node's degree (log scale, 4..20)."""
    return round(min(20.0, 4.0 + 3.0 * math.log1p(int(data.get("degree") or 0))), 2)


def to_plain(graph: nx.MultiDiGraph) -> Row:
    """{nodes: [{id, label, type, ...}], edges: [{id, source, target, type, directed, ...}]}."""
    return {
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [{"source": s, "target": t, **data} for s, t, data in graph.edges(data=True)],
    }


def to_cytoscape(graph: nx.MultiDiGraph) -> Row:
    """Cytoscape.js elements JSON: {"elements": {"nodes": [{"data": ...}], "edges": [...]}}."""
    plain = to_plain(graph)
    return {
        "elements": {
            "nodes": [{"data": n} for n in plain["nodes"]],
            "edges": [{"data": e} for e in plain["edges"]],
        }
    }


def to_graphology(graph: nx.MultiDiGraph) -> Row:
    """graphology's serialized graph (`Graph.from(body)` / `graph.import(body)`), ready for
    sigma.js 3: x, y, size, color and label on every node; the entity type as `category`
    because sigma reads a node's `type` as the name of its renderer; undirected ALLIED_WITH
    edges in a mixed multigraph."""
    positions = layout(graph)
    nodes = []
    for node, data in graph.nodes(data=True):
        x, y = positions[node]
        attrs = {k: v for k, v in data.items() if k != "type"}
        nodes.append(
            {
                "key": node,
                "attributes": {
                    **attrs,
                    "category": data.get("type"),
                    "x": x,
                    "y": y,
                    "size": node_size(data),
                    "color": NODE_COLORS.get(str(data.get("type")), DEFAULT_COLOR),
                },
            }
        )
    edges = []
    for s, t, key, data in graph.edges(keys=True, data=True):
        attrs = {k: v for k, v in data.items() if k not in {"id", "type", "directed"}}
        edges.append(
            {
                "key": key,
                "source": s,
                "target": t,
                "undirected": not data["directed"],
                "attributes": {
                    **attrs,
                    "kind": data["type"],
                    "label": data["type"],
                    "weight": data.get("claims", 1),
                    "size": round(1 + math.log1p(data.get("claims", 1)), 2),
                    "color": EDGE_COLORS.get(data["type"], DEFAULT_COLOR),
                },
            }
        )
    return {
        "attributes": {k: v for k, v in graph.graph.items() if v is not None},
        "options": {"type": "mixed", "multi": True, "allowSelfLoops": False},
        "nodes": nodes,
        "edges": edges,
    }
