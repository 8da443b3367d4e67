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

from graph_schema import is_allowed
from loaders.contract import Extraction, Relation
from loaders.resolve import short_hash

Row = dict[str, Any]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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

    article: Row
    mentions: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # facts the schema does not allow


def article_row(doc: Extraction) -> Row:
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


def _claim_row(
    doc: Extraction, rel: Relation, ids: Mapping[str, str], labels: Mapping[str, str]
) -> Row | None:
    s, o = ids.get(rel.subject), ids.get(rel.object)
    if s is None or o is None or s == o:
        return None
    if not is_allowed(labels[rel.subject], rel.type, labels[rel.object]):
        return None
    if rel.type == "ALLIED_WITH" and o < s:  # symmetric: one canonical direction
        s, o = o, s
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
        **_stated(rel),
        "rule": rel.rule,
        "extractor_version": doc.extractor_version,
    }


def _stated(rel: Relation) -> Row:
    """The bounds the sentence states (loaders.stated_dates), as claim properties."""
    out: Row = {}
    for name, bound in (("start", rel.start), ("end", rel.end)):
        out[f"stated_{name}"] = iso_date(bound.date) if bound else None
        out[f"stated_{name}_precision"] = bound.precision if bound else None
        out[f"stated_{name}_text"] = bound.text if bound else None
    return out


def build_rows(doc: Extraction, ids: Mapping[str, str]) -> ArticleRows:
    """Rows for one article; `ids` maps the extraction's entity ids to graph ids."""
    labels = {e.id: e.type for e in doc.entities}
    rows = ArticleRows(article=article_row(doc))
    mentions: dict[str, Row] = {}
    for ent in doc.entities:
        gid = ids.get(ent.id)
        if gid is None:
            continue
        row = mentions.setdefault(
            gid, {"entity": gid, "article": doc.article.id, "count": 0, "aliases": []}
        )
        row["count"] += max(ent.mentions, 1)
        row["aliases"] = sorted({*row["aliases"], ent.name, *ent.aliases})
    rows.mentions = list(mentions.values())
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


def _quote_rows(doc: Extraction, ids: Mapping[str, str], seen: set[str]) -> list[Row]:
    out: list[Row] = []
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
