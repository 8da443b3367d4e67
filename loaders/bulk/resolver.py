"""Entity resolution for a bulk load: the incremental writer's own resolver, fed from memory.

`polikg load` resolves batch by batch: each batch's mentions are compared with the entities
earlier batches committed (found through the full-text index) and with the batch's own
entities so far. `ShardResolver` is that very `BatchResolver` with its two database
look-ups answered by `CommittedGraph`, which holds what the graph would hold after each
batch (names, aliases, party and office ties, the full-text index); `commit` moves a
batch's outcome into it. Same batches in, same decisions out, so the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from neo4j import ManagedTransaction

from loaders.bulk.fulltext import FulltextIndex
from loaders.contract import Extraction
from loaders.records import EntityLinks
from loaders.resolve import Candidate, lucene_terms
from loaders.write import BatchResolver
from queries.rows import EntityRow


@dataclass
class EntityState:
    """One entity as the graph holds it after the batches so far."""

    label: str
    name: str
    key: str
    aliases: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)  # MEMBER_OF / HOLDS_OFFICE targets


@dataclass
class CommittedGraph:
    """What the committed batches wrote, as far as resolution reads it."""

    entities: dict[str, EntityState] = field(default_factory=dict)
    index: FulltextIndex = field(default_factory=FulltextIndex)
    _cache: dict[str, Candidate] = field(default_factory=dict)  # until the entity changes

    def candidates(self, label: str, query: str) -> list[Candidate]:
        """`write/entity_candidates` for one probe: top hits, then the label filter."""
        return [
            cand
            for cand in (self._candidate(i) for i in self.index.search(query))
            if cand.label == label
        ]

    def _candidate(self, entity_id: str) -> Candidate:
        cand = self._cache.get(entity_id)
        if cand is None:
            ent = self.entities[entity_id]
            cand = Candidate(
                id=entity_id,
                label=ent.label,
                name=ent.name,
                aliases=tuple(sorted(ent.aliases)),
                context=frozenset(ent.context),
            )
            self._cache[entity_id] = cand
        return cand

    def commit(self, entity_rows: dict[str, EntityRow], links: Sequence[EntityLinks]) -> None:
        """Apply a batch as `merge_entities`, `add_aliases` and the fact edges would.

        `links` are the articles' `entity_links`: the mention rows' aliases and the
        context claims' ends, without building every row (another process writes those)."""
        for gid, row in entity_rows.items():
            ent = self.entities.get(gid)
            if ent is None:
                self.entities[gid] = EntityState(row["label"], row["name"], row["key"])
            else:
                ent.name, ent.key = row["name"], row["key"]
        for article in links:
            for gid, names in article.aliases.items():
                self.entities[gid].aliases.update(names)
            for subject, obj in article.context:
                self.entities[subject].context.add(obj)
                self._cache.pop(subject, None)
        touched = set(entity_rows) | {gid for a in links for gid in a.aliases}
        for gid in sorted(touched):
            self._cache.pop(gid, None)
            ent = self.entities[gid]
            self.index.put(gid, ent.name, sorted(ent.aliases))


class ShardResolver(BatchResolver):
    """`BatchResolver` whose graph is a `CommittedGraph` instead of a transaction."""

    def __init__(self, graph: CommittedGraph, docs: Sequence[Extraction]) -> None:
        self.graph = graph
        # no transaction: the two methods that would use one are answered from `graph`
        super().__init__(cast(ManagedTransaction, None), docs)

    def _existing_ids(self, ids: list[str]) -> set[str]:
        return {i for i in ids if i in self.graph.entities}

    def _fetch_candidates(self) -> dict[int, list[Candidate]]:
        """One search per distinct (label, query), as `BatchResolver` sends one probe per
        distinct pair: the index does not change within a batch, so the answer is the same
        (a batch of 200 planted articles asks 2,300 times, 410 of them distinct)."""
        found: dict[int, list[Candidate]] = {}
        asked: dict[tuple[str, str], tuple[list[Candidate], int]] = {}
        index = self.graph.index
        for mention in self.mentions.values():
            query = lucene_terms(mention)
            if not query:
                continue
            key = (mention.label, query)
            if key in asked:
                hits, truncated = asked[key]
                index.truncated += truncated  # counted per mention, as each asked once
            else:
                before = index.truncated
                hits = self.graph.candidates(mention.label, query)
                asked[key] = (hits, index.truncated - before)
            if hits:
                found[id(mention)] = hits
        return found
