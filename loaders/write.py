"""Write a batch of extractions into Neo4j: one transaction per batch, idempotent.

The writer only writes. Per batch it (1) sorts articles into new, unchanged and
replaced by content hash and extractor version, (2) removes the facts of replaced
articles, (3) resolves every entity against the graph and the batch so far, (4) MERGEs
articles, entities, mentions, claims and quotes with stable ids, (5) recomputes the
aggregated edges of every touched (subject, type, object) from its claims, with the
terms and turnarounds of those pairs (loaders/aggregates.py: one read, folded once per
batch; `polikg load` defers this step to every few batches), and (6)
removes entities no article mentions any more. A crash rolls the batch back whole.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from neo4j import Driver, ManagedTransaction

from graph_schema import ENTITY_LABELS, NodeLabel, RelType
from loaders.aggregates import defer_aggregates as defer_aggregates_of
from loaders.aggregates import refresh_aggregates
from loaders.contract import Extraction
from loaders.records import ArticleRows, build_rows, text_sha256
from loaders.resolve import (
    Candidate,
    NamedInArticle,
    better_name,
    lucene_terms,
    new_entity_id,
    normalise,
    resolve,
)
from queries import write as wq
from queries.rows import AliasRow, EntityRow

log = logging.getLogger(__name__)
CONTEXT_TYPES = (RelType.MEMBER_OF, RelType.HOLDS_OFFICE)
RESOLVED_TYPES = ENTITY_LABELS


@dataclass
class BatchResult:
    """What one batch did, for the ingest summary and the API's answer."""

    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # article id -> why extraction failed
    duplicates: list[str] = field(default_factory=list)  # ids seen earlier in the same batch
    counters: wq.WriteCounters = field(default_factory=wq.WriteCounters)
    entity_ids: dict[str, dict[str, str]] = field(default_factory=dict)  # article -> local->id
    skipped_facts: int = 0


def write_batch(
    driver: Driver,
    docs: Sequence[Extraction],
    *,
    database: str | None = None,
    defer_aggregates: bool = False,
) -> BatchResult:
    """Write the batch in one transaction (retried whole on transient errors).

    With `defer_aggregates` the aggregated edges' properties, terms and turnarounds of the
    pairs that only gained claims are left to `loaders.aggregates.refresh_pending` (marked
    in the graph, refreshed by the caller after its last batch); pairs a replaced article
    took claims from are refreshed here, so an edge with no claim left goes at once."""
    with driver.session(database=database) as session:
        return session.execute_write(_write_tx, list(docs), defer_aggregates)


def _classify(
    tx: ManagedTransaction, docs: list[Extraction], result: BatchResult
) -> list[Extraction]:
    # A failed extraction holds no facts: writing it would replace the article's facts with
    # nothing, so it is reported and the graph keeps what it knew.
    result.failed.update({d.article.id: d.failed for d in docs if d.failed is not None})
    docs = [d for d in docs if d.failed is None]
    # Lock first, read second: a concurrent write of the same article (a client retry, two
    # CLI runs) waits here and then sees this one's result, so N posts equal one post.
    wq.lock_articles(tx, [d.article.id for d in docs])
    known = wq.existing_articles(tx, [d.article.id for d in docs])
    todo: list[Extraction] = []
    seen: set[str] = set()
    for doc in docs:
        aid = doc.article.id
        prev = known.get(aid)
        same = (
            prev is not None
            and prev["text_sha256"] == text_sha256(doc.article.text)
            and prev["extractor_version"] == doc.extractor_version
        )
        if aid in seen:  # the first one with this id is written; this one is reported
            result.duplicates.append(aid)
            continue
        if same:
            result.unchanged.append(aid)
            continue
        seen.add(aid)
        (result.replaced if prev is not None else result.new).append(aid)
        todo.append(doc)
    return todo


