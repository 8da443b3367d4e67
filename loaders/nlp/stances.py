"""CRITICIZED and SUPPORTED: who attacked or backed whom, from the dependency parse.

A trigger is a verb lemma ("slam", "praise"), a phrasal verb ("hit out at", "voice
support for"), a noun ("X's attack on Y", "their support for him") or a demand that
someone be punished ("demanded that Banerjee be suspended"). The subject comes from
`nsubj` (or the `agent` of a passive), the target from the object, the prepositional
object of the phrasal verb, or the passive subject; coordinated subjects and targets
all count, pronouns resolve to the person in play. Negated, questioned and
hypothetical clauses do not count.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.evaluative import is_scornful
from loaders.nlp.lexicon import PhraseIndex
from loaders.nlp.relations import Found

ACTOR_TYPES = frozenset({NodeLabel.PERSON, NodeLabel.PARTY})
#: Nouns naming the one who takes a side: "Y's critic", "a supporter of Y".
AGENT_NOUNS = frozenset(
    {
        "critic",
        "detractor",
        "supporter",
        "backer",
        "defender",
        "champion",
        "admirer",
        "loyalist",
        "follower",
    }
)
#: "X is / remains / became a supporter of Y": the subject owns the noun.
COPULAS = frozenset({"be", "remain", "become", "stay"})
CRITICIZED_TARGETS = frozenset(
    {NodeLabel.PERSON, NodeLabel.PARTY, NodeLabel.ALLIANCE, NodeLabel.ORGANIZATION}
)
SUPPORTED_TARGETS = frozenset({NodeLabel.PERSON, NodeLabel.PARTY, NodeLabel.ALLIANCE})


def negated(ctx: Context, verb: Token, *, demanded: Token | None = None) -> bool:
    """The clause of `verb` (or of the verb it completes) is negated, hedged or a question:
    it states nothing. `demanded`: the clause a demand asks for ("asked X to stop"), whose
    "stop" negates nothing."""
    lex = ctx.lex
    for t in [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]:
        if any(
            c.dep_ == "neg"
            or (c.lower_ in lex.negators and (demanded is None or c.i != demanded.i))
            for c in t.children
        ):
            return True
        if t is not verb and t.lemma_ in lex.negators:
            return True
        if any(c.dep_ == "mark" and c.lower_ in lex.hedges for c in t.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in lex.hedges for c in t.children):
            return True
    if verb.dep_ == "pcomp" and verb.head.head.lemma_ in lex.negators:
        return True  # "refrained from attacking X"
    sent = verb.sent
    return sent.text.rstrip().endswith("?")


def subjects_of(ctx: Context, verb: Token) -> list[Token]:
    """The doer: `nsubj`, a passive's agent, or for a participle clause the one it
    leans on ("X slammed Y for mocking Z": Y mocks; "X hit back, alleging": X alleges)."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own:
        return own
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents or any(c.dep_ == "nsubjpass" for c in verb.children):
        return agents
    if verb.dep_ == "pcomp":  # "slammed Banerjee for mimicking him"
        governor = verb.head.head
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        if objects:
            return objects
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("PROPN", "NOUN"):
        return _noun_clause_subjects(ctx, verb)
    head = verb
    for _ in range(3):  # "X hit back, calling it unfortunate and accusing Y of bias"
        if head.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or head.head is head:
            break
        raised = head.dep_ == "xcomp"  # "X is reported to have put forward Y's name"
        # "X refrained from attacking Y, training his guns on Z": up through the preposition
        head = head.head.head if head.dep_ == "pcomp" else head.head
        heads = [
            c for c in head.children if c.dep_ == "nsubj" or (raised and c.dep_ == "nsubjpass")
        ]
        if heads:
            return heads
    if verb.dep_ != "ROOT" and (m := ctx.mention_before(verb, gap=3)) is not None:
        return [ctx.doc[m.end - 1]]
    return []


