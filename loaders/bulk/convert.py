"""Shards -> importer CSV files that describe the graph `polikg load` would build.

The shards are read in the order `polikg load` reads them and cut into the same batches;
each batch goes through the writer's own steps, in memory: sort articles into new,
unchanged and duplicate (`_classify`'s rules), resolve entities against the committed
batches and the batch so far (`ShardResolver`), build rows with `loaders.records`, then
commit. Nodes and relationships stream to CSV as they are decided; entities (whose names
and aliases grow until the end) and the per-pair folds are written last.

One thing the incremental writer does that a first load cannot: replace an article whose
text changed. An article id that comes back with other content stops the conversion
(`BulkRefused`); `polikg load` handles such input.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.queues import Queue
from pathlib import Path

from loaders.article import BadInput
from loaders.bulk.csvfiles import ENTITIES, CsvSet, import_arguments
from loaders.bulk.resolver import CommittedGraph, ShardResolver
from loaders.bulk.writer import BatchTodo, WriterResult, run_writer
from loaders.contract import Extraction
from loaders.records import entity_links, text_sha256
from loaders.shards import read_shards
from loaders.streams import batched
from queries.rows import EntityRow

ProgressFn = Callable[[int], None]
#: The label `write/merge_entities` gives every entity beside its type label.
SHARED_ENTITY_LABEL = "Entity"
#: Batches the resolver may run ahead of the writer (each a few KiB on the queue).
QUEUE_BATCHES = 8
#: How often a blocked side checks that the other process still runs (seconds).
POLL_S = 1.0


class BulkRefused(RuntimeError):
    """The input or the database is not what a bulk first load can take; says why."""


@dataclass
class BulkPlan:
    """What the conversion decided, for the import step and the summary."""

    folder: Path  # the CSV files
    new: int = 0
    unchanged: int = 0
    failed: list[BadInput] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # nodes and relationships by kind
    #: fix-ups the CSV format cannot say (an empty list is no property there)
    empty_stance_days: list[dict[str, object]] = field(default_factory=list)
    aliasless: list[str] = field(default_factory=list)
    article_writes: dict[str, int] = field(default_factory=dict)  # articles locked > once
    truncated_probes: int = 0
    seconds: float = 0.0
    writer_peak_mib: float = 0.0  # the writer process's peak resident memory

    def import_arguments(self) -> list[str]:
        """The importer's --nodes / --relationships arguments for the files with rows."""
        return import_arguments(self.folder, self.counts)


@dataclass
class _Seen:
    """Articles committed so far: id -> (text hash, extractor version), and lock counts."""

    articles: dict[str, tuple[str, str]] = field(default_factory=dict)
    writes: Counter[str] = field(default_factory=Counter)


def _classify(docs: list[Extraction], seen: _Seen, plan: BulkPlan) -> list[Extraction]:
    """`loaders.write._classify` without a database; a changed article is refused."""
    for doc in docs:
        if doc.failed is not None:
            why = f"extraction failed ({doc.failed}); earlier facts kept"
            plan.failed.append(BadInput(f"article {doc.article.id}", why))
    docs = [d for d in docs if d.failed is None]
    seen.writes.update({d.article.id for d in docs})  # lock_articles: once per batch
    todo: list[Extraction] = []
    in_batch: set[str] = set()
    for doc in docs:
        aid = doc.article.id
        prev = seen.articles.get(aid)
        if aid in in_batch:
            why = "the same id came twice in one batch; the first one was written"
            plan.failed.append(BadInput(f"article {aid}", why))
            continue
        if prev == (text_sha256(doc.article.text), doc.extractor_version):
            plan.unchanged += 1
            continue
        if prev is not None:
            raise BulkRefused(
                f"article {aid} comes twice with different text or extractor version; a "
                "bulk first load cannot replace an article: load these shards with polikg load"
            )
        in_batch.add(aid)
        todo.append(doc)
    return todo


def _documents(items: Iterable[Extraction | BadInput], plan: BulkPlan) -> Iterator[Extraction]:
    for item in items:
        if isinstance(item, BadInput):
            plan.failed.append(item)
        else:
            yield item


