"""The ego network of an entity, as Cytoscape.js JSON, plain JSON, GraphML or GEXF.

Over `max_nodes` the answer keeps the nodes closest to the center (and, within a ring, the
most strongly linked) and says so: `truncated` and `message` in the JSON formats, graph
attributes and the `X-Polikg-Truncated` header in the XML ones. We cut rather than refuse
(422) because a hub's neighbourhood is always large and the closest part is what a viewer
wants first; asking again with a larger max_nodes (up to 2000) gets more.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from app.deps import DateWindowDep, ReaderDep
from app.errors import NotFoundError
from app.routes.common import NOT_FOUND, READ_ERRORS
from app.schemas import FactType
from app.schemas_graph import CytoscapeOut, GraphOut
from queries import graph_export, read

router = APIRouter(tags=["network"], responses=READ_ERRORS)

MAX_NODES = 2000
_XML: dict[str, Any] = {"description": "format=graphml or gexf: the graph as XML text",
        "content": {media: {"schema": {"type": "string"}}
                    for media in graph_export.MEDIA_TYPES.values()}}


@router.get("/network", response_model=CytoscapeOut | GraphOut,
            responses={**NOT_FOUND, 200: _XML})
def ego_network(
    reader: ReaderDep, window: DateWindowDep,
    center: Annotated[str, Query(min_length=1, max_length=300,
                                 examples=["person:jagdeep-dhankhar"])],
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the center")] = 1,
    types: Annotated[list[FactType] | None, Query(description="fact types (default all)")]
    = None,
    format: Annotated[Literal["cytoscape", "graph", "graphml", "gexf"], Query()] = "cytoscape",
    max_nodes: Annotated[int, Query(ge=1, le=MAX_NODES, description="node cap (closest kept)")]
    = 200,
) -> Any:
    """The entities within `depth` fact edges of `center` and the edges among them."""
    found = read.ego_network(reader, center, depth=depth, types=types, since=window.since,
                             until=window.until, max_nodes=max_nodes)
    if found is None:
        raise NotFoundError("entity", center)
    truncated = found["total_nodes"] > max_nodes
    meta = {"center": center, "total_nodes": found["total_nodes"], "truncated": truncated,
            "message": (f"{found['total_nodes']} entities are within {depth} hops; the "
                        f"{max_nodes} closest are shown (raise max_nodes, lower depth or "
                        "narrow types/dates for the rest)") if truncated else None}
    graph = graph_export.to_networkx(found["nodes"], found["edges"], meta=meta)
    if format == "cytoscape":
        return {**graph_export.to_cytoscape(graph), "data": meta}
    if format == "graph":
        return {**graph_export.to_plain(graph), **meta}
    text = (graph_export.to_graphml if format == "graphml" else graph_export.to_gexf)(graph)
    return Response(text, media_type=graph_export.MEDIA_TYPES[format],
                    headers={"X-Polikg-Truncated": str(truncated).lower()})