def _noun_clause_subjects(ctx: Context, verb: Token) -> list[Token]:
    """The doer of a clause that modifies a noun: the noun itself ("Banerjee, who mimicked
    him"), its owner, or the one who acts with it."""
    noun = verb.head
    if verb.dep_ == "relcl":
        return [noun]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners  # "welcomed Y's decision to condemn Z": Y's decision
    if noun.dep_ == "dobj" and not ctx.actor(noun):
        return subjects_of(ctx, noun.head)  # "X moved a resolution lauding Y"
    if _purpose(verb) and not ctx.actor(noun):
        # "X broke his silence moments after the verdict to lambaste Y": a purpose the
        # parser hung on the nearest noun is the clause verb's
        governor = _governing_verb(noun)
        return subjects_of(ctx, governor) if governor is not None else []
    return [noun]


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose: "to lambaste"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(4):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _passive_target(verb: Token) -> list[Token]:
    """The passive subject; when a long opening phrase misleads the parser, the name right
    before "was" ("Besides A and its partner B, X was backed by ...": parsed with "partner"
    as the subject and X as an apposition of B)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.i > 0]
    if subjects and aux:
        before = verb.doc[aux[0].i - 1]
        if before.pos_ == "PROPN" and before.dep_ in ("appos", "conj") and before.i > subjects[0].i:
            return [before]
    return subjects


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition and of prepositions coordinated with it, whether the
    parser hangs the second one on the first or on the verb ("hit out at A, ..., and
    at B")."""
    preps = [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")]
    preps += [
        c
        for c in prep.head.children
        if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_ and c.i > prep.i
    ]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _objects(verb: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and (not preps or c.lower_ in preps)):
        objs += _prep_objects(prep)
    return objs


def _phrasal(ctx: Context, verb: Token, phrases: PhraseIndex) -> list[Token] | None:
    """If `verb` starts a phrasal trigger, the objects of its final preposition."""
    candidates = phrases.by_first.get(verb.lemma_.lower())
    if not candidates:  # most verbs: no tokens read
        return None
    words = [t.lemma_.lower() if t.i == verb.i else t.lower_ for t in ctx.doc[verb.i : verb.i + 6]]
    for phrase in candidates:
        if tuple(words[: len(phrase)]) == phrase:
            last = ctx.doc[verb.i + len(phrase) - 1]
            found = _prep_objects(last) or [
                c
                for t in ctx.doc[verb.i : verb.i + len(phrase)]
                for c in t.children
                if c.dep_ == "pobj"
            ]
            if not found and last.dep_ == "prt":  # "put forward X's name", "call out X"
                found = [c for c in verb.children if c.dep_ == "dobj"]
            return found
    return None


def _emit(
    ctx: Context,
    rel: str,
    subjects: list[Token],
    targets: list[Token],
    trigger: Token,
    out: list[Found],
    rule: str = "stance.verb",
) -> None:
    allowed = CRITICIZED_TARGETS if rel == RelType.CRITICIZED else SUPPORTED_TARGETS
    subj_entities = [e for s in subjects for e in ctx.actor(s) if ctx.type_of(e) in ACTOR_TYPES]
    if not subj_entities:
        return
    for t in targets:
        found = ctx.actor(t, exclude=set(subj_entities))
        if not found and t.pos_ == "NOUN":  # "slammed Modi's remarks": the owner is the target
            owners = [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            found = [e for c in owners for e in ctx.actor(c, exclude=set(subj_entities))]
        for o in found:
            if o in subj_entities or ctx.type_of(o) not in allowed:
                continue
            for s in subj_entities:
                out.append(
                    Found(rel, s, o, trigger.sent, confidence=0.7, rule=rule, trigger=trigger.text)
                )


def stance_relations(ctx: Context, tokens: Iterable[Token] | None = None) -> list[Found]:
    """Stance verbs, phrasal verbs and nouns over `tokens` (default: the whole doc)."""
    lex = ctx.lex
    out: list[Found] = []
    for tok in doc_tokens(ctx.doc) if tokens is None else tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma in lex.support):
            _stance_verb(ctx, tok, lemma, out)
            out += _verb_reports(ctx, tok, lemma)
            if lemma in lex.aim_verbs:
                out += _aimed(ctx, tok)
        elif tok.pos_ == "NOUN" and (
            lemma in lex.criticize_nouns or lemma in lex.support_nouns or lemma in lex.against_nouns
        ):
            out += _stance_noun(ctx, tok, lemma)
            if lemma in lex.criticize_nouns and tok.dep_ == "nsubjpass":
                out += _remark_aimed(ctx, tok)
        if tok.pos_ == "VERB" and lemma in lex.name_calling and not negated(ctx, tok):
            out += _name_calling(ctx, tok)
        if (
            tok.pos_ in ("VERB", "AUX")
            and (actors := _phrasal(ctx, tok, lex.criticized_by_phrasal)) is not None
            and not negated(ctx, tok)
        ):
            _emit(
                ctx,
                RelType.CRITICIZED,
                actors,
                subjects_of(ctx, tok),
                tok,
                out,
                rule="stance.criticized_by",
            )
    return out


def _stance_verb(ctx: Context, tok: Token, lemma: str, out: list[Found]) -> None:
    """ "X slammed Y", "X hit out at Y", "Y was backed by X": the first of criticism and
    support whose verb or phrasal verb this is; a negated one states neither."""
    lex = ctx.lex
    for rel, verbs, phrasal in (
        (RelType.CRITICIZED, lex.criticize, lex.criticize_phrasal),
        (RelType.SUPPORTED, lex.support, lex.support_phrasal),
    ):
        targets = _phrasal(ctx, tok, phrasal)
        rule = "stance.phrasal" if targets is not None else "stance.verb"
        if targets is None and lemma in verbs and lemma not in ("stand",):
            targets = (
                _objects(tok, ("at", "on"))
                if rel == RelType.CRITICIZED
                else [c for c in tok.children if c.dep_ in ("dobj",)]
            )
        if targets is None:
            continue
        if negated(ctx, tok):
            return
        passive = _passive_target(tok)
        subjects = subjects_of(ctx, tok)
        if passive:
            targets = passive
        _emit(ctx, rel, subjects, targets, tok, out, rule=rule)


AIM_PREPS = ("on", "at", "against", "toward", "towards")
AIMED_VERBS = frozenset({"aim", "direct", "target", "level"})


def _aimed(ctx: Context, verb: Token) -> list[Found]:
    """ "Kumar trained his guns instead on the RJD", "turned her fire on the Speaker": the
    parse, not a fixed phrase, so words in between ("instead", "his", "sharpest") do not
    matter."""
    weapons = [
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.aim_objects
    ]
    if not weapons or negated(ctx, verb):
        return []
    targets = _objects(verb, AIM_PREPS)
    targets = [t for t in targets if t.dep_ == "pobj"] + [
        g
        for w in weapons
        for c in w.children
        if c.dep_ == "prep" and c.lower_ in AIM_PREPS
        for g in _prep_objects(c)
    ]
    out: list[Found] = []
    _emit(ctx, RelType.CRITICIZED, subjects_of(ctx, verb), targets, verb, out, rule="stance.aimed")
    return out


def _remark_aimed(ctx: Context, noun: Token) -> list[Found]:
    """ "The jibe was aimed at Shinde": a criticism aimed (directed, targeted) at someone is
    its maker's, named by a possessive or else the person in play ("his speech ... The jibe
    was aimed at Shinde")."""
    verb = noun.head
    if verb.lemma_.lower() not in AIMED_VERBS or negated(ctx, verb):
        return []
    targets = _objects(verb, AIM_PREPS)
    owners = [c for c in noun.children if c.dep_ == "poss"]
    out: list[Found] = []
    if owners:
        _emit(ctx, RelType.CRITICIZED, owners, targets, noun, out, rule="stance.remark_aimed")
        return out
    maker = ctx.last_person_before(noun.i)
    if maker is None:
        return out
    for t in targets:
        for o in ctx.actor(t, exclude={maker}):
            if ctx.type_of(o) in CRITICIZED_TARGETS:
                out.append(
                    Found(
                        RelType.CRITICIZED,
                        maker,
                        o,
                        noun.sent,
                        confidence=0.6,
                        rule="stance.remark_aimed",
                        trigger=noun.text,
                    )
                )
    return out


def _verb_reports(ctx: Context, tok: Token, lemma: str) -> list[Found]:
    """Demands of punishment and allegations a verb reports."""
    lex, out = ctx.lex, list[Found]()
    if lemma in lex.demand:
        out += _demanded_punishment(ctx, tok)
    if lemma in lex.accuse_that:
        out += _alleged_against(ctx, tok)
    elif lemma in lex.speech:
        out += _alleged_against(ctx, tok, negative_only=True)
    return out


def _stance_noun(ctx: Context, tok: Token, lemma: str) -> list[Found]:
    """ "X's attack on Y", "X, a critic of Y", "his campaign against Y"."""
    lex, out = ctx.lex, list[Found]()
    rel = RelType.SUPPORTED if lemma in lex.support_nouns else RelType.CRITICIZED
    if any(c.dep_ in ("det", "neg") and c.lower_ in lex.negators for c in tok.children):
        return out  # "no admirer of Y", "no attack on Y"
    preps: tuple[str, ...] = (
        ("against",) if lemma in lex.against_nouns else ("on", "at", "for", "of", "to")
    )
    if lemma in lex.criticize_nouns:
        preps += ("against",)
    targets = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    possessors = [c for c in tok.children if c.dep_ == "poss"]
    if (
        lemma in lex.against_nouns
        and rel == RelType.CRITICIZED
        and lemma not in lex.criticize_nouns
    ):
        return _against(ctx, tok, targets, possessors)
    if lemma in AGENT_NOUNS:  # "one of Paxton's defenders": the owner is the target
        targets, owners = targets + possessors, _noun_owners(ctx, tok)
    else:
        owners = possessors or _noun_owners(ctx, tok)
    if owners and targets:
        _emit(ctx, rel, owners, targets, tok, out, rule="stance.noun")
    return out


def _against(
    ctx: Context, noun: Token, targets: list[Token], possessors: list[Token]
) -> list[Found]:
    """ "X filed a case against Y", "his campaign against Y": an action noun aimed at Y, owned
    by its possessor or by the subject of a verb that starts it: "welcomed the motion
    against Y" says nothing about who moved it."""
    head = noun.head
    launched = noun.dep_ == "dobj" and head.lemma_.lower() in ctx.lex.against_verbs
    if launched and not targets:  # "filed a case against Y": the parser hangs it on the verb
        targets = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "against"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    named = [p for p in possessors if p.pos_ != "PRON"]  # "his" is too often someone else's
    owners = named or (subjects_of(ctx, head) if launched and not negated(ctx, head) else [])
    out: list[Found] = []
    if owners and targets:
        _emit(ctx, RelType.CRITICIZED, owners, targets, noun, out, rule="stance.against")
    return out


def _noun_owners(ctx: Context, noun: Token) -> list[Token]:
    """Who makes the attack or gives the support a noun names, when no possessive says:
    "X launched an attack on Y", "X, a fierce critic of Y,", "X is a supporter of Y",
    "In a jibe at Y, X said"."""
    head = noun.head
    if noun.dep_ == "dobj" and not negated(ctx, head):
        return subjects_of(ctx, head)
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ == "one"
        and head.head.dep_ == "appos"
    ):
        return [head.head.head]  # "X, one of Y's few defenders,"
    if noun.dep_ == "appos" and head.pos_ == "PROPN":
        return [head]
    if noun.dep_ == "attr" and head.lemma_ in COPULAS and not negated(ctx, head):
        return [c for c in head.children if c.dep_ == "nsubj"]
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "in"
        and head.head.pos_ in ("VERB", "AUX")
        and not negated(ctx, head.head)
    ):
        verb = head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "ccomp" and not any(ctx.actor(s) for s in subjects):
            # "X wrote that the party was nobody's fiefdom, in a dig at Y": the writer's
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return subjects
    return []


