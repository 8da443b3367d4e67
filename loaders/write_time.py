"""The writer's time step: recompute the stored terms and turnarounds of every pair a batch
touched, inside the batch's transaction (after the aggregated edges are refreshed), so reads
find them ready instead of folding claims (see loaders/tenures.py)."""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import Driver, ManagedTransaction

from loaders.records import pair_key
from loaders.tenures import ClaimPoint, derive_terms, derive_turns, stance_days
from queries import write as wq

TERM_TYPES = ("HOLDS_OFFICE", "MEMBER_OF", "ALLIED_WITH")
STANCE_TYPES = ("CRITICIZED", "SUPPORTED")


def refresh_time_aggregates(
    tx: ManagedTransaction, triples: Iterable[tuple[str, str, str]], counters: wq.WriteCounters
) -> None:
    """Terms of the touched term pairs; turnarounds and per-day claim counts of the touched
    (subject, object) pairs with a stance claim; a pair left without claims loses its stored
    aggregates."""
    triples = list(triples)
    term_pairs = sorted({pair_key(s, t, o) for s, t, o in triples if t in TERM_TYPES})
    stance = sorted({(s, o) for s, t, o in triples if t in STANCE_TYPES})
    stance_keys = [pair_key(s, t, o) for s, o in stance for t in STANCE_TYPES]
    claims = wq.pair_claims(tx, term_pairs + stance_keys)
    terms = [{"pair": p, "terms": derive_terms(p, _points(claims, [p]))} for p in term_pairs]
    turns = [
        {
            "pair": f"{s}|{o}",
            "turns": derive_turns(s, o, _points(claims, [pair_key(s, t, o) for t in STANCE_TYPES])),
        }
        for s, o in stance
    ]
    days = []
    for s, o in stance:
        for t in STANCE_TYPES:
            found, counts = stance_days(_points(claims, [pair_key(s, t, o)]))
            days.append({"s": s, "t": t, "o": o, "days": found, "day_claims": counts})
    wq.write_rows(tx, "replace_terms", terms, counters)
    wq.write_rows(tx, "replace_turns", turns, counters)
    wq.write_rows(tx, "set_stance_days", days, counters)


def _points(claims: dict[str, list[wq.Row]], keys: list[str]) -> list[ClaimPoint]:
    return [ClaimPoint(**c) for key in keys for c in claims.get(key, [])]  # type: ignore[typeddict-item]


def rebuild_time_aggregates(
    driver: Driver, *, database: str | None = None, batch: int = 1000
) -> int:
    """Recompute the time aggregates of every fact edge, `batch` edges a transaction: for a
    graph written before the writer kept them (or after changing their derivation). Returns
    how many edges were visited."""
    with driver.session(database=database) as session:
        triples = session.execute_read(wq.fact_triples)
        for i in range(0, len(triples), batch):
            chunk = triples[i : i + batch]
            session.execute_write(refresh_time_aggregates, chunk, wq.WriteCounters())
    return len(triples)
