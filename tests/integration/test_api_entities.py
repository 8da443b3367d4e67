"""GET /entities (search), /entities/{id} (profile) and /entities/{id}/timeline."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.integration.api_support import (
    CHIDAMBARAM,
    CONGRESS,
    CONGRESS_PRESIDENT,
    DHANKHAR,
    KHARGE,
    LOP_RAJYA_SABHA,
    get_all,
    ids,
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Mallikarjun Kharge", KHARGE),
        ("Karge", KHARGE),  # typo
        ("Chidambram", CHIDAMBARAM),  # the article's own misspelling, an alias
        ("chidambaram", CHIDAMBARAM),
        ("Dhankar", DHANKHAR),
        ("Congress president", CONGRESS_PRESIDENT),
        ("Khar", KHARGE),  # prefix
    ],
)
def test_search_finds_names_aliases_and_typos_best_first(
    client: TestClient, words: str, expected: str
) -> None:
    response = client.get("/entities", params={"q": words})
    assert response.status_code == 200
    assert response.json()["items"][0]["id"] == expected


def test_search_filters_by_type_and_escapes_lucene_syntax(client: TestClient) -> None:
    offices = client.get("/entities", params={"q": "Congress", "type": "Office"}).json()
    assert offices["items"] and {e["type"] for e in offices["items"]} == {"Office"}
    for nasty in ("Kharge)", "AND OR NOT", '"Kharge', "Kharge~~^2", "a:b/c\\", "*?"):
        assert client.get("/entities", params={"q": nasty}).status_code == 200
    assert client.get("/entities", params={"q": "!!! ???"}).json()["items"] == []


def test_entity_list_pages_are_stable_and_do_not_overlap(client: TestClient) -> None:
    everything = client.get("/entities", params={"limit": 500}).json()
    assert everything["next_offset"] is None
    paged = get_all(client, "/entities", limit=7)
    assert ids(paged) == ids(everything["items"])
    assert len(set(ids(paged))) == len(paged)
    page_two = client.get("/entities", params={"limit": 7, "offset": 7}).json()
    assert page_two == client.get("/entities", params={"limit": 7, "offset": 7}).json()


def test_profile_answers_which_offices_kharge_holds(client: TestClient) -> None:
    profile = client.get(f"/entities/{KHARGE}").json()
    assert profile["name"] == "Mallikarjun Kharge" and profile["type"] == "Person"
    assert "Kharge" in profile["aliases"]
    offices = {o["entity"]["id"]: o for o in profile["offices"]}
    assert set(offices) == {CONGRESS_PRESIDENT, LOP_RAJYA_SABHA}
    assert all(o["status"] == "current" for o in offices.values())
    assert offices[CONGRESS_PRESIDENT]["first_seen"] == "2023-12-19"
    assert offices[CONGRESS_PRESIDENT]["last_seen"] == "2023-12-21"
    assert ids([p["entity"] for p in profile["parties"]]) == [CONGRESS]
    counts = profile["counts"]
    assert counts["quotes_given"] >= 3 and counts["criticisms_given"] >= 1
    assert counts["articles"] >= 3


def test_profile_counts_criticism_and_support_received(client: TestClient) -> None:
    dhankhar = client.get(f"/entities/{DHANKHAR}").json()["counts"]
    assert dhankhar["support_received"] == 2  # Murmu and Modi, in the seed article
    assert dhankhar["criticisms_given"] >= 1
    chidambaram = client.get(f"/entities/{CHIDAMBARAM}").json()["counts"]
    assert chidambaram["criticisms_received"] == 1 and chidambaram["quotes_about"] == 1


def test_party_profile_lists_its_alliances(client: TestClient) -> None:
    congress = client.get(f"/entities/{CONGRESS}").json()
    assert "alliance:india" in ids([a["entity"] for a in congress["alliances"]])


def test_unknown_entity_is_404_with_the_id(client: TestClient) -> None:
    for url in ("/entities/person:nobody", "/entities/person:nobody/timeline"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["id"] == "person:nobody"
        assert "Traceback" not in response.text


def test_timeline_is_in_date_order_and_cut_by_since_until(client: TestClient) -> None:
    events = get_all(client, f"/entities/{KHARGE}/timeline", limit=4)
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and dates[0] == "2023-12-19"
    kinds = {(e["kind"], e["type"], e["direction"]) for e in events}
    assert ("claim", "HOLDS_OFFICE", "out") in kinds and ("quote", "QUOTE", "out") in kinds
    late = client.get(
        f"/entities/{KHARGE}/timeline", params={"since": "2023-12-20", "until": "2023-12-21"}
    ).json()["items"]
    assert late and all(e["date"] == "2023-12-21" for e in late)
    no_quotes = client.get(
        f"/entities/{KHARGE}/timeline", params={"quotes": "false", "types": "HOLDS_OFFICE"}
    ).json()["items"]
    assert {e["type"] for e in no_quotes} == {"HOLDS_OFFICE"}


def test_timeline_shows_criticism_received(client: TestClient) -> None:
    events = client.get(f"/entities/{CHIDAMBARAM}/timeline").json()["items"]
    received = [e for e in events if e["direction"] == "in" and e["type"] == "CRITICIZED"]
    assert ids([c for e in received for c in e["counterparts"]]) == [DHANKHAR]


def test_bad_parameters_are_422_naming_the_field(client: TestClient) -> None:
    cases = [
        ("/entities", {"type": "Planet"}, "type"),
        ("/entities", {"limit": 501}, "limit"),
        ("/entities", {"offset": -1}, "offset"),
        (f"/entities/{KHARGE}/timeline", {"since": "21-12-2023"}, "since"),
        (f"/entities/{KHARGE}/timeline", {"types": "LIKES"}, "types"),
        (f"/entities/{KHARGE}/timeline", {"since": "2024-01-02", "until": "2024-01-01"}, "until"),
    ]
    for url, params, field in cases:
        response = client.get(url, params=params)
        assert response.status_code == 422, (url, params)
        assert any(field in d["loc"] for d in response.json()["detail"])
