"""Stance from what is said: CRITICIZED / SUPPORTED from the words a speaker uses about a
named person or party, with no stance verb in sight.

"McCarthy did not keep his word" and "I was with the BJP and I will stay with the BJP"
take a side without "criticised" or "backed". For each quotation and each reported
clause ("X said that Y had tarnished the party"), every entity named in it gets the
polarity of *its own clause*: the evaluative words of that clause (data/evaluative.json,
weights 1 and 2), flipped by negation, and nothing when the clause is hedged or a
question. Blame needs the entity in the doer's place (subject, owner, passive agent,
apposition): in "the persecution of Bolsonaro by Moraes" Moraes is blamed, Bolsonaro
is not. Praise counts wherever the entity stands ("congratulations to X").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import FIRST_PERSON, Context
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.evaluative import Evaluative, evaluative
from loaders.nlp.relations import Found
from loaders.nlp.stances import subjects_of

ACTORS = frozenset({NodeLabel.PERSON, NodeLabel.PARTY})
BLAMED = frozenset({NodeLabel.PERSON, NodeLabel.PARTY, NodeLabel.ALLIANCE, NodeLabel.ORGANIZATION})
PRAISED = frozenset({NodeLabel.PERSON, NodeLabel.PARTY, NodeLabel.ALLIANCE})
CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"})
DOER_DEPS = frozenset({"nsubj", "poss", "compound", "appos", "attr", "npadvmod"})
THRESHOLD = 2
THIRD_PERSON = frozenset({"he", "she", "him", "her"})


def clause_of(tok: Token, lo: int, hi: int) -> Token:
    """The nearest verb (or the root) governing `tok`, staying inside [lo, hi)."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head is not head and lo <= head.head.i < hi:
        head = head.head
    return head


def clause_tokens(verb: Token, lo: int, hi: int) -> list[Token]:
    """The clause's own words: nested clauses with a subject of their own left out, so
    a relative clause's insult is not its antecedent's. A verb coordinated without a
    subject ("has fallen into a trap and is plotting") shares this clause."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        if not lo <= t.i < hi:
            continue
        out.append(t)
        for c in t.children:
            if (
                c.dep_ in CLAUSAL
                and c is not verb
                and not (
                    c.dep_ in ("conj", "xcomp")
                    and not any(g.dep_.startswith("nsubj") for g in c.children)
                )
            ):
                continue
            stack.append(c)
    return out


def polarity(tokens: Iterable[Token], lex: Evaluative) -> int:
    """Sum of the evaluative weights of the tokens; a negated word or phrase counts
    against itself ("not honest", "did not keep faith")."""
    toks = sorted(tokens, key=lambda t: t.i)
    words = [t.lower_ for t in toks]
    total, i = 0, 0
    while i < len(toks):
        weight, width = _weight_at(words, toks, i, lex)
        if weight and _negated(toks[i], lex, inside=range(toks[i].i, toks[i].i + width)):
            weight = -weight
        total += weight
        i += width
    return total


def _weight_at(words: list[str], toks: list[Token], i: int, lex: Evaluative) -> tuple[int, int]:
    for parts, weight in lex.phrases.get(words[i], ()):
        if tuple(words[i : i + len(parts)]) == parts:
            return weight, len(parts)
    w = lex.weights.get(words[i])
    if w is None:
        w = lex.weights.get(toks[i].lemma_.lower(), 0)
    return w, 1


def _negated(tok: Token, lex: Evaluative, *, inside: range = range(0)) -> bool:
    """A negator on the word, just before it, or, for a word that is no verb, on the verb
    it completes ("is not honest"); a verb's negation stays its own ("did not keep his
    word and betrayed them": the betrayal stands)."""
    near = [tok] if tok.pos_ in ("VERB", "AUX") else [tok, tok.head]
    if any(
        (c.dep_ == "neg" or c.lower_ in lex.flips) and c.i not in inside
        for t in near
        for c in t.children
    ):
        return True  # a phrase's own words ("unthinkable without") do not negate it
    doc = tok.doc
    return any(doc[j].lower_ in lex.flips for j in range(max(tok.i - 2, 0), tok.i))


def _hedged(verb: Token, lex: Evaluative) -> bool:
    if verb.sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return True
    return any(c.dep_ in ("mark", "aux") and c.lower_ in lex.hedges for c in verb.children)


def _is_doer(tok: Token, verb: Token) -> bool:
    """The entity stands where the one acting or described stands in its clause."""
    t = tok
    while t.dep_ in ("compound", "conj", "appos", "flat") and t.head is not t and t.head != verb:
        if t.head.pos_ in ("PROPN",) or t.dep_ == "conj":
            t = t.head
        else:
            break
    if t.dep_ == "pobj" and (
        t.head.dep_ == "agent" or (t.head.lower_ == "by" and t.head.head.pos_ == "NOUN")
    ):
        return True  # "was cooked up by X", "the persecution of Y by X"
    return t.dep_ in DOER_DEPS or (t.dep_ == "nsubjpass" and verb.lemma_ == "be")


