"""Extraction as a pure function: article text in, contract JSON out, no database.

`extract(article)` cleans the text (header, dateline and furniture blanked so offsets
stay valid), runs the spaCy pipeline with the polikg components and builds the
`Extraction` with per-fact evidence (sentence offsets, confidence). `extract_many`
does the same over a stream with worker processes; it reads its input in windows so
a corpus of any size streams in bounded memory. A failure on one article becomes an
extraction marked `failed` (no facts, the reason), never a crash of the batch; the writer
skips it and keeps what the graph knew.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from graph_schema import is_allowed
from loaders.contract import ArticleMeta, Entity, Evidence, Extraction, Quote, Relation
from loaders.nlp.clean import clean
from loaders.nlp.doc_text import doc_text as nlp_doc_text
from loaders.nlp.pipeline import KEY, DocFacts, load_pipeline, pipeline_version
from loaders.nlp.story_country import DATELINE_KEY
from loaders.stated_dates import with_stated_bounds
from loaders.streams import batched

log = logging.getLogger(__name__)

#: Longest text the pipeline reads (characters); the rest of a longer text is skipped
#: with a warning (spaCy's parser needs ~1 GB per 100k words).
MAX_CHARS = 200_000
SCORED = ("Person", "Party", "Alliance", "Office", "Organization")
#: Relation types that carry `status` (current / former) in the contract.
WITH_STATUS = frozenset({"HOLDS_OFFICE", "MEMBER_OF", "ALLIED_WITH"})
CHUNK = 8  # articles per task sent to a worker process


def default_model() -> str:
    from app.config import get_settings

    return get_settings().spacy_model


@cache
def extractor_version(model: str | None = None) -> str:
    """The version stamped on every fact: component versions plus the model's."""
    return pipeline_version(load_pipeline(model or default_model()))


def _evidence(text: str, cleaned: str, start: int, end: int, confidence: float) -> Evidence:
    """The sentence's span, trimmed of blanks and blanked metadata (header, dateline)."""
    while start < end and cleaned[start].isspace():
        start += 1
    while end > start and cleaned[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, sentence=text[start:end], confidence=confidence)


def _warnings(article: ArticleMeta, text: str) -> list[str]:
    warnings = []
    if not text.strip():
        warnings.append("empty text: nothing to extract")
    if len(article.text) > MAX_CHARS:
        warnings.append(
            f"text is {len(article.text)} characters; extracted the first {MAX_CHARS} only"
        )
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.6:
        warnings.append("text does not look like English: results will be poor")
    return warnings


def to_extraction(article: ArticleMeta, doc: Doc, version: str, warnings: list[str]) -> Extraction:
    """The contract document for one processed article."""
    facts: DocFacts = doc.user_data[KEY]
    text = article.text
    doc_text = nlp_doc_text(doc)
    ids: dict[int, str] = {}
    entities: list[Entity] = []
    lex = facts.context.lex
    for index, cluster in enumerate(facts.clusters):
        if cluster.type not in SCORED:
            continue
        ids[index] = f"e{len(ids) + 1}"
        name = cluster.name(lex)
        aliases = [s for s in cluster.surfaces if s != name]
        entities.append(
            Entity(
                id=ids[index],
                name=name,
                type=cluster.type,
                aliases=aliases,
                mentions=len(cluster.mentions),
            )
        )
    types = {ids[i]: c.type for i, c in enumerate(facts.clusters) if i in ids}
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for f in facts.relations:
        s, o = ids.get(f.subject), ids.get(f.object)
        if s is None or o is None or s == o or not is_allowed(types[s], f.type, types[o]):
            continue
        a, b = sorted((s, o)) if f.type == "ALLIED_WITH" else (s, o)  # symmetric: one order
        key = (f.type, a, b)
        if key in seen:
            continue
        seen.add(key)
        relations.append(
            Relation(
                type=f.type,
                subject=s,
                object=o,
                status=(f.status or "current") if f.type in WITH_STATUS else None,
                evidence=_evidence(
                    text, doc_text, f.sentence.start_char, f.sentence.end_char, f.confidence
                ),
                rule=f.rule or None,
                trigger=f.trigger or None,
            )
        )
    quotes = []
    for q in facts.quotes:
        speaker = ids.get(q.speaker) if q.speaker is not None else None
        if speaker is None:
            continue
        sent = q.sentence
        quotes.append(
            Quote(
                speaker=speaker,
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                about=[ids[a] for a in q.about if a in ids],
                evidence=_evidence(text, doc_text, sent.start_char, sent.end_char, q.confidence)
                if sent is not None
                else None,
                rule=q.rule or None,
            )
        )
    return Extraction(
        article=article,
        entities=entities,
        relations=[with_stated_bounds(r, article.published) for r in relations],
        quotes=quotes,
        extractor_version=version,
        warnings=warnings,
    )


