"""The writer's aggregate step: every (subject, type, object) a batch touched gets its
aggregated edge, terms, turnarounds and per-day stance counts recomputed from its claims,
inside the batch's transaction.

One read serves them all (`write/fact_claims`: the touched pairs' claims by their indexed
key) and the folding happens here, in Python, once per batch: the edge's count, first and
last date, best confidence and latest status, then the time aggregates (loaders/tenures.py).
Before issue 14 the edge was folded in Cypher and the same claims were read a second time
for the time aggregates, and the stance counts were written by a third query that expanded
every relationship between the two entities. The graph is the same
(tests/integration/test_write_equivalence.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from neo4j import Driver, ManagedTransaction

from graph_schema import RelType
from loaders.records import pair_key
from loaders.tenures import ClaimPoint, derive_terms, derive_turns, stance_days
from queries import write as wq
from queries.rows import FactEdgeRow

Triple = tuple[str, str, str]
TERM_TYPES = (RelType.HOLDS_OFFICE, RelType.MEMBER_OF, RelType.ALLIED_WITH)
STANCE_TYPES = (RelType.CRITICIZED, RelType.SUPPORTED)


def refresh_aggregates(
    tx: ManagedTransaction, triples: Iterable[Triple], counters: wq.WriteCounters
) -> None:
    """Recompute everything stored about these triples from their claims. The turnarounds
    of a stance pair need both stance types' claims, so those are read for the other type
    too; that type's edge is left alone (its claims did not change, or it would be here)."""
    triples = sorted(set(triples))
    stance = sorted({(s, o) for s, t, o in triples if t in STANCE_TYPES})
    keys = {pair_key(*k) for k in triples}
    keys |= {pair_key(s, t, o) for s, o in stance for t in STANCE_TYPES}
    claims = wq.fact_claims(tx, sorted(keys))
    rows = [edge_row(k, claims.get(pair_key(*k), [])) for k in triples]
    wq.merge_fact_edges(tx, [r for r in rows if r["claims"]], counters)
    wq.delete_fact_edges(tx, [r for r in rows if not r["claims"]], counters)
    term_pairs = sorted({pair_key(s, t, o) for s, t, o in triples if t in TERM_TYPES})
    terms = [{"pair": p, "terms": derive_terms(p, _points(claims, [p]))} for p in term_pairs]
    turns = [
        {
            "pair": f"{s}|{o}",
            "turns": derive_turns(s, o, _points(claims, [pair_key(s, t, o) for t in STANCE_TYPES])),
        }
        for s, o in stance
    ]
    wq.replace_terms(tx, terms, counters)
    wq.replace_turns(tx, turns, counters)


def defer_aggregates(
    tx: ManagedTransaction, triples: Iterable[Triple], counters: wq.WriteCounters
) -> None:
    """What a deferred write does instead of `refresh_aggregates`: the fact edges exist
    (entity resolution reads MEMBER_OF / HOLDS_OFFICE ties) and the triples are marked for
    `refresh_pending`, in this transaction. A load of many batches then folds each pair
    once instead of once per batch: at 100k articles 420 office, party and alliance ties
    hold 670,000 claims, and every 200-article batch touched nearly all of them."""
    rows = [{"key": pair_key(s, t, o), "s": s, "t": t, "o": o} for s, t, o in sorted(set(triples))]
    wq.ensure_fact_edges(tx, rows, counters)
    wq.mark_pending_aggregates(tx, rows)


def refresh_pending(
    driver: Driver,
    *,
    database: str | None = None,
    batch: int = 500,
    counters: wq.WriteCounters | None = None,
) -> int:
    """Refresh every pending triple, `batch` a transaction, each transaction clearing the
    markers of what it refreshed (so a crash loses nothing and repeats nothing that
    committed). Returns how many triples were refreshed."""
    done = 0
    counters = counters if counters is not None else wq.WriteCounters()

    def one_batch(tx: ManagedTransaction) -> int:
        triples = wq.pending_aggregates(tx, batch)
        refresh_aggregates(tx, triples, counters)
        wq.clear_pending_aggregates(tx, [pair_key(*t) for t in triples])
        return len(triples)

    with driver.session(database=database) as session:
        while refreshed := session.execute_write(one_batch):
            done += refreshed
    return done


def edge_row(key: Triple, claims: Sequence[wq.Row]) -> FactEdgeRow:
    """The aggregated edge of one triple, folded as the Cypher fold before it did: claims
    ordered by date then id, undated ones last (Cypher's ascending order), the status the
    latest claim with a status gave; no claims, `claims` 0 (the edge is removed)."""
    s, t, o = key
    ordered = sorted(claims, key=lambda c: (c["date"] is None, c["date"] or date.min, c["id"]))
    dates = [c["date"] for c in ordered if c["date"] is not None]
    statuses = [c["status"] for c in ordered if c["status"] is not None]
    confidences = [c["confidence"] for c in ordered if c["confidence"] is not None]
    row: FactEdgeRow = {
        "s": s,
        "t": t,
        "o": o,
        "claims": len(ordered),
        "first_seen": min(dates, default=None),
        "last_seen": max(dates, default=None),
        "confidence": max(confidences, default=None),
        "status": statuses[-1] if statuses else None,
        "days": None,
        "day_claims": None,
    }
    if t in STANCE_TYPES:
        row["days"], row["day_claims"] = stance_days(_points({"": ordered}, [""]))
    return row


def _points(claims: dict[str, list[wq.Row]], keys: list[str]) -> list[ClaimPoint]:
    """The dated claims of these pair keys, as the folds of loaders/tenures.py take them."""
    return [
        ClaimPoint(**c)  # type: ignore[typeddict-item]
        for key in keys
        for c in claims.get(key, [])
        if c["date"] is not None
    ]


def rebuild_time_aggregates(
    driver: Driver, *, database: str | None = None, batch: int = 1000
) -> int:
    """Recompute the aggregates of every fact edge, `batch` edges a transaction: for a graph
    written before the writer kept the time aggregates (or after changing a derivation).
    Returns how many edges were visited."""
    with driver.session(database=database) as session:
        triples = session.execute_read(wq.fact_triples)
        for i in range(0, len(triples), batch):
            chunk = triples[i : i + batch]
            session.execute_write(refresh_aggregates, chunk, wq.WriteCounters())
    return len(triples)
