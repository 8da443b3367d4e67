"""HOLDS_OFFICE from what people do *as* an office: "X was sworn in at Raj Bhavan as
Chief Minister", "Bullrich, who served as security minister", "Ley replaced Dutton as
Leader of the Opposition", "X resigned as chief minister".

The title rules read the words right before or after a name; these read the dependency
parse instead, so words in between ("Rekha Gupta of the BJP was sworn in as ...",
"sworn in at Raj Bhawan in Patna as ...") do not hide the office. The verbs are data
(`office_start_verbs` / `office_end_verbs` in lexicon.json): a verb that starts or
keeps an office makes its subject the current holder; one that ends it, a former one.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.mention import Mention
from loaders.nlp.relations import SUCCESSION, Found, party_entity

#: "took oath / charge / office as", "took over as": "take" alone is no office verb.
TAKE_OBJECTS = frozenset({"oath", "charge", "office", "over", "reins"})
#: Verbs that need no object: their subject is the holder ("became", "was sworn in").
#: The others make someone else holder when active: "A appointed B as prime minister".
SUBJECT_HOLDS = frozenset({"swear", "become", "continue", "remain", "serve", "take", "return"})
#: How far up from "as" the verb may be ("sworn in at Raj Bhawan in Patna as CM").
CLIMB = 4


def as_office_relations(ctx: Context) -> list[Found]:
    """One HOLDS_OFFICE per person a verb makes (or unmakes) holder of an office "as"."""
    out: list[Found] = []
    for m in ctx.mentions:
        if m.type != NodeLabel.OFFICE or m.inner or m.plural:
            continue
        verb = _office_verb(ctx, m)
        if verb is None:
            continue
        lemma = verb.lemma_.lower()
        ended = lemma in ctx.lex.office_end_verbs
        status = "former" if ended or _past_service(verb) else "current"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and lemma not in SUBJECT_HOLDS | SUCCESSION:
            holders, rule = objects, "as_office.object"  # "A appointed B as O"
        else:
            holders, rule = _subjects(verb), "as_office.subject"
        for person in _people(ctx, holders):
            out.append(_holds(ctx, person, m, status, rule, verb))
        if lemma in SUCCESSION:
            for person in _people(ctx, objects):
                out.append(_holds(ctx, person, m, "former", "as_office.predecessor", verb))
    return out


def _office_verb(ctx: Context, m: Mention) -> Token | None:
    """The office verb governing "as <office>", if any."""
    root = ctx.doc[m.start : m.end].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "as":
        return None
    head = prep.head
    for _ in range(CLIMB):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" or head.head == head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if lemma == "take" and not any(c.lower_ in TAKE_OBJECTS for c in head.children):
        return None
    lex = ctx.lex
    if lemma not in lex.office_start_verbs and lemma not in lex.office_end_verbs:
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    return head


def _past_service(verb: Token) -> bool:
    """ "served as security minister under Macri": a simple past of serving is over."""
    return verb.lemma_.lower() == "serve" and verb.tag_ == "VBD"


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or the subject of the verb it is coordinated with or
    subordinate to ("took oath and became ...", "was sworn in, replacing ...")."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head == verb:
            return []
        verb = verb.head
    return []


def _people(ctx: Context, tokens: list[Token]) -> list[int]:
    out: list[int] = []
    for tok in tokens:
        for e in ctx.actor(tok):
            if ctx.type_of(e) == NodeLabel.PERSON and e not in out:
                out.append(e)
    return out


def _holds(
    ctx: Context, person: int, office: Mention, status: str, rule: str, verb: Token
) -> Found:
    return Found(
        RelType.HOLDS_OFFICE,
        person,
        office.entity,
        ctx.doc[office.start].sent,
        status=office.status or status,
        confidence=0.85,
        rule=rule,
        trigger=verb.text,
    )


#: How far back (tokens) a description looks for the party member it describes.
DESCRIPTION_REACH = 600


def description_holders(ctx: Context, found: list[Found]) -> list[Found]:
    """ "Maurya left Mayawati's BSP, accusing the BSP supremo of ...": a definite
    description of a party post whose holder the article never names goes to the party's
    member most recently in play. Only the party's head ("supremo", "chief", "president":
    "the BJP spokesperson" is as often someone never named), only "the ...", and only a
    member the article itself has tied to the party: "the chief minister" stays unresolved.
    The party's leader is rather the one whose party the article called it ("Mamata
    Banerjee's Trinamool Congress") than its nearest MP."""
    members: dict[int, set[int]] = {}
    owners: dict[int, set[int]] = {}
    for f in found:
        if f.type == RelType.MEMBER_OF and f.status != "former":
            members.setdefault(f.object, set()).add(f.subject)
            if f.rule == "possessive.party":
                owners.setdefault(f.object, set()).add(f.subject)
    posts = _party_posts_held(ctx, found)
    out: list[Found] = []
    for m in ctx.mentions:
        if (
            m.type != NodeLabel.OFFICE
            or m.inner
            or m.plural
            or not m.party
            or m.entity in ctx.holders
            or m.start == 0
            or ctx.doc[m.start - 1].lower_ != "the"
            or not _stands_alone(ctx, m)
        ):
            continue
        party = party_entity(ctx, m.party)
        if party is None:
            continue
        if _post_kind(m.title) != "leader":
            continue  # "the BJP spokesperson" is as often someone the article never names
        # someone named with another post of the party ("BJP spokesperson X") is not its head
        busy = {p for p, held in posts.items() if held - {"leader"}}
        person = _member_before(ctx, m.start, owners.get(party, set()) - busy)
        person = person or _member_before(ctx, m.start, members.get(party, set()) - busy)
        if person is None:
            continue
        out.append(
            Found(
                RelType.HOLDS_OFFICE,
                person,
                m.entity,
                ctx.doc[m.start].sent,
                status=m.status or "current",
                confidence=0.7,
                rule="description.party_post",
                trigger=ctx.doc[m.start : m.end].text,
            )
        )
        ctx.holders.setdefault(m.entity, set()).add(person)
    return out


