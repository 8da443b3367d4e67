"""Ego-network records -> a networkx graph -> the formats graph tools read.

One networkx MultiDiGraph in the middle (two entities can share several fact types) so
every format is written by a maintained writer (GraphML, GEXF) or derived from the same
graph (Cytoscape.js elements, plain JSON) and the formats cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

Row = dict[str, Any]

#: Media types of the XML formats.
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def to_networkx(nodes: Sequence[Row], edges: Sequence[Row], *,
                meta: Mapping[str, Any] | None = None) -> nx.MultiDiGraph:
    """Nodes {id, name, type, ...} and edges {id, source, target, type, ...} as a graph;
    `meta` (center, truncated, message) becomes graph attributes."""
    graph = nx.MultiDiGraph(**{k: v for k, v in (meta or {}).items() if v is not None})
    for node in nodes:
        attrs = {k: v for k, v in node.items() if k not in {"id", "name"} and v is not None}
        graph.add_node(node["id"], label=node.get("name") or node["id"], **attrs)
    for edge in edges:
        attrs = {k: v for k, v in edge.items() if k not in {"source", "target"} and v is not None}
        graph.add_edge(edge["source"], edge["target"], key=edge["id"], **attrs)
    return graph


def to_plain(graph: nx.MultiDiGraph) -> Row:
    """{nodes: [{id, label, type, ...}], edges: [{id, source, target, type, ...}]}."""
    return {
        "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
        "edges": [{"source": s, "target": t, **data}
                  for s, t, data in graph.edges(data=True)],
    }


def to_cytoscape(graph: nx.MultiDiGraph) -> Row:
    """Cytoscape.js elements JSON: {"elements": {"nodes": [{"data": ...}], "edges": [...]}}."""
    plain = to_plain(graph)
    return {"elements": {"nodes": [{"data": n} for n in plain["nodes"]],
                         "edges": [{"data": e} for e in plain["edges"]]}}


def _xml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy the XML writers accept: scalar attributes only, and the relationship type
    moved to `relation`/`label` because GEXF reserves an edge's `type` for its direction."""
    out = nx.MultiDiGraph(**{k: _scalar(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for s, t, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "type"}
        attrs.update(relation=data.get("type"), label=data.get("type"))
        out.add_edge(s, t, key=key, **{k: v for k, v in attrs.items() if v is not None})
    return out


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def to_graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_xml_ready(graph)))


def to_gexf(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_gexf(_xml_ready(graph)))
