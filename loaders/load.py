"""`polikg load DIR`: write extracted shards into Neo4j, with no NLP in the process.

Extraction can run anywhere (a Dask cluster, another day); this side only parses the
contract documents and hands them to the same idempotent writer `polikg ingest` uses,
one transaction per batch, so loading a shard twice changes nothing and loading shards
gives the graph an ingest of the same articles gives. spaCy is never imported here:
a loader machine needs the driver and pydantic, not a language model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from neo4j import Driver

from loaders.article import BadInput
from loaders.contract import Extraction
from loaders.ingest import REFRESH_EVERY, BatchWriter, IngestSummary, ProgressFn
from loaders.shards import read_shards
from loaders.streams import batched


def load_documents(
    driver: Driver,
    items: Iterable[Extraction | BadInput],
    *,
    batch_size: int = 200,
    progress: ProgressFn | None = None,
    on_bad: Callable[[BadInput], None] | None = None,
    refresh_every: int = REFRESH_EVERY,
    on_refresh: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Write a stream of contract documents; bad items are reported and skipped.

    Parsing the next batch overlaps the writer thread's transaction for this one. The
    aggregates (fact edges' counts and dates, terms, turnarounds) of the pairs the batches
    touch are folded every `refresh_every` batches and at the end, not per batch: in a
    large graph a famous tie has thousands of claims, and each batch would read them all
    again. Pairs a crashed load left pending are folded before the first batch."""
    summary = IngestSummary()
    started = time.perf_counter()

    def failed(item: BadInput) -> None:
        summary.failed.append(item)
        if on_bad:
            on_bad(item)
        if progress:
            progress(1)

    writer = BatchWriter(
        driver,
        summary,
        on_written=progress,
        on_bad=on_bad,
        refresh_every=refresh_every,
        on_refresh=on_refresh,
    )
    try:
        for batch in batched(_documents(items, failed), batch_size):
            writer.submit(batch)
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _documents(
    items: Iterable[Extraction | BadInput], on_bad: Callable[[BadInput], None]
) -> Iterator[Extraction]:
    for item in items:
        if isinstance(item, BadInput):
            on_bad(item)
        else:
            yield item


def load_shards(
    driver: Driver,
    paths: list[Path],
    *,
    batch_size: int = 200,
    progress: ProgressFn | None = None,
    on_bad: Callable[[BadInput], None] | None = None,
    refresh_every: int = REFRESH_EVERY,
    on_refresh: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Every shard under `paths` (files or folders), in name order."""
    return load_documents(
        driver,
        read_shards(paths),
        batch_size=batch_size,
        progress=progress,
        on_bad=on_bad,
        refresh_every=refresh_every,
        on_refresh=on_refresh,
    )