def _prepare(article: ArticleMeta) -> tuple[ArticleMeta, str]:
    cleaned = clean(article.text)
    meta = article.model_copy(
        update={
            "published": article.published or cleaned.published,
            "dateline": article.dateline or cleaned.dateline,
        }
    )
    return meta, cleaned.text[:MAX_CHARS]


def _doc_of(nlp: Language, meta: ArticleMeta, text: str) -> Doc:
    """The text as a Doc that carries its dateline: the cleaner blanks it from the text,
    but where a story was filed says which country it is about."""
    doc = nlp.make_doc(text)
    doc.user_data[DATELINE_KEY] = meta.dateline
    return doc


def extract_docs(articles: list[ArticleMeta], nlp: Language) -> list[Extraction]:
    """Extract a small batch in this process (nlp.pipe batches the model's work)."""
    version = pipeline_version(nlp)
    prepared = [_prepare(a) for a in articles]
    out = []
    docs = nlp.pipe((_doc_of(nlp, meta, text) for meta, text in prepared), batch_size=CHUNK)
    for (meta, text), doc in zip(prepared, docs, strict=True):
        try:
            out.append(to_extraction(meta, doc, version, _warnings(meta, text)))
        except Exception as exc:  # one bad article must not sink the batch: report it
            log.warning("extraction failed for %s: %s", meta.id, type(exc).__name__)
            reason = f"{type(exc).__name__}: {exc}"
            out.append(
                Extraction(
                    article=meta,
                    extractor_version=version,
                    failed=reason,
                    warnings=[f"extraction failed: {reason}"],
                )
            )
    return out


def extract(article: ArticleMeta, *, model: str | None = None) -> Extraction:
    """One article -> its contract document (pure: no database, nothing downloaded)."""
    return extract_docs([article], load_pipeline(model or default_model()))[0]


_WORKER_NLP: Language | None = None


def _init_worker(model: str) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(model)


def _work(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _WORKER_NLP is not None
    docs = extract_docs([ArticleMeta.model_validate(a) for a in batch], _WORKER_NLP)
    return [d.model_dump(mode="json") for d in docs]


def extract_many(
    articles: Iterable[ArticleMeta],
    *,
    n_process: int = 0,
    model: str | None = None,
    window: int = 64,
) -> Iterator[Extraction]:
    """Extract a stream in order: in this process (n_process=0) or in that many worker
    processes. One worker process is worth it when the caller has other work, such as
    the ingest's writer: it then no longer shares the interpreter lock with spaCy."""
    model = model or default_model()
    if n_process <= 0:
        nlp = load_pipeline(model)
        for chunk in batched(articles, CHUNK):
            yield from extract_docs(chunk, nlp)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(model,)) as pool:
        for block in batched(articles, window * n_process):
            tasks = [[a.model_dump() for a in c] for c in batched(block, CHUNK)]
            for result in pool.imap(_work, tasks):
                yield from (Extraction.model_validate(d) for d in result)
