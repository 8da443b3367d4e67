"""The ego network of an entity (Cytoscape.js JSON, plain JSON, graphology JSON, GraphML or
GEXF 1.3), and the claims behind one of its edges (GET /edges/{id}).

Over `max_nodes` the answer keeps the nodes closest to the center (and, within a ring, the
most strongly linked) and says so: `truncated` and `message` in the JSON formats, graph
attributes and the `X-Polikg-Truncated` header in every format. We cut rather than refuse
(422) because a hub's neighbourhood is always large and the closest part is what a viewer
wants first; asking again with a larger max_nodes (up to 2000) gets more.

Every node carries expansion hints (degree, hidden = neighbours not drawn) and every edge an
id that GET /edges/{id} resolves to its claims, so a front end needs no glue of its own.
Answers carry a weak ETag: a client that sends it back in If-None-Match gets a 304.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from app.deps import DateWindowDep, PageDep, ReaderDep
from app.errors import NotFoundError
from app.routes.common import NOT_FOUND, READ_ERRORS, answer, page_of
from app.schemas_evidence import EdgeEvidenceOut
from app.schemas_graph import CytoscapeOut, GraphOut
from graph_schema import UNDIRECTED_TYPES, FactType
from queries import graph_export, graph_xml, read

router = APIRouter(tags=["network"], responses=READ_ERRORS)

MAX_NODES = 2000
_XML: dict[str, Any] = {
    "description": "format=graphml or gexf: the graph as XML text; "
    "format=graphology: graphology's serialized graph with x/y for sigma.js",
    "content": {
        media: {"schema": {"type": "string"}} for media in graph_export.MEDIA_TYPES.values()
    },
    "headers": {
        "X-Polikg-Truncated": {
            "description": "true when max_nodes cut the graph",
            "schema": {"type": "string"},
        },
        "ETag": {"description": "weak validator of the body", "schema": {"type": "string"}},
    },
}
#: An edge id as /network returns it: subject|TYPE|object.
_EDGE_ID = re.compile(r"^(?P<source>.+?)\|(?P<type>[A-Z_]+)\|(?P<target>.+)$")
DEFAULT_CONTEXT = 400


@router.get(
    "/network",
    response_model=CytoscapeOut | GraphOut,
    responses={**NOT_FOUND, 200: _XML, 304: {"description": "If-None-Match matched"}},
)
def ego_network(
    request: Request,
    reader: ReaderDep,
    window: DateWindowDep,
    center: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            examples=["person:mallikarjun-kharge"],
            description="an entity id, as GET /entities?q= finds it",
        ),
    ],
    depth: Annotated[int, Query(ge=1, le=3, description="hops from the center")] = 1,
    types: Annotated[list[FactType] | None, Query(description="fact types (default all)")] = None,
    format: Annotated[
        Literal["cytoscape", "graph", "graphology", "graphml", "gexf"],
        Query(
            description="cytoscape: Cytoscape.js elements; graph: plain JSON; graphology: "
            "sigma.js-ready JSON with positions; graphml; gexf (1.3, for Gephi)"
        ),
    ] = "cytoscape",
    max_nodes: Annotated[
        int, Query(ge=1, le=MAX_NODES, description="node cap (closest kept)")
    ] = 200,
) -> Response:
    """The entities within `depth` fact edges of `center` and the edges among them."""
    found = read.ego_network(
        reader,
        center,
        depth=depth,
        types=types,
        since=window.since,
        until=window.until,
        max_nodes=max_nodes,
    )
    if found is None:
        raise NotFoundError("entity", center)
    truncated = found["total_nodes"] > max_nodes
    meta = {
        "center": center,
        "total_nodes": found["total_nodes"],
        "truncated": truncated,
        "message": (
            f"{found['total_nodes']} entities are within {depth} hops; the "
            f"{max_nodes} closest are shown (raise max_nodes, lower depth or "
            "narrow types/dates for the rest)"
        )
        if truncated
        else None,
    }
    graph = graph_export.to_networkx(found["nodes"], found["edges"], meta=meta)
    if format == "gexf":  # dynamic: the ties that have terms live only while a term lasts
        graph_export.add_term_spells(
            graph, read.pair_terms(reader, list(graph_export.edge_keys(graph)))
        )
    if format in ("graphml", "gexf"):
        writer = graph_xml.to_graphml if format == "graphml" else graph_xml.to_gexf
        body, media = writer(graph).encode(), graph_export.MEDIA_TYPES[format]
    else:
        if format == "cytoscape":
            payload = {**graph_export.to_cytoscape(graph), "data": meta}
        elif format == "graph":
            payload = {**graph_export.to_plain(graph), **meta}
        else:
            payload = graph_export.to_graphology(graph)
        body, media = json.dumps(payload, separators=(",", ":")).encode(), "application/json"
    return _cached(request, body, media, {"X-Polikg-Truncated": str(truncated).lower()})


def _cached(request: Request, body: bytes, media_type: str, headers: dict[str, str]) -> Response:
    """The body with a weak ETag (a hash of it: cheap next to the query), or a bodiless 304
    when the client already holds it. Weak, because GZipMiddleware re-encodes the bytes."""
    etag = 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers = {**headers, "ETag": etag, "Cache-Control": "no-cache"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


@router.get("/edges/{edge_id}", response_model=EdgeEvidenceOut, responses=NOT_FOUND)
def edge_evidence(
    reader: ReaderDep,
    page: PageDep,
    window: DateWindowDep,
    edge_id: Annotated[
        str,
        Path(
            min_length=5,
            max_length=700,
            description="an edge id from /network: "
            "subject|TYPE|object (URL-encode the bars as %7C)",
            examples=["person:mallikarjun-kharge|MEMBER_OF|party:indian-national-congress"],
        ),
    ],
    context: Annotated[
        int,
        Query(
            ge=0,
            le=1_000_000,
            description="characters of article text kept each side of the sentence",
        ),
    ] = DEFAULT_CONTEXT,
) -> Response:
    """The claims behind one network edge, each with its sentence in its article's text."""
    match = _EDGE_ID.match(edge_id)
    if match is None or match["type"] not in FactType.__members__:
        raise NotFoundError("edge", edge_id)
    found = read.edge_evidence(
        reader,
        match["source"],
        match["type"],
        match["target"],
        since=window.since,
        until=window.until,
        context=context,
        limit=page.limit + 1,
        offset=page.offset,
    )
    if found is None:
        raise NotFoundError("edge", edge_id)
    edge = {**found["edge"], "directed": match["type"] not in UNDIRECTED_TYPES}
    return answer(EdgeEvidenceOut.model_validate({**page_of(found["claims"], page), "edge": edge}))
