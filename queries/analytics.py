"""Network measures over the projected fact subgraph, with networkx.

Neo4j Community has no Graph Data Science library, and the fact subgraph (entities and
their aggregated edges, not the evidence) is small next to the claims, so it is pulled
into memory once per request and measured here. Edge weights are claim counts. Results
are deterministic: fixed seeds, and ties broken by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx

Row = dict[str, Any]
SEED = 42
#: Above this many nodes betweenness is estimated from a seeded sample of pivots.
EXACT_BETWEENNESS_MAX_NODES = 2_000
BETWEENNESS_SAMPLE = 500


def build_graph(edges: Sequence[Row]) -> nx.DiGraph:
    """A weighted directed graph (parallel fact types between a pair add their claims)."""
    graph = nx.DiGraph()
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            graph.add_node(end["id"], name=end["name"], type=end["type"])
        s, t = edge["source"]["id"], edge["target"]["id"]
        weight = graph.edges[s, t]["weight"] if graph.has_edge(s, t) else 0
        graph.add_edge(s, t, weight=weight + edge["claims"])
    return graph


def _undirected(graph: nx.DiGraph) -> nx.Graph:
    """The undirected view with the weights of a->b and b->a added, not one of them dropped."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for s, t, weight in graph.edges(data="weight"):
        previous = out.edges[s, t]["weight"] if out.has_edge(s, t) else 0
        out.add_edge(s, t, weight=previous + weight)
    return out


def weighted_pagerank(
    graph: nx.DiGraph, *, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200
) -> dict[str, float]:
    """PageRank by power iteration, as `nx.pagerank` defines it (dangling nodes spread
    their rank evenly). Written out because `nx.pagerank` needs SciPy, which polikg does
    not otherwise depend on; the subgraph is small enough for plain Python."""
    nodes = list(graph)
    n = len(nodes)
    out_weight = {u: sum(w for _, _, w in graph.out_edges(u, data="weight")) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_weight[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, w in graph.edges(data="weight"):
            new[v] += alpha * rank[u] * w / out_weight[u]
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def centrality(graph: nx.DiGraph) -> tuple[list[Row], bool]:
    """Degree, PageRank and betweenness of every node, best PageRank first; the flag says
    whether betweenness was estimated from a sample."""
    if graph.number_of_nodes() == 0:
        return [], False
    undirected = _undirected(graph)
    pagerank = weighted_pagerank(graph)
    approximate = graph.number_of_nodes() > EXACT_BETWEENNESS_MAX_NODES
    betweenness = nx.betweenness_centrality(
        undirected, k=BETWEENNESS_SAMPLE if approximate else None, seed=SEED, normalized=True
    )
    rows = [
        {
            "entity": {"id": n, "name": data["name"], "type": data["type"]},
            "degree": undirected.degree(n),
            "pagerank": pagerank[n],
            "betweenness": betweenness[n],
        }
        for n, data in graph.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r["pagerank"], r["entity"]["id"]))
    return rows, approximate


def communities(graph: nx.DiGraph) -> tuple[list[Row], float | None]:
    """Louvain communities (fixed seed) of the undirected weighted graph, largest first,
    and the partition's modularity."""
    undirected = _undirected(graph)
    if undirected.number_of_edges() == 0:
        return [], None
    parts = nx.community.louvain_communities(undirected, weight="weight", seed=SEED)
    modularity = nx.community.modularity(undirected, parts, weight="weight")
    ordered = sorted((sorted(p) for p in parts), key=lambda ids: (-len(ids), ids[0]))
    rows = [
        {
            "id": index,
            "size": len(ids),
            "members": [
                {"id": n, "name": graph.nodes[n]["name"], "type": graph.nodes[n]["type"]}
                for n in ids
            ],
        }
        for index, ids in enumerate(ordered)
    ]
    return rows, modularity
