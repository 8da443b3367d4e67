"""Named Cypher queries: one query per `.cypher` file under `queries/cypher/`.

Python code calls `load("read/entity_profile")`; the text is read once from the
installed package and cached, so Cypher lives in exactly one home and every file
can be checked with EXPLAIN by a single test.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable

_ROOT = "queries.cypher"


class UnknownQueryError(KeyError):
    """No `.cypher` file has that name."""


@cache
def load(name: str) -> str:
    """The text of query `name` (e.g. "read/entity_profile"), without its header comments."""
    parts = name.split("/")
    if any(not p or p.startswith(".") for p in parts):
        raise UnknownQueryError(name)
    node: Traversable = resources.files(_ROOT)
    for part in parts[:-1]:
        node = node / part
    node = node / f"{parts[-1]}.cypher"
    if not node.is_file():
        raise UnknownQueryError(name)
    return node.read_text("utf-8")


def names() -> list[str]:
    """Every query name, e.g. ["read/entity_profile", "schema/list_indexes", ...]."""
    found: list[str] = []
    root = resources.files(_ROOT)
    for folder in ("read", "write", "schema"):
        base = root / folder
        if base.is_dir():
            found += sorted(
                f"{folder}/{p.name[:-7]}" for p in base.iterdir() if p.name.endswith(".cypher")
            )
    return found
