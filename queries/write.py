"""Typed write functions: the only place that runs the `write/*.cypher` queries.

Each takes an open transaction, so the loader decides the transaction boundaries (one
per batch) and a failure rolls the whole batch back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import Driver, ManagedTransaction

from queries import load

log = logging.getLogger(__name__)
Row = dict[str, Any]


@dataclass
class WriteCounters:
    """What the batch changed, from Neo4j's own counters."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0

    def add(self, counters: Any) -> None:
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted


def _run(
    tx: ManagedTransaction, name: str, counters: WriteCounters | None, **params: Any
) -> list[dict[str, Any]]:
    result = tx.run(load(f"write/{name}"), params)
    records = [r.data() for r in result]
    summary = result.consume()
    if counters is not None:
        counters.add(summary.counters)
    log.debug("write/%s: %d records", name, len(records))
    return records


def lock_articles(tx: ManagedTransaction, ids: Sequence[str]) -> None:
    """Take the write lock on these articles (sorted, so batches never deadlock on them)."""
    if ids:
        _run(tx, "lock_articles", None, ids=sorted(set(ids)))


def existing_articles(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, Row]:
    return {r["id"]: r for r in _run(tx, "existing_articles", None, ids=list(ids))}


def existing_entity_ids(tx: ManagedTransaction, ids: Sequence[str]) -> set[str]:
    return {r["id"] for r in _run(tx, "existing_entity_ids", None, ids=list(ids))}


def detach_article_facts(
    tx: ManagedTransaction, ids: Sequence[str], counters: WriteCounters
) -> tuple[list[Row], set[str]]:
    """Remove the facts of these articles; returns touched (s, t, o) triples and entities."""
    triples: list[Row] = []
    entities: set[str] = set()
    for rec in _run(tx, "detach_article_facts", counters, ids=list(ids)):
        triples += [t for t in rec["triples"] if t]
        entities |= set(rec["entities"])
    return triples, entities


def entity_candidates(
    tx: ManagedTransaction, probes: Sequence[Row], *, limit: int = 20
) -> list[Row]:
    if not probes:
        return []
    return _run(tx, "entity_candidates", None, probes=list(probes), limit=limit)


def write_rows(
    tx: ManagedTransaction, name: str, rows: Sequence[Row], counters: WriteCounters
) -> None:
    """Run one UNWIND write query if there is anything to write."""
    if rows:
        _run(tx, name, counters, rows=list(rows))


def write_ids(
    tx: ManagedTransaction, name: str, ids: Sequence[str], counters: WriteCounters
) -> None:
    if ids:
        _run(tx, name, counters, ids=sorted(set(ids)))


def backfill_quote_keys(driver: Driver, *, database: str | None = None) -> int:
    """Key quotes written before issue 14 for the page-bounded reads; returns how many.

    Not in a managed transaction: the query commits every 1,000 quotes itself."""
    with driver.session(database=database) as session:
        record = session.run(load("write/backfill_quote_keys")).single()
    return int(record["quotes"]) if record else 0


def pair_claims(tx: ManagedTransaction, pairs: Sequence[str]) -> dict[str, list[Row]]:
    """The dated claims behind each pair key (dates as `datetime.date`), for the time
    aggregates the writer recomputes."""
    if not pairs:
        return {}
    out: dict[str, list[Row]] = {}
    for rec in _run(tx, "pair_claims", None, pairs=sorted(set(pairs))):
        out[rec["pair"]] = [_native_dates(c) for c in rec["claims"]]
    return out


def _native_dates(row: Row) -> Row:
    return {k: v.to_native() if hasattr(v, "to_native") else v for k, v in row.items()}


def fact_triples(tx: ManagedTransaction) -> list[tuple[str, str, str]]:
    """(subject, type, object) of every aggregated fact edge."""
    return [(r["s"], r["t"], r["o"]) for r in _run(tx, "fact_triples", None)]
