"""Issue 12 through the API, on hand-made dated articles (tests/integration/time_corpus.py):
stance per period, turnarounds, terms on the profile, holders on a day, tenure checks, and
terms recomputed when an article is replaced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from loaders.ingest import ingest_extractions
from tests.integration.api_support import api_client, ids
from tests.integration.time_corpus import (
    ARTICLES,
    ASHA,
    BALA,
    CM,
    DEV,
    ESHA,
    FARID,
    FRONT,
    GOVERNOR,
    LATA,
    MINISTER,
    MOHAN,
    SPEAKER,
    TPP,
    article,
    time_corpus,
)


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, time_corpus())


def ok(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def counts(row: dict[str, Any]) -> tuple[int, int, int, int]:
    return (
        row["criticized_given"],
        row["criticized_received"],
        row["supported_given"],
        row["supported_received"],
    )


def span(term: dict[str, Any]) -> tuple[Any, ...]:
    """(start, last observed, end, status) of a term, as ISO days."""
    return (
        *(term[k]["date"] if term[k] else None for k in ("start", "last_observed", "end")),
        term["status"],
    )


# --- stance over time -------------------------------------------------------------------


def test_stance_per_month_counts_given_and_received_with_evidence(client: TestClient) -> None:
    body = ok(client, f"/entities/{LATA}/stance", by="month")
    rows = [(r["period"], r["counterpart"]["id"], counts(r)) for r in body["items"]]
    assert rows == [
        ("2024-01", ASHA, (0, 0, 2, 0)),
        ("2024-03", ASHA, (1, 1, 0, 0)),
        ("2024-06", ASHA, (0, 0, 1, 0)),
    ]
    march = body["items"][1]
    assert (march["period_start"], march["period_end"]) == ("2024-03-01", "2024-03-31")
    evidence = [
        (e["type"], e["direction"], e["date"], e["article"]["id"]) for e in march["evidence"]
    ]
    assert evidence == [
        ("CRITICIZED", "out", "2024-03-05", "time-07"),
        ("CRITICIZED", "in", "2024-03-06", "time-08"),
    ]
    first = march["evidence"][0]
    assert first["sentence"] == "Lata Singh accused Asha Rao of betrayal."
    assert (first["start"], first["end"]) == (0, len(first["sentence"]))
    assert body["entity"]["id"] == LATA and body["by"] == "month" and body["toward"] is None


def test_stance_per_quarter_and_year(client: TestClient) -> None:
    quarters = ok(client, f"/entities/{LATA}/stance", by="quarter")["items"]
    assert [(r["period"], r["period_start"], r["period_end"], counts(r)) for r in quarters] == [
        ("2024-Q1", "2024-01-01", "2024-03-31", (1, 1, 2, 0)),
        ("2024-Q2", "2024-04-01", "2024-06-30", (0, 0, 1, 0)),
    ]
    years = ok(client, f"/entities/{ASHA}/stance", by="year")["items"]
    assert [(r["period"], r["counterpart"]["id"], counts(r)) for r in years] == [
        ("2024", LATA, (1, 1, 0, 3)),
        ("2024", MOHAN, (0, 2, 0, 1)),
    ]
    assert years[0]["period_end"] == "2024-12-31"


def test_stance_toward_window_and_evidence_limit(client: TestClient) -> None:
    body = ok(client, f"/entities/{ASHA}/stance", toward=MOHAN, by="month", evidence_limit=1)
    assert body["toward"]["id"] == MOHAN
    assert [(r["period"], counts(r), len(r["evidence"])) for r in body["items"]] == [
        ("2024-02", (0, 2, 0, 1), 1)
    ]
    window = ok(client, f"/entities/{ASHA}/stance", since="2024-03-01", until="2024-03-31")
    assert [(r["counterpart"]["id"], counts(r)) for r in window["items"]] == [(LATA, (1, 1, 0, 0))]
    paged = ok(client, f"/entities/{ASHA}/stance", limit=1)
    assert paged["next_offset"] == 1 and len(paged["items"]) == 1


def test_stance_bad_parameters(client: TestClient) -> None:
    url = f"/entities/{LATA}/stance"
    for params in (
        {"by": "week"},
        {"since": "2024-05-01", "until": "2024-01-01"},
        {"evidence_limit": -1},
        {"toward": LATA},
        {"period": "month"},
        {"limit": 0},
    ):
        assert client.get(url, params=params).status_code == 422, params
    assert client.get("/entities/person:nobody/stance").status_code == 404
    assert client.get(url, params={"toward": "person:nobody"}).status_code == 404


# --- turnarounds ------------------------------------------------------------------------


def test_turnarounds_show_both_claims_side_by_side(client: TestClient) -> None:
    items = ok(client, "/analytics/turnarounds")["items"]
    assert [
        (t["subject"]["id"], t["object"]["id"], t["from_type"], t["to_type"], t["date"], t["days"])
        for t in items
    ] == [
        (LATA, ASHA, "SUPPORTED", "CRITICIZED", "2024-03-05", 45),
        (LATA, ASHA, "CRITICIZED", "SUPPORTED", "2024-06-10", 97),
    ]
    turn = items[0]
    assert (
        turn["before"]["type"],
        turn["before"]["date"],
        turn["before"]["article"]["id"],
        turn["before"]["sentence"],
    ) == ("SUPPORTED", "2024-01-20", "time-03", "Lata Singh backed Asha Rao on the dam.")
    assert (
        turn["after"]["type"],
        turn["after"]["date"],
        turn["after"]["article"]["id"],
        turn["after"]["sentence"],
    ) == ("CRITICIZED", "2024-03-05", "time-07", "Lata Singh accused Asha Rao of betrayal.")
    # Mohan Das both welcomed and attacked Asha Rao on 2024-02-01, then attacked her again:
    # a day with both stances says nothing about order, so that is no turn
    assert MOHAN not in ids([t["subject"] for t in items])


def test_turnarounds_window_paging_and_bad_parameters(client: TestClient) -> None:
    later = ok(client, "/analytics/turnarounds", since="2024-04-01")["items"]
    assert [t["date"] for t in later] == ["2024-06-10"]
    assert ok(client, "/analytics/turnarounds", until="2024-03-04")["items"] == []
    first = ok(client, "/analytics/turnarounds", limit=1)
    assert first["next_offset"] == 1 and first["items"][0]["date"] == "2024-03-05"
    second = ok(client, "/analytics/turnarounds", limit=1, offset=1)
    assert second["next_offset"] is None and second["items"][0]["date"] == "2024-06-10"
    for params in (
        {"since": "soon"},
        {"since": "2024-05-01", "until": "2024-01-01"},
        {"limit": 501},
        {"offset": -1},
        {"entity": ASHA},
    ):
        assert client.get("/analytics/turnarounds", params=params).status_code == 422, params


# --- terms ------------------------------------------------------------------------------


def test_profile_lists_offices_parties_and_alliances_as_terms(client: TestClient) -> None:
    profile = ok(client, f"/entities/{ASHA}")
    cm = next(t for t in profile["offices"] if t["entity"]["id"] == CM)
    assert (cm["claims"], cm["first_seen"], cm["last_seen"], cm["status"]) == (
        4,
        "2024-01-10",
        "2024-05-02",
        "current",
    )  # the fields from before terms stay
    assert [span(t) for t in cm["terms"]] == [
        ("2024-01-10", "2024-02-15", "2024-03-20", "ended"),
        ("2024-05-02", "2024-05-02", None, "current"),
    ]
    first = cm["terms"][0]
    assert first["claims"] == 3
    assert (first["start"]["kind"], first["start"]["precision"]) == ("observed", "day")
    assert (first["end"]["kind"], first["end"]["precision"]) == ("former", "day")
    assert (
        first["end"]["evidence"]["sentence"]
        == "Former Chief Minister Asha Rao resigned on Saturday."
    )
    assert first["end"]["evidence"]["article"]["id"] == "time-09"
    assert first["start"]["evidence"]["article"]["id"] == "time-01"
    assert first["last_observed"]["evidence"]["article"]["id"] == "time-05"
    party = next(t for t in profile["parties"] if t["entity"]["id"] == TPP)
    assert [span(t) for t in party["terms"]] == [
        ("2024-01-10", "2024-01-10", "2024-03-20", "ended")
    ]
    alliances = ok(client, f"/entities/{FRONT}")["alliances"]
    assert [span(t) for t in alliances[0]["terms"]] == [
        ("2024-01-10", "2024-01-10", "2024-04-01", "ended")
    ]
    assert ok(client, f"/entities/{TPP}")["alliances"][0]["terms"] == alliances[0]["terms"]


def holders_on(client: TestClient, office: str, on: str) -> list[tuple[str, str, str]]:
    items = ok(client, f"/offices/{office}/holders", on=on)["items"]
    return [(h["holder"]["id"], h["certainty"], h["reason"]) for h in items]


def test_holders_on_a_day_are_certain_or_possible(client: TestClient) -> None:
    assert holders_on(client, CM, "2024-02-01") == [
        (ASHA, "certain", "between_observations"),
        (BALA, "possible", "before_first_observation"),
    ]
    assert holders_on(client, CM, "2024-03-01") == [
        (ASHA, "possible", "before_stated_end"),
        (BALA, "possible", "before_first_observation"),
    ]
    assert holders_on(client, CM, "2024-04-15") == [
        (BALA, "possible", "after_last_observation"),
        (ASHA, "possible", "before_first_observation"),
    ]
    assert holders_on(client, CM, "2024-05-02") == [
        (ASHA, "certain", "between_observations"),
        (BALA, "possible", "after_last_observation"),
    ]
    assert holders_on(client, GOVERNOR, "2024-06-01") == []  # called former that day
    assert holders_on(client, GOVERNOR, "2024-05-31") == [(FARID, "possible", "before_stated_end")]


def test_holders_carry_the_covering_term_with_evidence(client: TestClient) -> None:
    body = ok(client, f"/offices/{CM}/holders", on="2024-05-02")
    asha = body["items"][0]
    assert span(asha["term"]) == ("2024-05-02", "2024-05-02", None, "current")
    assert (
        asha["term"]["start"]["evidence"]["sentence"]
        == "Asha Rao was re-appointed Chief Minister of Testland."
    )
    assert len(asha["terms"]) == 2 and body["on"] == "2024-05-02"
    ever = ok(client, f"/offices/{CM}/holders")["items"]
    assert [(h["holder"]["id"], h["certainty"], len(h["terms"])) for h in ever] == [
        (ASHA, None, 2),
        (BALA, None, 1),
    ]
    assert client.get(f"/offices/{CM}/holders", params={"on": "2024-13-01"}).status_code == 422
    assert client.get(f"/offices/{CM}/holders", params={"at": "2024-01-01"}).status_code == 422


def test_tenure_checks(client: TestClient) -> None:
    body = ok(client, "/analytics/tenure-checks")
    found = [
        (
            c["check"],
            c["office"]["id"],
            c["date"],
            c["until"],
            ids([t["holder"] for t in c["terms"]]),
        )
        for c in body["items"]
    ]
    assert found == [
        ("overlap", SPEAKER, "2024-02-01", "2024-02-01", [DEV, ESHA]),
        ("no_successor", GOVERNOR, "2024-06-01", None, [FARID]),
    ]
    # the Chief Minister's ended first term has a successor; Minister of Roads has two seats
    assert MINISTER not in {c["office"]["id"] for c in body["items"]}
    assert body["offices"] == 3 and "chief minister" in body["prefixes"]
    evidence = body["items"][1]["terms"][0]["term"]["end"]["evidence"]
    assert evidence["sentence"] == "Former Governor Farid Khan left for Delhi."
    # the page's terms are read whole after the checks: each page shows what the full list does
    for offset in range(len(body["items"])):
        one = ok(client, "/analytics/tenure-checks", offset=offset, limit=1)
        assert one["items"] == body["items"][offset : offset + 1] and one["offices"] == 3
    assert client.get("/analytics/tenure-checks", params={"office": CM}).status_code == 422


def test_replacing_an_article_recomputes_terms(client: TestClient, session_driver: Driver) -> None:
    """time-09 rewritten without the resignation: the two terms become one open term; the
    original article put back restores them."""
    day, facts = ARTICLES["time-09"]
    changed = article(
        "time-09",
        day,
        [("HOLDS_OFFICE", "asha", "cm", "current", "Chief Minister Asha Rao toured the north.")],
    )
    try:
        assert not ingest_extractions(session_driver, [changed]).failed
        terms = ok(client, f"/entities/{ASHA}")["offices"][0]["terms"]
        assert [span(t) for t in terms] == [("2024-01-10", "2024-05-02", None, "current")]
        assert holders_on(client, CM, "2024-03-01")[0] == (ASHA, "certain", "between_observations")
    finally:
        assert not ingest_extractions(session_driver, [article("time-09", day, facts)]).failed
    terms = ok(client, f"/entities/{ASHA}")["offices"][0]["terms"]
    assert [span(t)[2] for t in terms] == ["2024-03-20", None]


def test_every_time_property_is_a_typed_date(client: TestClient, session_driver: Driver) -> None:
    """Bloom's time slider and GEXF spells need typed dates, not ISO strings: every article
    date, claim and quote date and aggregated edge bound in the graph is a Neo4j DATE."""
    records, _, _ = session_driver.execute_query("""
        CALL () {
          MATCH (a:Article) WHERE a.published IS NOT NULL AND NOT a.published IS :: DATE
          RETURN 'Article.published ' + a.id AS problem
          UNION ALL
          MATCH (c:Claim) WHERE c.date IS NOT NULL AND NOT c.date IS :: DATE
          RETURN 'Claim.date ' + c.id AS problem
          UNION ALL
          MATCH (q:Quote) WHERE q.date IS NOT NULL AND NOT q.date IS :: DATE
          RETURN 'Quote.date ' + q.id AS problem
          UNION ALL
          MATCH ()-[r:HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH|CRITICIZED|SUPPORTED]->()
          WHERE NOT (r.first_seen IS :: DATE AND r.last_seen IS :: DATE)
          RETURN type(r) + ' first_seen/last_seen' AS problem
          UNION ALL
          MATCH (t:Term)
          WHERE any(d IN [t.start, t.last_observed, t.end] WHERE NOT d IS :: DATE)
          RETURN 'Term ' + t.id AS problem
          UNION ALL
          MATCH (t:Turn) WHERE NOT t.date IS :: DATE
          RETURN 'Turn ' + t.id AS problem
        }
        RETURN problem LIMIT 10""")
    assert [r["problem"] for r in records] == []
    counted, _, _ = session_driver.execute_query(
        "MATCH (c:Claim) RETURN count(c.date) AS dated, count(*) AS claims"
    )
    assert counted[0]["dated"] == counted[0]["claims"] > 0


def test_gexf_is_dynamic_with_one_inclusive_spell_per_term(client: TestClient) -> None:
    """Gephi's timeline: the chief minister's tie lives while each term lasts (sworn in,
    resigned, re-appointed and still in office: no end), not from first to last mention;
    the spells' dates are typed by the graph's timeformat."""
    response = client.get("/network", params={"center": ASHA, "format": "gexf"})
    assert response.status_code == 200, response.text
    ns = {"g": "http://gexf.net/1.3"}
    root = ElementTree.fromstring(response.text)
    graph = root.find("g:graph", ns)
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    edges = {e.get("id"): e for e in graph.iterfind("g:edges/g:edge", ns)}
    cm = edges[f"{ASHA}|HOLDS_OFFICE|{CM}"]
    assert "start" not in cm.attrib and "end" not in cm.attrib
    assert [(s.get("start"), s.get("end")) for s in cm.iterfind("g:spells/g:spell", ns)] == [
        ("2024-01-10", "2024-03-20"),
        ("2024-05-02", None),
    ]
    stance = edges[f"{LATA}|SUPPORTED|{ASHA}"]  # no terms: first to last seen
    assert (stance.get("start"), stance.get("end")) == ("2024-01-12", "2024-06-10")
    assert stance.find("g:spells", ns) is None
