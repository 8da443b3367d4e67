"""Neo4j values -> plain JSON-safe Python values, in one place.

Typed reads hand their rows to pydantic models, which parse ISO strings back into dates;
the power-user `/cypher` endpoint returns whatever a query yields, so every driver type
(temporal, spatial, graph) needs a JSON shape here or the response would fail to encode.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time


def to_json(value: Any) -> Any:
    """A JSON-encodable copy of `value`: temporals as ISO 8601 strings, nodes and
    relationships as dicts, NaN and infinities as null (JSON has no spelling for them).

    Every read row passes through here, thousands of values a page, so the plain types
    a query returns (str, int, dict, list) are recognised by their exact type first: an
    `isinstance` against the ABCs below costs several times more, and took more time than
    decoding the row off the wire."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): to_json(v) for k, v in value.items()}
    if kind is list:
        return [to_json(v) for v in value]
    exact = _EXACT.get(kind)
    if exact is not None:
        return exact(value)
    return _general(value)


def _general(value: Any) -> Any:
    """to_json for everything but the exact plain types: subclasses, driver types, sets."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return _finite(value)
    for kinds, convert in _CONVERTERS:  # before the containers: a Point is a tuple
        if isinstance(value, kinds):
            return convert(value)
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(v) for v in value]
    return str(value)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def node_json(node: Node) -> dict[str, Any]:
    return {
        "id": node.element_id,
        "labels": sorted(node.labels),
        "properties": to_json(dict(node.items())),
    }


def relationship_json(rel: Relationship) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {
        "id": rel.element_id,
        "type": rel.type,
        "start": start.element_id if start is not None else None,
        "end": end.element_id if end is not None else None,
        "properties": to_json(dict(rel.items())),
    }


def path_json(path: Path) -> dict[str, Any]:
    return {
        "nodes": [node_json(n) for n in path.nodes],
        "relationships": [relationship_json(r) for r in path.relationships],
    }


def point_json(point: Point) -> dict[str, Any]:
    return {"srid": point.srid, "coordinates": [to_json(c) for c in point]}


#: The driver's own types and Python's temporals, each with its JSON shape, in the order
#: `to_json` tries them.
_CONVERTERS: tuple[tuple[type | tuple[type, ...], Callable[[Any], Any]], ...] = (
    ((Date, DateTime, Time), lambda v: v.iso_format()),
    (Duration, lambda v: str(v.iso_format())),
    ((date, datetime, time), lambda v: v.isoformat()),
    (timedelta, lambda v: str(v.total_seconds())),
    (Node, node_json),
    (Relationship, relationship_json),
    (Path, path_json),
    (Point, point_json),
    ((bytes, bytearray), lambda v: base64.b64encode(bytes(v)).decode("ascii")),
)
#: The types rows are made of, by exact type: one dict lookup instead of the isinstance
#: chain (subclasses still take `_general`).
_EXACT: dict[type, Callable[[Any], Any]] = {
    float: _finite,
    Date: lambda v: v.iso_format(),
    DateTime: lambda v: v.iso_format(),
    date: lambda v: v.isoformat(),
    tuple: lambda v: [to_json(x) for x in v],
}


def nesting_depth(value: Any, *, limit: int) -> int:
    """How deeply lists and maps nest in `value`, counted without recursion and without
    looking further than `limit + 1` levels (so a 3,000-deep value costs nothing extra)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        if isinstance(item, Mapping):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list | tuple):
            stack.extend((v, depth + 1) for v in item)
    return deepest
