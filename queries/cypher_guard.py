"""Refuse user Cypher that writes or administers, before it reaches the database.

`POST /cypher` also runs in a READ transaction, so Neo4j itself refuses writes; this check
comes first so a refused query costs nothing, gets a message naming the offending word, and
so procedures that a read transaction would allow (`dbms.*` admin and config calls, APOC,
`LOAD CSV` file reads) never run at all. String literals, quoted identifiers and comments are
blanked out before the scan, so a keyword inside them does not count.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 20_000

#: Words that only appear in writing, schema, admin or file-reading Cypher.
FORBIDDEN_WORDS = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD",
    "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE", "DEALLOCATE", "REALLOCATE",
    "USE", "TRANSACTIONS", "SETTINGS",
})
#: Namespaces refused anywhere (procedures and functions alike).
FORBIDDEN_NAMESPACES = frozenset({"dbms", "apoc", "gds", "genai"})
#: The only procedures a user query may CALL: schema introspection and full-text search.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
})

_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*|\S")


class ForbiddenCypherError(ValueError):
    """The query would write, administer the server or read files; the message says why."""


def strip_literals(query: str) -> str:
    """`query` with string literals, `quoted` identifiers and comments replaced by spaces."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch in "'\"":
            i = _skip_string(query, i, ch)
            out.append(" ")
        elif ch == "`":
            i = _skip_backticks(query, i)
            out.append(" ")
        elif query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise ForbiddenCypherError("unterminated /* comment")
            i = end + 2
            out.append(" ")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _skip_string(query: str, start: int, quote: str) -> int:
    i = start + 1
    while i < len(query):
        if query[i] == "\\":
            i += 2
        elif query[i] == quote:
            return i + 1
        else:
            i += 1
    raise ForbiddenCypherError("unterminated string literal")


def _skip_backticks(query: str, start: int) -> int:
    i = start + 1
    while i < len(query):
        if query[i] == "`":
            if query.startswith("``", i):  # a doubled backtick is an escaped one
                i += 2
                continue
            return i + 1
        i += 1
    raise ForbiddenCypherError("unterminated `quoted` name")


def check_read_only(query: str) -> None:
    """Raise ForbiddenCypherError unless `query` reads only."""
    if not query.strip():
        raise ForbiddenCypherError("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise ForbiddenCypherError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    tokens = _TOKEN.findall(strip_literals(query))
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if previous in {"$", ":"} or following == ":":
            continue  # a parameter ($set), a label (:Set) or a map key ({delete: 1})
        dotted = re.sub(r"\s+", "", token).lower()
        if dotted.split(".")[0] in FORBIDDEN_NAMESPACES:
            raise ForbiddenCypherError(f"'{token}' is not allowed: admin and plugin "
                                       "namespaces are refused")
        if token.upper() in FORBIDDEN_WORDS:
            raise ForbiddenCypherError(f"'{token}' is not allowed: this endpoint only reads")
        if token.upper() == "CALL":
            _check_call(following)


def _check_call(target: str) -> None:
    """`CALL {` / `CALL (` open a subquery (checked token by token); anything else is a
    procedure, allowed only from the read-only list."""
    if target in {"{", "("}:
        return
    name = re.sub(r"\s+", "", target).lower()
    if name not in ALLOWED_PROCEDURES:
        allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
        raise ForbiddenCypherError(f"procedure '{target}' is not allowed; allowed: {allowed}")
