"""Human-in-the-loop corrections: merge two entities, rename one. Both safe to repeat."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import Driver, ManagedTransaction

from loaders.aggregates import refresh_aggregates
from loaders.resolve import normalise
from queries import write as wq
from queries.rows import FactEdgeKey

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
    states = wq.entity_merge_state(tx, [keep, drop])
    if not states[keep]["exists"]:
        raise EntityNotFoundError(keep)
    if not states[drop]["exists"]:
        if states[drop]["merged_into"] == keep:
            return MergeResult(keep, drop, already_merged=True)
        raise EntityNotFoundError(drop)
    triples = wq.merge_entity_into(tx, keep=keep, drop=drop)
    counters = wq.WriteCounters()
    wq.refresh_aliases(tx, [keep], counters)
    wq.delete_self_claims(tx, keep)
    refresh_aggregates(tx, _with_dropped(triples, keep, drop), counters)
    return MergeResult(keep, drop, already_merged=False, edges_refreshed=len(triples))


def _with_dropped(
    triples: Sequence[FactEdgeKey], keep: str, drop: str
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
    with driver.session() as session:
        renamed = session.execute_write(
            wq.rename_entity, entity_id=entity_id, name=name, key=normalise(name)
        )
    if renamed is None:
        raise EntityNotFoundError(entity_id)
    return renamed
