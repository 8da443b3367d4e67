"""Mentions -> entities: one entity per real-world thing named in the article.

People cluster by name: full names first (exact, or a close spelling variant with a
compatible first name: Dhankar / Dhankhar), then surname-only or first-name-only
mentions join the person they most recently referred to, so Rahul Gandhi and Sonia
Gandhi stay two people and a lone "Gandhi" goes to whoever was last in play. Parties,
alliances and organisations cluster by their gazetteer name; a bare office title ("the
chief minister") joins the one fully named office with that title in the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from graph_schema import NodeLabel
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.lexicon import Lexicon
from loaders.nlp.mentions import GOVERNMENT_WORDS, Mention, name_parts
from loaders.resolve import normalise, spelling_variant


@dataclass
class EntityCluster:
    """An entity of the article and the mentions that name it."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None

    @property
    def surfaces(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.text, None)
        return list(seen)

    def name(self, lex: Lexicon) -> str:
        if self.canonical:
            return self.canonical
        if self.type == NodeLabel.PERSON:
            best = max(self.surfaces, key=lambda s: (len(name_parts(s, lex)), len(s)))
            words = best.split()  # as written: "Akufo-Addo" keeps its hyphen
            while len(words) > 1 and words[0].strip(".").lower() in lex.honorifics:
                words = words[1:]
            return " ".join(words)
        return max(self.surfaces, key=len)


def _close(a: str, b: str) -> bool:
    return spelling_variant(normalise(a), normalise(b))


def _first_compatible(a: list[str], b: list[str]) -> bool:
    fa, fb = normalise(a[0]), normalise(b[0])
    if not fa or not fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return _close(fa, fb)


def _same_person(a: list[str], b: list[str]) -> bool:
    return _close(a[-1], b[-1]) and _first_compatible(a, b)


def _last_before(cluster: EntityCluster, position: int) -> int:
    """Where the cluster was last mentioned before `position` (-1: never)."""
    before = [m.start for m in cluster.mentions if m.start < position]
    return max(before) if before else -1


def _referent(
    options: list[tuple[EntityCluster, list[str]]], word: str, position: int
) -> EntityCluster:
    """The person a lone name means. News style names a person in full once and then by
    surname; relatives who share it are named in full or by first name. So a surname
    goes to the first person introduced with it (Ken Paxton, not his wife Angela named
    later), and only a first name ("Rahul") goes to whoever was last in play."""
    by_surname = [o for o in options if _close(word, o[1][-1])]
    if by_surname:
        return min(by_surname, key=lambda o: min(m.start for m in o[0].mentions))[0]
    return max(options, key=lambda o: _last_before(o[0], position))[0]


def cluster_people(people: list[Mention], lex: Lexicon) -> list[EntityCluster]:
    clusters: list[EntityCluster] = []
    parts_of: list[list[str]] = []
    ordered = sorted(people, key=lambda m: m.start)
    for m in ordered:  # full names
        parts = name_parts(m.text, lex)
        if len(parts) < 2:
            continue
        for c, cparts in zip(clusters, parts_of, strict=True):
            if _same_person(parts, cparts):
                c.mentions.append(m)
                if len(parts) > len(cparts):
                    cparts[:] = parts
                break
        else:
            clusters.append(EntityCluster(NodeLabel.PERSON, [m]))
            parts_of.append(parts)
    for m in ordered:  # single names join the most recent compatible person
        parts = name_parts(m.text, lex)
        if len(parts) >= 2 or not parts:
            continue
        word = parts[0]
        options = [
            (c, cp)
            for c, cp in zip(clusters, parts_of, strict=True)
            if _close(word, cp[-1])
            or normalise(word) == normalise(cp[0])
            or (len(cp) > 2 and normalise(word) in {normalise(x) for x in cp[1:-1]})
        ]
        if not options:
            single = [
                c
                for c in clusters
                if c.type == NodeLabel.PERSON
                and all(len(name_parts(x.text, lex)) == 1 for x in c.mentions)
                and _close(word, name_parts(c.mentions[0].text, lex)[0])
            ]
            if single:
                single[0].mentions.append(m)
            else:
                clusters.append(EntityCluster(NodeLabel.PERSON, [m]))
                parts_of.append(parts)
            continue
        referent = _referent(options, word, m.start)
        referent.mentions.append(m)
    return clusters


