"""Analytics: centrality and communities of the fact subgraph, computed with networkx."""

from __future__ import annotations

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Query, Response

from app.deps import DateWindowDep, PageDep, ReaderDep, SettingsDep
from app.routes.common import READ_ERRORS, answer, page_of
from app.schemas_graph import CentralityPage, CommunitiesPage
from graph_schema import FactType
from queries import analytics, read

router = APIRouter(tags=["analytics"], responses=READ_ERRORS)

Types = Annotated[list[FactType] | None, Query(description="fact types (default all)")]


def _projection(
    reader: ReaderDep, settings: SettingsDep, window: DateWindowDep, types: list[FactType] | None
) -> tuple[nx.DiGraph, dict[str, object]]:
    """The fact subgraph as networkx, and the size fields every analytics answer carries."""
    edges = read.project_subgraph(
        reader,
        types=types,
        since=window.since,
        until=window.until,
        max_edges=settings.analytics_max_edges,
    )
    graph = analytics.build_graph(edges)
    return graph, {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "truncated": len(edges) >= settings.analytics_max_edges,
    }


@router.get("/analytics/centrality", response_model=CentralityPage)
def centrality(
    reader: ReaderDep,
    settings: SettingsDep,
    page: PageDep,
    window: DateWindowDep,
    types: Types = None,
) -> Response:
    """Degree, PageRank and betweenness of the entities, highest PageRank first."""
    graph, sizes = _projection(reader, settings, window, types)
    rows, approximate = analytics.centrality(graph)
    window_rows = rows[page.offset : page.offset + page.limit + 1]
    return answer(
        CentralityPage.model_validate(
            {**page_of(window_rows, page), **sizes, "approximate": approximate}
        )
    )


@router.get("/analytics/communities", response_model=CommunitiesPage)
def communities(
    reader: ReaderDep,
    settings: SettingsDep,
    page: PageDep,
    window: DateWindowDep,
    types: Types = None,
) -> Response:
    """Louvain communities (fixed seed, claims as weights), largest first."""
    graph, sizes = _projection(reader, settings, window, types)
    groups, modularity = analytics.communities(graph)
    window_rows = groups[page.offset : page.offset + page.limit + 1]
    return answer(
        CommunitiesPage.model_validate(
            {
                **page_of(window_rows, page),
                **sizes,
                "modularity": modularity,
                "seed": analytics.SEED,
            }
        )
    )
