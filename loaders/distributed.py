"""Extraction on a Dask distributed cluster, written as contract JSONL shards.

Extraction is a pure function of one article, so it fans out over any number of
machines; Dask's scheduler does the placing, retrying and load balancing (no home-made
scheduler). The client reads the input lazily, sends chunks of articles as tasks, keeps
a bounded number in flight (memory stays flat whatever the corpus size) and writes each
finished chunk as one shard named after its position in the input, so the shards hold
the same documents in the same order whichever worker finished first. Workers return
JSON lines, not Python objects: they are what the shard holds, and they pickle small.

`address` is a scheduler address (`tcp://host:8786`) or `local`, which starts a
LocalCluster of `workers` single-threaded processes on this machine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.contract import ArticleMeta
from loaders.shards import shard_name, write_shard_lines
from loaders.streams import batched

log = logging.getLogger(__name__)

#: Articles per task: the process pool's chunk (loaders.extract.CHUNK), so spaCy batches as
#: well and the per-task overhead (~1 ms of scheduling) vanishes against ~100 ms an article;
#: with 16, a 64-article run had 4 tasks for 2 workers and the tail cost 0.76x of the pool.
TASK_ARTICLES = 8
#: Tasks in flight per worker: one running, the next ones already shipped.
IN_FLIGHT_PER_WORKER = 3


@dataclass
class ClusterRun:
    """What a distributed extraction wrote."""

    shards: list[Path] = field(default_factory=list)
    documents: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # article id -> why extraction failed
    workers: int = 0
    worker_peak_rss_mib: dict[str, float] = field(default_factory=dict)


def extract_chunk(rows: list[dict[str, Any]], model: str) -> list[str]:
    """Run on a worker: articles in, one contract JSON line per article out.

    The pipeline is loaded once per worker process (`load_pipeline` is cached)."""
    from loaders.extract import extract_docs
    from loaders.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    docs = extract_docs([ArticleMeta.model_validate(r) for r in rows], nlp)
    return [d.model_dump_json(exclude_none=True) for d in docs]


def _worker_peak_rss_mib() -> float:
    """Run on a worker: its process's peak resident memory (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def cluster_client(address: str, *, workers: int = 2) -> Iterator[Any]:
    """A Dask client of the cluster at `address`, or of a new LocalCluster for `local`."""
    from dask.distributed import Client, LocalCluster

    if address != "local":
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=0,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _note_failures(lines: list[str], run: ClusterRun) -> None:
    from loaders.contract import Extraction

    for line in lines:
        if '"failed"' in line:  # cheap pre-check; only such lines are parsed again
            doc = Extraction.model_validate_json(line)
            if doc.failed is not None:
                run.failed[doc.article.id] = doc.failed


def extract_to_shards(
    articles: Iterable[ArticleMeta],
    out: Path,
    *,
    client: Any,
    model: str,
    task_articles: int = TASK_ARTICLES,
    on_done: Callable[[int], None] | None = None,
) -> ClusterRun:
    """Extract on the client's cluster; one shard per task, named by input position."""
    from dask.distributed import as_completed

    out.mkdir(parents=True, exist_ok=True)
    run = ClusterRun(workers=len(client.scheduler_info()["workers"]))
    limit = max(1, run.workers) * IN_FLIGHT_PER_WORKER
    chunks = enumerate(batched(articles, task_articles))
    pending = as_completed()
    index_of: dict[str, int] = {}

    def submit_next() -> bool:
        item = next(chunks, None)
        if item is None:
            return False
        index, chunk = item
        rows = [a.model_dump() for a in chunk]
        future = client.submit(extract_chunk, rows, model, pure=False)
        index_of[future.key] = index
        pending.add(future)
        return True

    while len(index_of) < limit and submit_next():
        pass
    for future in pending:
        lines: list[str] = future.result()
        path = out / shard_name(index_of.pop(future.key))
        write_shard_lines(path, lines)
        run.shards.append(path)
        run.documents += len(lines)
        _note_failures(lines, run)
        if on_done:
            on_done(len(lines))
        submit_next()
    run.shards.sort()
    run.worker_peak_rss_mib = dict(client.run(_worker_peak_rss_mib))
    return run
