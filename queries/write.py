"""Typed write functions: the only place that runs the `write/*.cypher` queries.

Each takes an open transaction, so the loader decides the transaction boundaries (one
per batch) and a failure rolls the whole batch back.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from neo4j import Driver, ManagedTransaction

from queries import load
from queries.rows import (
    AliasRow,
    ArticleRow,
    ClaimRow,
    EntityRow,
    FactEdgeKey,
    FactEdgeRow,
    MentionRow,
    QuoteRow,
)

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
    tx: ManagedTransaction, name: str, counters: WriteCounters | None, /, **params: Any
) -> list[dict[str, Any]]:
    result = tx.run(load(f"write/{name}"), params)
    # plain values only (no nodes or paths come back from these queries), so the record's
    # own items are the data: Record.data() walks every nested value again in Python
    records = [dict(r.items()) for r in result]
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
) -> tuple[list[FactEdgeKey], set[str]]:
    """Remove the facts of these articles; returns touched (s, t, o) triples and entities."""
    triples: list[FactEdgeKey] = []
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


def entity_merge_state(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, Row]:
    """{id: {id, exists, merged_into}}: does each id name an entity, or one merged away?"""
    return {r["id"]: r for r in _run(tx, "entity_merge_state", None, ids=list(ids))}


def merge_entity_into(tx: ManagedTransaction, *, keep: str, drop: str) -> list[FactEdgeKey]:
    """Fold entity `drop` into `keep`; the (s, t, o) triples whose edges need a refresh."""
    rows = _run(tx, "merge_entity_into", None, keep=keep, drop=drop)
    return list(rows[0]["triples"]) if rows else []


def delete_self_claims(tx: ManagedTransaction, entity_id: str) -> None:
    """Drop the claims whose subject and object are both this entity (after a merge)."""
    _run(tx, "delete_self_claims", None, id=entity_id)


def rename_entity(tx: ManagedTransaction, *, entity_id: str, name: str, key: str) -> str | None:
    """Set and lock the display name; the name, or None when the id names no entity."""
    rows = _run(tx, "rename_entity", None, id=entity_id, name=name, key=key)
    return str(rows[0]["name"]) if rows else None


def merge_articles(
    tx: ManagedTransaction, rows: Sequence[ArticleRow], counters: WriteCounters
) -> None:
    _write_rows(tx, "merge_articles", rows, counters)


def merge_entities(
    tx: ManagedTransaction, rows: Sequence[EntityRow], counters: WriteCounters
) -> None:
    _write_rows(tx, "merge_entities", rows, counters)


def merge_mentions(
    tx: ManagedTransaction, rows: Sequence[MentionRow], counters: WriteCounters
) -> None:
    _write_rows(tx, "merge_mentions", rows, counters)


def add_aliases(tx: ManagedTransaction, rows: Sequence[AliasRow], counters: WriteCounters) -> None:
    _write_rows(tx, "add_aliases", rows, counters)


def merge_claims(tx: ManagedTransaction, rows: Sequence[ClaimRow], counters: WriteCounters) -> None:
    _write_rows(tx, "merge_claims", rows, counters)


def merge_quotes(tx: ManagedTransaction, rows: Sequence[QuoteRow], counters: WriteCounters) -> None:
    _write_rows(tx, "merge_quotes", rows, counters)


def merge_fact_edges(
    tx: ManagedTransaction, rows: Sequence[FactEdgeRow], counters: WriteCounters
) -> None:
    """Create or update each aggregated edge with what its claims add up to."""
    _write_rows(tx, "merge_fact_edges", rows, counters)


def ensure_fact_edges(
    tx: ManagedTransaction, rows: Sequence[Mapping[str, str]], counters: WriteCounters
) -> None:
    """Create the fact edges that do not exist yet, without their aggregate properties."""
    _write_rows(tx, "ensure_fact_edges", rows, counters)


def mark_pending_aggregates(tx: ManagedTransaction, rows: Sequence[Mapping[str, str]]) -> None:
    """Remember triples whose aggregates a later refresh computes (not counted as writes:
    the markers are gone when the load ends)."""
    if rows:
        _run(tx, "mark_pending_aggregates", None, rows=list(rows))


def pending_aggregates(tx: ManagedTransaction, limit: int) -> list[tuple[str, str, str]]:
    """Up to `limit` pending (subject, type, object) triples."""
    return [(r["s"], r["t"], r["o"]) for r in _run(tx, "pending_aggregates", None, limit=limit)]


def clear_pending_aggregates(tx: ManagedTransaction, keys: Sequence[str]) -> None:
    if keys:
        _run(tx, "clear_pending_aggregates", None, keys=list(keys))


def delete_fact_edges(
    tx: ManagedTransaction, rows: Sequence[FactEdgeRow], counters: WriteCounters
) -> None:
    """Remove the aggregated edges no claim is left behind."""
    _write_rows(tx, "delete_fact_edges", rows, counters)


def refresh_aliases(
    tx: ManagedTransaction, entity_ids: Sequence[str], counters: WriteCounters
) -> None:
    """Recompute these entities' aliases from all their mentions."""
    _write_ids(tx, "refresh_aliases", entity_ids, counters)


