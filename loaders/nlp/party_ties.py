"""MEMBER_OF from how a sentence hangs a person on a party, beyond titles and appositions:

- "the Congress under Indira Gandhi", "the MK party of former president Jacob Zuma",
  "Lakas-CMD, the party of House Speaker Martin Romualdez": the party is the person's;
- "Feijóo, whose conservative People's Party won the most seats": the same, said with
  "whose";
- "Mukul Roy, himself a TMC defector": a member once, and no longer.

Each construction is named in the `rule` of what it finds.
"""

from __future__ import annotations

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.doc_text import doc_words
from loaders.nlp.mention import Mention
from loaders.nlp.relations import Found

#: "<party> under X" / "<party> of X" (after an optional "party" and "(ABBR)").
PERSON_PREPS = frozenset({"under", "of"})


def party_tie_relations(ctx: Context) -> list[Found]:
    out: list[Found] = []
    for m in ctx.mentions:
        if m.type != NodeLabel.PARTY or m.entity < 0 or m.inner:
            continue
        out += _party_of_person(ctx, m) or _whose_party(ctx, m) or _defector(ctx, m)
    return out


def _member(ctx: Context, person: int, m: Mention, rule: str, status: str = "current") -> Found:
    return Found(
        RelType.MEMBER_OF,
        person,
        m.entity,
        ctx.doc[m.start].sent,
        status=status,
        confidence=0.75,
        rule=rule,
    )


def _after_name(ctx: Context, m: Mention) -> int:
    """The token after a party's name, past "party" and a bracketed acronym: "the
    uMkhonto weSizwe (MK) party of ..."."""
    words, j = doc_words(ctx.doc), m.end
    for _ in range(2):
        if words[j : j + 1] == ["("] and words[j + 2 : j + 3] == [")"]:
            j += 3
        if words[j : j + 1] == ["party"]:
            j += 1
    if words[j : j + 4] == [",", "the", "party", "of"]:  # "Lakas-CMD, the party of X"
        j += 3
    return j


def _party_of_person(ctx: Context, m: Mention) -> list[Found]:
    """ "the Congress under Indira Gandhi", "the MK party of former president Zuma"."""
    words = doc_words(ctx.doc)
    j = _after_name(ctx, m)
    if j >= len(words) or words[j] not in PERSON_PREPS:
        return []
    k = j + 1
    while k < len(words) and words[k] in ("the", *ctx.lex.former_words):
        k += 1
    k = ctx.skip_titles(k, 1)
    person = ctx.by_token.get(k)
    if person is None or person.type != NodeLabel.PERSON or person.start != k:
        return []
    return [_member(ctx, person.entity, m, f"party.{words[j]}_person")]


def _whose_party(ctx: Context, m: Mention) -> list[Found]:
    """ "Feijóo, whose conservative People's Party (PP) won ...": past the describing words
    before the party, ", whose" right after a person."""
    doc, words = ctx.doc, doc_words(ctx.doc)
    i = m.start - 1
    while i > 0 and (
        words[i] in ctx.lex.party_descriptors
        or words[i] == "the"
        or (doc[i].pos_ == "ADJ" and doc[i].is_lower)  # "whose conservative People's Party"
    ):
        i -= 1
    if i < 2 or words[i] != "whose" or words[i - 1] != ",":
        return []
    person = ctx.by_token.get(i - 2)
    if person is None or person.type != NodeLabel.PERSON or doc[i].i in ctx.quoted:
        return []
    return [_member(ctx, person.entity, m, "party.whose_party")]


def _defector(ctx: Context, m: Mention) -> list[Found]:
    """ "Mukul Roy, himself a TMC defector": the person the noun describes left the party."""
    if m.end >= len(ctx.doc) or ctx.doc[m.end].lower_ not in ctx.lex.defector_nouns:
        return []
    noun = ctx.doc[m.end]
    if noun.dep_ == "appos":
        described = [noun.head]
    elif noun.dep_ == "attr":
        described = [c for c in noun.head.children if c.dep_ == "nsubj"]
    else:
        return []
    people = [e for t in described for e in ctx.actor(t) if ctx.type_of(e) == NodeLabel.PERSON]
    return [_member(ctx, p, m, "party.defector", status="former") for p in people]
