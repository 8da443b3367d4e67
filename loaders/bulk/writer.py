"""The second process of a bulk conversion: article, claim and quote rows to CSV, and the
per-pair folds at the end.

Entity resolution has to run in one process, batch after batch (each batch resolves
against the ones before). Everything after it, building the rows and writing them, needs
only the batch and its resolved ids, so it runs here, beside the resolver, on the
machine's other core. The resolver sends, per batch, which documents it took and their
ids (`BatchTodo`, a few KiB); this process reads the same shards itself, cut into the same
batches (parsing them again is cheaper than pickling the parsed documents across), so
the rows are those the one-process conversion built. The queue between the two is
bounded: the resolver runs at most a few batches ahead, and memory stays flat.
"""

from __future__ import annotations

import os
import queue
import resource
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.queues import Queue
from pathlib import Path

from graph_schema import NodeLabel, RelType
from loaders.bulk.aggregate import PairClaims
from loaders.bulk.csvfiles import ALL_SPECS, ENTITIES, CsvSet, cell, quote
from loaders.contract import Extraction
from loaders.records import ArticleRows, build_rows
from loaders.shards import read_shards
from loaders.streams import batched

#: Every file but entities.csv, whose names and aliases the resolver settles at the end.
ROW_SPECS = tuple(spec for spec in ALL_SPECS if spec is not ENTITIES)
#: How often a waiting writer checks that the resolver still runs (seconds).
PARENT_CHECK_S = 5.0
# labels and types as plain strings, and as cells (an enum's .value is a slow look-up)
_ARTICLE, _CLAIM, _QUOTE = NodeLabel.ARTICLE.value, NodeLabel.CLAIM.value, NodeLabel.QUOTE.value
_MENTIONED_IN, _SUBJECT, _OBJECT, _IN, _SAID_BY, _ABOUT = (
    quote(t.value)
    for t in (
        RelType.MENTIONED_IN, RelType.SUBJECT, RelType.OBJECT, RelType.IN, RelType.SAID_BY,
        RelType.ABOUT,
    )
)  # fmt: skip


@dataclass(frozen=True)
class BatchTodo:
    """Resolver -> writer, one per batch, in batch order: the documents written, as
    (position in the batch, article id, local entity id -> graph id)."""

    seq: int
    articles: list[tuple[int, str, dict[str, str]]]


@dataclass
class WriterResult:
    """Writer -> resolver at the end: what the conversion's plan needs from this side."""

    rows: dict[str, int]
    empty_stance_days: list[dict[str, object]] = field(default_factory=list)
    peak_mib: float = 0.0


def documents(paths: list[Path]) -> Iterator[Extraction]:
    """The shards' documents as both processes batch them (bad lines dropped: the
    resolver's side reports those)."""
    for item in read_shards(paths):
        if isinstance(item, Extraction):
            yield item


def run_writer(
    paths: list[Path],
    out: Path,
    batch_size: int,
    stamp: datetime,
    todo: Queue[BatchTodo | None],
    result: Queue[WriterResult | str],
) -> None:
    """The process's entry point: a `WriterResult`, or the traceback as text, goes back."""
    try:
        result.put(write_rows(paths, out, batch_size, stamp, todo, parent=os.getppid()))
    except BaseException:
        result.put(traceback.format_exc())
        raise


def write_rows(
    paths: list[Path],
    out: Path,
    batch_size: int,
    stamp: datetime,
    todo: Queue[BatchTodo | None],
    *,
    parent: int,
) -> WriterResult:
    """Write the rows of every batch the resolver announces, then the folds."""
    pairs = PairClaims()
    with CsvSet(out, ROW_SPECS) as files:
        batches = batched(documents(paths), batch_size)
        seq = 0
        while (message := _next(todo, parent)) is not None:
            if message.seq != seq:
                raise RuntimeError(f"batch {message.seq} announced, {seq} expected")
            batch = next(batches, [])
            rows = [build_rows(_pick(batch, pos, aid), ids) for pos, aid, ids in message.articles]
            write_articles(files, rows, stamp)
            pairs.add(rows)
            seq += 1
        result = WriterResult(rows={})
        write_folds(files, pairs, result.empty_stance_days)
        result.rows = files.rows()
    result.peak_mib = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _next(todo: Queue[BatchTodo | None], parent: int) -> BatchTodo | None:
    """The next message; gives up if the resolver's process is gone (no orphan waits)."""
    while True:
        try:
            return todo.get(timeout=PARENT_CHECK_S)
        except queue.Empty:
            if os.getppid() != parent:
                raise RuntimeError("the resolver process is gone") from None


