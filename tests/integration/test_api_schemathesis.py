"""Property-based checks of the read API against its own OpenAPI schema (schemathesis).

Every GET operation and POST /cypher get a few generated requests each; whatever the
parameters, the API must answer without a server error (503/504 only mean Neo4j is down or
slow). Bounded to a few examples per operation so the suite stays fast.

schemathesis' own pytest integration (`schemathesis.pytest.from_fixture`) breaks on pytest 9
(it rewrites `node._nodeid`), so each operation is driven here with its Hypothesis strategy.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from neo4j import Driver

from app.config import Settings
from app.main import create_app
from tests.integration.api_support import corpus, load

ALLOWED_5XX = {503, 504}
SKIPPED = {"/health", "/ready", "/articles"}  # not the read API
OPERATIONS = sorted(
    (method.upper(), path)
    for path, item in create_app(Settings(polikg_api_key=None)).openapi()["paths"].items()
    for method in item
    if path not in SKIPPED and (method == "get" or path == "/cypher")
)


@pytest.fixture(scope="module")
def api_schema(
    session_driver: Driver, test_settings: Settings
) -> Iterator[schemathesis.schemas.BaseSchema]:
    load(session_driver, corpus())
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(test_settings))
    # schemathesis runs the app's lifespan once and keeps it; close the app's driver
    # before the test Neo4j goes away.
    from schemathesis.python import asgi

    asgi.shutdown_lifespans()


def test_every_read_operation_is_covered() -> None:
    paths = {path for _, path in OPERATIONS}
    assert {
        "/entities",
        "/statements",
        "/network",
        "/paths",
        "/cypher",
        "/analytics/centrality",
    } <= paths


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors(
    api_schema: schemathesis.schemas.BaseSchema, method: str, path: str
) -> None:
    operation = api_schema[path][method]

    @given(data=st.data())
    @settings(
        max_examples=10,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def check(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy())
        response = case.call()
        assert response.status_code < 500 or response.status_code in ALLOWED_5XX, (
            f"{method} {case.formatted_path} {case.query} {case.body} -> "
            f"{response.status_code}: {response.text[:300]}"
        )
        assert "Traceback" not in response.text

    check()
