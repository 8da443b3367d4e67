"""GET /network in every format (parsed with real parsers) and GET /analytics/*."""

from __future__ import annotations

import io

import networkx as nx
from fastapi.testclient import TestClient

from tests.integration.api_support import (
    CHIDAMBARAM,
    CONGRESS,
    DHANKHAR,
    KHARGE,
    MODI,
    MURMU,
    get_all,
    ids,
)


def network(client: TestClient, **params: object) -> dict:
    response = client.get("/network", params={"center": DHANKHAR, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_cytoscape_elements_reference_existing_nodes(client: TestClient) -> None:
    body = network(client, depth=2)
    nodes = [n["data"] for n in body["elements"]["nodes"]]
    node_ids = {n["id"] for n in nodes}
    assert len(node_ids) == len(nodes) and {DHANKHAR, MURMU, MODI, CHIDAMBARAM} <= node_ids
    assert all(n["label"] and n["type"] for n in nodes)
    edges = [e["data"] for e in body["elements"]["edges"]]
    assert edges and all({e["source"], e["target"]} <= node_ids for e in edges)
    assert len({e["id"] for e in edges}) == len(edges)
    assert body["data"]["truncated"] is False and body["data"]["center"] == DHANKHAR


def test_depth_grows_the_ring(client: TestClient) -> None:
    one = network(client, format="graph", depth=1)
    two = network(client, format="graph", depth=2)
    assert {n["distance"] for n in one["nodes"]} == {0, 1}
    assert set(ids(one["nodes"])) < set(ids(two["nodes"]))
    assert KHARGE in ids(one["nodes"])  # Kharge criticised Dhankhar (dev-004)


def test_graphml_parses_with_networkx(client: TestClient) -> None:
    response = client.get("/network", params={"center": DHANKHAR, "format": "graphml"})
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content))
    plain = network(client, format="graph")
    assert set(graph.nodes) == set(ids(plain["nodes"]))
    assert graph.number_of_edges() == len(plain["edges"])
    assert graph.nodes[MURMU]["label"] == "Droupadi Murmu"
    assert {d["relation"] for _, _, d in graph.edges(data=True)} >= {"SUPPORTED", "CRITICIZED"}


def test_gexf_parses_with_networkx(client: TestClient) -> None:
    response = client.get("/network", params={"center": DHANKHAR, "format": "gexf"})
    assert response.headers["content-type"].startswith("application/gexf+xml")
    graph = nx.read_gexf(io.BytesIO(response.content))
    plain = network(client, format="graph")
    assert set(graph.nodes) == set(ids(plain["nodes"]))
    assert graph.number_of_edges() == len(plain["edges"])


def test_node_cap_keeps_the_closest_and_says_so(client: TestClient) -> None:
    full = network(client, format="graph", depth=2)
    capped = network(client, format="graph", depth=2, max_nodes=3)
    assert len(capped["nodes"]) == 3 and capped["nodes"][0]["id"] == DHANKHAR
    assert capped["truncated"] is True and capped["total_nodes"] == len(full["nodes"])
    assert "max_nodes" in capped["message"]
    kept = set(ids(capped["nodes"]))
    assert all({e["source"], e["target"]} <= kept for e in capped["edges"])
    xml = client.get("/network", params={"center": DHANKHAR, "format": "graphml", "max_nodes": 3})
    assert xml.headers["x-polikg-truncated"] == "true"


def test_network_filters_by_type_and_date(client: TestClient) -> None:
    support = network(client, format="graph", types="SUPPORTED")
    assert {e["type"] for e in support["edges"]} == {"SUPPORTED"}
    assert set(ids(support["nodes"])) == {DHANKHAR, MURMU, MODI}
    later = network(client, format="graph", since="2024-01-01")
    assert ids(later["nodes"]) == [DHANKHAR] and later["edges"] == []


def test_network_errors(client: TestClient) -> None:
    assert client.get("/network", params={"center": "person:nobody"}).status_code == 404
    for bad in ({"depth": 4}, {"format": "svg"}, {"max_nodes": 0}, {"types": "FOLLOWS"}):
        assert client.get("/network", params={"center": DHANKHAR, **bad}).status_code == 422


def test_centrality_ranks_and_is_repeatable(client: TestClient) -> None:
    first = client.get("/analytics/centrality", params={"limit": 500}).json()
    assert first == client.get("/analytics/centrality", params={"limit": 500}).json()
    rows = first["items"]
    assert len(rows) == first["nodes"] and first["truncated"] is False
    ranks = [r["pagerank"] for r in rows]
    assert ranks == sorted(ranks, reverse=True) and abs(sum(ranks) - 1) < 1e-6
    by_id = {r["entity"]["id"]: r for r in rows}
    assert by_id[CONGRESS]["degree"] >= 3 and by_id[DHANKHAR]["betweenness"] > 0
    paged = get_all(client, "/analytics/centrality", limit=10)
    assert ids([r["entity"] for r in paged]) == ids([r["entity"] for r in rows])


def test_centrality_respects_types_and_dates(client: TestClient) -> None:
    support = client.get("/analytics/centrality", params={"types": "SUPPORTED"}).json()
    assert {r["entity"]["id"] for r in support["items"]} >= {MURMU, MODI, DHANKHAR}
    assert "Office" not in {r["entity"]["type"] for r in support["items"]}
    assert support["edges"] < client.get("/analytics/centrality").json()["edges"]
    assert client.get("/analytics/centrality", params={"since": "2030-01-01"}).json()["items"] == []


def test_communities_are_deterministic_and_cover_the_graph(client: TestClient) -> None:
    first = client.get("/analytics/communities", params={"limit": 500}).json()
    assert first == client.get("/analytics/communities", params={"limit": 500}).json()
    members = [m["id"] for c in first["items"] for m in c["members"]]
    assert len(members) == len(set(members)) == first["nodes"]
    sizes = [c["size"] for c in first["items"]]
    assert sizes == sorted(sizes, reverse=True) and first["seed"] == 42
    assert first["modularity"] is not None and first["modularity"] > 0
    allies = client.get("/analytics/communities", params={"types": "ALLIED_WITH"}).json()
    assert {m["type"] for c in allies["items"] for m in c["members"]} <= {"Party", "Alliance"}
