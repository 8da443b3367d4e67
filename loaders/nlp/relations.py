"""Relations between the article's entities, each with the sentence that states it.

- HOLDS_OFFICE / MEMBER_OF from *title chains* before a name ("former Congress
  president Rahul Gandhi", "JMM MP Mahua Maji", "Vice President and Rajya Sabha
  chairman Jagdeep Dhankar", "Two Deputy CMs from the BJP, A and B"), from appositions
  and copulas after it ("Kharge, who is also the Leader of the Opposition", "X took oath
  as Chief Minister of Bihar", "X, the leader of the RJD", "X (BJP)").
- ALLIED_WITH from "<party>-led <alliance>" and from alliance language (alliance,
  seat-sharing, partner, constituent, joins) in sentences that do not negate it.
- CRITICIZED / SUPPORTED from verb, phrasal-verb and noun lexicons with subject and
  object from the dependency parse (passives included), skipping negated, questioned
  or hypothetical clauses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph_schema import NodeLabel, RelType
from loaders.nlp.context import Context
from loaders.nlp.doc_text import doc_words
from loaders.nlp.lexicon import PhraseIndex, phrase_at
from loaders.nlp.mentions import Mention

CHAIN_GLUE = frozenset(
    {
        "and",
        ",",
        "&",
        "the",
        "a",
        "an",
        "senior",
        "veteran",
        "-",
        "–",
        "'s",
        "’s",
        "from",
        "of",
        "state",
        "national",
        "union",
        "two",
        "three",
        "four",
        "young",
        "firebrand",
        "top",
        "party",
        "also",
    }
)


@dataclass(frozen=True)
class Found:
    """A relation between entity indices, with the sentence that states it."""

    type: str
    subject: int
    object: int
    sentence: Span
    status: str | None = None
    confidence: float = 0.8
    #: The named rule that found it (`polikg extract --explain` prints it) and the word
    #: that triggered it, where one did.
    rule: str = ""
    trigger: str = ""


def title_chain(ctx: Context, person: Mention) -> list[Mention]:
    """Offices and parties in the run of title words right before a person mention.

    A comma may only sit right before the name, and then only after a plural title
    ("Two Deputy CMs from the BJP, A and B"): otherwise "... slammed the BJP, Rahul
    Gandhi said" would make Rahul Gandhi a BJP member.
    """
    doc, lex = ctx.doc, ctx.lex
    chain: list[Mention] = []
    i = person.start - 1
    crossed_comma = False
    plural_seat = False
    while i >= 0 and person.start - i <= 14:
        m = ctx.by_token.get(i)
        tok = doc[i]
        if m is not None and m.type in (NodeLabel.OFFICE, NodeLabel.PARTY):
            chain.append(m)
            i = m.start - 1
        elif (
            m is not None
            and m.type == NodeLabel.ORGANIZATION
            and doc[m.end].lower_ in lex.seat_words
        ):
            i = m.start - 1  # "BJD spokesperson and Rajya Sabha member X": a seat, no tie
        elif m is not None:
            break
        elif tok.text == ")" and i >= 2 and doc[i - 2].text == "(":
            i -= 3  # a bracketed acronym: "National Renewal Party (NRP) leader X"
        elif tok.text == ",":
            if i != person.start - 1:
                break
            crossed_comma = True
            i -= 1
        elif (
            tok.lower_ in CHAIN_GLUE
            or tok.lower_ in lex.seat_words
            or tok.lower_ in lex.former_words
            or tok.lower_.rstrip(".") in lex.honorifics
        ):
            plural_seat = plural_seat or (tok.lower_ in lex.seat_words and tok.lower_.endswith("s"))
            i -= 1
        else:
            break
    # "The Prime Minister, Narendra Modi", "Ukraine's foreign minister, Dmytro Kuleba",
    # "the country's president, X"
    appositive = (
        len(chain) == 1
        and chain[0].type == NodeLabel.OFFICE
        and (
            (chain[0].start > 0 and doc[chain[0].start - 1].lower_ in ("the", "'s", "’s"))
            or (
                chain[0].end - chain[0].start > 2 and doc[chain[0].start + 1].lower_ in ("'s", "’s")
            )
        )
    )
    if crossed_comma and not (plural_seat or appositive or any(m.plural for m in chain)):
        return []
    return chain


def _seat_between(ctx: Context, party: Mention, person: Mention) -> bool:
    """A party tied to the person: "BJP MP X", "TMC's X", "X of the Congress" etc."""
    words = [t.lower_.rstrip(".") for t in ctx.doc[party.end : person.start]]
    if not words:
        return True
    return any(w in ctx.lex.seat_words or w in ("'s", "’s") for w in words) or all(
        w in CHAIN_GLUE or w in ctx.lex.former_words for w in words
    )


def chain_relations(ctx: Context) -> list[Found]:
    out: list[Found] = []
    people = [m for m in ctx.mentions if m.type == NodeLabel.PERSON and m.entity >= 0]
    previous: Mention | None = None
    previous_chain: list[Mention] = []
    for p in people:
        chain = title_chain(ctx, p)
        if (
            not chain
            and previous is not None
            and _listed_after(ctx, previous, p)
            and any(m.plural for m in previous_chain)
        ):
            chain = previous_chain  # "Deputy Chief Ministers A and B"
        sent = ctx.doc[p.start].sent
        for m in chain:
            if m.type == NodeLabel.OFFICE:
                out.append(
                    Found(
                        RelType.HOLDS_OFFICE,
                        p.entity,
                        m.entity,
                        sent,
                        status=m.status or "current",
                        confidence=0.9,
                        rule="title.office_before_name",
                    )
                )
                if m.party:
                    party = party_entity(ctx, m.party)
                    if party is not None:
                        out.append(
                            Found(
                                RelType.MEMBER_OF,
                                p.entity,
                                party,
                                sent,
                                confidence=0.8,
                                status=m.status or "current",
                                rule="title.party_office_before_name",
                            )
                        )
            elif m.type == NodeLabel.PARTY and _seat_between(ctx, m, p):
                out.append(
                    Found(
                        RelType.MEMBER_OF,
                        p.entity,
                        m.entity,
                        sent,
                        confidence=0.85,
                        status=_former_party(ctx, m),
                        rule="title.party_before_name",
                    )
                )
        previous, previous_chain = p, chain
    return out


def _former_party(ctx: Context, party: Mention) -> str:
    """ "former Congress leader X", "ex-BJP MLA X": the tie has ended."""
    i = party.start - 1
    while i >= 0 and ctx.doc[i].text in ("-", "–"):
        i -= 1
    return "former" if i >= 0 and ctx.doc[i].lower_ in ctx.lex.former_words else "current"


def _listed_after(ctx: Context, a: Mention, b: Mention) -> bool:
    between = [t.text for t in ctx.doc[a.end : b.start]]
    return between in (["and"], [","], [",", "and"])


def party_entity(ctx: Context, canonical: str) -> int | None:
    for m in ctx.mentions:
        if m.type == NodeLabel.PARTY and m.canonical == canonical and m.entity >= 0:
            return m.entity
    return None


ENDED = frozenset({"stepped", "resigned", "quit", "removed", "ousted", "out"})
#: "A replaced / succeeded B as O": B held O before A.
SUCCESSION = frozenset({"replace", "succeed"})
#: Lower-case words that may stand between "X, a" and the party or seat they describe.
APPOSITION_DESCRIPTORS = frozenset(
    {
        "senior",
        "veteran",
        "prominent",
        "key",
        "young",
        "top",
        "firebrand",
        "rebel",
        "leading",
        "longtime",
        "long-time",
        "two-time",
        "three-time",
        "four-time",
        "five-time",
        "sitting",
        "influential",
        "powerful",
        "fellow",
    }
)
APPOSITION_LEADS = PhraseIndex(
    (
        (",", "who", "is", "also"),
        (",", "who", "is"),
        (",", "who", "was"),
        (",", "who", "has", "been"),
        (",", "the"),
        (",", "a"),
        (",", "an"),
        (",",),
        ("is", "also", "the"),
        ("is", "the"),
        ("was", "the"),
        ("is", "also"),
        ("took", "oath", "as", "the"),
        ("took", "oath", "as"),
        ("took", "the", "oath", "as", "the"),
        ("took", "the", "oath", "as"),
        ("sworn", "in", "as", "the"),
        ("on", "taking", "oath", "as"),
        ("on", "taking", "the", "oath", "as"),
        ("taking", "oath", "as"),
        ("was", "sworn", "in", "as"),
        ("was", "sworn", "in", "as", "the"),
        ("is", "now", "the"),
        ("took", "charge", "as"),
        ("has", "served", "as"),
        ("served", "as"),
        ("serves", "as"),
        ("is", "serving", "as"),
        ("was", "elected"),
        ("was", "appointed"),
        ("was", "named"),
        ("stepped", "down", "as"),
        ("resigned", "as"),
        ("quit", "as"),
        ("was", "removed", "as"),
        ("sworn", "in", "as"),
        ("became", "the"),
        ("as", "the"),
        ("as",),
        ("elected", "as", "the"),
        (",", "who", "became", "the"),
        (",", "who", "became"),
        ("became",),
        ("appointed", "as", "the"),
        ("appointed", "the"),
        ("named", "the"),
        ("named", "as", "the"),
        ("was", "voted", "out", "as"),
        ("voted", "out", "as"),
        ("was", "ousted", "as"),
        ("ousted", "as"),
        ("was", "re", "-", "elected"),
        ("was", "re", "-", "elected", "as"),
        ("was", "re-elected"),
        ("was", "re-elected", "as"),
        ("was", "reelected", "as"),
    )
)


#: "X, who founded the PLF": the founder belongs to the party.
FOUNDED = PhraseIndex(
    (
        (",", "who", "founded"),
        (",", "who", "co", "-", "founded"),
        (",", "who", "co-founded"),
        ("founded",),
        ("co-founded",),
    )
)


def apposition_relations(ctx: Context) -> list[Found]:
    """ "X, who is also the Leader of the Opposition", "X took oath as Chief Minister".

    Each construction is its own function; the first that matches a mention wins."""
    out: list[Found] = []
    for p in ctx.mentions:
        person = _apposed_person(ctx, p)
        if person is None:
            continue
        j = _apposition_start(ctx, p)
        out += (
            _bracketed_party(ctx, p, person)
            or _party_letter(ctx, p, person)
            or _of_party(ctx, p, person, j)
            or _founded_party(ctx, p, person, j)
            or _after_lead(ctx, p, person, j)
        )
    return out


def _apposed_person(ctx: Context, p: Mention) -> int | None:
    """The person an apposition would describe: a person mention, or an office mention
    whose holder the article has named."""
    if p.entity < 0:
        return None
    if p.type == NodeLabel.PERSON:
        return p.entity
    return ctx.holder_of(p.entity) if p.type == NodeLabel.OFFICE else None


def _apposition_start(ctx: Context, p: Mention) -> int:
    """Where the apposition starts: after the mention, or at "of" in "Lula, of the PT,"."""
    words = doc_words(ctx.doc)
    if p.type == NodeLabel.PERSON and words[p.end : p.end + 2] == [",", "of"]:
        return p.end + 1
    return p.end


def _bracketed_party(ctx: Context, p: Mention, person: int) -> list[Found]:
    """ "Raju Patil (BJP)"."""
    doc, j = ctx.doc, p.end
    if (
        j < len(doc)
        and doc[j].text == "("
        and (m := ctx.by_token.get(j + 1))
        and m.type == NodeLabel.PARTY
        and j + 1 + (m.end - m.start) < len(doc)
        and doc[m.end].text == ")"
    ):
        sent = doc[p.start].sent
        return [
            Found(
                RelType.MEMBER_OF,
                person,
                m.entity,
                sent,
                confidence=0.85,
                rule="apposition.bracketed_party",
            )
        ]
    return []


def _party_letter(ctx: Context, p: Mention, person: int) -> list[Found]:
    """ "Ted Cruz (R-Texas)", "Ro Khanna, D-Calif.,"."""
    words, j = doc_words(ctx.doc), p.end
    if (
        j + 2 < len(words)
        and words[j] in ("(", ",")
        and (m := ctx.by_token.get(j + 1))
        and m.type == NodeLabel.PARTY
        and m.end == j + 2
        and words[j + 2] in ("-", "–")
    ):
        sent = ctx.doc[p.start].sent
        return [
            Found(
                RelType.MEMBER_OF,
                person,
                m.entity,
                sent,
                confidence=0.85,
                rule="apposition.party_letter",
            )
        ]
    return []


def _of_party(ctx: Context, p: Mention, person: int, j: int) -> list[Found]:
    """ "X of the PLF", "Lula, of the leftist PT,"."""
    words = doc_words(ctx.doc)
    if j >= len(words) or words[j] != "of" or p.type != NodeLabel.PERSON:
        return []
    k = _skip_descriptors(ctx, j + 1 + (j + 1 < len(words) and words[j + 1] == "the"))
    return _member_of_party_at(ctx, p, person, k, 0.8, "apposition.of_party")


def _founded_party(ctx: Context, p: Mention, person: int, j: int) -> list[Found]:
    """ "Macri, who founded PRO,"."""
    words = doc_words(ctx.doc)
    founder = phrase_at(words, j, FOUNDED)
    if founder is None or p.type != NodeLabel.PERSON:
        return []
    k = founder + (founder < len(words) and words[founder] == "the")
    return _member_of_party_at(ctx, p, person, k, 0.75, "apposition.founder")


def _member_of_party_at(
    ctx: Context, p: Mention, person: int, k: int, confidence: float, rule: str
) -> list[Found]:
    """Membership of the party whose name starts at token k, if one does."""
    m = ctx.by_token.get(k)
    if m is None or m.type != NodeLabel.PARTY or m.start != k:
        return []
    sent = ctx.doc[p.start].sent
    return [Found(RelType.MEMBER_OF, person, m.entity, sent, confidence=confidence, rule=rule)]


def _after_lead(ctx: Context, p: Mention, person: int, j: int) -> list[Found]:
    """ "X, a senior BJP leader", "X, who is also the Leader of the Opposition", "X took
    oath as Chief Minister": what follows one of APPOSITION_LEADS."""
    words = doc_words(ctx.doc)
    lead = phrase_at(words, j, APPOSITION_LEADS)
    if lead is None:
        return []
    k = lead
    former = bool(set(words[j:lead]) & ENDED)  # "stepped down as", "resigned as"
    former = former or _succeeded(ctx, p)
    while k < len(words) and (
        words[k] in ("former", "ex", "-", "erstwhile", "also", "the")
        or (words[k] in APPOSITION_DESCRIPTORS and lead - j > 1)
    ):
        former = former or words[k] in ("former", "ex", "erstwhile")
        k += 1
    long_lead = lead - j > 1
    if ctx.by_token.get(k) is None and long_lead:
        found = _seat_from_party(ctx, p, person, k, former) or _place_party(ctx, p, person, k)
        if found:
            return found
    return _office_or_party_at(ctx, p, person, k, former, lead, long_lead)


