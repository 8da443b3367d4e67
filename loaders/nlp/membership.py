"""MEMBER_OF from joining and leaving: "X joined the BJP" makes X a member, "X quit the
Congress" a former one, "X switched from the TMC to the BJP" both.

The verbs are data (`join_verbs`, `leave_verbs` in data/lexicon.json). The party is the
verb's object or the object of its "to"/"into" (joining) or "from"/"of" (leaving)
preposition; the people are the verb's subjects, coordinated ones included. A negated
or hedged clause ("did not join", "may quit") states no tie.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.relations import Found
from loaders.nlp.stances import negated

JOIN_PREPS = ("to", "into")
LEAVE_PREPS = ("from", "of")


def _parties(ctx: Context, verb: Token, preps: tuple[str, ...], *, direct: bool) -> list[int]:
    tokens = [c for c in verb.children if direct and c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        tokens += [g for g in prep.children if g.dep_ == "pobj"]
    found: list[int] = []
    for tok in tokens:
        found += [e for e in ctx.actor(tok) if ctx.type_of(e) == NodeLabel.PARTY and e not in found]
    return found


def _people(ctx: Context, verb: Token) -> list[int]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl"):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return [e for s in subjects for e in ctx.actor(s) if ctx.type_of(e) == NodeLabel.PERSON]


def membership_changes(ctx: Context) -> list[Found]:
    out: list[Found] = []
    lex = ctx.lex
    for tok in doc_tokens(ctx.doc):
        lemma = tok.lemma_.lower()
        joining, leaving = lemma in lex.join_verbs, lemma in lex.leave_verbs
        if tok.pos_ != "VERB" or not (joining or leaving) or negated(ctx, tok):
            continue
        people = _people(ctx, tok)
        if not people:
            continue
        sent = tok.sent
        if joining:
            for party in _parties(ctx, tok, JOIN_PREPS, direct=True):
                out += [
                    Found(
                        RelType.MEMBER_OF,
                        p,
                        party,
                        sent,
                        status="current",
                        confidence=0.75,
                        rule="membership.joined",
                        trigger=tok.text,
                    )
                    for p in people
                ]
            for party in _parties(ctx, tok, LEAVE_PREPS, direct=False):
                out += [
                    Found(
                        RelType.MEMBER_OF,
                        p,
                        party,
                        sent,
                        status="former",
                        confidence=0.7,
                        rule="membership.switched_from",
                        trigger=tok.text,
                    )
                    for p in people
                ]
        else:
            for party in _parties(ctx, tok, LEAVE_PREPS, direct=True):
                out += [
                    Found(
                        RelType.MEMBER_OF,
                        p,
                        party,
                        sent,
                        status="former",
                        confidence=0.7,
                        rule="membership.left",
                        trigger=tok.text,
                    )
                    for p in people
                ]
    return out
