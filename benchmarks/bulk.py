"""The bulk first load of n articles' shards, stage by stage (issue 14: 100k in < 10 min).

    python -m benchmarks.bulk --n 100000 [--seed 7] [--shards DIR]

The shards are the synthetic corpus's planted facts (benchmarks/corpus.py: the contract
documents extraction should produce, no spaCy run), 1,000 documents a shard as
`polikg extract --cluster` writes them; writing them is preparation, not timed. Then
`app.bulk.bulk_import` into a fresh, stopped Neo4j in a temporary folder: resolve and
write CSV (this process, and the converter's writer process beside it), `neo4j-admin
database import full`, start, schema (constraints and indexes built over the imported
store), the fix-ups. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import Graph, console, peak_rss_mib, progress

SHARD_DOCS = 1000


def write_planted_shards(out: Path, *, n: int, seed: int, start: int = 0) -> int:
    """Planted facts of articles start..start+n-1 as contract shards; how many written."""
    from itertools import islice

    from benchmarks.corpus import generate
    from loaders.shards import shard_name, write_shard_lines

    docs = (json.dumps(f) for _, f in islice(generate(start + n, seed), start, None))
    written = 0
    with progress() as bar:
        task = bar.add_task("planted shards (not timed)", total=n)
        for index in range(0, n, SHARD_DOCS):
            lines = list(islice(docs, SHARD_DOCS))
            written += write_shard_lines(out / shard_name(index // SHARD_DOCS), lines)
            bar.advance(task, len(lines))
    return written


def _cpu_s() -> dict[str, float]:
    """CPU seconds (user + system) of this process and of its waited-for children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"self": own.ru_utime + own.ru_stime, "children": kids.ru_utime + kids.ru_stime}


class CpuClock:
    """CPU seconds per stage, taken at each stage change `bulk_import` announces: on a
    crowded machine wall time says more about the neighbours than about the load."""

    def __init__(self) -> None:
        self.stage = ""
        self.last = _cpu_s()
        self.spent: dict[str, float] = {}

    def __call__(self, stage: str) -> None:
        now = _cpu_s()
        if self.stage:
            used = now["self"] - self.last["self"] + now["children"] - self.last["children"]
            self.spent[self.stage] = round(used, 1)
        self.stage, self.last = stage, now


def _folder_mib(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


@contextmanager
def bulk_loaded_neo4j(
    *,
    n: int,
    seed: int,
    shards: Path | None = None,
    batch: int = 200,
    heap: str | None = None,
    pagecache: str | None = None,
) -> Iterator[tuple[Graph, dict[str, Any]]]:
    """A throwaway Neo4j holding n planted articles, loaded by the bulk first load, and the
    load's stage times and sizes; stopped and deleted on exit.

    This is how the read benchmarks get a 100k-article graph in minutes instead of the
    hour the incremental writer takes (tests/integration/test_bulk_import.py shows the two
    graphs are equal)."""
    from app.bulk import bulk_import
    from app.neo4j_local import LocalNeo4j, free_port, stop

    big = n >= 50_000
    work = Path(tempfile.mkdtemp(prefix="polikg-bench-bulk-"))
    server = LocalNeo4j(
        home=work / "neo4j", port=free_port(), password=secrets.token_hex(12),
        heap=heap or ("2g" if big else "1g"), pagecache=pagecache or ("2g" if big else "1g"),
        start_timeout_s=600,
    )  # fmt: skip
    try:
        if shards is None:
            shards = work / "shards"
            write_planted_shards(shards, n=n, seed=seed)
        shard_mib = _folder_mib(shards)
        cpu = CpuClock()

        children_before_import: list[float] = []

        def on_stage(name: str) -> None:
            cpu(name)
            bar.update(task, description=name)
            if "neo4j-admin" in name:  # the converter's writer process is reaped by now
                children_before_import.append(peak_rss_mib()["largest_child_mib"])

        with progress() as bar:
            task = bar.add_task("bulk import", total=n)
            report = bulk_import(
                server,
                [shards],
                work_dir=work / "csv",
                batch_size=batch,
                progress=lambda k: bar.advance(task, k),
                on_stage=on_stage,
                keep_csv=True,
            )
        cpu("done")
        plan = report.plan
        importer = peak_rss_mib()["largest_child_mib"]
        stats = {
            "articles": plan.new,
            "batch": batch,
            "stages_s": report.stages,
            "seconds": round(report.seconds, 1),
            "articles_per_s": round(plan.new / report.seconds, 1),
            # CPU of this process and the importer JVM per stage (the Neo4j server's own
            # CPU, start and index builds, is not in it: that process is not waited for)
            "cpu_s": dict(zip(report.stages, cpu.spent.values(), strict=True)),
            "offline_s": round(report.stages["convert"] + report.stages["import"], 1),
            "nodes": report.nodes,
            "rows": dict(plan.counts),
            "truncated_probes": plan.truncated_probes,
            "shards_mib": shard_mib,
            "csv_mib": _folder_mib(work / "csv"),
            "store_mib": _folder_mib(server.home / "data" / "databases"),
            # the converter is two processes at once: this one (resolution) and its writer
            "converter_peak_mib": round(peak_rss_mib()["self_mib"] + plan.writer_peak_mib, 1),
            "converter_parts_mib": {
                "resolver": peak_rss_mib()["self_mib"],
                "writer": plan.writer_peak_mib,
            },
            # the neo4j-admin JVM: the largest child reaped after the writer (None: not larger)
            "importer_peak_mib": importer
            if importer > max(children_before_import, default=0)
            else None,
        }
        shutil.rmtree(work / "csv", ignore_errors=True)
        yield Graph(uri=server.bolt_uri, password=server.password, home=server.home), stats
    finally:
        stop(server, grace_s=60)
        shutil.rmtree(work, ignore_errors=True)


def benchmark(*, n: int, seed: int, shards: Path | None = None, batch: int = 200) -> dict[str, Any]:
    """Bulk-import n planted articles into a throwaway Neo4j; stage times and sizes."""
    with bulk_loaded_neo4j(n=n, seed=seed, shards=shards, batch=batch) as (_, stats):
        return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bulk", description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--shards", type=Path, help="existing shards instead of planted ones")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = benchmark(n=args.n, seed=args.seed, shards=args.shards, batch=args.batch)
    out["wall_s_with_preparation"] = round(time.perf_counter() - started, 1)
    console.print(f"bulk import of {out['articles']} articles: {out['seconds']} s")
    sys.stdout.write(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
