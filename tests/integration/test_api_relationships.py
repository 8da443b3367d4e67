"""GET /entities/{id}/relationships, /relationships/between and /paths."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from loaders.contract import Extraction
from tests.integration.api_support import (
    CHIDAMBARAM,
    DHANKHAR,
    KHARGE,
    MODI,
    MURMU,
    api_client,
    corpus,
    extraction,
    get_all,
    ids,
)

LATER = "Jagdeep Dhankhar again attacked P. Chidambaram in the Rajya Sabha."


def later_criticism() -> Extraction:
    """A second, later claim on the Dhankhar -> Chidambaram edge, with its sentence."""
    return extraction(
        "syn-later",
        "2024-02-15",
        [
            {"id": "d", "name": "Jagdeep Dhankhar", "type": "Person"},
            {"id": "c", "name": "P. Chidambaram", "type": "Person"},
        ],
        [
            {
                "type": "CRITICIZED",
                "subject": "d",
                "object": "c",
                "evidence": {"start": 0, "end": len(LATER), "sentence": LATER, "confidence": 0.7},
            }
        ],
        text=LATER,
    )


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, [*corpus(), later_criticism()])


def edges(client: TestClient, entity: str, **params: object) -> list[dict]:
    response = client.get(f"/entities/{entity}/relationships", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_who_criticised_chidambaram(client: TestClient) -> None:
    found = edges(client, CHIDAMBARAM, type="CRITICIZED", direction="in")
    assert ids([e["counterpart"] for e in found]) == [DHANKHAR]
    edge = found[0]
    assert edge["direction"] == "in" and edge["claims"] == 2
    assert (edge["first_seen"], edge["last_seen"]) == ("2023-12-21", "2024-02-15")
    evidence = edge["evidence"]
    assert [e["date"] for e in evidence] == ["2023-12-21", "2024-02-15"]
    assert [e["article"]["id"] for e in evidence] == ["dev-000", "syn-later"]
    assert evidence[1]["sentence"] == LATER and evidence[1]["confidence"] == 0.7
    assert (evidence[1]["start"], evidence[1]["end"]) == (0, len(LATER))


def test_who_supported_dhankhar(client: TestClient) -> None:
    found = edges(client, DHANKHAR, type="SUPPORTED", direction="in")
    assert sorted(ids([e["counterpart"] for e in found])) == [MURMU, MODI]
    assert all(e["evidence"][0]["article"]["id"] == "dev-000" for e in found)
    assert edges(client, DHANKHAR, type="SUPPORTED", direction="out") == []


def test_since_until_cut_claims_on_an_edge(client: TestClient) -> None:
    early = edges(client, CHIDAMBARAM, type="CRITICIZED", until="2023-12-31")
    assert early[0]["claims"] == 1 and early[0]["last_seen"] == "2023-12-21"
    late = edges(client, CHIDAMBARAM, type="CRITICIZED", since="2024-01-01")
    assert late[0]["claims"] == 1 and late[0]["evidence"][0]["sentence"] == LATER
    assert edges(client, CHIDAMBARAM, since="2024-03-01") == []


def test_office_edges_report_status_and_several_types(client: TestClient) -> None:
    found = edges(client, KHARGE, type=["HOLDS_OFFICE", "MEMBER_OF"], direction="out")
    assert {e["type"] for e in found} == {"HOLDS_OFFICE", "MEMBER_OF"}
    assert {e["status"] for e in found if e["type"] == "HOLDS_OFFICE"} == {"current"}
    assert all(len(e["evidence"]) <= 1 for e in edges(client, KHARGE, evidence_limit=1))


def test_grouped_by_counterpart(client: TestClient) -> None:
    grouped = client.get(
        f"/entities/{DHANKHAR}/relationships", params={"group": "true", "limit": 500}
    ).json()["items"]
    by_id = {g["counterpart"]["id"]: g for g in grouped}
    assert len(by_id) == len(grouped)
    assert by_id[CHIDAMBARAM]["claims"] == 2 and by_id[CHIDAMBARAM]["types"] == ["CRITICIZED"]
    assert by_id[MURMU]["first_seen"] == by_id[MURMU]["last_seen"] == "2023-12-21"


def test_edge_pages_do_not_overlap(client: TestClient) -> None:
    whole = edges(client, KHARGE, limit=500)
    paged = get_all(client, f"/entities/{KHARGE}/relationships", limit=2)
    key = [(e["type"], e["counterpart"]["id"], e["direction"]) for e in paged]
    assert key == [(e["type"], e["counterpart"]["id"], e["direction"]) for e in whole]
    assert len(set(key)) == len(key)


def test_everything_between_two_entities_in_date_order(client: TestClient) -> None:
    links = client.get("/relationships/between", params={"a": CHIDAMBARAM, "b": DHANKHAR}).json()[
        "items"
    ]
    assert [(link["kind"], link["date"]) for link in links] == [
        ("claim", "2023-12-21"),
        ("quote", "2023-12-21"),
        ("claim", "2024-02-15"),
    ]
    assert {link["subject"]["id"] for link in links} == {DHANKHAR}
    assert links[1]["text"].startswith("I had suffered")
    cut = client.get(
        "/relationships/between", params={"a": DHANKHAR, "b": CHIDAMBARAM, "until": "2024-01-01"}
    ).json()
    assert len(cut["items"]) == 2


def test_shortest_paths_carry_evidence_on_each_hop(client: TestClient) -> None:
    paths = client.get("/paths", params={"from": MURMU, "to": CHIDAMBARAM}).json()["items"]
    assert paths and all(p["length"] == 2 for p in paths)
    via = [p for p in paths if ids(p["nodes"]) == [MURMU, DHANKHAR, CHIDAMBARAM]]
    assert len(via) == 1
    hops = via[0]["hops"]
    assert [h["type"] for h in hops] == ["SUPPORTED", "CRITICIZED"]
    assert all(h["claims"] >= 1 and h["evidence"] for h in hops)
    assert (
        client.get("/paths", params={"from": MURMU, "to": CHIDAMBARAM, "max_hops": 1}).json()[
            "items"
        ]
        == []
    )
    only_support = client.get(
        "/paths", params={"from": MURMU, "to": CHIDAMBARAM, "types": "SUPPORTED"}
    ).json()["items"]
    assert only_support == []


def test_paths_respect_the_date_window(client: TestClient) -> None:
    later = client.get(
        "/paths", params={"from": MURMU, "to": CHIDAMBARAM, "since": "2024-01-01"}
    ).json()["items"]
    assert later == []  # Murmu's support is dated 2023-12-21


def test_errors(client: TestClient) -> None:
    assert client.get("/paths", params={"from": MURMU, "to": MURMU}).status_code == 422
    assert (
        client.get("/paths", params={"from": MURMU, "to": CHIDAMBARAM, "max_hops": 7}).status_code
        == 422
    )
    missing = client.get("/paths", params={"from": MURMU, "to": "person:nobody"})
    assert missing.status_code == 404 and missing.json()["id"] == "person:nobody"
    assert (
        client.get("/relationships/between", params={"a": "person:nobody", "b": MURMU}).status_code
        == 404
    )
    assert client.get("/entities/person:nobody/relationships").status_code == 404
    bad = client.get(f"/entities/{KHARGE}/relationships", params={"direction": "sideways"})
    assert bad.status_code == 422 and "direction" in bad.json()["detail"][0]["loc"]
