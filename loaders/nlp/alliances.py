"""ALLIED_WITH between parties and alliances.

Two rules. "<party>-led <alliance>" ties the party to the bloc. Otherwise a sentence
that speaks of an alliance (alliance, seat-sharing, partner, constituent, joins, part
of) and does not deny or doubt it ("failed seat-sharing talks", "will not ally", "go
alone", "if") ties the groups it names: each party to the named bloc when a bloc is
named, else the parties to each other. A sentence that says the tie has ended ("quit
the NDA", "snapped ties with", "former ally") gives it with `status: former`. Groups
the sentence sets against the others ("to take on the BJP-led NDA", "against the BJP")
are left out.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.lexicon import contains_phrase
from loaders.nlp.mentions import Mention
from loaders.nlp.relations import Found

GROUPS = (NodeLabel.PARTY, NodeLabel.ALLIANCE)
MAX_PARTIES = 4


def _led_pairs(ctx: Context) -> list[Found]:
    out = []
    doc = ctx.doc
    for m in ctx.mentions:
        if m.type not in GROUPS or m.entity < 0:
            continue
        k = m.end
        if k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ == "led":
            nxt = ctx.by_token.get(k + 2)
            if nxt is not None and nxt.type in GROUPS and nxt.entity != m.entity:
                out.append(
                    Found(
                        RelType.ALLIED_WITH,
                        m.entity,
                        nxt.entity,
                        doc[m.start].sent,
                        confidence=0.85,
                        rule="alliance.led_by",
                    )
                )
    return out


def _opposed(ctx: Context, m: Mention, sent: Span) -> bool:
    """The group is set against the others ("to take on the BJP", "against the NDA")."""
    lo = max(sent.start, m.start - 8)
    words = [t.lower_ for t in ctx.doc[lo : m.start]]
    return contains_phrase(words, ctx.lex.opposition_markers)


def _person_moves(ctx: Context, tok: Token) -> bool:
    """ "X joined the BJP": a person joining or leaving is membership, not alliance talk."""
    if tok.lemma_.lower() not in ctx.lex.join_verbs | ctx.lex.leave_verbs:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(ctx.type_of(e) == NodeLabel.PERSON for s in subjects for e in ctx.actor(s))


def sentence_pairs(ctx: Context, led: list[Found]) -> list[Found]:
    """Groups tied by alliance language; `led` holds the "<party>-led <bloc>" pairs."""
    out: list[Found] = []
    for sent in ctx.doc.sents:
        # alliance words inside names ("Progressive Labour Front", "Civic Bloc") do not count
        words = [t.lower_ for t in sent if t.i not in ctx.by_token and not _person_moves(ctx, t)]
        if not contains_phrase(words, ctx.lex.alliance_words) or contains_phrase(
            words, ctx.lex.alliance_breakers
        ):
            continue
        status = "former" if contains_phrase(words, ctx.lex.alliance_enders) else "current"
        groups: dict[int, Mention] = {}
        for m in ctx.mentions:
            if (
                m.start >= sent.start
                and m.end <= sent.end
                and m.type in GROUPS
                and m.entity >= 0
                and not m.inner
                and not _opposed(ctx, m, sent)
            ):
                groups.setdefault(m.entity, m)
        # the party in "<party>-led <bloc>" belongs to that bloc only
        led_members = {f.subject for f in led}
        ordered = sorted(groups.values(), key=lambda m: m.start)
        blocs = [m.entity for m in ordered if m.type == NodeLabel.ALLIANCE]
        parties = [
            m.entity for m in ordered if m.type == NodeLabel.PARTY and m.entity not in led_members
        ]
        if blocs and len(parties) + len(blocs) - 1 <= MAX_PARTIES + 2:
            main = blocs[0]  # the bloc the sentence is about; other blocs join it too
            out += [
                Found(
                    RelType.ALLIED_WITH,
                    p,
                    main,
                    sent,
                    confidence=0.7,
                    status=status,
                    rule="alliance.bloc_in_sentence",
                )
                for p in [*parties, *blocs[1:]]
            ]
        elif not blocs and 2 <= len(parties) <= MAX_PARTIES:
            out += [
                Found(
                    RelType.ALLIED_WITH,
                    a,
                    b,
                    sent,
                    confidence=0.6,
                    status=status,
                    rule="alliance.parties_in_sentence",
                )
                for a, b in combinations(parties, 2)
            ]
    return out


def alliance_relations(ctx: Context) -> list[Found]:
    led = _led_pairs(ctx)
    return led + sentence_pairs(ctx, led)
