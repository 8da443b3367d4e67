"""/health and /ready against the session's real Neo4j."""

from __future__ import annotations

from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app


def test_ready_is_200_when_neo4j_answers_and_schema_is_applied(
    test_settings: Settings, graph: Driver
) -> None:
    with TestClient(create_app(test_settings)) as client:
        assert client.get("/health").json() == {"status": "ok"}
        response = client.get("/ready")
    assert response.status_code == 200
    assert response.json()["schema_applied"] is True


def test_openapi_docs_are_served(test_settings: Settings) -> None:
    with TestClient(create_app(test_settings)) as client:
        assert client.get("/docs").status_code == 200
        assert "/ready" in client.get("/openapi.json").json()["paths"]
