"""The graph API as front ends use it (issue 11): edge evidence in one call, expansion hints,
ALLIED_WITH undirected in every format, GEXF 1.3 and GraphML read by real parsers, the
graphology format, gzip, ETag, CORS, and the /explore page with its assets."""

from __future__ import annotations

import gzip
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import quote

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app
from tests.integration.api_support import api_client, ids
from tests.integration.explorer_data import (
    ALLIANCE,
    ASHA,
    CIVIC,
    CRITICISM_1,
    CRITICISM_2,
    CRITICISM_3,
    HARBOUR,
    LUMEN,
    MAYOR,
    MIRA,
    TOMAS,
    explorer_docs,
)

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
NOT_ALLIED = ["CRITICIZED", "SUPPORTED", "MEMBER_OF", "HOLDS_OFFICE"]


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, explorer_docs())


def network(client: TestClient, center: str = ASHA, **params: object) -> dict:
    response = client.get("/network", params={"center": center, **params})
    assert response.status_code == 200, response.text
    return response.json()


def evidence(client: TestClient, edge_id: str, **params: object) -> dict:
    response = client.get(f"/edges/{quote(edge_id, safe='')}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_network_edge_id_resolves_to_its_claims_in_one_call(client: TestClient) -> None:
    edges = {e["data"]["id"]: e["data"] for e in network(client)["elements"]["edges"]}
    edge_id = f"{ASHA}|CRITICIZED|{TOMAS}"
    assert edges[edge_id]["claims"] == 3
    body = evidence(client, edge_id)
    assert body["edge"]["source"]["name"] == "Asha Verenna" and body["edge"]["directed"]
    assert (body["edge"]["claims"], body["edge"]["claims_in_window"]) == (3, 3)
    claims = body["items"]
    assert [c["sentence"] for c in claims] == [CRITICISM_1, CRITICISM_2, CRITICISM_3]
    assert [c["date"] for c in claims] == ["2024-01-10", "2024-03-05", "2024-06-20"]
    for claim in claims:  # the window holds the sentence at its offsets
        window = claim["context"]
        start, end = claim["start"] - window["offset"], claim["end"] - window["offset"]
        assert window["text"][start:end] == claim["sentence"]
        assert claim["article"]["published"] == claim["date"]
    whole = claims[1]["context"]  # a short article: the window is all of it
    assert whole["offset"] == 0 and len(whole["text"]) == whole["article_length"]
    narrow = evidence(client, edge_id, context=0, since="2024-02-01", limit=1)
    assert narrow["edge"]["claims_in_window"] == 2 and narrow["next_offset"] == 1
    assert narrow["items"][0]["context"]["text"] == CRITICISM_2


def test_edge_ids_that_name_nothing_answer_404(client: TestClient) -> None:
    for bad in (
        f"{TOMAS}|SUPPORTED|{ASHA}",
        f"{ASHA}|FOLLOWS|{TOMAS}",
        "no-bars",
        f"{ASHA}|CRITICIZED|person:nobody",
    ):
        assert client.get(f"/edges/{quote(bad, safe='')}").status_code == 404, bad


def test_allied_with_is_undirected_in_every_format(client: TestClient) -> None:
    edge_id = f"{CIVIC}|ALLIED_WITH|{LUMEN}"  # stored from the smaller id
    plain = network(client, LUMEN, format="graph")
    allied = [e for e in plain["edges"] if e["type"] == "ALLIED_WITH"]
    assert ids(allied) == [edge_id] and allied[0]["directed"] is False
    assert all(e["directed"] for e in plain["edges"] if e["type"] != "ALLIED_WITH")
    both = [evidence(client, i)["items"] for i in (edge_id, f"{LUMEN}|ALLIED_WITH|{CIVIC}")]
    assert both[0] == both[1] and both[0][0]["sentence"] == ALLIANCE
    gexf = ET.fromstring(client.get("/network", params={"center": LUMEN, "format": "gexf"}).content)
    assert "defaultedgetype" not in gexf.find(f"{GEXF}graph").attrib  # type: ignore[union-attr]
    kinds = {e.get("kind"): e.get("type") for e in gexf.iter(f"{GEXF}edge")}
    assert kinds["ALLIED_WITH"] == "undirected" and kinds["MEMBER_OF"] == "directed"
    graphml = ET.fromstring(
        client.get("/network", params={"center": LUMEN, "format": "graphml"}).content
    )
    assert {e.get("id"): e.get("directed") for e in graphml.iter(f"{GRAPHML}edge")}[
        edge_id
    ] == "false"
    graphology = network(client, LUMEN, format="graphology")
    assert {e["key"]: e["undirected"] for e in graphology["edges"]}[edge_id] is True


def test_nodes_carry_expansion_hints(client: TestClient) -> None:
    nodes = {n["id"]: n for n in network(client, format="graph")["nodes"]}
    assert set(nodes) == {ASHA, TOMAS, MIRA, LUMEN, MAYOR}
    assert (nodes[ASHA]["degree"], nodes[ASHA]["hidden"]) == (4, 0)
    assert (nodes[TOMAS]["degree"], nodes[TOMAS]["hidden"]) == (2, 1)  # the Civic Bloc
    assert (nodes[LUMEN]["degree"], nodes[LUMEN]["hidden"]) == (2, 1)
    expanded = network(client, TOMAS, format="graph")
    assert set(ids(expanded["nodes"])) - set(nodes) == {CIVIC}
    # The hints follow the filters: in January the Civic Bloc did not exist yet.
    january = {n["id"]: n for n in network(client, format="graph", until="2024-01-31")["nodes"]}
    assert (january[TOMAS]["degree"], january[TOMAS]["hidden"]) == (1, 0)
    criticism = {n["id"]: n for n in network(client, format="graph", types="CRITICIZED")["nodes"]}
    assert set(criticism) == {ASHA, TOMAS} and criticism[TOMAS]["hidden"] == 0


def test_network_filters_by_type_and_date_range(client: TestClient) -> None:
    support = network(client, format="graph", types=["SUPPORTED", "HOLDS_OFFICE"])
    assert set(ids(support["nodes"])) == {ASHA, MIRA, MAYOR}
    spring = network(client, format="graph", since="2024-02-01", until="2024-04-30")
    assert set(ids(spring["nodes"])) == {ASHA, TOMAS}
    assert {e["claims"] for e in spring["edges"]} == {1}  # one claim each way in the window
    assert network(client, format="graph", since="2025-01-01")["edges"] == []


def test_gexf_is_1_3_with_kinds_weights_spells_and_positions(client: TestClient) -> None:
    response = client.get("/network", params={"center": CIVIC, "depth": 2, "format": "gexf"})
    assert response.headers["content-type"].startswith("application/gexf+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph is not None and "name" not in graph.attrib
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    titles = {a.get("title") for a in root.iter(f"{GEXF}attribute")}
    assert "type" not in titles and "networkx_key" not in titles and "category" in titles
    edges = {e.get("id"): e for e in root.iter(f"{GEXF}edge")}
    criticism = edges[f"{ASHA}|CRITICIZED|{TOMAS}"]
    assert (criticism.get("kind"), criticism.get("weight")) == ("CRITICIZED", "3.0")
    assert (criticism.get("start"), criticism.get("end")) == ("2024-01-10", "2024-06-20")
    pairs = [(e.get("source"), e.get("target")) for e in edges.values()]
    assert (TOMAS, ASHA) in pairs and len(set(map(frozenset, pairs))) < len(pairs)
    for node in root.iter(f"{GEXF}node"):
        position = node.find(f"{VIZ}position")
        assert position is not None and node.find(f"{VIZ}size") is not None
    # networkx reads GEXF 1.3 (it refuses mixed graphs, so ask without ALLIED_WITH)
    directed = client.get(
        "/network", params={"center": CIVIC, "depth": 2, "format": "gexf", "types": NOT_ALLIED}
    )
    read = nx.read_gexf(io.BytesIO(directed.content))
    plain = network(client, CIVIC, depth=2, format="graph", types=NOT_ALLIED)
    assert set(read.nodes) == set(ids(plain["nodes"]))
    assert read.number_of_edges() == len(plain["edges"])
    assert read.nodes[ASHA]["category"] == "Person" and "type" not in read.nodes[ASHA]


def test_graphml_has_weights_lowercase_booleans_and_positions(client: TestClient) -> None:
    response = client.get(
        "/network", params={"center": ASHA, "format": "graphml", "types": NOT_ALLIED}
    )
    assert response.headers["content-type"].startswith("application/graphml+xml")
    assert b">True<" not in response.content and b">False<" not in response.content
    root = ET.fromstring(response.content)
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")
    }
    assert keys[("edge", "weight")] == "double" and keys[("graph", "truncated")] == "boolean"
    assert ("node", "type") not in keys and keys[("node", "x")] == "double"
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert graph.graph["truncated"] is False
    weights = {(s, d["relation"]): d["weight"] for s, _, d in graph.edges(data=True)}
    assert (weights[(ASHA, "CRITICIZED")], weights[(TOMAS, "CRITICIZED")]) == (3.0, 1.0)
    assert graph.nodes[TOMAS]["label"] == "Tomas Keld"
    assert graph.nodes[TOMAS]["category"] == "Person"


def test_graphology_json_is_ready_for_sigma(client: TestClient) -> None:
    body = network(client, CIVIC, depth=2, format="graphology")
    assert body["options"] == {"type": "mixed", "multi": True, "allowSelfLoops": False}
    assert body["attributes"]["center"] == CIVIC
    keys = [n["key"] for n in body["nodes"]]
    assert len(keys) == len(set(keys)) and CIVIC in keys
    for node in body["nodes"]:
        attrs = node["attributes"]
        assert "type" not in attrs and attrs["category"] and attrs["label"]
        assert {"x", "y", "size", "color"} <= set(attrs)
    center = next(n for n in body["nodes"] if n["key"] == CIVIC)["attributes"]
    assert (center["x"], center["y"]) == (0.0, 0.0)
    edge_keys = [e["key"] for e in body["edges"]]
    assert len(edge_keys) == len(set(edge_keys)) and all(
        e["attributes"]["weight"] >= 1 for e in body["edges"]
    )
    assert set(edge_keys) <= {
        f"{s}|{t}|{o}"
        for s, t, o in (
            (ASHA, "CRITICIZED", TOMAS),
            (TOMAS, "CRITICIZED", ASHA),
            (ASHA, "MEMBER_OF", LUMEN),
            (TOMAS, "MEMBER_OF", CIVIC),
            (MIRA, "MEMBER_OF", CIVIC),
            (MIRA, "SUPPORTED", ASHA),
            (CIVIC, "ALLIED_WITH", LUMEN),
            (HARBOUR, "ALLIED_WITH", CIVIC),
        )
    }


def test_answers_are_gzipped_and_carry_an_etag(client: TestClient) -> None:
    params = {"center": CIVIC, "depth": 3, "format": "gexf"}
    plain = client.get("/network", params=params, headers={"Accept-Encoding": "identity"})
    zipped = client.get("/network", params=params, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.content == plain.content
    assert len(gzip.compress(plain.content)) < len(plain.content) / 3
    etag = plain.headers["etag"]
    assert etag.startswith('W/"') and plain.headers["x-polikg-truncated"] == "false"
    again = client.get("/network", params=params, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    json_etag = client.get("/network", params={"center": CIVIC}).headers["etag"]
    assert json_etag != etag


def test_cors_preflight_and_exposed_headers(test_settings: Settings) -> None:
    origin = "https://viz.example.org"
    settings = test_settings.model_copy(update={"cors_origins": [origin]})
    with TestClient(create_app(settings)) as browser:
        preflight = browser.options(
            "/network",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == origin
        assert "GET" in preflight.headers["access-control-allow-methods"]
        answer = browser.get(
            "/network", params={"center": ASHA, "format": "gexf"}, headers={"Origin": origin}
        )
        assert answer.headers["access-control-allow-origin"] == origin
        exposed = answer.headers["access-control-expose-headers"].lower()
        assert "x-polikg-truncated" in exposed and "etag" in exposed
        stranger = browser.options(
            "/network",
            headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
        )
        assert stranger.status_code == 400


def test_explore_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/explore")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    shared = client.get(
        "/explore",
        params={
            "center": ASHA,
            "types": "CRITICIZED,SUPPORTED",
            "since": "2024-02-01",
            "expand": TOMAS,
        },
    )
    assert shared.status_code == 200  # a shared view's URL is the page's, not the API's
    assert "/explore/vendor/cytoscape.min.js" in page.text
    for asset in ("explore.js", "panels.js", "explore.css"):
        assert client.get(f"/explore/assets/{asset}").status_code == 200, asset
    library = client.get("/explore/vendor/cytoscape.min.js")
    assert library.status_code == 200, "run `npm ci` (make install) before the tests"
    assert "cytoscape" in library.text[:2000].lower()
    assert client.get("/explore/vendor/other.js").status_code == 404
    assert "/explore" not in client.get("/openapi.json").json()["paths"]


def test_network_json_is_valid_for_its_declared_schema(client: TestClient) -> None:
    body = json.loads(client.get("/network", params={"center": ASHA}).content)
    assert body["data"] == {"center": ASHA, "total_nodes": 5, "truncated": False, "message": None}