def _pick(batch: list[Extraction], pos: int, article_id: str) -> Extraction:
    doc = batch[pos] if pos < len(batch) else None
    if doc is None or doc.article.id != article_id or doc.failed is not None:
        raise RuntimeError(
            f"the shards changed during the conversion: article {article_id} is not where "
            "the resolver read it"
        )
    return doc


def write_articles(files: CsvSet, rows: list[ArticleRows], stamp: datetime) -> None:
    """Article, mention, claim and quote rows, as they are decided."""
    articles, mentions = files["articles"], files["mentions"]
    claims, claim_entities, claim_articles = (
        files["claims"], files["claim_entities"], files["claim_articles"]
    )  # fmt: skip
    quotes, quote_entities, quote_articles = (
        files["quotes"], files["quote_entities"], files["quote_articles"]
    )  # fmt: skip
    for r in rows:
        a = r.article
        articles.write(
            a["id"], _ARTICLE, a["url"], a["title"], a["published"], a["dateline"], a["text"],
            a["text_sha256"], a["extractor_version"], stamp, 1,
        )  # fmt: skip
        aid = quote(a["id"])
        for m in r.mentions:
            mentions.write_cells(
                quote(m["entity"]), aid, _MENTIONED_IN, cell(m["count"]), cell(m["aliases"])
            )
        for c in r.claims:
            claims.write(
                c["id"], _CLAIM, c["type"], c["pair"], c["sentence"], c["start"], c["end"],
                c["date"], c["confidence"], c["status"], c["rule"], c["stated_start"],
                c["stated_start_precision"], c["stated_start_text"], c["stated_end"],
                c["stated_end_precision"], c["stated_end_text"], c["extractor_version"],
            )  # fmt: skip
            cid = quote(c["id"])
            claim_entities.write_cells(cid, quote(c["subject"]), _SUBJECT)
            claim_entities.write_cells(cid, quote(c["object"]), _OBJECT)
            claim_articles.write_cells(cid, aid, _IN)
        for q in r.quotes:
            quotes.write(
                q["id"], _QUOTE, q["text"], q["start"], q["end"], q["sentence"],
                q["sentence_start"], q["sentence_end"], q["date"], q["confidence"], q["rule"],
                q["speaker"],
            )  # fmt: skip
            qid, speaker, day = quote(q["id"]), q["speaker"], cell(q["date"])
            quote_entities.write_cells(qid, quote(speaker), _SAID_BY, "", "")
            for target in q["about"]:
                pair = quote(f"{speaker}|{target}")
                quote_entities.write_cells(qid, quote(target), _ABOUT, pair, day)
            quote_articles.write_cells(qid, aid, _IN)


def write_folds(
    files: CsvSet, pairs: PairClaims, empty_stance_days: list[dict[str, object]]
) -> None:
    """The aggregated fact edges, terms and turnarounds, once every claim is in."""
    for e in pairs.edges():
        s, t, o = e.triple
        files["facts"].write(
            s, o, t, e.claims, e.first_seen, e.last_seen, e.confidence, e.status, e.days,
            e.day_claims,
        )  # fmt: skip
        if e.days == []:
            empty_stance_days.append({"s": s, "t": t, "o": o, "days": [], "day_claims": []})
    term_cols = files["terms"].spec[2][2:]
    for term in pairs.terms():
        files["terms"].write(
            term["id"], NodeLabel.TERM.value, *(term[c.split(":")[0]] for c in term_cols)
        )
    turn_cols = files["turns"].spec[2][2:]
    for turn in pairs.turns():
        files["turns"].write(
            turn["id"], NodeLabel.TURN.value, *(turn[c.split(":")[0]] for c in turn_cols)
        )
