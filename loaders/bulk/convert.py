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

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from graph_schema import NodeLabel, RelType
from loaders.article import BadInput
from loaders.bulk.aggregate import PairClaims
from loaders.bulk.csvfiles import CsvSet
from loaders.bulk.resolver import CommittedGraph, ShardResolver
from loaders.contract import Extraction
from loaders.records import ArticleRows, build_rows, text_sha256
from loaders.shards import read_shards
from loaders.streams import batched
from queries.rows import EntityRow

ProgressFn = Callable[[int], None]
#: The label `write/merge_entities` gives every entity beside its type label.
SHARED_ENTITY_LABEL = "Entity"


class BulkRefused(RuntimeError):
    """The input or the database is not what a bulk first load can take; says why."""


@dataclass
class BulkPlan:
    """What the conversion decided, for the import step and the summary."""

    files: CsvSet
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
    """Write the importer CSV files for the shards under `paths` into `out`."""
    started = time.perf_counter()
    stamp = now or datetime.now(UTC)
    graph, seen, pairs = CommittedGraph(), _Seen(), PairClaims()
    with CsvSet(out) as files:
        plan = BulkPlan(files=files)
        for batch in batched(_documents(read_shards(paths), plan), batch_size):
            todo = _classify(batch, seen, plan)
            resolver = ShardResolver(graph, todo)
            entity_rows: dict[str, EntityRow] = {}
            rows = [build_rows(d, resolver.resolve_article(d, entity_rows)) for d in todo]
            for doc in todo:
                seen.articles[doc.article.id] = (
                    text_sha256(doc.article.text),
                    doc.extractor_version,
                )
            _write_articles(files, rows, stamp)
            pairs.add(rows)
            graph.commit(entity_rows, rows)
            plan.new += len(todo)
            if progress:
                progress(len(batch))
        _write_entities(files, graph, plan)
        _write_folds(files, pairs, plan)
    plan.article_writes = {a: n for a, n in seen.writes.items() if n > 1}
    plan.truncated_probes = graph.index.truncated
    plan.counts.update({stem: f.rows for stem, f in files.files.items()})
    plan.seconds = time.perf_counter() - started
    return plan


def _write_articles(files: CsvSet, rows: list[ArticleRows], stamp: datetime) -> None:
    for r in rows:
        a = r.article
        files["articles"].write(
            a["id"], NodeLabel.ARTICLE.value, a["url"], a["title"], a["published"],
            a["dateline"], a["text"], a["text_sha256"], a["extractor_version"], stamp, 1,
        )  # fmt: skip
        for m in r.mentions:
            files["mentions"].write(
                m["entity"], a["id"], RelType.MENTIONED_IN.value, m["count"], m["aliases"]
            )
        for c in r.claims:
            files["claims"].write(
                c["id"], NodeLabel.CLAIM.value, c["type"], c["pair"], c["sentence"], c["start"],
                c["end"], c["date"], c["confidence"], c["status"], c["rule"], c["stated_start"],
                c["stated_start_precision"], c["stated_start_text"], c["stated_end"],
                c["stated_end_precision"], c["stated_end_text"], c["extractor_version"],
            )  # fmt: skip
            files["claim_entities"].write(c["id"], c["subject"], RelType.SUBJECT.value)
            files["claim_entities"].write(c["id"], c["object"], RelType.OBJECT.value)
            files["claim_articles"].write(c["id"], a["id"], RelType.IN.value)
        for q in r.quotes:
            files["quotes"].write(
                q["id"], NodeLabel.QUOTE.value, q["text"], q["start"], q["end"], q["sentence"],
                q["sentence_start"], q["sentence_end"], q["date"], q["confidence"], q["rule"],
                q["speaker"],
            )  # fmt: skip
            files["quote_entities"].write(q["id"], q["speaker"], RelType.SAID_BY.value, None, None)
            for target in q["about"]:
                pair = f"{q['speaker']}|{target}"
                files["quote_entities"].write(q["id"], target, RelType.ABOUT.value, pair, q["date"])
            files["quote_articles"].write(q["id"], a["id"], RelType.IN.value)


def _write_entities(files: CsvSet, graph: CommittedGraph, plan: BulkPlan) -> None:
    for gid, ent in graph.entities.items():
        labels = [SHARED_ENTITY_LABEL, ent.label]  # :LABEL splits on the array delimiter
        files["entities"].write(gid, labels, ent.name, ent.key, sorted(ent.aliases))
        if not ent.aliases:
            plan.aliasless.append(gid)


def _write_folds(files: CsvSet, pairs: PairClaims, plan: BulkPlan) -> None:
    for e in pairs.edges():
        s, t, o = e.triple
        files["facts"].write(
            s, o, t, e.claims, e.first_seen, e.last_seen, e.confidence, e.status, e.days,
            e.day_claims,
        )  # fmt: skip
        if e.days == []:
            plan.empty_stance_days.append({"s": s, "t": t, "o": o, "days": [], "day_claims": []})
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
