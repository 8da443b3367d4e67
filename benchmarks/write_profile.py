"""Where write time goes: the planted facts of n articles through the real writer, with the
wall time of every write query summed by name (issue 14).

    python -m benchmarks.write_profile --uri bolt://127.0.0.1:7687 --n 2000 [--start 0]

Writes into the Neo4j at --uri (its graph is kept: run it on a scratch database). Prints one
JSON object: articles/s and, per query, seconds and share of the write time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from benchmarks.common import progress


@contextmanager
def timed_queries() -> Iterator[dict[str, float]]:
    """Sum the wall time of each named write query while the block runs."""
    from queries import write as wq

    spent: dict[str, float] = defaultdict(float)
    original = wq._run

    def run(tx: Any, name: str, counters: Any, **params: Any) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            return original(tx, name, counters, **params)
        finally:
            spent[name] += time.perf_counter() - started

    wq._run = run  # type: ignore[assignment]
    try:
        yield spent
    finally:
        wq._run = original  # type: ignore[assignment]


def profile_writes(driver: Any, *, n: int, start: int, seed: int, batch: int) -> dict[str, Any]:
    """Write articles start..start+n-1 of the planted corpus; time per query name."""
    from benchmarks.corpus import generate
    from loaders.contract import Extraction
    from loaders.ingest import ingest_extractions

    docs = (Extraction.model_validate(f) for _, f in islice(generate(start + n, seed), start, None))
    with timed_queries() as spent, progress() as bar:
        task = bar.add_task("write (planted facts)", total=n)
        started = time.perf_counter()
        while chunk := list(islice(docs, batch)):
            ingest_extractions(driver, chunk, batch_size=batch)
            bar.advance(task, len(chunk))
        seconds = time.perf_counter() - started
    queries = sum(spent.values())
    return {
        "articles": n,
        "first": start,
        "batch": batch,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "python_and_driver_s": round(seconds - queries, 2),
        "queries": {
            k: {"seconds": round(v, 2), "share": round(v / seconds, 3)}
            for k, v in sorted(spent.items(), key=lambda kv: -kv[1])
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.write_profile", description=__doc__)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--password", default="polikg-local")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args(argv)
    from neo4j import GraphDatabase

    from queries.schema import apply_schema

    auth = ("neo4j", args.password)
    with GraphDatabase.driver(args.uri, auth=auth, notifications_min_severity="OFF") as driver:
        apply_schema(driver)
        out = profile_writes(driver, n=args.n, start=args.start, seed=args.seed, batch=args.batch)
    sys.stdout.write(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
