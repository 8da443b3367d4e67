"""Issue 10, item 9: what a researcher trips on. One spelling (`types=`), unknown query
parameters are 422 naming the allowed ones, GET /articles/{id}, evidence on profile ties
and offsets on timeline items. Built on a small hand-made graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from tests.integration.api_support import api_client, extraction

S1 = "Asha Verin, leader of the Civic Union, criticised Tomas Kell."
S2 = '"The budget is a fraud," Verin said of Kell.'
TEXT = f"{S1} {S2}"
Q0 = TEXT.index('"')
Q1 = TEXT.index('"', Q0 + 1) + 1
ARTICLE = "news/2024/verin-kell"  # ids may contain slashes (URLs are ids too)
VERIN = "person:asha-verin"


def docs() -> list:
    ev1 = {"start": 0, "end": len(S1), "sentence": S1, "confidence": 0.9}
    ev2 = {"start": len(S1) + 1, "end": len(TEXT), "sentence": S2, "confidence": 0.8}
    return [
        extraction(
            ARTICLE,
            "2024-02-10",
            text=TEXT,
            entities=[
                {"id": "e1", "name": "Asha Verin", "type": "Person", "mentions": 2},
                {"id": "e2", "name": "Civic Union", "type": "Party"},
                {"id": "e3", "name": "Tomas Kell", "type": "Person"},
                {"id": "e4", "name": "Leader of the Civic Union", "type": "Office"},
            ],
            relations=[
                {"type": "MEMBER_OF", "subject": "e1", "object": "e2", "evidence": ev1},
                {
                    "type": "HOLDS_OFFICE",
                    "subject": "e1",
                    "object": "e4",
                    "evidence": ev1,
                    "status": "current",
                },
                {"type": "CRITICIZED", "subject": "e1", "object": "e3", "evidence": ev1},
            ],
            quotes=[
                {
                    "speaker": "e1",
                    "text": TEXT[Q0:Q1],
                    "start": Q0,
                    "end": Q1,
                    "about": ["e3"],
                    "evidence": ev2,
                }
            ],
        )
    ]


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, docs())


def test_types_is_the_one_spelling_and_type_stays_a_deprecated_alias(client: TestClient) -> None:
    url = f"/entities/{VERIN}/relationships"
    new = client.get(url, params={"types": "CRITICIZED"}).json()["items"]
    old = client.get(url, params={"type": "CRITICIZED"}).json()["items"]
    assert [e["type"] for e in new] == ["CRITICIZED"] and new == old
    parameters = client.get("/openapi.json").json()["paths"]["/entities/{entity_id}/relationships"][
        "get"
    ]["parameters"]
    by_name = {p["name"]: p for p in parameters}
    assert "types" in by_name and by_name["type"].get("deprecated") is True


@pytest.mark.parametrize(
    ("url", "bad", "allowed"),
    [
        ("/statements", "speaker_id", "speaker"),
        ("/entities", "name", "q"),
        ("/alliances", "types", "since"),
        (f"/entities/{VERIN}", "limit", "evidence_limit"),
    ],
)
def test_unknown_query_parameters_are_422_naming_the_allowed_ones(
    client: TestClient, url: str, bad: str, allowed: str
) -> None:
    response = client.get(url, params={bad: "x"})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", bad] and allowed in error["msg"]


def test_get_article_returns_text_metadata_and_facts_with_checkable_offsets(
    client: TestClient,
) -> None:
    response = client.get(f"/articles/{ARTICLE}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text"] == TEXT and body["published"] == "2024-02-10"
    assert {e["id"] for e in body["entities"]} >= {VERIN, "person:tomas-kell"}
    assert sorted(c["type"] for c in body["claims"]) == ["CRITICIZED", "HOLDS_OFFICE", "MEMBER_OF"]
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["sentence"]
    [quote] = body["quotes"]
    assert body["text"][quote["start"] : quote["end"]] == quote["text"]
    assert body["text"][quote["sentence_start"] : quote["sentence_end"]] == quote["sentence"]
    assert client.get("/articles/nope").status_code == 404


def test_profile_offices_and_parties_carry_evidence(client: TestClient) -> None:
    profile = client.get(f"/entities/{VERIN}").json()
    for tie in (*profile["offices"], *profile["parties"]):
        [evidence] = tie["evidence"]
        assert evidence["sentence"] == S1 and evidence["article"]["id"] == ARTICLE
        assert (evidence["start"], evidence["end"]) == (0, len(S1))
    none = client.get(f"/entities/{VERIN}", params={"evidence_limit": 0}).json()
    assert none["offices"][0]["evidence"] == []


def test_timeline_items_carry_offsets(client: TestClient) -> None:
    items = client.get(f"/entities/{VERIN}/timeline").json()["items"]
    assert items
    for item in items:
        assert TEXT[item["start"] : item["end"]] == item["sentence"]
        if item["kind"] == "quote":
            assert TEXT[item["text_start"] : item["text_end"]] == item["text"]
