"""Stance over time bounded by the page (issue 12): one busy entity criticised and supported
by many counterparts over two years. Every page, for each period length, window and page
size, equals the counts folded here from the articles themselves; pages tile the whole
answer in (period, counterpart) order; and the first page unwinds only the days of the
periods it shows, not the entity's whole history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from queries import load
from queries.read import date_bounds
from tests.integration.api_support import api_client, extraction

HUB = "Asha Rao"
#: Distinct names the resolver cannot take for spellings of one another.
OTHERS = [
    f"{first} {last}"
    for first, last in zip(
        ["Bala", "Chitra", "Dev", "Esha", "Farid", "Gopal", "Hema", "Imran", "Jaya", "Kabir"],
        [
            "Iyer",
            "Menon",
            "Kapoor",
            "Qureshi",
            "Bose",
            "Naidu",
            "Thakur",
            "Sethi",
            "Pillai",
            "Dutt",
        ],
        strict=True,
    )
]
N_ARTICLES = 120
FIRST_DAY = date(2023, 1, 3)


def _fact(i: int) -> tuple[date, str, str, str]:
    """(day, type, subject, object) of article i: every 6 days, some days twice."""
    day = FIRST_DAY + timedelta(days=6 * (i // 2) + (i % 3 == 0))
    other = OTHERS[(i * 7) % len(OTHERS)]
    kind = "CRITICIZED" if i % 5 in (0, 1, 3) else "SUPPORTED"
    return (day, kind, HUB, other) if i % 2 else (day, kind, other, HUB)


def _docs() -> list[Any]:
    docs = []
    for i in range(N_ARTICLES):
        day, kind, subject, obj = _fact(i)
        text = f"{subject} {'attacked' if kind == 'CRITICIZED' else 'praised'} {obj}."
        docs.append(
            extraction(
                f"stance-{i:03d}",
                day.isoformat(),
                [
                    {"id": "s", "name": subject, "type": "Person"},
                    {"id": "o", "name": obj, "type": "Person"},
                ],
                [
                    {
                        "type": kind,
                        "subject": "s",
                        "object": "o",
                        "evidence": {"start": 0, "end": len(text), "sentence": text},
                    }
                ],
                text=text,
            )
        )
    return docs


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    yield from api_client(session_driver, test_settings, _docs())


def _period(day: date, by: str) -> date:
    if by == "year":
        return date(day.year, 1, 1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day.replace(day=1)


def _expected(by: str, since: date | None, until: date | None) -> list[tuple[Any, ...]]:
    """(period_start, counterpart name, criticized given/received, supported given/received)
    folded from the articles, in the API's order."""
    counts: Counter[tuple[date, str, str]] = Counter()
    for i in range(N_ARTICLES):
        day, kind, subject, obj = _fact(i)
        if (since and day < since) or (until and day > until):
            continue
        given = subject == HUB
        counts[(_period(day, by), obj if given else subject, f"{kind}-{given}")] += 1
    keys = sorted({(p, name) for p, name, _ in counts})
    return [
        (
            p.isoformat(),
            name,
            counts[(p, name, "CRITICIZED-True")],
            counts[(p, name, "CRITICIZED-False")],
            counts[(p, name, "SUPPORTED-True")],
            counts[(p, name, "SUPPORTED-False")],
        )
        for p, name in keys
    ]


def _hub_id(client: TestClient) -> str:
    found = client.get("/entities", params={"q": HUB}).json()["items"]
    return str(next(e["id"] for e in found if e["name"] == HUB))


