"""The spaCy pipeline: the English model plus three registered polikg components.

Each component has a versioned name; the versions, with the model's name and version,
make up the extractor version stamped on every fact, so a change of rules or model
tells the loader which articles to re-extract.

    polikg_mentions_v1   gazetteer, office patterns, people, entity clusters
    polikg_relations_v1  HOLDS_OFFICE, MEMBER_OF, ALLIED_WITH, CRITICIZED, SUPPORTED
    polikg_quotes_v1     quotations, speakers, `about`, criticism in addressed quotes

Results live in `doc.user_data["polikg"]` (a `DocFacts`); `loaders.extract` turns
them into the contract JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from graph_schema import RelType
from loaders.nlp.alliances import alliance_relations
from loaders.nlp.context import Context
from loaders.nlp.doc_text import doc_text, doc_tokens
from loaders.nlp.entities import EntityCluster, build_entities
from loaders.nlp.gazetteer_index import GazetteerIndex
from loaders.nlp.groups import group_mentions
from loaders.nlp.lexicon import load_lexicon
from loaders.nlp.membership import membership_changes
from loaders.nlp.mentions import (
    gazetteer_mentions,
    government_mentions,
    mark_former,
    mark_shadow,
    office_mentions,
    party_letter_mentions,
    person_mentions,
    propagate_names,
    resolve_overlaps,
)
from loaders.nlp.office_roles import as_office_relations, description_holders
from loaders.nlp.party_ties import party_tie_relations
from loaders.nlp.quotes import FoundQuote, addressed_criticism, find_quotes, quoted_tokens
from loaders.nlp.relations import (
    Found,
    apposition_relations,
    chain_relations,
    possessive_relations,
    record_holders,
)
from loaders.nlp.speech_stance import reported_stance, stance_in_span
from loaders.nlp.stances import quoted_criticism, stance_relations
from loaders.nlp.story_country import article_countries

COMPONENTS = ("polikg_mentions_v1", "polikg_relations_v1", "polikg_quotes_v1")
VERSIONED = ("polikg_paragraphs_v1", *COMPONENTS)
KEY = "polikg"


@dataclass
class DocFacts:
    """What the polikg components found in one doc."""

    country: str | None
    clusters: list[EntityCluster]
    context: Context
    relations: list[Found] = field(default_factory=list)
    quotes: list[FoundQuote] = field(default_factory=list)


@Language.factory("polikg_mentions_v1")
def make_mentions(nlp: Language, name: str) -> MentionsComponent:
    return MentionsComponent(GazetteerIndex(nlp.make_doc))


class MentionsComponent:
    def __init__(self, index: GazetteerIndex) -> None:
        self.index = index

    def __call__(self, doc: Doc) -> Doc:
        lex = load_lexicon()
        country, named_countries = article_countries(doc, self.index, lex)
        base = gazetteer_mentions(doc, self.index, country, named_countries)
        base += party_letter_mentions(doc, self.index, named_countries)
        regions = frozenset((start, end) for start, end, _ in self.index.match_regions(doc))
        groups = group_mentions(doc, base, self.index.is_alias, regions)
        grouped = {i for g in groups for i in range(g.start, g.end)}
        base = [m for m in base if not grouped & set(range(m.start, m.end))] + groups
        composed = office_mentions(doc, self.index, base, country)
        named = resolve_overlaps(base + composed)
        mark_shadow(doc, named)
        people = person_mentions(doc, named, lex, self.index)
        people += propagate_names(doc, people, named, lex)
        named += government_mentions(doc, people, named)
        mark_former(doc, named, lex)
        clusters = build_entities(doc, people, named, lex)
        mentions = sorted([m for m in people + named if m.entity >= 0], key=lambda m: m.start)
        ctx = Context(doc, mentions, clusters, lex, quoted=quoted_tokens(doc))
        doc.user_data[KEY] = DocFacts(country, clusters, ctx)
        return doc


@Language.component("polikg_paragraphs_v1")
def split_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines have no full stop."""
    tokens = doc_tokens(doc)
    for tok in tokens[1:]:
        prev = tokens[tok.i - 1]
        if "\n" in prev.text or (prev.is_space and "\n" in prev.text_with_ws):
            tok.is_sent_start = True
    return doc


@Language.component("polikg_relations_v1")
def find_relations(doc: Doc) -> Doc:
    facts: DocFacts = doc.user_data[KEY]
    ctx = facts.context
    found = chain_relations(ctx)
    record_holders(ctx, found)
    found += apposition_relations(ctx)
    found += as_office_relations(ctx)
    record_holders(ctx, found)
    found += possessive_relations(ctx)
    found += party_tie_relations(ctx)
    found += description_holders(ctx, found)
    found += alliance_relations(ctx)
    found += stance_relations(ctx)
    found += membership_changes(ctx)
    facts.relations = found
    return doc


@Language.component("polikg_quotes_v1")
def find_quotations(doc: Doc) -> Doc:
    facts: DocFacts = doc.user_data[KEY]
    ctx = facts.context
    facts.quotes = find_quotes(ctx, doc_text(doc))
    spans = [(q, doc.char_span(q.start, q.end, alignment_mode="expand")) for q in facts.quotes]
    voiced: list[int] = []
    for q, span in spans:
        if q.speaker is not None and span is not None:
            ctx.voice.update({i: q.speaker for i in range(span.start, span.end)})
            voiced += range(span.start, span.end)
    # "We will support the president", "I condemn X": now that "we" has a speaker
    facts.relations += [
        replace(f, rule="quote.first_person_" + f.rule)
        for f in stance_relations(ctx, (doc[i] for i in voiced))
    ]
    for q, span in spans:
        if q.speaker is None or q.sentence is None:
            continue
        for target in addressed_criticism(ctx, q):
            facts.relations.append(
                Found(
                    RelType.CRITICIZED,
                    q.speaker,
                    target,
                    q.sentence,
                    confidence=0.6,
                    rule="quote.addressed_scorn",
                )
            )
        if span is not None:
            facts.relations += quoted_criticism(ctx, q.speaker, span.start, span.end)
            facts.relations += stance_in_span(
                ctx, q.speaker, span.start, span.end, "speech.quote_polarity"
            )
    facts.relations += reported_stance(ctx)
    return doc


@cache
def load_pipeline(model: str) -> Language:
    """The model with the polikg components appended (cached per model name)."""
    nlp = spacy.load(model)
    # "Congress(TMC)", "CPI(M)-led": split the bracket and the hyphen like the spaced forms
    infixes = [
        *(nlp.Defaults.infixes or ()),
        r"(?<=[A-Za-z])\((?=[A-Z])",
        r"(?<=[A-Z])\)(?=[-–])",
        r"(?<=\))[-–](?=[a-z])",
    ]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("polikg_paragraphs_v1", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@cache
def rules_digest() -> str:
    """A short hash of the rule code and data: any change to them re-extracts articles."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*root.glob("*.py"), *root.glob("data/**/*.json")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def pipeline_version(nlp: Language) -> str:
    """Component versions, the model's name and version, and the rules' digest."""
    meta = nlp.meta
    return (
        f"{'+'.join(VERSIONED)}@{meta.get('name', 'model')}-{meta.get('version', '0')}"
        f"+rules.{rules_digest()}"
    )