def _name_calling(ctx: Context, verb: Token) -> list[Found]:
    """ "X called Y a liar", "X branded the party a disgrace", "X held Y responsible for
    the collapse": the one named is criticised when what they are called is scornful."""
    out: list[Found] = []
    after = [t for t in verb.subtree if t.i > verb.i]
    scornful = (
        ctx.lex.blame_complements if verb.lemma_.lower() == "hold" else ctx.lex.negative_words
    )
    scorn = [
        t
        for t in after
        if t.lower_ in scornful
        or t.lemma_.lower() in scornful
        or (verb.lemma_.lower() != "hold" and is_scornful(t.lower_))
    ]
    if not scorn:
        return out
    targets = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    targets += [
        g
        for c in verb.children
        if c.dep_ in ("ccomp", "oprd", "xcomp")
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    _emit(
        ctx,
        RelType.CRITICIZED,
        subjects_of(ctx, verb),
        targets,
        verb,
        out,
        rule="stance.name_calling",
    )
    return out


def _demanded_punishment(ctx: Context, verb: Token) -> list[Found]:
    """ "X demanded that Y be suspended" / "X sought Y's arrest" / "the resignation of Y"."""
    out: list[Found] = []
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if negated(ctx, verb, demanded=clauses[0] if clauses else None):
        return out
    for noun in (
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.punish_nouns
    ):
        targets = [c for c in noun.children if c.dep_ == "poss"]
        targets += [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        _emit(
            ctx,
            RelType.CRITICIZED,
            subjects_of(ctx, verb),
            targets,
            verb,
            out,
            rule="stance.demanded_punishment",
        )
    for clause in clauses:
        if clause.lemma_.lower() in ctx.lex.punish:
            targets = [c for c in clause.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
            # "called on Phelan to step down": the one called on
            targets = targets or [
                g
                for c in verb.children
                if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")  # either parse
                for g in c.children
                if g.dep_ == "pobj"
            ]
            # "asked the CPI(M) to stop threatening a Governor": the one asked
            targets = targets or [c for c in verb.children if c.dep_ == "dobj"]
            _emit(
                ctx,
                RelType.CRITICIZED,
                subjects_of(ctx, verb),
                targets,
                verb,
                out,
                rule="stance.demanded_punishment",
            )
    return out


def _alleged_against(ctx: Context, verb: Token, *, negative_only: bool = False) -> list[Found]:
    """ "Kharge alleged that Dhankhar had brought casteism", "X said that Y has tainted
    the party", "the CM said ... how Rahul Gandhi instigated the mob": the one accused
    is criticised (for a plain speech verb only when the reported deed is a bad one)."""
    out: list[Found] = []
    if negated(ctx, verb):
        return out
    subjects = subjects_of(ctx, verb)
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for deed in _reported_deeds(clause, depth=3):
            if negated(ctx, deed):
                continue
            if (
                negative_only
                and deed.lemma_.lower() not in ctx.lex.negative_verbs
                and not _scorned(ctx, deed)
            ):
                continue
            targets = [c for c in deed.children if c.dep_ == "nsubj"]
            _emit(
                ctx, RelType.CRITICIZED, subjects, targets, verb, out, rule="stance.alleged_against"
            )
    return out


def _scorned(ctx: Context, verb: Token) -> bool:
    """ "Y was dangerous", "Y is a liar": a copula with a scornful complement."""
    return verb.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr")
        and (c.lower_ in ctx.lex.negative_words or c.lemma_.lower() in ctx.lex.negative_words)
        for c in verb.children
    )


def _reported_deeds(clause: Token, *, depth: int) -> list[Token]:
    """The clause's verb and verbs of clauses nested in it, a few levels deep."""
    found = [clause]
    if depth > 0:
        for child in clause.children:
            if child.dep_ in ("ccomp", "pcomp", "pobj", "advcl", "conj", "xcomp", "acl"):
                found += _reported_deeds(child, depth=depth - 1)
    return [t for t in found if t.pos_ in ("VERB", "AUX")]


def quoted_criticism(ctx: Context, speaker: int, start: int, end: int) -> list[Found]:
    """A speaker's quotation saying a named person or party did something bad ("TMC MP
    Kalyan Banerjee mocked the Vice President")."""
    out: list[Found] = []
    for tok in ctx.doc[start:end]:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or (
            lemma not in ctx.lex.negative_verbs and lemma not in ctx.lex.criticize
        ):
            continue
        if negated(ctx, tok):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            for target in ctx.actor(subj, exclude={speaker}):
                if (
                    target != speaker
                    and ctx.type_of(target) in CRITICIZED_TARGETS
                    and ctx.type_of(speaker) in ACTOR_TYPES
                ):
                    out.append(
                        Found(
                            RelType.CRITICIZED,
                            speaker,
                            target,
                            tok.sent,
                            confidence=0.6,
                            rule="quote.bad_deed",
                            trigger=tok.text,
                        )
                    )
    return out or _scorn_for_one(ctx, speaker, start, end)


def _scorn_for_one(ctx: Context, speaker: int, start: int, end: int) -> list[Found]:
    """A scornful quotation naming exactly one other person or party ("What Torova is
    doing is an insult to every voter") criticises that one."""
    words = {t.lower_ for t in ctx.doc[start:end]}
    if not words & ctx.lex.negative_words or ctx.type_of(speaker) not in ACTOR_TYPES:
        return []
    if ctx.doc[start:end].text.rstrip(" \"”’'").endswith("?"):
        return []  # "Is X a corrupt man?" asks; it does not say
    named = {
        m.entity
        for m in ctx.mentions
        if start <= m.start < end
        and not m.inner
        and m.type in (NodeLabel.PERSON, NodeLabel.PARTY)
        and m.entity != speaker
    }
    if len(named) != 1:
        return []
    target = named.pop()
    return [
        Found(
            RelType.CRITICIZED,
            speaker,
            target,
            ctx.doc[start].sent,
            confidence=0.5,
            rule="quote.scorn_for_one",
        )
    ]
