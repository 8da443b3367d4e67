"""GET /offices/{id}/holders and GET /alliances."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from loaders.contract import Extraction
from tests.integration.api_support import (
    CONGRESS,
    CONGRESS_PRESIDENT,
    INDIA,
    KHARGE,
    api_client,
    corpus,
    extraction,
    ids,
)

CM_BIHAR = "office:chief-minister-of-bihar"
NITISH = "person:nitish-kumar"


def nitish_steps_down() -> Extraction:
    """A later article calling Nitish Kumar the *former* chief minister of Bihar."""
    return extraction(
        "syn-former",
        "2024-03-05",
        [
            {"id": "n", "name": "Nitish Kumar", "type": "Person"},
            {"id": "o", "name": "Chief Minister of Bihar", "type": "Office"},
        ],
        [{"type": "HOLDS_OFFICE", "subject": "n", "object": "o", "status": "former"}],
    )


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, [*corpus(), nitish_steps_down()])


def holders(client: TestClient, office: str, **params: object) -> list[dict]:
    response = client.get(f"/offices/{office}/holders", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_congress_president_over_time_and_on_a_date(client: TestClient) -> None:
    ever = holders(client, CONGRESS_PRESIDENT)
    assert ids([h["holder"] for h in ever]) == [KHARGE]
    assert (ever[0]["first_seen"], ever[0]["last_seen"]) == ("2023-12-19", "2023-12-21")
    on = holders(client, CONGRESS_PRESIDENT, on="2023-12-20")
    assert ids([h["holder"] for h in on]) == [KHARGE]
    # answered from terms (issue 12): the day lies between two observations of one term
    assert (on[0]["certainty"], on[0]["reason"]) == ("certain", "between_observations")
    assert on[0]["term"]["start"]["date"] == "2023-12-19"
    # before the first observation the start is unknown: possible, never certain
    before = holders(client, CONGRESS_PRESIDENT, on="2023-12-01")
    assert [(h["holder"]["id"], h["certainty"], h["reason"]) for h in before] == [
        (KHARGE, "possible", "before_first_observation")
    ]


def test_a_former_claim_ends_the_holding(client: TestClient) -> None:
    while_in_office = holders(client, CM_BIHAR, on="2024-02-01")
    assert NITISH in ids([h["holder"] for h in while_in_office])
    after = holders(client, CM_BIHAR, on="2024-03-10")
    assert NITISH not in ids([h["holder"] for h in after])
    ever = {h["holder"]["id"]: h for h in holders(client, CM_BIHAR)}
    assert ever[NITISH]["status"] == "former" and ever[NITISH]["last_seen"] == "2024-03-05"


def test_holders_response_names_the_office(client: TestClient) -> None:
    body = client.get(f"/offices/{CONGRESS_PRESIDENT}/holders", params={"on": "2023-12-21"})
    assert body.json()["office"]["name"] == "President of the Indian National Congress"
    assert body.json()["on"] == "2023-12-21"


def test_unknown_or_non_office_ids_are_404(client: TestClient) -> None:
    for ident in ("office:nowhere", KHARGE):
        response = client.get(f"/offices/{ident}/holders")
        assert response.status_code == 404 and response.json()["id"] == ident
    assert (
        client.get(f"/offices/{CONGRESS_PRESIDENT}/holders", params={"on": "yesterday"}).status_code
        == 422
    )


def test_alliance_network(client: TestClient) -> None:
    body = client.get("/alliances", params={"limit": 500}).json()
    pairs = {frozenset((e["source"]["id"], e["target"]["id"])): e for e in body["edges"]}
    congress_india = pairs[frozenset((CONGRESS, INDIA))]
    assert congress_india["first_seen"] <= congress_india["last_seen"]
    assert {CONGRESS, INDIA} <= set(ids(body["nodes"]))
    assert {n["type"] for n in body["nodes"]} <= {"Party", "Alliance"}
    node_ids = set(ids(body["nodes"]))
    assert all({e["source"]["id"], e["target"]["id"]} <= node_ids for e in body["edges"])


def test_alliances_cut_by_date_and_paged(client: TestClient) -> None:
    everything = client.get("/alliances", params={"limit": 500}).json()["edges"]
    later = client.get("/alliances", params={"since": "2024-01-01"}).json()["edges"]
    assert later and len(later) < len(everything)
    assert all(e["first_seen"] >= "2024-01-01" for e in later)
    first = client.get("/alliances", params={"limit": 2}).json()
    second = client.get("/alliances", params={"limit": 2, "offset": 2}).json()
    key = [(e["source"]["id"], e["target"]["id"]) for e in first["edges"] + second["edges"]]
    assert key == [(e["source"]["id"], e["target"]["id"]) for e in everything[:4]]