def convert_shards(
    paths: list[Path],
    out: Path,
    *,
    batch_size: int = 200,
    progress: ProgressFn | None = None,
    now: datetime | None = None,
) -> BulkPlan:
    """Write the importer CSV files for the shards under `paths` into `out`.

    Two processes: this one resolves, batch by batch, and writes entities.csv at the end;
    `loaders.bulk.writer` builds and writes every other row from the same shards and the
    ids this one sends. An error in either stops both and is raised here."""
    started = time.perf_counter()
    stamp = now or datetime.now(UTC)
    plan = BulkPlan(folder=out)
    out.mkdir(parents=True, exist_ok=True)
    with _Writer(paths, out, batch_size, stamp) as writer:
        graph, seen = CommittedGraph(), _Seen()
        for seq, batch in enumerate(batched(_documents(read_shards(paths), plan), batch_size)):
            todo = _classify(batch, seen, plan)
            resolver = ShardResolver(graph, todo)
            entity_rows: dict[str, EntityRow] = {}
            resolved = [(doc, resolver.resolve_article(doc, entity_rows)) for doc in todo]
            writer.send(BatchTodo(seq, _positions(batch, resolved)))
            for doc in todo:
                seen.articles[doc.article.id] = (
                    text_sha256(doc.article.text),
                    doc.extractor_version,
                )
            graph.commit(entity_rows, [entity_links(doc, ids) for doc, ids in resolved])
            plan.new += len(todo)
            if progress:
                progress(len(batch))
        writer.send(None)  # no more batches: the writer folds while entities are written
        with CsvSet(out, (ENTITIES,)) as files:
            _write_entities(files, graph, plan)
        plan.counts.update(files.rows())
        done = writer.result()
    plan.counts.update(done.rows)
    plan.empty_stance_days = done.empty_stance_days
    plan.writer_peak_mib = done.peak_mib
    plan.article_writes = {a: n for a, n in seen.writes.items() if n > 1}
    plan.truncated_probes = graph.index.truncated
    plan.seconds = time.perf_counter() - started
    return plan


def _positions(
    batch: list[Extraction], resolved: list[tuple[Extraction, dict[str, str]]]
) -> list[tuple[int, str, dict[str, str]]]:
    """Where each resolved document sits in its batch (the writer reads the batch itself)."""
    where = {id(doc): pos for pos, doc in enumerate(batch)}
    return [(where[id(doc)], doc.article.id, ids) for doc, ids in resolved]


class _Writer:
    """The writer process and its two queues; never left running, never waited on blindly."""

    def __init__(self, paths: list[Path], out: Path, batch_size: int, stamp: datetime) -> None:
        ctx = mp.get_context("spawn")  # no fork of a process that may hold threads and locks
        self.todo: Queue[BatchTodo | None] = ctx.Queue(maxsize=QUEUE_BATCHES)
        self.results: Queue[WriterResult | str] = ctx.Queue()
        self.process = ctx.Process(
            target=run_writer,
            args=(paths, out, batch_size, stamp, self.todo, self.results),
            name="polikg-bulk-writer",
            daemon=True,
        )
        self.finished = False

    def __enter__(self) -> _Writer:
        self.process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.finished and self.process.is_alive():  # an error: its work is moot
            self.process.terminate()
        self.process.join()
        # messages the writer never took would keep this process from exiting (the queue's
        # feeder thread waits to flush them into a pipe nobody reads any more)
        self.todo.cancel_join_thread()
        self.todo.close()
        self.results.close()

    def send(self, message: BatchTodo | None) -> None:
        while True:
            try:
                self.todo.put(message, timeout=POLL_S)
                return
            except queue.Full:
                self._check_alive()

    def result(self) -> WriterResult:
        """The writer's result once it has written all (after `send(None)`)."""
        while True:
            try:
                got = self.results.get(timeout=POLL_S)
            except queue.Empty:
                self._check_alive()
                continue
            if isinstance(got, str):
                raise RuntimeError(f"the bulk CSV writer process failed:\n{got}")
            self.finished = True  # it exits by itself now
            return got

    def _check_alive(self) -> None:
        if self.process.is_alive():
            return
        try:  # it may have said why before it died
            why = self.results.get(timeout=POLL_S)
        except queue.Empty:
            why = f"exit code {self.process.exitcode}"
        raise RuntimeError(f"the bulk CSV writer process stopped:\n{why}")


def _write_entities(files: CsvSet, graph: CommittedGraph, plan: BulkPlan) -> None:
    for gid, ent in graph.entities.items():
        labels = [SHARED_ENTITY_LABEL, ent.label]  # :LABEL splits on the array delimiter
        files["entities"].write(gid, labels, ent.name, ent.key, sorted(ent.aliases))
        if not ent.aliases:
            plan.aliasless.append(gid)