def _succeeded(ctx: Context, p: Mention) -> bool:
    """ "Ley replaced Dutton as Leader of the Opposition": Dutton's office is over."""
    root = ctx.doc[p.start : p.end].root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in SUCCESSION


def _seat_from_party(ctx: Context, p: Mention, person: int, k: int, former: bool) -> list[Found]:
    """ "X, a leader from the RJD," / "X, a member of the BJP's national executive"."""
    words = doc_words(ctx.doc)
    if k >= len(words) or words[k] not in ctx.lex.seat_words:
        return []
    at = k + 2 + (k + 2 < len(words) and words[k + 2] == "the")
    unit = ctx.by_token.get(at)
    if (
        unit is None
        or unit.type != NodeLabel.PARTY
        or unit.start != at
        or words[k + 1] not in ("from", "of", "in")
    ):
        return []
    return [
        Found(
            RelType.MEMBER_OF,
            person,
            unit.entity,
            ctx.doc[p.start].sent,
            confidence=0.75,
            status="former" if former else "current",
            rule="apposition.seat_from_party",
        )
    ]


def _place_party(ctx: Context, p: Mention, person: int, k: int) -> list[Found]:
    """ "Schumer, a New York Democrat,"."""
    doc, words = ctx.doc, doc_words(ctx.doc)
    k2 = k
    while k2 < min(len(doc), k + 3) and doc[k2].ent_type_ == "GPE":
        k2 += 1
    named = ctx.by_token.get(k2)
    if (
        k2 > k
        and named is not None
        and named.type == NodeLabel.PARTY
        and named.start == k2
        and (named.end == len(doc) or words[named.end] in (",", ".", ")", ";"))
    ):
        sent = doc[p.start].sent
        return [Found(RelType.MEMBER_OF, person, named.entity, sent, rule="apposition.place_party")]
    return []


