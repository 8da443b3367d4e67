"""Read -> extract (worker processes) -> write (batches), with a summary.

The same loader serves `polikg ingest`, `POST /articles` and the tests. Streaming all
the way: articles are read lazily, unchanged ones are skipped before extraction (a
re-run after a crash only extracts what did not land), extraction runs in spaCy worker
processes, and a writer thread commits one transaction per batch while the next batch
is being extracted. Bad input is reported and skipped; a database error stops the run
loudly (its batch rolls back, and a re-run picks up from there).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from loaders.article import BadInput, only_articles, read_articles
from loaders.contract import ArticleMeta, Extraction
from loaders.records import text_sha256
from loaders.streams import batched
from loaders.write import BatchResult, write_batch
from queries import write as wq

log = logging.getLogger(__name__)
ProgressFn = Callable[[int], None]
#: Batches between two folds of the pending aggregates in `polikg ingest` and `polikg load`:
#: 25 x 200 articles, so a long run's edges are never more than 5,000 articles behind its
#: claims (POST /articles folds per request).
REFRESH_EVERY = 25


@dataclass
class IngestSummary:
    """What an ingest did: per-article outcome counts and the graph's own counters."""

    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[BadInput] = field(default_factory=list)
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    seconds: float = 0.0
    batches: list[BatchResult] = field(default_factory=list)

    @property
    def landed(self) -> int:
        return len(self.new) + len(self.unchanged) + len(self.replaced)

    def add(self, result: BatchResult) -> list[BadInput]:
        """Count one batch in; returns the articles it reported as failed."""
        self.new += result.new
        self.unchanged += result.unchanged
        self.replaced += result.replaced
        bad = [
            BadInput(f"article {aid}", f"extraction failed ({why}); earlier facts kept")
            for aid, why in result.failed.items()
        ]
        bad += [
            BadInput(
                f"article {aid}", "the same id came twice in one batch; the first one was written"
            )
            for aid in result.duplicates
        ]
        self.failed += bad
        c = result.counters
        self.nodes_created += c.nodes_created
        self.relationships_created += c.relationships_created
        self.nodes_deleted += c.nodes_deleted
        self.relationships_deleted += c.relationships_deleted
        return bad

    def exit_code(self) -> int:
        """0 when everything landed, 1 when some inputs failed, 2 when nothing was read."""
        if self.landed == 0 and self.failed:
            return 2
        return 1 if self.failed else 0


def current_extractor_version(model: str | None = None) -> str:
    """The version stamped on every fact; a change means articles must be re-extracted."""
    from loaders.extract import extractor_version

    return extractor_version(model)


def skip_unchanged(
    driver: Driver,
    articles: Iterable[ArticleMeta],
    *,
    version: str,
    chunk: int,
    summary: IngestSummary,
    on_skip: ProgressFn | None = None,
) -> Iterator[ArticleMeta]:
    """Drop articles already in the graph with the same text and extractor version."""
    for group in batched(articles, chunk):
        with driver.session() as session:
            known = session.execute_read(wq.existing_articles, [a.id for a in group])
        skipped = 0
        for art in group:
            prev = known.get(art.id)
            if (
                prev
                and prev["text_sha256"] == text_sha256(art.text)
                and prev["extractor_version"] == version
            ):
                summary.unchanged.append(art.id)
                skipped += 1
            else:
                yield art
        if skipped and on_skip:
            on_skip(skipped)


