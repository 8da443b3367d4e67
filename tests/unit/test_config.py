"""Settings: NEO4J_BOLT_PORT alone moves the whole local setup (issue 10, item 8)."""

from __future__ import annotations

import pytest

from app.cli import local_server
from app.config import Settings


def test_the_uri_follows_the_bolt_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_BOLT_PORT", "7788")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.neo4j_uri == "bolt://127.0.0.1:7788"
    assert local_server(settings).bolt_uri == settings.neo4j_uri  # start and connect agree


def test_an_explicit_uri_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_BOLT_PORT", "7788")
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    assert Settings(_env_file=None).neo4j_uri == "bolt://db.example:7687"  # type: ignore[call-arg]
    monkeypatch.delenv("NEO4J_URI")
    monkeypatch.delenv("NEO4J_BOLT_PORT")
    assert Settings(_env_file=None).neo4j_uri == "bolt://127.0.0.1:7687"  # type: ignore[call-arg]
