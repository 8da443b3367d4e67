"""`make bench` / `make bench-full`: every benchmark against one throwaway Neo4j, then a JSON
file and a Markdown table in benchmarks/results/.

    python -m benchmarks.run --quick                 # about 3 min on 2 cores
    python -m benchmarks.run --full                  # 10k-article graph: about 25 min
    python -m benchmarks.run --full --size 100000    # 100k: the bulk load takes ~10 min

Order matters: the read benchmarks run first on a graph of exactly `size` articles (planted
facts, see benchmarks/query.py; --quick has the writer load them, --full the bulk first
load, which is then also the bulk benchmark); the ingest benchmark then extracts and writes the next
articles of the same corpus into that graph, so ingest is measured against a graph that
already has content, as it is in use. Sizes are chosen so --quick fits in five minutes on
2 cores, where spaCy alone does ~5 articles/s: bare/extract run on a small sample and each
ingest run on a few dozen articles (the rates, not the totals, are what is compared).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.common import Graph, console, machine, neo4j_rss_mib, throwaway_neo4j
from benchmarks.report import markdown

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Plan:
    """How big each part of a run is."""

    mode: str
    size: int  # articles in the graph the read benchmarks query
    sample: int  # articles for bare spaCy vs extraction (and recall)
    ingest_n: int  # articles per ingest run (one with 1 worker, one with 2)
    requests: int  # single-client requests per endpoint and mode
    seconds: float  # duration of the concurrent load
    clients: int
    profile_n: int  # articles profiled with pyinstrument (0: skip)
    scale_n: int  # articles for Dask LocalCluster vs process pool, then `polikg load`
    write_n: int  # planted articles `polikg load` writes (write-only rate, after the rest)
    bulk_n: int  # articles' shards through the bulk first load (0: skip)
    #: how the read graph is built: "load" (the incremental writer, timed as the ingest's
    #: write-only rate) or "bulk" (the bulk first load, which is then the bulk benchmark:
    #: minutes instead of an hour at 100k)
    graph_by: str
    heap: str
    pagecache: str
    seed: int = 7


def plan(args: argparse.Namespace) -> Plan:
    if args.full:
        base = Plan(
            "full",
            size=10_000,
            sample=500,
            ingest_n=2000,
            requests=1000,
            seconds=30,
            clients=16,
            profile_n=50,
            scale_n=500,
            write_n=2000,
            bulk_n=10_000,
            graph_by="bulk",
            heap="2g",
            pagecache="2g",
        )
    else:
        base = Plan(
            "quick",
            size=1000,
            sample=64,
            ingest_n=100,
            requests=300,
            seconds=10,
            clients=16,
            profile_n=16,
            scale_n=64,
            write_n=400,
            bulk_n=1000,
            graph_by="load",
            heap="1g",
            pagecache="1g",
        )
    changes = {
        k: v for k, v in vars(args).items() if k in Plan.__dataclass_fields__ and v is not None
    }
    chosen = Plan(**{**base.__dict__, **changes})
    if chosen.size >= 50_000:  # keep a 100k-article store in the page cache
        chosen = Plan(**{**chosen.__dict__, "heap": "4g", "pagecache": "4g"})
    return chosen


@contextmanager
def read_graph(p: Plan) -> Iterator[tuple[Graph, dict[str, Any] | None]]:
    """The throwaway Neo4j the benchmarks share, empty with its schema ("load": the read
    benchmark loads it) or already holding `size` planted articles ("bulk": with the bulk
    load's own measurements)."""
    if p.graph_by == "bulk":
        from benchmarks.bulk import bulk_loaded_neo4j

        with bulk_loaded_neo4j(n=p.size, seed=p.seed, heap=p.heap, pagecache=p.pagecache) as (
            graph,
            stats,
        ):
            yield graph, stats
        return
    from app.db import create_driver
    from queries.schema import apply_schema

    with throwaway_neo4j(heap=p.heap, pagecache=p.pagecache) as graph:
        with create_driver(graph.settings()) as driver:
            apply_schema(driver)
        yield graph, None


def run(p: Plan) -> dict[str, Any]:
    from app.db import create_driver
    from benchmarks import ingest, query, scale, time_reads, write_rate

    started = time.perf_counter()
    with read_graph(p) as (graph, bulk_out):
        with create_driver(graph.settings()) as driver:
            neo4j_version = driver.get_server_info().agent
        info = machine(neo4j_version)
        reads = query.benchmark(
            graph,
            size=None if bulk_out else p.size,
            seed=p.seed,
            requests=p.requests,
            clients=p.clients,
            seconds=p.seconds,
        )
        # the time reads (issue 12) on the same graph, before the ingest runs add to it
        times = time_reads.run(graph, size=None, seed=p.seed, requests=p.requests)
        writes = ingest.benchmark(
            graph, seed=p.seed, first=p.size, sample=p.sample, ingest_n=p.ingest_n
        )
        # after the ingest runs: the next articles of the corpus, none of them in the graph yet
        scale_out = scale.benchmark(graph, seed=p.seed, start=p.size + 2 * p.ingest_n, n=p.scale_n)
        # last: the graph now holds size + the ingest and scale articles; the next ones
        # are new to it
        written = p.size + 2 * p.ingest_n + p.scale_n
        writes_only = write_rate.benchmark(
            graph, seed=p.seed, start=written, n=p.write_n, batch=200, graph_articles=written
        )
        info["neo4j_rss_mib"] = neo4j_rss_mib(graph)
    if p.bulk_n and bulk_out is None:  # a Neo4j of its own, after the shared one has stopped
        from benchmarks import bulk

        bulk_out = bulk.benchmark(n=p.bulk_n, seed=p.seed)
    hot = None
    if p.profile_n:
        from benchmarks.hotspots import profile_extraction

        RESULTS.mkdir(exist_ok=True)
        hot = profile_extraction(
            n=p.profile_n,
            seed=p.seed,
            start=p.size,
            out=RESULTS / f"{date.today().isoformat()}-profile.txt",
        )
    info["load_average_end"] = machine()["load_average"]
    return {
        "date": date.today().isoformat(),
        "plan": p.__dict__,
        "machine": info,
        "ingest": writes,
        "scale": scale_out,
        "write_rate": writes_only,
        "bulk": bulk_out,
        "query": reads,
        "time_reads": times,
        "hotspots": hot,
        "total_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="1k-article graph (default)")
    mode.add_argument("--full", action="store_true", help="10k-article graph")
    parser.add_argument("--size", type=int, help="articles in the queried graph")
    parser.add_argument("--sample", type=int, help="articles for bare spaCy vs extraction")
    parser.add_argument("--ingest-n", dest="ingest_n", type=int, help="articles per ingest run")
    parser.add_argument("--requests", type=int, help="single-client requests per endpoint")
    parser.add_argument("--seconds", type=float, help="duration of the concurrent load")
    parser.add_argument("--clients", type=int)
    parser.add_argument(
        "--profile-n", dest="profile_n", type=int, help="articles to profile (0: skip)"
    )
    parser.add_argument(
        "--scale-n", dest="scale_n", type=int, help="articles for cluster vs pool and load"
    )
    parser.add_argument(
        "--write-n", dest="write_n", type=int, help="articles for the write-only load rate"
    )
    parser.add_argument(
        "--bulk-n", dest="bulk_n", type=int, help="articles for the bulk import (0: skip)"
    )
    parser.add_argument(
        "--graph-by",
        dest="graph_by",
        choices=("load", "bulk"),
        help="build the read graph with the writer (quick's default) or the bulk load (full's)",
    )
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    p = plan(args)
    console.print(
        f"[bold]polikg benchmarks ({p.mode})[/]: graph {p.size} articles, "
        f"sample {p.sample}, ingest 2 x {p.ingest_n}"
    )
    result = run(p)
    RESULTS.mkdir(exist_ok=True)
    stem = result["date"] if p.mode == "quick" else f"{result['date']}-full-{p.size}"
    table = markdown(result)
    (RESULTS / f"{stem}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / f"{stem}.md").write_text(table, encoding="utf-8")
    console.print(f"wrote {RESULTS / stem}.json and .md")
    sys.stdout.write(table)  # plain Markdown on stdout, to paste anywhere
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