class BatchWriter:
    """A thread that writes batches in order while the caller extracts the next ones.

    Batches write claims and mark their pairs pending (`write_batch(defer_aggregates=True)`);
    the pending pairs' aggregates are folded before the first batch (what a stopped run
    left), every `refresh_every` batches and when the writer closes
    (loaders/aggregates.refresh_pending). The schema is applied first if part of it is
    missing: the pending markers' MERGE finds them through their key constraint."""

    def __init__(
        self,
        driver: Driver,
        summary: IngestSummary,
        on_written: ProgressFn | None = None,
        depth: int = 2,
        on_bad: Callable[[BadInput], None] | None = None,
        *,
        refresh_every: int = REFRESH_EVERY,
        on_refresh: Callable[[int], None] | None = None,
    ) -> None:
        from queries.schema import ensure_schema

        self.driver, self.summary, self.on_written = driver, summary, on_written
        self.on_bad = on_bad
        self.refresh_every, self.on_refresh = max(1, refresh_every), on_refresh
        ensure_schema(driver)
        self.refresh()
        self.queue: queue.Queue[list[Extraction] | None] = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="polikg-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue
            try:
                result = write_batch(self.driver, batch, defer_aggregates=True)
                self.since_refresh += 1
                if self.since_refresh >= self.refresh_every:
                    self.refresh()
            except BaseException as exc:  # surfaced to the caller in submit()/close()
                self.error = exc
                continue
            for bad in self.summary.add(result):
                if self.on_bad:
                    self.on_bad(bad)
            if self.on_written:
                self.on_written(len(batch))
        if self.error is None:
            try:
                self.refresh()
            except BaseException as exc:
                self.error = exc

    def refresh(self) -> None:
        """Fold the pending pairs now, counting what that writes into the summary."""
        from loaders.aggregates import refresh_pending

        counters = wq.WriteCounters()
        refreshed = refresh_pending(self.driver, counters=counters)
        self.summary.add(BatchResult(counters=counters))
        self.since_refresh = 0
        if self.on_refresh and refreshed:
            self.on_refresh(refreshed)

    def submit(self, batch: list[Extraction]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(batch)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def ingest_articles(
    driver: Driver,
    articles: Iterable[ArticleMeta | BadInput],
    *,
    batch_size: int = 200,
    workers: int = 0,
    progress: ProgressFn | None = None,
    on_bad: Callable[[BadInput], None] | None = None,
    extract: Callable[..., Iterator[Extraction]] | None = None,
    model: str | None = None,
) -> IngestSummary:
    """Extract and write a stream of articles; bad items are reported and skipped.

    `workers` extraction processes feed the writer (0: extract in this process, for
    small batches; with 1 or more the writer no longer competes with spaCy for the
    interpreter lock). `model` names the spaCy pipeline (default: DEFAULT_SPACY_MODEL).
    Pairs' aggregates are folded every REFRESH_EVERY batches and when the run ends, as in
    `polikg load` (at 100k articles a per-batch fold made ingest 2 articles/s)."""
    if extract is None:
        from loaders.extract import extract_many

        extract = extract_many
    summary = IngestSummary()
    started = time.perf_counter()

    def failed(item: BadInput) -> None:
        summary.failed.append(item)
        if on_bad:
            on_bad(item)
        if progress:
            progress(1)

    todo = skip_unchanged(
        driver,
        only_articles(articles, failed),
        version=current_extractor_version(model),
        chunk=batch_size,
        summary=summary,
        on_skip=progress,
    )
    writer = BatchWriter(driver, summary, on_written=progress, on_bad=on_bad)
    try:
        for batch in batched(extract(todo, n_process=workers, model=model), batch_size):
            writer.submit(batch)
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_paths(
    driver: Driver, paths: Sequence[Path], *, max_bytes: int | None = None, **options: Any
) -> IngestSummary:
    """`polikg ingest PATH...`: files (.txt, .jsonl, .json) and folders of them."""
    reader = (
        read_articles(list(paths))
        if max_bytes is None
        else read_articles(list(paths), max_bytes=max_bytes)
    )
    return ingest_articles(driver, reader, **options)


def ingest_extractions(
    driver: Driver, docs: Iterable[Extraction], *, batch_size: int = 200
) -> IngestSummary:
    """Write already-extracted documents (gold files, tests, re-imports) in batches."""
    summary = IngestSummary()
    started = time.perf_counter()
    for batch in batched(docs, batch_size):
        result = write_batch(driver, batch)
        summary.add(result)
        summary.batches.append(result)
    summary.seconds = time.perf_counter() - started
    return summary