def _speaker_voice(ctx: Context, verb: Token, target: int) -> bool:
    """Praise is the speaker's own unless the clause has another subject: in "they keep
    praising the BJP" the speaker reports someone else's praise."""
    while (
        verb.dep_ in ("xcomp", "conj")
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
        and verb.head is not verb
    ):
        verb = verb.head  # "they keep praising X": the subject sits on "keep"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or any(s.lower_ in FIRST_PERSON or target in ctx.actor(s) for s in subjects)


def stance_in_span(ctx: Context, speaker: int, lo: int, hi: int, rule: str) -> list[Found]:
    """CRITICIZED / SUPPORTED from `speaker` to each entity named in tokens [lo, hi)."""
    if ctx.type_of(speaker) not in ACTORS:
        return []
    lex = evaluative()
    out: list[Found] = []
    seen: set[tuple[str, int]] = set()
    for entity, root in _named_in(ctx, speaker, lo, hi):
        kind = ctx.type_of(entity)
        verb = clause_of(root, lo, hi)
        if _hedged(verb, lex):
            continue
        score = polarity(clause_tokens(verb, lo, hi), lex)
        if score <= -THRESHOLD and kind in BLAMED and _is_doer(root, verb):
            rel = RelType.CRITICIZED
        elif score >= THRESHOLD and kind in PRAISED and _speaker_voice(ctx, verb, entity):
            rel = RelType.SUPPORTED
        else:
            continue
        if (rel, entity) not in seen:
            seen.add((rel, entity))
            out.append(Found(rel, speaker, entity, root.sent, confidence=0.5, rule=rule))
    return out


def _named_in(ctx: Context, speaker: int, lo: int, hi: int) -> list[tuple[int, Token]]:
    """(entity, token) for every entity the words [lo, hi) name or point at: names, an
    office whose holder the article knows ("the president"), and "he" / "she" for the
    person in play ("He is a complete disaster")."""
    found: list[tuple[int, Token]] = []
    for m in ctx.mentions:
        if not (lo <= m.start < hi) or m.inner or m.entity < 0:
            continue
        root = ctx.doc[m.start : m.end].root
        if m.type == NodeLabel.PARTY and _titles_a_person(ctx, root):
            continue  # "TMC MP Kalyan Banerjee made fun of ...": said of him, not his party
        entity = ctx.resolve(root) if m.type == NodeLabel.OFFICE else m.entity
        if entity is not None and entity != speaker:
            found.append((entity, root))
    for tok in ctx.doc[lo:hi]:
        if tok.lower_ in THIRD_PERSON and tok.i not in ctx.by_token:
            entity = ctx.quoted_referent(tok, exclude={speaker})
            if entity is not None:
                found.append((entity, tok))
    return found


def _titles_a_person(ctx: Context, tok: Token) -> bool:
    """The party is part of a named person's title ("TMC MP Kalyan Banerjee")."""
    for _ in range(3):
        if tok.dep_ != "compound" or tok.head is tok:
            return False
        tok = tok.head
        m = ctx.by_token.get(tok.i)
        if m is not None and m.type == NodeLabel.PERSON:
            return True
    return False


#: Subordinate clauses that set a reported claim beside someone else's act ("said he was not
#: joining the BJP, even as Gehlot accused him of ..."): the narrator's, not the speaker's.
NARRATOR_MARKS = frozenset({"as", "while", "whereas", "when", "after", "before"})


def _reported_end(clause: Token, hi: int) -> int:
    """Where the speaker's words end: before a trailing "even as / while X ..." clause that
    has its own subject."""
    for c in clause.children:
        if (
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in NARRATOR_MARKS for g in c.children)
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ):
            start = min(t.i for t in c.subtree)
            if start > clause.i:
                hi = min(hi, start)
    return hi


def _fronted_report(ctx: Context, verb: Token) -> tuple[int, int, int] | None:
    """ "Y has brought casteism into Parliament, Congress president X alleged": the words
    before the comma are X's. Read off the text, since the parser often loses this order.
    Returns (speaker, start, end) of the reported words."""
    m = ctx.by_token.get(verb.i - 1)
    if m is None or m.type not in ACTORS:
        return None
    comma = ctx.skip_titles(m.start - 1, -1)
    sent = verb.sent
    if comma <= sent.start or ctx.doc[comma].text != ",":
        return None
    if any(i in ctx.quoted for i in range(sent.start, comma)):
        return None
    return m.entity, sent.start, comma


def reported_stance(ctx: Context) -> list[Found]:
    """Stance in reported speech: "X said (that) Y had tarnished the party's name"."""
    out: list[Found] = []
    for tok in doc_tokens(ctx.doc):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.lex.speech:
            continue
        fronted = _fronted_report(ctx, tok)
        if fronted is not None:
            speaker, lo, hi = fronted
            out += stance_in_span(ctx, speaker, lo, hi, "speech.reported_polarity")
            continue
        subjects = [e for c in subjects_of(ctx, tok) for e in ctx.actor(c)]
        if len(subjects) != 1:
            continue
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            span = list(clause.subtree)
            lo, hi = span[0].i, _reported_end(clause, span[-1].i + 1)
            if any(i in ctx.quoted for i in range(lo, hi)):
                continue  # quotations are read as quotations
            out += stance_in_span(ctx, subjects[0], lo, hi, "speech.reported_polarity")
    return out