#: Titles that all name the party's head: "state party president" and "the state BJP
#: chief" may well be one person.
LEADER_TITLES = frozenset({"leader", "president", "chairperson", "supremo", "chief"})


def _post_kind(title: str | None) -> str:
    last = (title or "").split()[-1:] or [""]
    return "leader" if last[0].lower() in LEADER_TITLES else last[0].lower()


def _party_posts_held(ctx: Context, found: list[Found]) -> dict[int, set[str]]:
    """person -> kinds of party posts the article already names them with."""
    party_offices = {
        m.entity: _post_kind(m.title)
        for m in ctx.mentions
        if m.type == NodeLabel.OFFICE and m.party
    }
    held: dict[int, set[str]] = {}
    for f in found:
        if f.type == RelType.HOLDS_OFFICE and f.object in party_offices:
            held.setdefault(f.subject, set()).add(party_offices[f.object])
    return held


def _stands_alone(ctx: Context, m: Mention) -> bool:
    """A singular description that is not an apposition: "Rawat, the Congress general
    secretary" describes Rawat (even when his name was missed), and "the party's working
    presidents" are several people."""
    root = ctx.doc[m.start : m.end].root
    return (
        root.dep_ != "appos"
        and root.tag_ not in ("NNS", "NNPS")
        and (m.start < 2 or ctx.doc[m.start - 2].text != ",")
    )


def _member_before(ctx: Context, i: int, members: set[int]) -> int | None:
    for m in reversed(ctx.mentions):
        if m.start >= i or m.type != NodeLabel.PERSON:
            continue
        if i - m.start > DESCRIPTION_REACH:
            return None
        if m.entity in members:
            return m.entity
    return None
