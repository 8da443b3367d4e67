"""Fixtures the API tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from tests.integration.api_support import api_client


@pytest.fixture(scope="module")
def client(session_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    """A client of a fresh app over the test corpus; a module that needs more articles
    overrides this fixture with its own `client`."""
    yield from api_client(session_driver, test_settings)