def _office_or_party_at(
    ctx: Context, p: Mention, person: int, k: int, former: bool, lead: int, long_lead: bool
) -> list[Found]:
    """The office, seat or party the apposition names at token k."""
    words, sent = doc_words(ctx.doc), ctx.doc[p.start].sent
    m = ctx.by_token.get(k)
    if m is not None and m.type == NodeLabel.OFFICE and m.start == k:
        status = "former" if former or m.status == "former" else "current"
        out = [
            Found(
                RelType.HOLDS_OFFICE,
                person,
                m.entity,
                sent,
                status=status,
                rule="apposition.office",
            )
        ]
        if m.party and (party := party_entity(ctx, m.party)) is not None:
            out.append(
                Found(RelType.MEMBER_OF, person, party, sent, rule="apposition.party_office")
            )
        return out
    if k < len(words) and words[k] in ctx.lex.seat_words:
        return _seat_of_party(ctx, person, k, former, sent)
    if m is not None and m.type == NodeLabel.PARTY and m.start == k and long_lead:
        return _party_then_seat(ctx, m, person, former, words[lead - 1], sent)
    return []


def _seat_of_party(ctx: Context, person: int, k: int, former: bool, sent: Span) -> list[Found]:
    """ "X, a member of the BJP"."""
    words = doc_words(ctx.doc)
    rest = k + 1
    if rest >= len(words) or words[rest] != "of":
        return []
    rest += 1 + (rest + 1 < len(words) and words[rest + 1] == "the")
    m = ctx.by_token.get(rest)
    if m is None or m.type != NodeLabel.PARTY or former:
        return []
    return [Found(RelType.MEMBER_OF, person, m.entity, sent, rule="apposition.seat_of_party")]