def merge_partial_names(clusters: list[EntityCluster], lex: Lexicon) -> list[EntityCluster]:
    """Fold a person named only by part of a longer name ("Vijay Kumar" beside "Vijay
    Kumar Sinha") into that person: the one mentioned last before, if several."""

    def longest(c: EntityCluster) -> list[str]:
        return [normalise(w) for w in max((name_parts(m.text, lex) for m in c.mentions), key=len)]

    people = [c for c in clusters if c.type == NodeLabel.PERSON]
    gone: set[int] = set()
    for c in people:
        parts = longest(c)
        if len(parts) < 2:
            continue
        hosts = [
            h
            for h in people
            if h is not c
            and id(h) not in gone
            and len(longest(h)) > len(parts)
            and (longest(h)[: len(parts)] == parts or longest(h)[-len(parts) :] == parts)
        ]
        if not hosts:
            continue
        first = min(m.start for m in c.mentions)
        host = max(hosts, key=lambda h: _last_before(h, first))
        host.mentions += c.mentions
        gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]


def cluster_named(mentions: list[Mention]) -> list[EntityCluster]:
    """Parties, alliances, organisations and offices, by canonical name or text."""
    clusters: dict[tuple[str, str], EntityCluster] = {}
    bare: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type == NodeLabel.OFFICE and not m.qualified:
            bare.append(m)
            continue
        key = (m.type, normalise(m.canonical or m.text))
        cluster = clusters.setdefault(key, EntityCluster(m.type, canonical=m.canonical))
        cluster.mentions.append(m)
    offices = [c for c in clusters.values() if c.type == NodeLabel.OFFICE]
    for m in bare:
        title = normalise(m.title or m.text).rstrip("s")
        same = [
            c
            for c in offices
            if any(normalise(x.title or "").rstrip("s") == title for x in c.mentions)
        ]
        if len(same) == 1:
            same[0].mentions.append(m)
        elif m.fallback:  # the office of the region the article is about
            key = (NodeLabel.OFFICE, normalise(m.fallback))
            cluster = clusters.setdefault(
                key, EntityCluster(NodeLabel.OFFICE, canonical=m.fallback)
            )
            cluster.mentions.append(m)
            offices.append(cluster)
        # else: a bare title naming no office of this article is not an entity
    return list(clusters.values())


LOCATIVE = frozenset({"in", "at", "from", "near", "across", "to", "into", "of", "around"})


def drop_places(doc: Doc, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A one-word "person" used as a place ("in Brenhaven") or as a common noun
    elsewhere in the article ("Turnout ..." / "the turnout") is no person, and nor is a
    name used only as a government's label ("the Biden administration")."""
    lower = {t.lower_ for t in doc_tokens(doc) if t.text[:1].islower()}
    kept = []
    for c in clusters:
        if c.type == NodeLabel.PERSON and all(
            m.end < len(doc) and doc[m.end].lower_ in GOVERNMENT_WORDS for m in c.mentions
        ):
            continue  # "the Biden administration": named only as the label of a government
        if c.type == NodeLabel.PERSON and all(m.end - m.start == 1 for m in c.mentions):
            words = {doc[m.start].lower_ for m in c.mentions}
            if words & lower or any(
                m.start > 0 and doc[m.start - 1].lower_ in LOCATIVE for m in c.mentions
            ):
                continue
        kept.append(c)
    return kept


def build_entities(
    doc: Doc, people: list[Mention], others: list[Mention], lex: Lexicon
) -> list[EntityCluster]:
    """All clusters, each mention's `entity` set to its cluster's index."""
    clusters = drop_places(
        doc, merge_partial_names(cluster_people(people, lex), lex)
    ) + cluster_named(others)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    for index, cluster in enumerate(clusters):
        for m in cluster.mentions:
            m.entity = index
    return clusters
