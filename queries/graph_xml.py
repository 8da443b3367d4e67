"""The ego network as GEXF 1.3 (Gephi, graphology-gexf) and GraphML (yEd, graphology-graphml,
igraph), written here rather than by networkx's writers, because those wrote what the tools
then misread (issue 11): GEXF 1.2 with `networkx_key`, no `kind` (Gephi merged parallel edges
of different types), weight 1.0, dates as strings (no timeline) and `<graph name="">`;
GraphML with `True`/`False` and no weight.

Both formats say the same things:
- the entity type as `category`, never `type`: sigma.js reads a node's `type` as the name
  of its renderer and stops ("could not find a suitable program for node type").
- position (x, y), size and colour per node, from `graph_export.layout`, so a viewer can
  draw the file without running a layout first.
- weight = claims; the relation type as the edge's `kind` (GEXF) and `label`.
- ALLIED_WITH undirected in the format's own way (GEXF `type="undirected"` in a graph then
  without a default edge type, which Gephi reads as mixed; GraphML
  `directed="false"` in a directed graph). networkx refuses such mixed graphs; a networkx
  user asks for the other types (`types=`), or reads format=graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import networkx as nx

from queries.graph_export import (
    DEFAULT_COLOR,
    EDGE_COLORS,
    NODE_COLORS,
    layout,
    node_size,
)

GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: (name, GEXF type, GraphML type) of the node and edge attributes.
NODE_ATTRS = (
    ("category", "string", "string"),
    ("distance", "integer", "int"),
    ("degree", "integer", "int"),
    ("hidden", "integer", "int"),
)
EDGE_ATTRS = (
    ("claims", "integer", "int"),
    # strings: GEXF 1.3's attrtype-type has no date type (its XSD lists none, networkx refuses
    # one); the typed time in GEXF is the graph's timeformat="date" on the spells.
    ("first_seen", "string", "string"),
    ("last_seen", "string", "string"),
    ("confidence", "double", "double"),
    ("status", "string", "string"),
    ("directed", "boolean", "boolean"),
)
GRAPH_ATTRS = (
    ("center", "string"),
    ("total_nodes", "int"),
    ("truncated", "boolean"),
    ("message", "string"),
)


def _text(value: Any) -> str:
    """XML Schema lexical forms: lowercase booleans, ISO dates, plain numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _rgb(color: str) -> dict[str, str]:
    return {
        "r": str(int(color[1:3], 16)),
        "g": str(int(color[3:5], 16)),
        "b": str(int(color[5:7], 16)),
    }


def _node_attrs(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "category": data.get("type"),
        "distance": data.get("distance"),
        "degree": data.get("degree"),
        "hidden": data.get("hidden"),
    }


