"""Term bounds the text states, end to end: dated articles written here go through the real
extractor (POST /articles), and the API's terms, holders on a day and GEXF spells use the
stated days ("sworn in ... on 13 December", "resigned ... on Saturday", "since 2019", "quit
... earlier this month") with their precision and the claim behind each, instead of the
article dates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app

#: (id, published, text): a chief minister sworn in, reshuffling, resigning, called former
#: and sworn in again; a party in an alliance since 2019 that quit it.
ARTICLES = [
    (
        "t4-01",
        "2023-12-15",
        "Bengaluru: Meena Rao was sworn in as Chief Minister of Karnataka on 13 December. "
        "Rao, a senior leader of the Janata Dal (Secular), promised jobs for the young.",
    ),
    (
        "t4-02",
        "2024-02-09",
        "Bengaluru: Meena Rao, the Chief Minister of Karnataka, reshuffled her cabinet on "
        "Friday, dropping four ministers.",
    ),
    (
        "t4-03",
        "2024-03-18",
        "Bengaluru: Meena Rao resigned as Chief Minister of Karnataka on Saturday after "
        "losing the vote.",
    ),
    (
        "t4-04",
        "2024-01-08",
        "New Delhi: The Janata Dal (Secular) has been a member of the National Democratic "
        "Alliance since 2019, its leaders said.",
    ),
    (
        "t4-05",
        "2024-04-22",
        "New Delhi: The Janata Dal (Secular) quit the National Democratic Alliance earlier "
        "this month, its spokesman said.",
    ),
    (
        "t4-06",
        "2024-05-02",
        "Bengaluru: Meena Rao, a former Chief Minister of Karnataka, said she would fight "
        "the next election.",
    ),
    (
        "t4-07",
        "2024-06-10",
        "Bengaluru: Meena Rao was sworn in as Chief Minister of Karnataka for a second time "
        "on Sunday.",
    ),
]


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    session_driver.execute_query("MATCH (n) DETACH DELETE n")
    with TestClient(create_app(test_settings)) as client:
        for ident, published, text in ARTICLES:
            body = {"id": ident, "published": published, "text": text}
            assert client.post("/articles", json=body).status_code == 200
        yield client


def entity(client: TestClient, name: str) -> str:
    hits = client.get("/entities", params={"q": name}).json()["items"]
    found: str = next(h["id"] for h in hits if h["name"] == name)
    return found


def bound(term: dict[str, Any], name: str) -> tuple[Any, ...] | None:
    b = term[name]
    return None if b is None else (b["date"], b["kind"], b["precision"], b.get("text"))


def test_terms_take_the_stated_days_with_their_claims(client: TestClient) -> None:
    rao = entity(client, "Meena Rao")
    cm = next(o for o in client.get(f"/entities/{rao}").json()["offices"])
    first, second = cm["terms"]
    assert bound(first, "start") == ("2023-12-13", "stated", "day", "13 December")
    assert first["start"]["evidence"]["article"]["id"] == "t4-01"
    assert bound(first, "last_observed") == ("2024-02-09", "observed", "day", None)
    assert bound(first, "end") == ("2024-03-16", "stated", "day", "on Saturday")
    assert first["end"]["evidence"]["article"]["id"] == "t4-03"
    assert (first["status"], first["claims"]) == ("ended", 4)  # the later 'former' counts
    assert bound(second, "start") == ("2024-06-09", "stated", "day", "on Sunday")
    assert (second["status"], second["end"]) == ("current", None)


def test_alliance_bounds_at_year_and_month_precision(client: TestClient) -> None:
    party = entity(client, "Janata Dal (Secular)")
    (alliance,) = client.get(f"/entities/{party}").json()["alliances"]
    (term,) = alliance["terms"]
    assert bound(term, "start") == ("2019-01-01", "stated", "year", "since 2019")
    assert bound(term, "end") == ("2024-04-01", "stated", "month", "earlier this month")
    assert term["end"]["evidence"]["article"]["id"] == "t4-05"


def test_holders_on_a_day_use_the_stated_bounds(client: TestClient) -> None:
    rao, office = entity(client, "Meena Rao"), entity(client, "Chief Minister of Karnataka")

    def on(day: str) -> list[tuple[str, str]]:
        body = client.get(f"/offices/{office}/holders", params={"on": day}).json()
        return [(h["certainty"], h["reason"]) for h in body["items"] if h["holder"]["id"] == rao]

    assert on("2023-12-12") == []  # before the stated swearing-in
    assert on("2023-12-14") == [("certain", "between_observations")]  # before any article
    assert on("2024-03-16") == [("certain", "between_observations")]  # the day she resigned
    assert on("2024-03-17") == []
    assert on("2024-06-09") == [("certain", "between_observations")]


def test_gexf_spells_of_a_minister_sworn_in_then_resigned(client: TestClient) -> None:
    rao, office = entity(client, "Meena Rao"), entity(client, "Chief Minister of Karnataka")
    response = client.get("/network", params={"center": rao, "format": "gexf"})
    ns = {"g": "http://gexf.net/1.3"}
    graph = ElementTree.fromstring(response.text).find("g:graph", ns)
    assert graph is not None and graph.get("mode") == "dynamic"
    edge = next(e for e in graph.iterfind("g:edges/g:edge", ns) if e.get("target") == office)
    assert [(s.get("start"), s.get("end")) for s in edge.iterfind("g:spells/g:spell", ns)] == [
        ("2023-12-13", "2024-03-16"),
        ("2024-06-09", None),
    ]
