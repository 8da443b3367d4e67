"""GET /statements: who said what about whom, and when."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from tests.integration.api_support import (
    CHIDAMBARAM,
    DHANKHAR,
    KHARGE,
    api_client,
    corpus,
    extraction,
    get_all,
    ids,
)

SYNTHETIC_TEXT = 'Mallikarjun Kharge said: "The chairman must stay neutral."'
SEED_QUOTE = "we have to win as many seats as possible by coordinating with like-minded colleagues."


def synthetic() -> list:
    """One article with exact quote offsets, which the gold dev files do not carry."""
    start = SYNTHETIC_TEXT.index("The chairman")
    return [
        extraction(
            "syn-quote",
            "2024-02-10",
            [
                {"id": "k", "name": "Mallikarjun Kharge", "type": "Person"},
                {"id": "d", "name": "Jagdeep Dhankhar", "type": "Person"},
            ],
            [],
            text=SYNTHETIC_TEXT,
            quotes=[
                {
                    "speaker": "k",
                    "about": ["d"],
                    "text": "The chairman must stay neutral.",
                    "start": start,
                    "end": start + 31,
                    "evidence": {
                        "start": 0,
                        "end": len(SYNTHETIC_TEXT),
                        "sentence": SYNTHETIC_TEXT,
                        "confidence": 0.8,
                    },
                }
            ],
        )
    ]


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, corpus() + synthetic())


def test_what_did_kharge_say(client: TestClient) -> None:
    quotes = get_all(client, "/statements", limit=3, speaker=KHARGE)
    assert SEED_QUOTE in [q["text"] for q in quotes]
    assert {q["speaker"]["id"] for q in quotes} == {KHARGE}
    seed = next(q for q in quotes if q["text"] == SEED_QUOTE)
    assert seed["date"] == "2023-12-21" and seed["article"]["id"] == "dev-000"
    dates = [q["date"] for q in quotes]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_quotes_carry_offsets_sentence_and_targets(client: TestClient) -> None:
    quote = client.get(
        "/statements", params={"speaker": KHARGE, "about": DHANKHAR, "since": "2024-02-01"}
    ).json()["items"]
    assert len(quote) == 1
    q = quote[0]
    assert SYNTHETIC_TEXT[q["start"] : q["end"]] == q["text"] == "The chairman must stay neutral."
    assert q["sentence"] == SYNTHETIC_TEXT and q["sentence_start"] == 0
    assert ids(q["about"]) == [DHANKHAR] and q["confidence"] == 0.8


def test_quotes_about_chidambaram_are_dhankhars(client: TestClient) -> None:
    quotes = client.get("/statements", params={"about": CHIDAMBARAM}).json()["items"]
    assert [q["speaker"]["id"] for q in quotes] == [DHANKHAR]
    assert quotes[0]["text"].startswith("I had suffered")


def test_full_text_search_ranks_and_tolerates_typos(client: TestClient) -> None:
    hits = client.get("/statements", params={"q": "coordinatng seats"}).json()["items"]
    assert hits and hits[0]["score"] >= hits[-1]["score"]
    assert any(h["text"] == SEED_QUOTE for h in hits)
    assert client.get("/statements", params={"q": "(("}).json()["items"] == []


def test_since_until_cut_on_the_article_date(client: TestClient) -> None:
    everything = get_all(client, "/statements", limit=50)
    for since, until in [
        ("2023-12-20", "2023-12-21"),
        ("2023-12-19", "2023-12-19"),
        ("2024-01-01", None),
    ]:
        params = {"since": since} | ({"until": until} if until else {})
        cut = get_all(client, "/statements", limit=50, **params)
        expected = [
            q for q in everything if q["date"] >= since and (until is None or q["date"] <= until)
        ]
        assert cut and ids(cut) == ids(expected)


def test_pages_are_stable_and_do_not_overlap(client: TestClient) -> None:
    whole = client.get("/statements", params={"limit": 500}).json()["items"]
    pages = [
        client.get("/statements", params={"limit": 4, "offset": o}).json()["items"]
        for o in range(0, len(whole), 4)
    ]
    flat = [q for page in pages for q in page]
    assert ids(flat) == ids(whole) and len(set(ids(flat))) == len(flat)


def test_unknown_speaker_is_404_not_an_empty_list(client: TestClient) -> None:
    response = client.get("/statements", params={"speaker": "person:nobody"})
    assert response.status_code == 404 and response.json()["id"] == "person:nobody"