def _xml(root: Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode")


def _declare(parent: Element, tag_class: str, attrs: Iterable[tuple[str, str, str]]) -> None:
    block = SubElement(parent, "attributes", {"class": tag_class, "mode": "static"})
    for name, gexf_type, _ in attrs:
        SubElement(block, "attribute", id=name, title=name, type=gexf_type)


def _attvalues(parent: Element, values: dict[str, Any]) -> None:
    present = {k: v for k, v in values.items() if v is not None}
    if present:
        block = SubElement(parent, "attvalues")
        for name, value in present.items():
            SubElement(block, "attvalue", {"for": name, "value": _text(value)})


def _gexf_description(graph: nx.MultiDiGraph) -> str:
    meta = graph.graph
    text = (
        f"polikg ego network of {meta.get('center')}: {graph.number_of_nodes()} of "
        f"{meta.get('total_nodes', graph.number_of_nodes())} entities"
    )
    return text + (f" ({meta['message']})" if meta.get("message") else "")


def _default_edge_type(graph: nx.MultiDiGraph) -> dict[str, str]:
    """No default when both kinds occur: Gephi ignores an undirected edge in a graph whose
    default is directed ("Edge type doesn't fit with default set") and calls "mixed"
    unrecognised, but reads a graph without a default as mixed; every edge states its type."""
    kinds = {bool(d["directed"]) for _, _, d in graph.edges(data=True)}
    if len(kinds) == 2:
        return {}
    return {"defaultedgetype": "undirected" if kinds == {False} else "directed"}


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF 1.3: a dynamic graph (timeformat date; an edge with terms has one spell per term,
    see graph_export.add_term_spells, any other edge lives from first to last seen) whose
    edges have `kind` = relation type, `weight` = claims and date-typed first/last seen."""
    root = Element(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:viz": GEXF_VIZ,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    meta = SubElement(root, "meta", lastmodifieddate=dt.date.today().isoformat())
    SubElement(meta, "creator").text = "polikg"
    SubElement(meta, "description").text = _gexf_description(graph)
    dynamic = any(d.get("first_seen") or d.get("spells") for _, _, d in graph.edges(data=True))
    body = SubElement(
        root,
        "graph",
        {
            **_default_edge_type(graph),
            "mode": "dynamic" if dynamic else "static",
            **({"timeformat": "date"} if dynamic else {}),
        },
    )
    _declare(body, "node", NODE_ATTRS)
    _declare(body, "edge", EDGE_ATTRS)
    positions = layout(graph)
    nodes = SubElement(body, "nodes")
    for node, data in graph.nodes(data=True):
        el = SubElement(nodes, "node", id=str(node), label=str(data.get("label", node)))
        _attvalues(el, _node_attrs(data))
        x, y = positions[node]
        SubElement(el, "viz:color", _rgb(NODE_COLORS.get(str(data.get("type")), DEFAULT_COLOR)))
        SubElement(el, "viz:position", x=_text(x), y=_text(y), z="0.0")
        SubElement(el, "viz:size", value=_text(node_size(data)))
    edges = SubElement(body, "edges")
    for s, t, key, data in graph.edges(keys=True, data=True):
        spell = {
            k: _text(data[f])
            for k, f in (("start", "first_seen"), ("end", "last_seen"))
            if data.get(f) and not data.get("spells")
        }
        el = SubElement(
            edges,
            "edge",
            {
                "id": str(key),
                "source": str(s),
                "target": str(t),
                "type": "directed" if data["directed"] else "undirected",
                "kind": data["type"],
                "label": data["type"],
                "weight": _text(float(data.get("claims", 1))),
                **spell,
            },
        )
        _attvalues(el, {name: data.get(name) for name, _, _ in EDGE_ATTRS})
        _spells(el, data.get("spells") or [])
        SubElement(el, "viz:color", _rgb(EDGE_COLORS.get(data["type"], DEFAULT_COLOR)))
    return _xml(root)


def _spells(parent: Element, spells: Iterable[tuple[Any, Any]]) -> None:
    """One spell per term; GEXF 1.3 spells include both bounds (1.3 dropped `startopen` and
    `endopen`), as a term's start and end days are days in office. A missing bound leaves that
    side open: a term known only from a `former` claim has no start, one still open no end."""
    block: Element | None = None
    for start, end in spells:
        block = block if block is not None else SubElement(parent, "spells")
        bounds = {k: _text(v) for k, v in (("start", start), ("end", end)) if v is not None}
        SubElement(block, "spell", bounds)


def _graphml_keys(root: Element) -> None:
    for name, graphml_type in GRAPH_ATTRS:
        SubElement(
            root,
            "key",
            {"id": f"g_{name}", "for": "graph", "attr.name": name, "attr.type": graphml_type},
        )
    node_keys = [
        ("label", "string"),
        *((n, g) for n, _, g in NODE_ATTRS),
        ("x", "double"),
        ("y", "double"),
        ("size", "double"),
        ("color", "string"),
    ]
    for name, graphml_type in node_keys:
        SubElement(
            root,
            "key",
            {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": graphml_type},
        )
    edge_keys = [
        ("label", "string"),
        ("relation", "string"),
        ("weight", "double"),
        *((n, g) for n, _, g in EDGE_ATTRS),
        ("color", "string"),
    ]
    for name, graphml_type in edge_keys:
        SubElement(
            root,
            "key",
            {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": graphml_type},
        )


def _data(parent: Element, prefix: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is not None:
            SubElement(parent, "data", key=f"{prefix}_{name}").text = _text(value)


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML with typed keys (lowercase booleans, weight = claims, x/y/size/color)."""
    root = Element(
        "graphml",
        {
            "xmlns": GRAPHML_NS,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd",
        },
    )
    _graphml_keys(root)
    body = SubElement(root, "graph", id="G", edgedefault="directed")
    _data(body, "g", {name: graph.graph.get(name) for name, _ in GRAPH_ATTRS})
    positions = layout(graph)
    for node, data in graph.nodes(data=True):
        el = SubElement(body, "node", id=str(node))
        x, y = positions[node]
        _data(
            el,
            "n",
            {
                "label": data.get("label"),
                **_node_attrs(data),
                "x": x,
                "y": y,
                "size": node_size(data),
                "color": NODE_COLORS.get(str(data.get("type")), DEFAULT_COLOR),
            },
        )
    for s, t, key, data in graph.edges(keys=True, data=True):
        el = SubElement(
            body,
            "edge",
            {
                "id": str(key),
                "source": str(s),
                "target": str(t),
                **({} if data["directed"] else {"directed": "false"}),
            },
        )
        _data(
            el,
            "e",
            {
                "label": data["type"],
                "relation": data["type"],
                "weight": float(data.get("claims", 1)),
                **{name: data.get(name) for name, _, _ in EDGE_ATTRS},
                "color": EDGE_COLORS.get(data["type"], DEFAULT_COLOR),
            },
        )
    return _xml(root)
