"""Domain errors and Neo4j outages mapped to HTTP, in one place.

Code below `app/` raises plain domain errors; only this module knows status codes.
No response ever carries a stack trace.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DatabaseUnavailable,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from queries.cypher_guard import CypherResultError, ForbiddenCypherError

log = logging.getLogger(__name__)

RETRY_AFTER_S = 5


class NotFoundError(LookupError):
    """An id that names nothing in the graph."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"{kind} not found: {ident}")
        self.kind = kind
        self.ident = ident


class BadRequestError(ValueError):
    """Parameters that are well-formed but cannot be answered (e.g. a refused Cypher)."""


class QueryTimeoutError(TimeoutError):
    """A query ran past its time budget."""


def invalid_param(where: str, name: str, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own, for checks that span parameters (e.g. since <= until)."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (where, name), "msg": message, "input": None}]
    )


#: Inputs longer than this are not echoed back in a 422 (a 5 MB text came back twice).
MAX_ECHO_CHARS = 200


def _safe_text(value: object) -> str:
    """`value` as text JSON can carry: unpaired surrogates and undecodable bytes escaped."""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def _echo(value: object) -> object:
    """The part of a rejected input worth echoing: short scalars only."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str | bytes | bytearray) and len(value) <= MAX_ECHO_CHARS:
        return _safe_text(value)
    return None


def validation_errors(errors: list[dict[str, object]]) -> list[dict[str, object]]:
    """FastAPI's 422 items, made safe to encode (the default handler answered 500 for
    non-UTF-8 or lone-surrogate bodies) and without echoing large inputs."""
    out = []
    for error in errors:
        loc = error.get("loc") or ()
        item: dict[str, object] = {
            "type": _safe_text(error.get("type", "value_error")),
            "loc": [
                p if isinstance(p, int) else _safe_text(p)
                for p in (loc if isinstance(loc, list | tuple) else [loc])
            ],
            "msg": _safe_text(error.get("msg", "")),
            "input": _echo(error.get("input")),
        }
        out.append(item)
    return out


def _json(status: int, detail: str, **extra: object) -> JSONResponse:
    headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
    return JSONResponse({"detail": detail, **extra}, status_code=status, headers=headers)


def _is_timeout(exc: ClientError) -> bool:
    code = exc.code or ""
    return "TransactionTimedOut" in code or "Terminated" in code


def install_error_handlers(app: FastAPI) -> None:
    """Register the mapping from exceptions to JSON error responses."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_errors(list(exc.errors()))}, status_code=422)

    @app.exception_handler(NotFoundError)
    async def _not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return _json(404, str(exc), id=exc.ident)

    @app.exception_handler(BadRequestError)
    async def _bad_request(_: Request, exc: BadRequestError) -> JSONResponse:
        return _json(400, str(exc))

    @app.exception_handler(QueryTimeoutError)
    async def _timeout(_: Request, exc: QueryTimeoutError) -> JSONResponse:
        return _json(504, f"query timed out: {exc}")

    async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
        log.warning("Neo4j unavailable: %s", type(exc).__name__)
        return _json(503, "Neo4j is unavailable; retry shortly", retry_after_s=RETRY_AFTER_S)

    # TransientError: retries ran out (e.g. the database is restarting); AuthError: the API's
    # own credentials are refused, which a client cannot fix either.
    for exc_type in (
        ServiceUnavailable,
        SessionExpired,
        DatabaseUnavailable,
        ConnectionError,
        TransientError,
        AuthError,
    ):
        app.add_exception_handler(exc_type, _unavailable)

    @app.exception_handler(ForbiddenCypherError)
    async def _forbidden_cypher(_: Request, exc: ForbiddenCypherError) -> JSONResponse:
        return _json(400, f"query refused: {exc}")

    @app.exception_handler(CypherResultError)
    async def _cypher_result(_: Request, exc: CypherResultError) -> JSONResponse:
        return _json(400, f"query failed: {exc}")

    @app.exception_handler(ClientError)
    async def _client_error(_: Request, exc: ClientError) -> JSONResponse:
        if _is_timeout(exc):
            return _json(504, "query timed out")
        log.warning("Neo4j refused a query: %s", exc.code)
        return _json(400, f"query refused by Neo4j: {exc.code}", message=exc.message)