def _write_tx(
    tx: ManagedTransaction, docs: list[Extraction], defer_aggregates: bool = False
) -> BatchResult:
    result = BatchResult()
    todo = _classify(tx, docs, result)
    if not todo:
        return result
    counters = result.counters
    # Candidates first: Neo4j's full-text index does not return nodes whose relationships
    # this transaction has already changed, so a replaced article would lose its entities'
    # ids (measured: every entity of a replaced article came back with a salted new id).
    resolver = BatchResolver(tx, todo)
    old_triples, touched = (
        wq.detach_article_facts(tx, result.replaced, counters) if result.replaced else ([], set())
    )
    entity_rows: dict[str, EntityRow] = {}
    all_rows: list[ArticleRows] = []
    for doc in todo:
        ids = resolver.resolve_article(doc, entity_rows)
        result.entity_ids[doc.article.id] = ids
        all_rows.append(build_rows(doc, ids))
    wq.merge_articles(tx, [r.article for r in all_rows], counters)
    wq.merge_entities(tx, list(entity_rows.values()), counters)
    wq.merge_mentions(tx, [m for r in all_rows for m in r.mentions], counters)
    # aliases: recomputed where a replaced article took mentions away, else added to
    wq.refresh_aliases(tx, list(touched), counters)
    wq.add_aliases(tx, _new_aliases(all_rows, exclude=touched), counters)
    touched |= set(entity_rows)
    claims = [c for r in all_rows for c in r.claims]
    wq.merge_claims(tx, claims, counters)
    wq.merge_quotes(tx, [q for r in all_rows for q in r.quotes], counters)
    replaced_triples = {(t["s"], t["t"], t["o"]) for t in old_triples}
    added = {(c["subject"], c["type"], c["object"]) for c in claims}
    if defer_aggregates:
        refresh_aggregates(tx, replaced_triples, counters)
        defer_aggregates_of(tx, added - replaced_triples, counters)
    else:
        refresh_aggregates(tx, replaced_triples | added, counters)
    wq.delete_orphan_entities(tx, list(touched), counters)
    result.skipped_facts = sum(len(r.skipped) for r in all_rows)
    return result


def _new_aliases(rows: list[ArticleRows], *, exclude: set[str]) -> list[AliasRow]:
    """{id, aliases} of each entity the batch mentions: the forms its mentions used."""
    forms: dict[str, set[str]] = {}
    for r in rows:
        for m in r.mentions:
            if m["entity"] not in exclude:
                forms.setdefault(m["entity"], set()).update(m["aliases"])
    return [{"id": i, "aliases": sorted(a)} for i, a in sorted(forms.items())]


def _blocking_keys(forms: set[str]) -> set[str]:
    """Cheap keys that any two matching names share: 4-letter prefixes of their words."""
    return {tok[:4] for form in forms for tok in form.split() if len(tok) > 1}