def _party_then_seat(
    ctx: Context, m: Mention, person: int, former: bool, article: str, sent: Span
) -> list[Found]:
    """ "X, the NPP's presidential candidate", "Dan Patrick, a Republican,"."""
    doc, words = ctx.doc, doc_words(ctx.doc)
    nxt = m.end + (m.end < len(doc) and words[m.end] in ("'s", "’s"))
    # "the NPP's presidential candidate": a word or two may qualify the seat
    while (
        nxt < min(len(doc), m.end + 4)
        and words[nxt] not in ctx.lex.seat_words
        and doc[nxt].is_alpha
        and doc[nxt].is_lower
    ):
        nxt += 1
    if nxt < len(doc) and words[nxt] in ctx.lex.seat_words and not former:
        return [Found(RelType.MEMBER_OF, person, m.entity, sent, rule="apposition.party_seat")]
    owned = doc[m.start : m.end].root
    if (
        article == "the"
        and nxt > m.end
        and owned.dep_ == "poss"
        and owned.head.lower_ not in ctx.lex.opponent_nouns
        and not former
    ):  # "X, the BJP's other prominent OBC face": whatever the party calls its own
        return [
            Found(RelType.MEMBER_OF, person, m.entity, sent, rule="apposition.party_possessive")
        ]
    if article in ("a", "an") and m.end < len(doc) and words[m.end] in ("who", ",", ";", "."):
        return [
            Found(
                RelType.MEMBER_OF,
                person,
                m.entity,
                sent,
                confidence=0.7,
                status="former" if former else "current",
                rule="apposition.a_party_man",
            )
        ]
    return []


