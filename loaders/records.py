"""Turn resolved extractions into the row dicts the write queries UNWIND.

Pure functions, no database: given an extraction and the mapping from its local entity
ids ("e1") to graph ids ("person:mallikarjun-kharge"), build article, mention, claim and
quote rows with stable ids, so a re-run produces the very same records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph_schema import UNDIRECTED_TYPES, RelType, is_allowed
from loaders.contract import Extraction, Relation
from loaders.resolve import short_hash
from queries.rows import ArticleRow, ClaimRow, MentionRow, QuoteRow

Row = dict[str, Any]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The claim types that tell people apart in resolution (a person's parties and offices).
CONTEXT_TYPES = frozenset({RelType.MEMBER_OF, RelType.HOLDS_OFFICE})


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pair_key(subject: str, rel_type: str, obj: str) -> str:
    """The indexed key that finds every claim behind one aggregated edge."""
    return f"{subject}|{rel_type}|{obj}"


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of a date string, or None when it is not a real date
    (2023-13-45 has the shape but Neo4j's date() refuses it, which aborted whole batches)."""
    if value and _DATE.match(value[:10]):
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def published_problem(value: object) -> str | None:
    """Why `value` cannot be an article's `published` date, or None when it can (absent, or
    text starting with a real YYYY-MM-DD date, e.g. '2023-12-21T10:00:00Z')."""
    if value is None:
        return None
    if not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if iso_date(value) is None:
        shown = value if len(value) <= 40 else value[:40] + "..."
        return f"{shown!r} is not a real calendar date (YYYY-MM-DD)"
    return None


@dataclass
class ArticleRows:
    """Everything one article contributes to the graph."""

    article: ArticleRow
    mentions: list[MentionRow] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # facts the schema does not allow


def article_row(doc: Extraction) -> ArticleRow:
    meta = doc.article
    return {
        "id": meta.id,
        "url": meta.source,
        "title": meta.title,
        "published": iso_date(meta.published),
        "dateline": meta.dateline,
        "text": meta.text,
        "text_sha256": text_sha256(meta.text),
        "extractor_version": doc.extractor_version,
    }


def claim_ends(
    rel: Relation, ids: Mapping[str, str], labels: Mapping[str, str]
) -> tuple[str, str] | None:
    """The claim's graph (subject, object), or None when it makes no claim (an end not
    resolved, a self-loop, a pattern the schema does not allow)."""
    s, o = ids.get(rel.subject), ids.get(rel.object)
    if s is None or o is None or s == o:
        return None
    if not is_allowed(labels[rel.subject], rel.type, labels[rel.object]):
        return None
    if rel.type in UNDIRECTED_TYPES and o < s:  # symmetric: one canonical direction
        s, o = o, s
    return s, o


def mention_names(doc: Extraction, ids: Mapping[str, str]) -> dict[str, tuple[int, set[str]]]:
    """Per graph id the article names: its mention count and every name and alias it is
    called (several local entities may resolve to one graph entity)."""
    found: dict[str, tuple[int, set[str]]] = {}
    for ent in doc.entities:
        gid = ids.get(ent.id)
        if gid is None:
            continue
        count, names = found.get(gid, (0, set()))
        names.update((ent.name, *ent.aliases))
        found[gid] = (count + max(ent.mentions, 1), names)
    return found


@dataclass
class EntityLinks:
    """What an article adds to its entities for resolving later articles: aliases and the
    party / office ties. The part of `build_rows` a bulk load's resolver needs, cheaply:
    both come from `mention_names` and `claim_ends`, so they cannot disagree."""

    aliases: dict[str, set[str]]
    context: list[tuple[str, str]]  # (subject, object) of MEMBER_OF / HOLDS_OFFICE claims


def entity_links(doc: Extraction, ids: Mapping[str, str]) -> EntityLinks:
    labels = {e.id: e.type for e in doc.entities}
    context = [
        ends
        for rel in doc.relations
        if rel.type in CONTEXT_TYPES and (ends := claim_ends(rel, ids, labels)) is not None
    ]
    aliases = {gid: names for gid, (_, names) in mention_names(doc, ids).items()}
    return EntityLinks(aliases, context)


def _claim_row(
    doc: Extraction, rel: Relation, ids: Mapping[str, str], labels: Mapping[str, str]
) -> ClaimRow | None:
    ends = claim_ends(rel, ids, labels)
    if ends is None:
        return None
    s, o = ends
    ev = rel.evidence
    start, end = (ev.start, ev.end) if ev else (None, None)
    return {
        "id": "claim:" + short_hash(doc.article.id, rel.type, s, o, start, end),
        "pair": pair_key(s, rel.type, o),
        "type": rel.type,
        "subject": s,
        "object": o,
        "article": doc.article.id,
        "sentence": ev.sentence if ev else None,
        "start": start,
        "end": end,
        "date": iso_date(doc.article.published),
        "confidence": ev.confidence if ev else 1.0,
        "status": rel.status,
        "stated_start": iso_date(rel.start.date) if rel.start else None,
        "stated_start_precision": rel.start.precision if rel.start else None,
        "stated_start_text": rel.start.text if rel.start else None,
        "stated_end": iso_date(rel.end.date) if rel.end else None,
        "stated_end_precision": rel.end.precision if rel.end else None,
        "stated_end_text": rel.end.text if rel.end else None,
        "rule": rel.rule,
        "extractor_version": doc.extractor_version,
    }


def build_rows(doc: Extraction, ids: Mapping[str, str]) -> ArticleRows:
    """Rows for one article; `ids` maps the extraction's entity ids to graph ids."""
    labels = {e.id: e.type for e in doc.entities}
    rows = ArticleRows(article=article_row(doc))
    rows.mentions = [
        {"entity": gid, "article": doc.article.id, "count": count, "aliases": sorted(names)}
        for gid, (count, names) in mention_names(doc, ids).items()
    ]
    seen: set[str] = set()
    for rel in doc.relations:
        claim = _claim_row(doc, rel, ids, labels)
        if claim is None:
            rows.skipped.append(f"{rel.type} {rel.subject}->{rel.object}")
        elif claim["id"] not in seen:
            seen.add(claim["id"])
            rows.claims.append(claim)
    rows.quotes = _quote_rows(doc, ids, seen)
    return rows


def _quote_rows(doc: Extraction, ids: Mapping[str, str], seen: set[str]) -> list[QuoteRow]:
    out: list[QuoteRow] = []
    for index, quote in enumerate(doc.quotes):
        speaker = ids.get(quote.speaker)
        if speaker is None:
            continue
        anchor = (quote.start, quote.end) if quote.start is not None else (index, quote.text)
        qid = "quote:" + short_hash(doc.article.id, speaker, *anchor)
        if qid in seen:
            continue
        seen.add(qid)
        ev = quote.evidence
        out.append(
            {
                "id": qid,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "sentence": ev.sentence if ev else None,
                "sentence_start": ev.start if ev else None,
                "sentence_end": ev.end if ev else None,
                "confidence": ev.confidence if ev else 1.0,
                "date": iso_date(doc.article.published),
                "speaker": speaker,
                "about": sorted({ids[a] for a in quote.about if a in ids and ids[a] != speaker}),
                "article": doc.article.id,
                "rule": quote.rule,
            }
        )
    return out
