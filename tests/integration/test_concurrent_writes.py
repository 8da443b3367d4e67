"""Issue 10, item 2: concurrent writes of one article serialise, with real threads against
the real Neo4j: N simultaneous writes leave exactly what one write leaves."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app
from loaders.contract import Extraction
from loaders.write import BatchResult, write_batch
from tests.integration.api_support import extraction
from tests.integration.graph_checks import aggregated_edges_agree_with_claims, snapshot

THREADS = 8


def article(variant: int = 0) -> Extraction:
    """A small hand-made article; each variant says the same things in other words."""
    pad = " " * variant
    s1 = f"Asha Verin,{pad} leader of the Civic Union, criticised Tomas Kell."
    s2 = f'"The budget is a fraud,"{pad} Verin said of Kell.'
    text = f"{s1} {s2}"
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    ev1 = {"start": 0, "end": len(s1), "sentence": s1, "confidence": 0.9}
    ev2 = {"start": len(s1) + 1, "end": len(text), "sentence": s2, "confidence": 0.9}
    return extraction(
        "race-1",
        "2024-02-10",
        text=text,
        entities=[
            {"id": "e1", "name": "Asha Verin", "type": "Person", "mentions": 2},
            {"id": "e2", "name": "Civic Union", "type": "Party"},
            {"id": "e3", "name": "Tomas Kell", "type": "Person", "mentions": 2},
        ],
        relations=[
            {"type": "MEMBER_OF", "subject": "e1", "object": "e2", "evidence": ev1},
            {"type": "CRITICIZED", "subject": "e1", "object": "e3", "evidence": ev1},
        ],
        quotes=[
            {
                "speaker": "e1",
                "text": text[q0:q1],
                "start": q0,
                "end": q1,
                "about": ["e3"],
                "evidence": ev2,
            }
        ],
    )


def wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def counts(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
    )
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return {**{r["label"]: r["n"] for r in records}, "relationships": rels[0]["n"]}


def all_at_once(work: list[Callable[[], Any]]) -> list[Any]:
    """Run the callables in threads that start together; their results in order."""
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work[index]()
        except BaseException as exc:  # surfaced below, with the thread's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def stored_facts_match_the_stored_text(driver: Driver) -> list[str]:
    """Claims and quotes whose sentence is not where their offsets say in the stored text."""
    records, _, _ = driver.execute_query("""
        MATCH (x)-[:IN]->(a:Article)
        WITH x, a, CASE WHEN x:Quote THEN x.sentence_start ELSE x.start END AS start,
             CASE WHEN x:Quote THEN x.sentence_end ELSE x.end END AS end
        WHERE substring(a.text, start, end - start) <> x.sentence
        RETURN x.id AS id""")
    return [r["id"] for r in records]


def test_eight_concurrent_writes_of_one_article_equal_one_write(graph: Driver) -> None:
    write_batch(graph, [article()])
    once = snapshot(graph)
    once_counts = counts(graph)
    wipe(graph)
    results: list[BatchResult] = all_at_once(
        [lambda: write_batch(graph, [article()]) for _ in range(THREADS)]
    )
    assert snapshot(graph) == once
    assert counts(graph) == once_counts
    assert sum(len(r.new) for r in results) == 1
    assert sum(len(r.unchanged) for r in results) == THREADS - 1


def test_one_id_with_eight_texts_at_once_keeps_one_consistent_version(graph: Driver) -> None:
    write_batch(graph, [article()])
    once_counts = counts(graph)
    wipe(graph)
    results: list[BatchResult] = all_at_once(
        [lambda v=v: write_batch(graph, [article(v)]) for v in range(THREADS)]
    )
    assert counts(graph) == once_counts
    assert stored_facts_match_the_stored_text(graph) == []
    assert aggregated_edges_agree_with_claims(graph) == []
    assert sum(len(r.new) for r in results) == 1
    assert sum(len(r.replaced) for r in results) == THREADS - 1


def test_eight_concurrent_posts_of_one_body_equal_one_post(
    graph: Driver, test_settings: Settings
) -> None:
    body = {
        "id": "race-api",
        "published": "2024-02-10",
        "text": "Opposition leader Asha Verin criticised Prime Minister Tomas Kell on "
        'Friday. "The budget is a fraud," Verin said.',
    }
    with TestClient(create_app(test_settings)) as client:
        assert client.post("/articles", json=body).status_code == 200
        once = counts(graph)
        wipe(graph)
        responses = all_at_once(
            [lambda: client.post("/articles", json=body) for _ in range(THREADS)]
        )
    assert [r.status_code for r in responses] == [200] * THREADS
    statuses = sorted(r.json()["articles"][0]["status"] for r in responses)
    assert statuses == ["new"] + ["unchanged"] * (THREADS - 1)
    assert counts(graph) == once