def delete_orphan_entities(
    tx: ManagedTransaction, entity_ids: Sequence[str], counters: WriteCounters
) -> None:
    """Remove those of these entities that nothing mentions any more."""
    _write_ids(tx, "delete_orphan_entities", entity_ids, counters)


def replace_terms(tx: ManagedTransaction, rows: Sequence[Row], counters: WriteCounters) -> None:
    _write_rows(tx, "replace_terms", rows, counters)


def replace_turns(tx: ManagedTransaction, rows: Sequence[Row], counters: WriteCounters) -> None:
    _write_rows(tx, "replace_turns", rows, counters)


def _write_rows(
    tx: ManagedTransaction, name: str, rows: Sequence[Mapping[str, Any]], counters: WriteCounters
) -> None:
    """Run one UNWIND write query if there is anything to write."""
    if rows:
        _run(tx, name, counters, rows=list(rows))


def _write_ids(
    tx: ManagedTransaction, name: str, ids: Sequence[str], counters: WriteCounters
) -> None:
    if ids:
        _run(tx, name, counters, ids=sorted(set(ids)))


def set_stance_days(tx: ManagedTransaction, rows: Sequence[Row], counters: WriteCounters) -> None:
    """Per-day claim counts on existing stance edges (the bulk load's finish)."""
    _write_rows(tx, "set_stance_days", rows, counters)


def backfill_quote_keys(driver: Driver, *, database: str | None = None) -> int:
    """Key quotes written before issue 14 for the page-bounded reads; returns how many.

    Not in a managed transaction: the query commits every 1,000 quotes itself."""
    with driver.session(database=database) as session:
        record = session.run(load("write/backfill_quote_keys")).single()
    return int(record["quotes"]) if record else 0


def fact_claims(tx: ManagedTransaction, pairs: Sequence[str]) -> dict[str, list[Row]]:
    """Every claim behind each pair key (dates as `datetime.date`, or None), for the
    aggregates the writer recomputes; a pair without claims is absent."""
    if not pairs:
        return {}
    out: dict[str, list[Row]] = {}
    for rec in _run(tx, "fact_claims", None, pairs=sorted(set(pairs))):
        out[rec["pair"]] = [_iso_dates(c) for c in rec["claims"]]
    return out


CLAIM_DATE_KEYS = ("date", "stated_start", "stated_end")


def _iso_dates(row: Row) -> Row:
    """The claim row with its ISO date strings (see write/fact_claims) as dates."""
    for key in CLAIM_DATE_KEYS:
        if (value := row[key]) is not None:
            row[key] = date.fromisoformat(value)
    return row


def fact_triples(tx: ManagedTransaction) -> list[tuple[str, str, str]]:
    """(subject, type, object) of every aggregated fact edge."""
    return [(r["s"], r["t"], r["o"]) for r in _run(tx, "fact_triples", None)]
