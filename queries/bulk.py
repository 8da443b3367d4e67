"""Typed queries of the bulk first load (`app/bulk.py`): is the database empty, and the
few values the importer's CSV cannot carry, set after the import with the writer's own
queries (an empty list is no property in CSV; lock counters are known only at the end).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import Driver, ManagedTransaction

from queries import load
from queries import write as wq
from queries.rows import AliasRow

BATCH = 1000


def _chunks(rows: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(rows[i : i + size]) for i in range(0, len(rows), size)]


def count_nodes(driver: Driver, *, database: str | None = None) -> int:
    """Nodes of any label in the database."""
    records, _, _ = driver.execute_query(load("read/count_nodes"), database_=database)
    return int(records[0]["nodes"])


def finish_import(
    driver: Driver,
    *,
    empty_stance_days: Sequence[Mapping[str, Any]],
    aliasless: Sequence[str],
    article_writes: Mapping[str, int],
    database: str | None = None,
) -> wq.WriteCounters:
    """Empty `days` lists on stance edges without dated claims, empty alias lists, and lock
    counters above one: in batches of BATCH rows, one transaction each."""
    counters = wq.WriteCounters()
    writes = [{"id": a, "writes": n} for a, n in sorted(article_writes.items())]
    aliases: list[AliasRow] = [{"id": i, "aliases": []} for i in aliasless]
    with driver.session(database=database) as session:
        for rows in _chunks(list(empty_stance_days), BATCH):
            session.execute_write(wq.set_stance_days, rows, counters)
        for rows in _chunks(aliases, BATCH):
            session.execute_write(wq.add_aliases, rows, counters)
        for rows in _chunks(writes, BATCH):
            session.execute_write(_set_article_writes, rows, counters)
    return counters


def _set_article_writes(
    tx: ManagedTransaction, rows: list[dict[str, Any]], counters: wq.WriteCounters
) -> None:
    result = tx.run(load("write/set_article_writes"), {"rows": rows})
    counters.add(result.consume().counters)
