"""Human-in-the-loop corrections: merge two entities, rename one. Both safe to repeat."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from neo4j import Driver, ManagedTransaction

from loaders.resolve import normalise
from loaders.write_time import refresh_time_aggregates
from queries import load
from queries import write as wq

log = logging.getLogger(__name__)


class EntityNotFoundError(LookupError):
    """The id names no entity (and no entity it was merged into)."""


@dataclass
class MergeResult:
    keep: str
    drop: str
    already_merged: bool
    edges_refreshed: int = 0


def _merge_tx(tx: ManagedTransaction, keep: str, drop: str) -> MergeResult:
    states = {r["id"]: r for r in tx.run(load("write/entity_merge_state"), ids=[keep, drop])}
    if not states[keep]["exists"]:
        raise EntityNotFoundError(keep)
    if not states[drop]["exists"]:
        if states[drop]["merged_into"] == keep:
            return MergeResult(keep, drop, already_merged=True)
        raise EntityNotFoundError(drop)
    record = tx.run(load("write/merge_entity_into"), keep=keep, drop=drop).single()
    triples = record["triples"] if record else []
    counters = wq.WriteCounters()
    wq.write_ids(tx, "refresh_aliases", [keep], counters)
    tx.run(load("write/delete_self_claims"), id=keep).consume()
    wq.write_rows(tx, "refresh_fact_edges", triples, counters)
    refresh_time_aggregates(tx, _with_dropped(triples, keep, drop), counters)
    return MergeResult(keep, drop, already_merged=False, edges_refreshed=len(triples))


def _with_dropped(
    triples: list[dict[str, str]], keep: str, drop: str
) -> list[tuple[str, str, str]]:
    """The merged triples and the ones they replaced (`drop` for `keep`, either order), so the
    stored terms, turns and stance counts of the dropped id's pairs are cleared too."""
    out: set[tuple[str, str, str]] = set()
    for r in triples:
        s, t, o = r["s"], r["t"], r["o"]
        old_s, old_o = (drop if s == keep else s), (drop if o == keep else o)
        out |= {(s, t, o), (old_s, t, old_o), (old_o, t, old_s)}
    return sorted(out)


def merge_entities(driver: Driver, keep: str, drop: str) -> MergeResult:
    """Fold `drop` into `keep` (its mentions, claims, quotes and aliases) in one transaction."""
    if keep == drop:
        raise ValueError("cannot merge an entity into itself")
    with driver.session() as session:
        result = session.execute_write(_merge_tx, keep, drop)
    log.info("merged %s into %s (already merged: %s)", drop, keep, result.already_merged)
    return result


def rename_entity(driver: Driver, entity_id: str, name: str) -> str:
    """Set the display name and lock it against automatic renames; returns the name."""
    name = name.strip()
    if not name:
        raise ValueError("the new name is empty")
    records, _, _ = driver.execute_query(
        load("write/rename_entity"), id=entity_id, name=name, key=normalise(name)
    )
    if not records:
        raise EntityNotFoundError(entity_id)
    return str(records[0]["name"])
