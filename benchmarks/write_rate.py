"""Write-only rate of `polikg load` into a graph that already has content (issue 14: the
target is 150 articles/s into a 100k-article graph), and where its time goes.

    python -m benchmarks.write_rate --uri bolt://127.0.0.1:7687 --start 1000 --n 400

The planted facts of articles start..start+n-1 are written as contract shards first (not
timed), then a fresh interpreter loads them with `loaders.load.load_shards`, the code behind
`polikg load`, timing every write query by name (benchmarks/write_profile.py). The graph at
--uri keeps what was written. `make bench` runs it after the other benchmarks, into the graph
they left (`size` + the ingest and scale articles).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

from benchmarks.common import Graph, peak_rss_mib

ROOT = Path(__file__).resolve().parents[1]


def write_shards(out: Path, *, seed: int, start: int, n: int, per_shard: int = 100) -> int:
    """The planted facts of articles start..start+n-1 as contract shards in `out`."""
    from benchmarks.corpus import generate
    from loaders.contract import Extraction
    from loaders.shards import shard_name, write_shard

    docs = (Extraction.model_validate(f) for _, f in islice(generate(start + n, seed), start, None))
    index = written = 0
    while chunk := list(islice(docs, per_shard)):
        written += write_shard(out / shard_name(index), chunk)
        index += 1
    return written


def stage_load(shards: Path, *, batch: int) -> dict[str, Any]:
    """Load the shards into the graph named by the environment; rate and query times."""
    from app.config import Settings
    from app.db import create_driver
    from benchmarks.write_profile import timed_queries
    from loaders.load import load_shards

    cpu, started = time.process_time(), time.perf_counter()
    with create_driver(Settings()) as driver, timed_queries() as spent:
        summary = load_shards(driver, [shards], batch_size=batch)
    seconds = time.perf_counter() - started
    queries = sum(spent.values())
    top = sorted(spent.items(), key=lambda kv: -kv[1])[:6]
    return {
        "articles": len(summary.new),
        "batch": batch,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(summary.new) / seconds, 2),
        "loader_cpu_s": round(time.process_time() - cpu, 2),
        "waiting_on_neo4j_s": round(queries, 2),
        "queries": {k: round(v / seconds, 3) for k, v in top},
        "loader_mib": peak_rss_mib()["self_mib"],
    }


def benchmark(
    graph: Graph, *, seed: int, start: int, n: int, batch: int, graph_articles: int
) -> dict[str, Any]:
    """Shards of articles start..start+n-1, loaded in a fresh process into `graph`."""
    with tempfile.TemporaryDirectory(prefix="polikg-write-rate-") as tmp:
        write_shards(Path(tmp), seed=seed, start=start, n=n)
        cmd = [sys.executable, "-m", "benchmarks.write_rate", "--stage", tmp, "--batch", str(batch)]
        load_before = os.getloadavg()
        proc = subprocess.run(
            cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False, env=graph.child_env()
        )
    if proc.returncode != 0:
        raise RuntimeError(f"write_rate stage exited with {proc.returncode}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        **result,
        "first": start,
        "graph_articles": graph_articles,
        "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.write_rate", description=__doc__)
    parser.add_argument("--stage", type=Path, help="child mode: load these shards here")
    parser.add_argument("--uri", help="Neo4j to write into (its graph is kept)")
    parser.add_argument("--password", default="polikg-local")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args(argv)
    if args.stage:
        result = stage_load(args.stage, batch=args.batch)
    else:
        if not args.uri:
            parser.error("--uri is needed (or --stage in child mode)")
        target = Graph(uri=args.uri, password=args.password, home=Path(tempfile.gettempdir()))
        result = benchmark(
            target,
            seed=args.seed,
            start=args.start,
            n=args.n,
            batch=args.batch,
            graph_articles=args.start,
        )
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
