"""POST /cypher: read-only Cypher for power users, and the limits around it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from tests.integration.api_support import KHARGE

REFUSED = [
    "CREATE (n:Person {id: 'x'}) RETURN n",
    "MERGE (n:Person {id: 'x'}) RETURN n",
    "MATCH (n:Person {id: $id}) DETACH DELETE n",
    "MATCH (n:Person) DELETE n",
    "MATCH (n:Person) SET n.name = 'x' RETURN n",
    "MATCH (n:Person) REMOVE n.name",
    "CALL dbms.security.createUser('eve', 'pw', false)",
    "CALL dbms.listConfig()",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = x)",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "DROP CONSTRAINT person_id",
    "CALL db.create.setNodeVectorProperty(n, 'v', [1.0])",
    "RETURN apoc.version()",
    "/* sneaky */ create (n) // lower case still counts",
]


def count_nodes(driver: Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(records[0]["n"])


@pytest.mark.parametrize("query", REFUSED)
def test_writes_and_admin_calls_are_refused_before_the_database(
    client: TestClient, query: str
) -> None:
    response = client.post("/cypher", json={"query": query, "parameters": {"id": KHARGE}})
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("query refused")


def test_a_match_with_parameters_runs_and_returns_json_safe_values(client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (p:Person {id: $id})<-[:SAID_BY]-(q:Quote) "
            "WITH p, q ORDER BY q.id LIMIT 1 "
            "RETURN p, q.date AS date, 'CREATE (x)' AS quoted_word, $n AS n",
            "parameters": {"id": KHARGE, "n": 3},
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["p", "date", "quoted_word", "n"]
    row = body["rows"][0]
    assert row["p"]["properties"]["id"] == KHARGE and "Person" in row["p"]["labels"]
    assert row["date"] == "2023-12-21" and row["quoted_word"] == "CREATE (x)"
    assert body["truncated"] is False and body["row_count"] == 1


def test_relationships_and_paths_are_json_safe(client: TestClient) -> None:
    body = client.post(
        "/cypher",
        json={
            "query": "MATCH p = (:Person {id: $id})-[r:HOLDS_OFFICE]->() "
            "RETURN p, r, duration('P1D') AS d, point({x: 1, y: 2}) AS pt LIMIT 1",
            "parameters": {"id": KHARGE},
        },
    ).json()
    row = body["rows"][0]
    assert row["r"]["type"] == "HOLDS_OFFICE" and row["r"]["properties"]["status"] == "current"
    assert len(row["p"]["nodes"]) == 2 and row["d"] == "P1D"
    assert row["pt"]["coordinates"] == [1.0, 2.0]


def test_neo4j_refuses_writes_even_if_the_plan_check_missed_one(
    client: TestClient, session_driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("queries.read.check_plan", lambda plan, query_type: None)
    before = count_nodes(session_driver)
    response = client.post("/cypher", json={"query": "CREATE (n:Intruder) RETURN n"})
    assert response.status_code == 400
    assert "AccessMode" in response.json()["detail"]
    assert count_nodes(session_driver) == before


def test_neo4j_errors_are_400_with_the_reason(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400 and "SyntaxError" in response.json()["detail"]
    assert "Traceback" not in response.text


def test_rows_are_capped_and_the_cut_is_reported(
    test_settings: Settings, session_driver: Driver
) -> None:
    settings = test_settings.model_copy(update={"cypher_row_cap": 10})
    with TestClient(create_app(settings)) as client:
        body = client.post("/cypher", json={"query": "UNWIND range(1, 50) AS x RETURN x"}).json()
    assert [r["x"] for r in body["rows"]] == list(range(1, 11))
    assert body["truncated"] is True and "10" in body["message"]


def test_a_slow_query_is_504(test_settings: Settings, session_driver: Driver) -> None:
    settings = test_settings.model_copy(update={"neo4j_query_timeout_s": 0.5})
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/cypher",
            json={"query": "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)"},
        )
    assert response.status_code == 504


def test_api_key_is_required_when_configured(
    test_settings: Settings, session_driver: Driver
) -> None:
    settings = test_settings.model_copy(update={"polikg_api_key": SecretStr("s3cret")})
    query = {"query": "RETURN 1 AS one"}
    with TestClient(create_app(settings)) as client:
        assert client.post("/cypher", json=query).status_code == 401
        assert client.post("/cypher", json=query, headers={"X-API-Key": "wrong"}).status_code == 401
        ok = client.post("/cypher", json=query, headers={"X-API-Key": "s3cret"})
        assert ok.status_code == 200 and ok.json()["rows"] == [{"one": 1}]


def test_bad_bodies_are_422(client: TestClient) -> None:
    assert client.post("/cypher", json={"query": ""}).status_code == 422
    assert client.post("/cypher", json={"parameters": {}}).status_code == 422
    huge = client.post("/cypher", json={"query": "RETURN $x", "parameters": {"x": 2**70}})
    assert huge.status_code == 422
