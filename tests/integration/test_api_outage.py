"""Every read route answers 503 with Retry-After, never a 500, while Neo4j is down."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.neo4j_local import free_port

GETS = [
    "/entities?q=kharge",
    "/entities",
    "/entities/person:x",
    "/entities/person:x/timeline",
    "/entities/person:x/relationships",
    "/entities/person:x/relationships?group=true",
    "/statements",
    "/statements?q=seats",
    "/relationships/between?a=person:x&b=person:y",
    "/offices/office:x/holders?on=2024-01-01",
    "/alliances",
    "/paths?from=person:x&to=person:y",
    "/network?center=person:x",
    "/network?center=person:x&format=gexf",
    "/analytics/centrality",
    "/analytics/communities",
]


@pytest.fixture(scope="module")
def down_client() -> Iterator[TestClient]:
    """An app whose Neo4j is a closed port: nothing listens there."""
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_connect_retries=0,
        neo4j_api_retry_time_s=0,
        polikg_api_key=None,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("url", GETS)
def test_reads_during_an_outage_are_503_with_retry_after(down_client: TestClient, url: str) -> None:
    started = time.perf_counter()
    response = down_client.get(url)
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    assert "Traceback" not in response.text and response.json()["detail"]
    assert time.perf_counter() - started < 5  # the API does not sit in 30 s of retries


def test_cypher_during_an_outage_is_503(down_client: TestClient) -> None:
    response = down_client.post("/cypher", json={"query": "RETURN 1 AS one"})
    assert response.status_code == 503 and "Retry-After" in response.headers
