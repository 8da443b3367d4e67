"""One place where tests get a real Neo4j.

Order: `NEO4J_TEST_URI` if set; else testcontainers' Neo4j (pinned image) when a
Docker engine answers; else `app.neo4j_local` on a free port and a throwaway folder.
Each test that asks for `graph` starts from an empty graph (schema kept).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from app.config import Settings
from app.neo4j_local import LocalNeo4j, Neo4jStartError, free_port, start, stop
from queries.schema import apply_schema

NEO4J_IMAGE = "neo4j:5.26-community"
TEST_PASSWORD = "polikg-test-pw"
REPO_ROOT = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.integration)


def docker_engine_answers() -> bool:
    """True when a Docker engine (not just the client) responds within a few seconds."""
    try:
        import docker

        client = docker.from_env(timeout=3)
        client.ping()
        client.close()
        return True
    except Exception:  # any failure means "no usable engine", which is a normal case here
        return False


@pytest.fixture(scope="session")
def neo4j_auth() -> tuple[str, str]:
    return ("neo4j", os.environ.get("NEO4J_TEST_PASSWORD", TEST_PASSWORD))


@pytest.fixture(scope="session")
def neo4j_uri(
    tmp_path_factory: pytest.TempPathFactory, neo4j_auth: tuple[str, str]
) -> Iterator[str]:
    """A Bolt URI of a real Neo4j for the whole session."""
    if uri := os.environ.get("NEO4J_TEST_URI"):
        yield uri
        return
    if docker_engine_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE, password=neo4j_auth[1]) as container:
            yield container.get_connection_url()
        return
    server = LocalNeo4j(
        home=tmp_path_factory.mktemp("neo4j"),
        port=free_port(),
        password=neo4j_auth[1],
        heap="1g",
        pagecache="512m",
        start_timeout_s=120,
    )
    try:
        uri = start(server)
    except Neo4jStartError as exc:
        pytest.exit(f"no Neo4j for the integration tests: {exc}", returncode=3)
    try:
        yield uri
    finally:
        stop(server)


@pytest.fixture(scope="session")
def test_settings(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Settings:
    return Settings(
        neo4j_uri=neo4j_uri,
        neo4j_user=neo4j_auth[0],
        neo4j_password=neo4j_auth[1],
        neo4j_connect_retries=2,
        polikg_api_key=None,
    )


@pytest.fixture(scope="session")
def session_driver(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Driver]:
    with GraphDatabase.driver(
        neo4j_uri, auth=neo4j_auth, notifications_min_severity="OFF"
    ) as driver:
        driver.verify_connectivity()
        apply_schema(driver)
        yield driver


@pytest.fixture()
def graph(session_driver: Driver) -> Driver:
    """The session driver over an empty graph (constraints and indexes kept)."""
    with session_driver.session() as session:  # IN TRANSACTIONS needs an implicit transaction
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    return session_driver