def _skip_descriptors(ctx: Context, k: int) -> int:
    """Past lower-case words that describe a party: "the opposition Democratic Centre"."""
    while k < len(ctx.doc) and ctx.doc[k].lower_ in ctx.lex.party_descriptors:
        k += 1
    return k


LED_BY = PhraseIndex(
    (
        (",", "whose", "leader"),
        ("led", "by"),
        ("headed", "by"),
        ("founded", "by"),
        (",", "led", "by"),
        (",", "headed", "by"),
        (",", "founded", "by"),
    )
)


def possessive_relations(ctx: Context) -> list[Found]:
    """Membership said with a possessive or "led by": "Viktor Orban's Fidesz party",
    "his Tisza party" (the person in play), "the Tisza party, led by Peter Magyar"."""
    doc, out = ctx.doc, []
    words = doc_words(doc)
    for m in ctx.mentions:
        if m.type != NodeLabel.PARTY or m.entity < 0 or m.inner:
            continue
        sent = doc[m.start].sent
        i = m.start - 1
        root = doc[m.start : m.end].root
        while i >= 0 and (words[i] in ctx.lex.party_descriptors or _describes(doc[i], root)):
            i -= 1
        person: int | None = None
        if (
            i >= 1
            and words[i] in ("'s", "’s")
            and (owner := ctx.by_token.get(i - 1))
            and owner.type == NodeLabel.PERSON
            and owner.end == i
        ):
            person = owner.entity  # "Viktor Orban's Fidesz"
        elif i >= 0 and words[i] in ("his", "her") and doc[i].i not in ctx.quoted:
            person = ctx.last_person_before(i)  # "his Tisza party"
        if person is not None:
            out.append(
                Found(
                    RelType.MEMBER_OF,
                    person,
                    m.entity,
                    sent,
                    confidence=0.75,
                    rule="possessive.party",
                )
            )
            continue
        j = m.end + (m.end < len(doc) and words[m.end] == "party")
        if words[j : j + 1] == ["("] and words[j + 2 : j + 3] == [")"]:
            j += 3  # "the Inkatha Freedom Party (IFP), led by X"
        lead = phrase_at(words, j, LED_BY)
        if (
            lead is not None
            and (title := ctx.by_token.get(lead))
            and title.type == NodeLabel.OFFICE
        ):
            lead = title.end  # "led by Deputy Prime Minister X": the office is X's title
        if (
            lead is not None
            and (leader := ctx.by_token.get(lead)) is not None
            and leader.type == NodeLabel.PERSON
            and leader.start == lead
        ):
            out.append(
                Found(
                    RelType.MEMBER_OF,
                    leader.entity,
                    m.entity,
                    sent,
                    confidence=0.8,
                    rule="possessive.led_by",
                )
            )
    return out


DESCRIBING = frozenset({"amod", "npadvmod", "advmod", "punct", "compound", "nmod"})


def _describes(tok: Token, party: Token) -> bool:
    """A word of the party's own noun phrase before its name: "Dissanayake's Marxist-rooted
    JVP" (the parser hangs "Marxist" on "rooted", "rooted" on the party)."""
    return tok.dep_ in DESCRIBING and party in (tok.head, tok.head.head) and tok.i < party.i


def record_holders(ctx: Context, found: list[Found]) -> None:
    for f in found:
        if f.type == RelType.HOLDS_OFFICE and f.status == "current":
            ctx.holders.setdefault(f.object, set()).add(f.subject)
