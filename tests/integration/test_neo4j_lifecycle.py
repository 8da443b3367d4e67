"""The Docker-free Neo4j: start, readiness, outage, clean stop, port conflicts.

Uses its own throwaway server so stopping it does not disturb the session's Neo4j.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.neo4j_local import LocalNeo4j, Neo4jStartError, free_port, running_pid, start, stop


def _java_processes_using(home: Path) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "Launcher" in cmdline and str(home.resolve()) in cmdline:
            pids.append(int(entry.name))
    return pids


def test_start_on_a_port_already_taken_fails_with_a_clear_error(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        server = LocalNeo4j(home=tmp_path / "neo4j", port=port, password="polikg-test-pw")
        with pytest.raises(Neo4jStartError, match=f"port {port} .* already in use"):
            start(server)
    assert not _java_processes_using(server.home)


def test_ready_turns_503_when_neo4j_stops_and_no_java_process_is_left(tmp_path: Path) -> None:
    server = LocalNeo4j(
        home=tmp_path / "neo4j",
        port=free_port(),
        password="polikg-test-pw",
        heap="512m",
        pagecache="128m",
    )
    uri = start(server)
    pid = running_pid(server)
    assert pid is not None
    assert (server.home / "logs" / "launcher.log").exists()
    settings = Settings(neo4j_uri=uri, neo4j_password="polikg-test-pw", neo4j_connect_retries=1)
    try:
        with TestClient(create_app(settings)) as client:
            assert client.get("/ready").status_code == 200
            assert stop(server) is True
            response = client.get("/ready")
            assert response.status_code == 503
            assert response.json()["detail"] == "Neo4j is unreachable"
            assert response.headers["Retry-After"]
    finally:
        stop(server)
    assert running_pid(server) is None
    assert not _java_processes_using(server.home)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
