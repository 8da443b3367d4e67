"""Scaling out (issue 14), side by side in one run: extraction on a Dask LocalCluster of 2
workers vs the built-in process pool of 2 on the same articles, then `polikg load` of the
cluster's shards (write only, no NLP in the loader), each with its peak memory.

    python -m benchmarks.scale --n 64          # needs nothing running: its own Neo4j

Every stage runs in a fresh interpreter, so ru_maxrss is that stage's own peak. Rates are
given two ways: over the whole stage (start-up included: spawning workers and loading the
model in each is part of the price) and from the first result on (the steady rate, which is
what a long run sees).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Graph, peak_rss_mib

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("pool", "cluster", "load")


class Clock:
    """Wall time of a stage and of its steady part (from the first result on)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first: float | None = None
        self.first_n = 0
        self.done = 0

    def advance(self, k: int) -> None:
        if self.first is None:
            self.first, self.first_n = time.perf_counter(), k
        self.done += k

    def result(self) -> dict[str, Any]:
        seconds = time.perf_counter() - self.started
        steady = None
        if self.first is not None and self.done > self.first_n:
            steady = (self.done - self.first_n) / (time.perf_counter() - self.first)
        return {
            "articles": self.done,
            "seconds": round(seconds, 2),
            "articles_per_s": round(self.done / seconds, 2),
            "steady_articles_per_s": round(steady, 2) if steady else None,
        }


def _articles(seed: int, start: int, n: int) -> list[Any]:
    from benchmarks.ingest import corpus_slice
    from loaders.contract import ArticleMeta

    return [ArticleMeta.model_validate(a) for a in corpus_slice(seed, start, n)]


def stage_pool(seed: int, start: int, n: int, out: Path) -> dict[str, Any]:
    """extract_many with 2 spawned worker processes (the built-in path), shards written."""
    from loaders.extract import extract_many
    from loaders.shards import shard_name, write_shard
    from loaders.streams import batched

    arts = _articles(seed, start, n)
    clock = Clock()
    for i, chunk in enumerate(batched(extract_many(arts, n_process=2), 16)):
        write_shard(out / shard_name(i), chunk)
        clock.advance(len(chunk))
    rss = peak_rss_mib()
    return {**clock.result(), "client_mib": rss["self_mib"], "worker_mib": rss["largest_child_mib"]}


def stage_cluster(seed: int, start: int, n: int, out: Path) -> dict[str, Any]:
    """extract_to_shards on a LocalCluster of 2 single-threaded worker processes."""
    from app.config import Settings
    from loaders.distributed import cluster_client, extract_to_shards

    arts = _articles(seed, start, n)
    clock = Clock()
    with cluster_client("local", workers=2) as client:
        run = extract_to_shards(
            arts, out, client=client, model=Settings().spacy_model, on_done=clock.advance
        )
    workers = list(run.worker_peak_rss_mib.values())
    return {
        **clock.result(),
        "client_mib": peak_rss_mib()["self_mib"],
        "worker_mib": round(max(workers), 1) if workers else None,
    }


def stage_load(shards: Path) -> dict[str, Any]:
    """`polikg load` of the shards into the graph named by the environment (NEO4J_URI)."""
    from app.config import Settings
    from app.db import create_driver
    from loaders.load import load_shards

    clock = Clock()
    with create_driver(Settings()) as driver:
        summary = load_shards(driver, [shards], batch_size=200, progress=clock.advance)
    loaded = sys.modules.get("spacy") is not None
    return {
        **clock.result(),
        "new": len(summary.new),
        "failed": len(summary.failed),
        "client_mib": peak_rss_mib()["self_mib"],
        "spacy_imported": loaded,
    }


def run_child(stage: str, *, args: list[str], graph: Graph | None = None) -> dict[str, Any]:
    """One stage in a fresh interpreter; its last stdout line is the JSON result."""
    cmd = [sys.executable, "-m", "benchmarks.scale", "--stage", stage, *args]
    env = graph.child_env() if graph else None
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"scale stage {stage} exited with {proc.returncode}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def benchmark(graph: Graph, *, seed: int, start: int, n: int) -> dict[str, Any]:
    """Pool vs cluster on articles start..start+n-1, then load the cluster's shards."""
    with tempfile.TemporaryDirectory(prefix="polikg-scale-") as tmp:
        base = ["--seed", str(seed), "--start", str(start), "--n", str(n)]
        pool = run_child("pool", args=[*base, "--out", f"{tmp}/pool"])
        cluster = run_child("cluster", args=[*base, "--out", f"{tmp}/cluster"])
        load = run_child("load", args=["--out", f"{tmp}/cluster"], graph=graph)
    ratio = None
    if pool["steady_articles_per_s"] and cluster["steady_articles_per_s"]:
        ratio = round(cluster["steady_articles_per_s"] / pool["steady_articles_per_s"], 2)
    return {
        "articles": n,
        "first": start,
        "pool": pool,
        "cluster": cluster,
        "load": load,
        "cluster_over_pool": ratio,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument("--stage", choices=STAGES, help="run one stage here (child mode)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--n", type=int, default=64)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.stage:
        out: Path = args.out
        if args.stage == "load":
            result = stage_load(out)
        else:
            fn = stage_pool if args.stage == "pool" else stage_cluster
            result = fn(args.seed, args.start, args.n, out)
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    from app.db import create_driver
    from benchmarks.common import throwaway_neo4j
    from queries.schema import apply_schema

    with throwaway_neo4j(heap="1g", pagecache="1g") as graph:
        with create_driver(graph.settings()) as driver:
            apply_schema(driver)
        result = benchmark(graph, seed=args.seed, start=args.start, n=args.n)
    sys.stdout.write(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