class BatchResolver:
    """Resolves each article's entities against the graph and the batch written so far.

    Articles are processed in input order and every decision joins the pool, so the
    outcome does not depend on where batch boundaries fall (a re-run after a crash
    gives the same ids as one clean run). Graph candidates for the whole batch come
    from one full-text query; the pool is indexed by name-word prefixes so each
    mention is compared with a handful of candidates, not the whole batch.
    """

    def __init__(self, tx: ManagedTransaction, docs: Sequence[Extraction]) -> None:
        self.tx = tx
        self.pool: dict[str, Candidate] = {}
        self.index: dict[tuple[str, str], set[str]] = {}
        self.mentions: dict[tuple[str, str], NamedInArticle] = {}
        for doc in docs:
            for ent in doc.entities:
                if ent.type in RESOLVED_TYPES:
                    self.mentions[(doc.article.id, ent.id)] = NamedInArticle(
                        ent.type, ent.name, tuple(ent.aliases)
                    )
        self.graph_candidates = self._fetch_candidates()
        self.taken = self._existing_ids(
            sorted({new_entity_id(m.label, m.name, set(), salt="") for m in self.mentions.values()})
        )

    def resolve_article(self, doc: Extraction, entity_rows: dict[str, EntityRow]) -> dict[str, str]:
        """Map the article's local entity ids to graph ids, recording entity rows."""
        ids: dict[str, str] = {}
        # Parties and offices first: they are the context that tells people apart.
        ordered = sorted(
            (e for e in doc.entities if e.type in RESOLVED_TYPES),
            key=lambda e: e.type == NodeLabel.PERSON,
        )
        for ent in ordered:
            mention = self.mentions[(doc.article.id, ent.id)]
            if ent.type == NodeLabel.PERSON:
                mention.context = frozenset(
                    ids[r.object]
                    for r in doc.relations
                    if r.subject == ent.id and r.type in CONTEXT_TYPES and r.object in ids
                )
            pool = _unique(
                [*self.graph_candidates.get(id(mention), []), *self._pool_candidates(mention)]
            )
            gid = resolve(mention, pool)
            if gid is None:
                gid = new_entity_id(
                    ent.type, ent.name, self.taken | set(self.pool), salt=doc.article.id
                )
            ids[ent.id] = gid
            self._remember(gid, mention, pool, entity_rows)
        return ids

    def _existing_ids(self, ids: list[str]) -> set[str]:
        """Which of these ids the graph has (the bulk loader answers from memory)."""
        return wq.existing_entity_ids(self.tx, ids)

    def _fetch_candidates(self) -> dict[int, list[Candidate]]:
        """One full-text probe per distinct (label, query), shared by every mention that
        asks it: a batch names the same people again and again (200 planted articles: 2,300
        mentions, 410 distinct probes), and the probe, not the answer, is what costs."""
        asked: dict[tuple[str, str], list[int]] = {}
        for m in self.mentions.values():
            if q := lucene_terms(m):
                asked.setdefault((m.label, q), []).append(id(m))
        keys = list(asked)
        probes = [{"i": i, "label": label, "q": q} for i, (label, q) in enumerate(keys)]
        by_probe: dict[int, list[Candidate]] = {}
        for rec in wq.entity_candidates(self.tx, probes):
            by_probe.setdefault(rec["i"], []).append(
                Candidate(
                    id=rec["id"],
                    label=rec["label"],
                    name=rec["name"],
                    aliases=tuple(rec["aliases"]),
                    context=frozenset(rec["context"]),
                )
            )
        return {
            mention: by_probe[i]
            for i, key in enumerate(keys)
            if i in by_probe
            for mention in asked[key]
        }

    def _pool_candidates(self, mention: NamedInArticle) -> list[Candidate]:
        ids: set[str] = set()
        for key in _blocking_keys(mention.forms()):
            ids |= self.index.get((mention.label, key), set())
        return [self.pool[i] for i in sorted(ids)]

    def _remember(
        self,
        gid: str,
        mention: NamedInArticle,
        pool: list[Candidate],
        entity_rows: dict[str, EntityRow],
    ) -> None:
        known = self.pool.get(gid) or next((c for c in pool if c.id == gid), None)
        name = better_name(known.name, mention.name, label=mention.label) if known else mention.name
        aliases = tuple(sorted({*(known.aliases if known else ()), mention.name, *mention.aliases}))
        context = (known.context if known else frozenset()) | mention.context
        cand = Candidate(gid, mention.label, name, aliases, context)
        self.pool[gid] = cand
        for key in _blocking_keys(cand.forms()):
            self.index.setdefault((mention.label, key), set()).add(gid)
        entity_rows[gid] = {"id": gid, "label": mention.label, "name": name, "key": normalise(name)}


def _unique(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per id, the batch pool's (most recent) view winning."""
    by_id: dict[str, Candidate] = {}
    for cand in cands:
        by_id[cand.id] = cand
    return list(by_id.values())
