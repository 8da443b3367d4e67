"""What the API checks before a route runs: the API key, the body size, and a last JSON
answer for errors nobody mapped.

FastAPI reads and parses the body before it resolves any dependency, so the `ApiKeyDep`
of a route alone let an 8 MB body without a key be parsed (and its memory kept) only to
answer 401. This ASGI middleware sits in front of routing: for every method but GET,
HEAD and OPTIONS (the routes that declare `ApiKeyDep`) it refuses a missing or wrong key
before a byte of the body is read, and for every route it refuses a body larger than
`max_body_bytes` (413), by its declared Content-Length or, for chunked bodies, while it
streams in.

It also turns an exception that escaped every handler into a JSON 500 *without*
re-raising it: Starlette's own last handler re-raises after answering, and the server then
drops the client's keep-alive connection.
"""

from __future__ import annotations

import hmac
import json
import logging

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings

log = logging.getLogger(__name__)
#: Methods anyone may use. Every other route (POST /articles, POST /cypher) takes the key;
#: a test checks that each of them also declares `ApiKeyDep`.
OPEN_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def api_key_matches(given: bytes | None, settings: Settings) -> bool:
    """True when no key is configured or `given` (raw header bytes) equals it. Bytes, not
    str: `compare_digest` raises TypeError on non-ASCII str, which was a 500."""
    expected = settings.polikg_api_key
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(
        given, expected.get_secret_value().encode("utf-8")
    )


class RequestGuard:
    """Pure ASGI middleware: API key first, body size limit, JSON for unmapped errors."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if scope["method"] not in OPEN_METHODS and not api_key_matches(
            headers.get(b"x-api-key"), self.settings
        ):
            await _answer(send, 401, "missing or wrong X-API-Key header")
            return
        limit = self.settings.max_body_bytes
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            await _answer(send, 413, f"request body larger than {limit} bytes")
            return
        await self._run(scope, _limited(receive, limit), send)

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if started:
                raise
            await _answer(send, 500, "internal error; the server log has the details")


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive` that refuses (413) once the streamed body passes `limit` bytes."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                # FastAPI turns any other exception raised while reading the body into 400
                raise HTTPException(413, f"request body larger than {limit} bytes")
        return message

    return wrapped


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
