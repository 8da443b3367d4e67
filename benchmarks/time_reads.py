"""Latency of the time reads (issue 12): stance per period, turnarounds, terms in the profile,
holders on a day and the tenure checks, on the planted-facts graph of benchmarks/query.py.

Each call goes through the same `queries.read` (and `queries.tenure`) functions the routes
call, so the numbers include the Python that folds or ranks rows, but not HTTP (the API's
overhead is measured by benchmarks/query.py). Targets are picked from the graph itself:
entities with stance edges, offices with holders, days inside their terms.

`--uri` measures a graph that is already loaded (e.g. to compare a query rewrite on the same
data); without it a throwaway Neo4j is started and `--size` articles are loaded.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from neo4j import Driver

from benchmarks.common import Graph, percentiles
from queries import read, tenure

TARGETS = 60

Probe = Callable[[], object]


def _stance_targets(driver: Driver, rng: random.Random) -> list[tuple[str, str]]:
    """(entity, counterpart) pairs of stance edges, the busiest entities first half."""
    records, _, _ = driver.execute_query(
        "MATCH (a:Entity)-[r:CRITICIZED|SUPPORTED]->(b:Entity) "
        "RETURN a.id AS a, b.id AS b, COUNT { (a)-[:CRITICIZED|SUPPORTED]-() } AS degree"
    )
    rows = sorted(((r["degree"], r["a"], r["b"]) for r in records), reverse=True)
    busy = [(a, b) for _, a, b in rows[: TARGETS // 2]]
    rest = [(a, b) for _, a, b in rows[TARGETS // 2 :]]
    return busy + rng.sample(rest, min(len(rest), TARGETS - len(busy)))


def _office_targets(driver: Driver, rng: random.Random) -> list[tuple[str, date]]:
    records, _, _ = driver.execute_query(
        "MATCH (:Person)-[r:HOLDS_OFFICE]->(o:Office) "
        "RETURN o.id AS id, min(r.first_seen) AS first, max(r.last_seen) AS last"
    )
    picked = rng.sample(list(records), min(len(records), TARGETS))
    out = []
    for r in picked:
        first, last = r["first"].to_native(), r["last"].to_native()
        out.append((r["id"], first + timedelta(days=rng.randint(0, (last - first).days))))
    return out


def probes(driver: Driver, reader: read.Reader, *, seed: int) -> dict[str, list[Probe]]:
    """TARGETS calls per time read, each a closure over existing ids."""
    rng = random.Random(seed)
    pairs = _stance_targets(driver, rng)
    offices = _office_targets(driver, rng)
    page = {"limit": 51, "offset": 0}
    window = {"since": None, "until": None}

    def stance(a: str, b: str | None, by: str) -> Probe:
        return lambda: read.entity_stance(
            reader, a, toward=b, by=by, evidence_limit=3, **window, **page
        )

    def turns(since: date | None) -> Probe:
        return lambda: read.turnarounds(reader, since=since, until=None, **page)

    def profile(entity: str) -> Probe:
        return lambda: read.get_entity(reader, entity, evidence_limit=3)

    def holders(office: str, on: date) -> Probe:
        return lambda: tenure.holders_on(read.office_terms(reader, [office]), on)

    def checks() -> object:
        return read.tenure_checks(reader, **page)

    years = [None, date(2022, 1, 1), date(2023, 1, 1), date(2024, 1, 1)]
    return {
        "stance (entity, by month)": [stance(a, None, "month") for a, _ in pairs],
        "stance (toward, by quarter)": [stance(a, b, "quarter") for a, b in pairs],
        "turnarounds": [turns(years[i % len(years)]) for i in range(TARGETS)],
        "profile with terms": [profile(a) for a, _ in pairs],
        "holders on a day": [holders(o, on) for o, on in offices],
        "tenure checks": [checks] * TARGETS,
    }


def measure(calls: dict[str, list[Probe]], *, requests: int) -> dict[str, Any]:
    """p50/p95/p99 per read after one warm-up pass over its targets."""
    out: dict[str, Any] = {}
    for name, targets in calls.items():
        for call in targets:
            call()
        samples = []
        for i in range(requests):
            started = time.perf_counter()
            targets[i % len(targets)]()
            samples.append((time.perf_counter() - started) * 1000)
        out[name] = percentiles(samples)
        sys.stderr.write(f"{name}: {out[name]}\n")
    return out


def run(graph: Graph, *, size: int | None, seed: int, requests: int) -> dict[str, Any]:
    from app.db import create_driver
    from benchmarks.query import load_graph

    settings = graph.settings()
    with create_driver(settings) as driver:
        loaded = load_graph(driver, n=size, seed=seed) if size else None
        reader = read.Reader(driver=driver, database=settings.neo4j_database, timeout_s=60.0)
        latency = measure(probes(driver, reader, seed=seed), requests=requests)
    return {"graph": loaded, "latency_ms": latency, "requests_per_read": requests}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.time_reads", description=__doc__)
    parser.add_argument("--size", type=int, default=5000, help="articles to load")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=200, help="calls per read")
    parser.add_argument("--uri", help="measure this already loaded Neo4j instead")
    parser.add_argument("--password", default="polikg-local")
    args = parser.parse_args(argv)
    if args.uri:
        from pathlib import Path

        graph = Graph(uri=args.uri, password=args.password, home=Path("."))
        out = run(graph, size=None, seed=args.seed, requests=args.requests)
    else:
        from app.db import create_driver
        from benchmarks.common import throwaway_neo4j
        from queries.schema import apply_schema

        with throwaway_neo4j() as graph:
            with create_driver(graph.settings()) as driver:
                apply_schema(driver)
            out = run(graph, size=args.size, seed=args.seed, requests=args.requests)
    sys.stdout.write(json.dumps(out, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
