"""Issue 10, items 5 and 6: no input answers 5xx, the key is checked before the body is
read, bodies are size-limited, 422s do not echo large inputs, keep-alive survives."""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from app.neo4j_local import free_port

KEY = "s3cret-key"


@pytest.fixture(scope="module")
def keyed_settings(test_settings: Settings) -> Settings:
    return test_settings.model_copy(
        update={"polikg_api_key": SecretStr(KEY), "max_body_bytes": 4 * 1024 * 1024}
    )


@pytest.fixture(scope="module")
def keyed(keyed_settings: Settings, session_driver: Driver) -> Iterator[TestClient]:
    with TestClient(create_app(keyed_settings), headers={"X-API-Key": KEY}) as client:
        yield client


def deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"query": "RETURN substring('abc', -1, 2) AS x"}, 400),
        # deeper than the driver's recursion (it unpacks recursively); 3,000 deep is not here:
        # a cold Neo4j's own Bolt encoder overflows its stack on that and never answers
        # (measured: 120 s, then 503) - a Neo4j bug, reported, not something the API can see
        ({"query": "RETURN reduce(x = [], i IN range(1, 600) | [x]) AS x"}, 400),
        ({"query": "RETURN reduce(x = [], i IN range(1, 80) | [x]) AS x"}, 400),
        ({"query": "RETURN $p AS p", "parameters": {"p": deep(900)}}, 422),
        ({"query": "RETURN $p AS p", "parameters": {"p": "\ud800"}}, 422),
        ({"query": "RETURN $p AS p", "parameters": {"\udc00": 1}}, 422),
        ({"query": "RETURN '\ud83d' AS x"}, 422),
        ({"query": "RETURN 1 AS x", "parameters": {"p": "nul\x00"}}, 422),
    ],
)
def test_cypher_inputs_that_were_500s_are_4xx_json(
    keyed: TestClient, body: dict[str, Any], status: int
) -> None:
    response = keyed.post(
        "/cypher", content=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert "Traceback" not in response.text


def test_running_out_of_query_memory_is_a_clear_400_tried_once(
    keyed_settings: Settings, session_driver: Driver
) -> None:
    """Neo4j's memory error is transient to the driver, which retried it into a 503."""
    settings = keyed_settings.model_copy(update={"neo4j_query_timeout_s": 90.0})
    with TestClient(create_app(settings), headers={"X-API-Key": KEY}) as client:
        started = time.monotonic()
        response = client.post(
            "/cypher", json={"query": "UNWIND range(1, 50000000) AS x RETURN size(collect(x)) AS n"}
        )
        elapsed = time.monotonic() - started
        assert response.status_code == 400, response.text
        assert "memory" in response.json()["detail"]
        again = client.post("/cypher", json={"query": "RETURN 1 AS one"})
    assert again.status_code == 200
    assert elapsed < 90


def test_results_are_capped_by_bytes_too(keyed_settings: Settings, session_driver: Driver) -> None:
    settings = keyed_settings.model_copy(update={"cypher_byte_cap": 50_000})
    with TestClient(create_app(settings), headers={"X-API-Key": KEY}) as client:
        response = client.post(
            "/cypher",
            json={
                "query": "UNWIND range(1, 500) AS i RETURN i, reduce(s = '', x IN range(1, 1000) "
                "| s + 'x') AS text"
            },
        )
    body = response.json()
    assert response.status_code == 200 and body["truncated"] is True
    assert 0 < body["row_count"] < 500 and len(response.content) < 60_000
    assert "50000 bytes" in body["message"] and body["byte_cap"] == 50_000


@pytest.mark.parametrize(
    "raw",
    [
        b'{"query": "RETURN 1 AS x\xff\xfe"}',
        b"\xff\xfe\x00",
        b'{"query": "RETURN \\ud800 AS x"}',
        b'{"text": "\\udfff"}',
        b"[" * 5000,
    ],
)
@pytest.mark.parametrize("path", ["/cypher", "/articles"])
def test_undecodable_bodies_are_4xx(keyed: TestClient, raw: bytes, path: str) -> None:
    response = keyed.post(path, content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert "Traceback" not in response.text


def test_a_422_does_not_echo_a_large_input(keyed: TestClient) -> None:
    text = "x" * 1_000_001
    response = keyed.post("/articles", json={"text": text})
    assert response.status_code == 422
    assert len(response.content) < 2_000
    assert (
        response.json()["detail"][0]["loc"] == ["body", "ArticleIn", "text"]
        or "text" in response.json()["detail"][0]["loc"]
    )


def _asgi_post(
    app: FastAPI, path: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes]
) -> tuple[int, int]:
    """POST through the ASGI interface; (status, body chunks the app pulled)."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        if pulled > len(chunks):
            return {"type": "http.disconnect"}
        return {
            "type": "http.request",
            "body": chunks[pulled - 1],
            "more_body": pulled < len(chunks),
        }

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "headers": [(b"content-type", b"application/json"), *headers],
    }
    asyncio.run(app(scope, receive, send))
    return status, pulled


@pytest.mark.parametrize("path", ["/articles", "/cypher"])
@pytest.mark.parametrize("key", [None, b"wrong", "cl\u00e9".encode(), "\u043a\u043b".encode()])
def test_the_key_is_checked_before_the_body_is_read(
    keyed_settings: Settings, path: str, key: bytes | None
) -> None:
    app = create_app(keyed_settings)
    headers = [(b"content-length", str(8_000_000).encode())]
    if key is not None:
        headers.append((b"x-api-key", key))
    status, pulled = _asgi_post(app, path, headers, [b"{" + b" " * 1000])
    assert (status, pulled) == (401, 0)


def test_bodies_over_the_limit_are_413_declared_or_streamed(keyed_settings: Settings) -> None:
    app = create_app(keyed_settings)
    key = (b"x-api-key", KEY.encode())
    declared = [key, (b"content-length", str(5 * 1024 * 1024).encode())]
    assert _asgi_post(app, "/articles", declared, [b"{}"]) == (413, 0)
    chunk = b" " * (1024 * 1024)
    status, pulled = _asgi_post(app, "/articles", [key], [chunk] * 6)
    assert status == 413 and pulled <= 5


@pytest.fixture(scope="module")
def live_server(keyed_settings: Settings, session_driver: Driver) -> Iterator[int]:
    """The app under uvicorn on a real socket, for what TestClient cannot show."""
    port = free_port()
    config = uvicorn.Config(
        create_app(keyed_settings), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_keep_alive_survives_every_bad_request(live_server: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", live_server, timeout=30)
    requests: list[tuple[str, bytes, dict[str, str | bytes]]] = [
        ("/cypher", b'{"query": "RETURN 1 AS x"}', {"X-API-Key": "cl\u00e9".encode()}),
        ("/cypher", b'{"query": "RETURN substring(\'abc\', -1, 2) AS x"}', {"X-API-Key": KEY}),
        ("/cypher", b'{"query": "RETURN \\ud800 AS x"}', {"X-API-Key": KEY}),
        ("/articles", b"\xff\xfe", {"X-API-Key": KEY}),
        ("/cypher", b'{"query": "RETURN 1 AS x"}', {"X-API-Key": KEY}),
    ]
    first_socket = None
    statuses = []
    for path, body, headers in requests:
        conn.request(
            "POST", path, body=body, headers={"Content-Type": "application/json", **headers}
        )
        response = conn.getresponse()
        response.read()
        statuses.append(response.status)
        assert response.getheader("connection", "") != "close"
        first_socket = first_socket or conn.sock
        assert conn.sock is first_socket  # the same connection all along
    conn.close()
    assert all(400 <= s < 500 for s in statuses[:-1]) and statuses[-1] == 200, statuses