def _pages(client: TestClient, hub: str, limit: int, **params: Any) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get(
            f"/entities/{hub}/stance", params={**params, "limit": limit, "offset": offset}
        ).json()
        assert body["entity"]["id"] == hub
        rows += [
            (
                r["period_start"],
                r["counterpart"]["name"],
                r["criticized_given"],
                r["criticized_received"],
                r["supported_given"],
                r["supported_received"],
            )
            for r in body["items"]
        ]
        offset = body["next_offset"]
    return rows


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
@pytest.mark.parametrize(
    "window",
    [
        (None, None),
        (date(2023, 5, 17), None),
        (None, date(2023, 11, 2)),
        (date(2023, 4, 9), date(2024, 1, 20)),
    ],
)
@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pages_tile_the_counts_folded_from_the_articles(
    client: TestClient, by: str, window: tuple[date | None, date | None], limit: int
) -> None:
    since, until = window
    params: dict[str, Any] = {"by": by}
    if since:
        params["since"] = since.isoformat()
    if until:
        params["until"] = until.isoformat()
    assert _pages(client, _hub_id(client), limit, **params) == _expected(by, since, until)


def test_toward_one_counterpart_pages_the_same(client: TestClient) -> None:
    hub = _hub_id(client)
    other = client.get("/entities", params={"q": OTHERS[3]}).json()["items"][0]
    body = client.get(f"/entities/{hub}/stance", params={"toward": other["id"], "limit": 3})
    assert body.status_code == 200
    assert body.json()["toward"]["id"] == other["id"]
    rows = _pages(client, hub, 2, toward=other["id"])
    assert rows == [r for r in _expected("month", None, None) if r[1] == OTHERS[3]]


def test_a_quiet_page_still_names_the_entity_and_unknown_ids_are_404(client: TestClient) -> None:
    hub = _hub_id(client)
    body = client.get(f"/entities/{hub}/stance", params={"offset": 10_000}).json()
    assert body["items"] == [] and body["entity"]["id"] == hub
    assert client.get("/entities/person:nobody/stance").status_code == 404
    assert (
        client.get(f"/entities/{hub}/stance", params={"toward": "person:nobody"}).status_code == 404
    )


def test_the_first_page_unwinds_only_the_days_it_shows(
    client: TestClient, session_driver: Driver
) -> None:
    """PROFILE: the first page of 5 monthly rows reads the days of its few months, not all
    of the hub's days (one row per (edge, day) in the plan's Unwind of days)."""
    hub = _hub_id(client)
    params = {
        "id": hub,
        "toward": None,
        "by": "month",
        **date_bounds(None, None),
        "evidence_limit": 1,
        "offset": 0,
        "limit": 5,
    }
    with session_driver.session() as session:
        summary = session.run("PROFILE " + load("read/entity_stance"), params).consume()
    unwound = _unwound_days(summary.profile)
    all_days = len({(_fact(i)[0], *_fact(i)[1:]) for i in range(N_ARTICLES)})
    assert 0 < unwound < all_days / 4, (unwound, all_days)


def test_a_page_reads_only_the_counterparts_it_can_show(
    client: TestClient, session_driver: Driver
) -> None:
    """PROFILE: by year every counterpart has a row in 2023, yet a page of 2 rows unwinds the
    edges of only the 2 counterparts first in (period, id) order, not of all 10."""
    hub = _hub_id(client)
    params = {
        "id": hub,
        "toward": None,
        "by": "year",
        **date_bounds(None, None),
        "evidence_limit": 1,
        "offset": 0,
        "limit": 2,
    }
    with session_driver.session() as session:
        summary = session.run("PROFILE " + load("read/entity_stance"), params).consume()
        edges = session.run(
            "MATCH (:Entity {id: $id})-[r:CRITICIZED|SUPPORTED]-() RETURN count(r) AS n", id=hub
        ).single()
    assert edges is not None and edges["n"] > 2 * 4
    unwound = _unwound_days(summary.profile, "edges")
    assert 0 < unwound <= 2 * 4, unwound  # two counterparts, each at most 4 edges to the hub


def _unwound_days(plan: dict[str, Any], over: str = "days") -> int:
    """Rows out of the Unwind over an edge's days (its expression ranges over `r.days`), or
    over what `over` names."""
    own = 0
    if plan["operatorType"].startswith("Unwind") and over in plan["args"].get("Details", ""):
        own = plan["rows"]
    return own + sum(_unwound_days(child, over) for child in plan.get("children", []))
