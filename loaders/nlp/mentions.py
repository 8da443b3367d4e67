"""Entity mentions: parties, alliances, organisations, offices and people in a parsed Doc.

The general model tags politicians as ORG, alliances as GPE and yatras as PERSON; the
domain layer fixes that with three sources, in order of trust:
1. the gazetteer (data files) for parties, alliances, legislatures, bodies and
   national offices, disambiguated by the article's country;
2. office *patterns* composed from parts ("West Bengal chief minister", "TMC supremo",
   "Rajya Sabha chairman", "Union Home Minister") so any state, party or house works;
3. people: the model's PERSON spans, plus capitalised names right after a title
   ("Congress president Mallikarjun Kharge"), plus later surname-only or first-name
   mentions of a person already named in full.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from graph_schema import NodeLabel
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.gazetteer_index import GazetteerIndex, OfficeHit
from loaders.nlp.lexicon import Lexicon
from loaders.nlp.mention import Mention
from loaders.resolve import spelling_variant


def gazetteer_mentions(
    doc: Doc, index: GazetteerIndex, country: str | None, named: frozenset[str] = frozenset()
) -> list[Mention]:
    """Parties, alliances, organisations and national offices named in the gazetteer
    (`named`: the countries the article names, whose parties may appear abroad)."""
    out = []
    for start, end, entries in index.match_entries(doc):
        span = doc[start:end]
        entry = index.pick(entries, country, named)
        if entry is None and all(e.type == NodeLabel.OFFICE for e in entries):
            # a national title of unknown country ("Prime Minister"): keep it unqualified
            out.append(Mention(start, end, NodeLabel.OFFICE, span.text, title=span.text))
            continue
        if entry is None:
            party = next(
                (e for e in entries if e.type in (NodeLabel.PARTY, NodeLabel.ALLIANCE)), None
            )
            if party is not None and span.text.isupper() and len(span.text) >= 2:
                # an acronym that here is another country's ("NPP" in a story from
                # Accra): a party all the same, named as written
                out.append(Mention(start, end, party.type, span.text, canonical=span.text))
            continue
        if entry.type == NodeLabel.OFFICE:
            out.append(
                Mention(
                    start,
                    end,
                    NodeLabel.OFFICE,
                    span.text,
                    canonical=entry.name,
                    title=span.text,
                    plural=span.text.endswith("s") and not entry.name.endswith("s"),
                )
            )
        else:
            out.append(
                Mention(
                    start, end, entry.type, span.text, canonical=entry.name, country=entry.country
                )
            )
    return out


def party_letter_mentions(doc: Doc, index: GazetteerIndex, named: frozenset[str]) -> list[Mention]:
    """The party letter of "Sen. Ted Cruz (R-Texas)" and "Rep. Ro Khanna, D-Calif.," in a
    story about a country that writes them: a mention of that party."""
    letters = {
        k: (party, country)
        for country in named
        for k, party in index.party_letters.get(country, {}).items()
    }
    out = []
    for tok in doc_tokens(doc)[1:-2]:
        if (
            tok.text in letters
            and doc[tok.i - 1].text in ("(", ",")
            and doc[tok.i + 1].text in ("-", "–")
            and doc[tok.i + 2].text[:1].isupper()
        ):
            party, country = letters[tok.text]
            out.append(
                Mention(
                    tok.i, tok.i + 1, NodeLabel.PARTY, tok.text, canonical=party, country=country
                )
            )
    return out


def office_mentions(
    doc: Doc, index: GazetteerIndex, base: Sequence[Mention], country: str | None
) -> list[Mention]:
    """Offices composed from parts: a state, party or house plus a post word."""
    out = []
    for hit in index.compose_offices(doc, base, country):
        out.append(_office_from_hit(doc, hit))
    return out


def _office_from_hit(doc: Doc, hit: OfficeHit) -> Mention:
    span = doc[hit.start : hit.end]
    return Mention(
        hit.start,
        hit.end,
        NodeLabel.OFFICE,
        span.text,
        canonical=hit.name,
        title=hit.title,
        qualified=hit.qualified,
        plural=hit.plural,
        party=hit.party,
        fallback=hit.fallback,
    )


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where spans overlap (composed offices beat their parts).

    A party or house inside a kept office ("Congress" in "Congress president") stays
    as an *inner* mention: it names an entity of the article, but token lookups see
    the office.
    """
    # on equal spans a named office ("Finance Minister of Colombia") beats a bare title
    ordered = sorted(
        mentions,
        key=lambda m: (
            -(m.end - m.start),
            m.start,
            m.type == NodeLabel.OFFICE and not (m.canonical and m.qualified),
        ),
    )
    taken: dict[int, Mention] = {}
    inner_taken: set[int] = set()
    kept = []
    for m in ordered:
        covering = [taken[i] for i in range(m.start, m.end) if i in taken]
        if not covering:
            kept.append(m)
            taken.update(dict.fromkeys(range(m.start, m.end), m))
        elif all(
            c.type == NodeLabel.OFFICE
            and c.start <= m.start
            and m.end <= c.end
            and (
                (m.type == NodeLabel.PARTY and c.party == m.canonical)
                or (m.type == NodeLabel.ORGANIZATION and c.party is None)
            )
            for c in covering
        ) and not inner_taken & set(range(m.start, m.end)):
            m.inner = True
            kept.append(m)
            inner_taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def mark_former(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """`status` former for offices after "former", "ex-", "erstwhile" (a party may sit between)."""
    parties = {m.end: m.start for m in mentions if m.type == NodeLabel.PARTY}
    for m in mentions:
        if m.type != NodeLabel.OFFICE:
            continue
        i = parties.get(m.start, m.start) - 1
        while i >= 0 and doc[i].text in ("-", "–"):
            i -= 1
        if i >= 0 and doc[i].lower_ in lex.former_words:
            m.status = "former"


def mark_shadow(doc: Doc, mentions: list[Mention]) -> None:
    """ "Shadow Chancellor Rachel Reeves": the opposition's spokesperson for the office is
    another office, "Shadow Chancellor of the Exchequer", not the office itself."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        i = m.start - 1
        if m.type != NodeLabel.OFFICE or i < 0 or doc[i].lower_ != "shadow" or i in taken:
            continue
        m.start = i
        m.text = doc[i : m.end].text
        m.canonical = f"Shadow {m.canonical or m.title or m.text}"
        m.title = m.text
        m.qualified = True


#: Words that open a capitalised phrase at a sentence start but never a name.
QUANTIFIERS = frozenset({"several", "most", "many", "some", "all", "both", "few", "other"})
NUMBER_WORDS = frozenset({"two", "three", "four", "five"})
NEVER_NAME_START = QUANTIFIERS | NUMBER_WORDS


def _not_a_name_start(tok: Token) -> bool:
    """Capitalised only because a sentence starts there: "Removing Paxton", "Several
    Republicans", "Reports"; a name never opens with a gerund or a quantifier."""
    if tok.lower_ in NEVER_NAME_START:
        return True
    return tok.is_sent_start is True and tok.tag_ == "VBG" and tok.pos_ == "VERB"


def _trim_person(
    doc: Doc, start: int, end: int, lex: Lexicon, titles: frozenset[str]
) -> tuple[int, int]:
    if end - start > 2 and doc[start].text == "M" and doc[start + 1].text == "P":
        start += 2  # "M P Vaiko": the spaced seat word MP, not initials
    while start < end and (
        doc[start].lower_.rstrip(".") in lex.honorifics
        or (
            doc[start].lower_ in titles
            and not (
                _initials_shape(doc[start].text)
                and start + 1 < end
                and doc[start].lower_ not in lex.seat_words
            )
        )
        or doc[start].text in ("'s", "’s", "'", "’", "-", "@")
        or _not_a_name_start(doc[start])
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in ("'s", "’s", "'", "’", "-", ",", ".")
        or doc[end - 1].lower_ in ("ji", "jr", "sr")
    ):
        end -= 1
    return start, end


def plausible_person(span: Span, lex: Lexicon, index: GazetteerIndex) -> bool:
    """A name-shaped span that is not a place, party, event or acronym."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 5:
        return False
    for k, tok in enumerate(words):
        if 0 < k < len(words) - 1 and tok.lower_ in lex.name_particles:
            continue  # "von der Leyen"
        if tok.lower_ in lex.non_person_words or not tok.text[:1].isupper():
            return False
        if not any(c.isalpha() for c in tok.text) or any(c.isdigit() for c in tok.text):
            return False
    if len(words) == 1 and (words[0].text.isupper() and len(words[0].text) > 1):
        return False  # an acronym, not a surname
    return not index.is_place(span.text) and not _dateline(span, index)


def _dateline(span: Span, index: GazetteerIndex) -> bool:
    """A capital opening a line as a dateline ("KYIV (AP) -", "Kuala Lumpur:"), or one
    alone that the model does not take for a person."""
    if span.text.lower() not in index.capitals:
        return False
    if all(t.ent_type_ != "PERSON" for t in span):
        return True  # "Kyiv seeks new strategy": a capital standing for its government
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    line_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    return span.text.isupper() or (line_start and after in (",", ":", "(", "-", "–", "—"))


def _names_after_anchors(
    doc: Doc, taken: list[Mention], lex: Lexicon, occupied: set[int]
) -> list[tuple[int, int]]:
    """Names right after a title, a party's possessive, an honorific or a seat word:
    "Congress president Mallikarjun Kharge", "BJP's Amit Shah", "MP Ravi Sen"."""
    anchors = {m.end for m in taken if m.type == NodeLabel.OFFICE}
    anchors |= {
        m.end + 1
        for m in taken
        if m.type == NodeLabel.PARTY and m.end < len(doc) and doc[m.end].text in ("'s", "’s")
    }
    for tok in doc_tokens(doc):
        if tok.lower_.rstrip(".") in lex.honorifics or tok.lower_ in lex.seat_words:
            anchors.add(tok.i + 1)
    out = []
    for a in anchors:
        j = a
        while (
            j < len(doc)
            and j - a < 4
            and doc[j].text[:1].isupper()
            and (doc[j].pos_ == "PROPN" or doc[j].ent_type_ == "PERSON")
            and _wordlike(doc[j].text)
            and j not in occupied
        ):
            j += 1
        if j > a:
            out.append((a, j))
    return out


def person_mentions(
    doc: Doc, taken: list[Mention], lex: Lexicon, index: GazetteerIndex
) -> list[Mention]:
    """People: model PERSON spans plus names right after a title, honorific or party."""
    occupied = {i for m in taken for i in range(m.start, m.end)}
    spans: dict[tuple[int, int], None] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            spans[(ent.start, ent.end)] = None
    for start, end in _names_after_anchors(doc, taken, lex, occupied):
        spans[(start, end)] = None
    for start, end in _name_sequences(doc, lex, index, occupied):
        spans[(start, end)] = None
    for start, end in _names_before_titles(doc, taken, lex, index, occupied):
        spans[(start, end)] = None
    for start, end in _owners_of_parties(doc, taken, lex, index, occupied):
        spans[(start, end)] = None
    out: list[Mention] = []
    used: set[int] = set()
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        start, end = _extend_left(doc, start, end, lex, occupied)
        while (
            start > 0
            and start - 1 not in occupied
            and _initials(doc[start - 1], index)
            and doc[start - 1].lower_ not in lex.seat_words
        ):
            start -= 1  # "DY Chandrachud", "MK Stalin": initials run together
        end = _extend_right(doc, end, lex, index, occupied)
        start, end = _trim_person(doc, start, end, lex, index.title_words)
        if end <= start or any(i in occupied or i in used for i in range(start, end)):
            continue
        span = doc[start:end]
        if not plausible_person(span, lex, index):
            continue
        out.append(Mention(start, end, NodeLabel.PERSON, span.text))
        used.update(range(start, end))
    return out


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"})
NOT_PEOPLE_LABELS = frozenset(
    {
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "EVENT",
        "LAW",
        "DATE",
        "TIME",
        "LANGUAGE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
    }
)


def _name_shaped(tok: Token, lex: Lexicon, index: GazetteerIndex) -> bool:
    """Capitalised, not an acronym, and no title, place or word that is never a name."""
    return (
        tok.text[:1].isupper()
        and not tok.text.isupper()
        and tok.lower_ not in lex.non_person_words
        and tok.lower_ not in index.title_words
        and not index.is_place(tok.text)
    )


def _owners_of_parties(
    doc: Doc, taken: list[Mention], lex: Lexicon, index: GazetteerIndex, occupied: set[int]
) -> list[tuple[int, int]]:
    """ "Mayawati's Bahujan Samaj Party", "Om Prakash Rajbhar's SBSP": a name owning a party
    is its leader's, even when the model does not tag it."""
    out = []
    for m in taken:
        k = m.start - 1
        while k >= 0 and doc[k].lower_ in lex.party_descriptors:
            k -= 1
        if m.type != NodeLabel.PARTY or k < 1 or doc[k].text not in ("'s", "’s"):
            continue
        end = start = k
        while (
            start > 0
            and end - start < 3
            and start - 1 not in occupied
            and _namelike(doc[start - 1], lex, index)
            and doc[start - 1].ent_type_ not in ("GPE", "NORP", "LOC")
        ):
            start -= 1
        if start < end:
            out.append((start, end))
    return out


def _namelike(tok: Token, lex: Lexicon, index: GazetteerIndex) -> bool:
    return tok.pos_ == "PROPN" and _wordlike(tok.text) and _name_shaped(tok, lex, index)


def _name_sequences(
    doc: Doc, lex: Lexicon, index: GazetteerIndex, occupied: set[int]
) -> list[tuple[int, int]]:
    """Two or three name-like proper nouns in an argument slot ("congratulated Samrat
    Chaudhary and Vijay Sinha"): names the small model did not tag as PERSON."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc)
            and j - i < 3
            and j not in occupied
            and _namelike(doc[j], lex, index)
            and doc[j].ent_type_ not in NOT_PEOPLE_LABELS - {"ORG"}
        ):
            j += 1
        if (
            j - i >= 2
            and doc[j - 1].dep_ in ARGUMENT_DEPS
            and (not doc[i].is_sent_start or doc[j - 1].dep_ == "nsubj")
            and (j >= len(doc) or not doc[j].text[:1].isupper())
        ):
            out.append((i, j))
        elif (
            j - i == 1
            and doc[i].ent_type_ not in NOT_PEOPLE_LABELS
            and _speaks_or_acts(doc[i], lex)
        ):
            out.append((i, j))  # "Ilvova said:", "Pellesi mocked Quenard"
        i = max(j, i + 1)
    return out


def _name_word(tok: Token, lex: Lexicon, index: GazetteerIndex) -> bool:
    """A word that can be part of a name where the syntax says a name is (the small
    model takes unfamiliar names for places or, at a sentence start, for nouns)."""
    return (
        tok.pos_ in ("PROPN", "NOUN", "ADJ")
        and tok.is_alpha
        and _name_shaped(tok, lex, index)
        and tok.ent_type_ not in NOT_PEOPLE_LABELS - {"GPE"}
    )


def _names_before_titles(
    doc: Doc, taken: list[Mention], lex: Lexicon, index: GazetteerIndex, occupied: set[int]
) -> list[tuple[int, int]]:
    """A name right before an office in apposition: "Taras Koval, Ukraine's defence
    minister, said", "Ana Rojas, the former president,"."""
    out = []
    for m in taken:
        if m.type != NodeLabel.OFFICE:
            continue
        k = m.start - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an", "former", "then"):
            k -= 1
        if k < 2 or doc[k].text != "," or m.end >= len(doc) or doc[m.end].text not in (",", "."):
            continue
        start = k
        while (
            start > 0
            and k - start < 3
            and start - 1 not in occupied
            and _name_word(doc[start - 1], lex, index)
        ):
            start -= 1
        if k - start >= 2:
            out.append((start, k))
    return out


#: Verbs whose subject is a speaker, without the ones things do too ("tensions continue").
SAYING = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "write",
        "post",
        "tweet",
        "allege",
        "claim",
        "remark",
        "declare",
        "reveal",
        "ask",
        "urge",
        "argue",
        "insist",
        "note",
        "warn",
        "assert",
        "reply",
        "retort",
        "quip",
        "announce",
    }
)


def _speaks_or_acts(tok: Token, lex: Lexicon) -> bool:
    """A lone proper noun that speaks or attacks/backs someone is a person's surname."""
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB":
        return lemma in SAYING or lemma in lex.criticize or lemma in lex.support
    if tok.dep_ == "dobj" and verb.pos_ == "VERB":
        return lemma in lex.criticize or lemma in lex.support
    return False


def _extend_right(
    doc: Doc, end: int, lex: Lexicon, index: GazetteerIndex, occupied: set[int]
) -> int:
    """Grow a name over a surname the model left out ("Vijay Kumar" + "Sinha"), also
    across name particles ("Ursula" + "von der Leyen", "Abdel Fattah" + "al-Sisi")."""
    while end < len(doc) and end not in occupied:
        if _namelike(doc[end], lex, index) and doc[end].ent_type_ not in NOT_PEOPLE_LABELS:
            end += 1
            continue
        k = end
        while (
            k < len(doc)
            and k - end < 3
            and k not in occupied
            and (
                (doc[k].lower_ in lex.name_particles and doc[k].text.islower())
                or (doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_)
            )
        ):
            k += 1
        if (
            k == end
            or k >= len(doc)
            or k in occupied
            or not doc[k].text[:1].isupper()
            or not _wordlike(doc[k].text)
            or doc[k].lower_ in index.title_words
        ):
            break
        end = k + 1
    return end


def _initials(tok: Token, index: GazetteerIndex) -> bool:
    """Two or three capitals that no list knows as an acronym: a name's initials."""
    return _initials_shape(tok.text) and not index.is_alias(tok.text)


def _initials_shape(text: str) -> bool:
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def _extend_left(
    doc: Doc, start: int, end: int, lex: Lexicon, occupied: set[int]
) -> tuple[int, int]:
    """Grow a PERSON span over capitalised words before it ("Bharat" + "Jodo Yatra")."""
    while (
        start > 0
        and start - 1 not in occupied
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and _wordlike(doc[start - 1].text)
        and doc[start - 1].lower_.rstrip(".") not in lex.honorifics
        and doc[start - 1].lower_ not in lex.seat_words
        and doc[start - 1].ent_type_ not in ("ORG", "GPE", "NORP")
    ):
        start -= 1
    return start, end


def name_parts(text: str, lex: Lexicon) -> list[str]:
    """The words of a person's name, without leading honorifics ("Mr", "Dr", "Shri")."""
    words = [w.strip(".,'’") for w in text.replace("-", " ").split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[0].lower() in lex.honorifics:
        words = words[1:]
    return words


GOVERNMENT_WORDS = frozenset({"government", "govt", "cabinet", "administration", "regime"})


def government_mentions(doc: Doc, people: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Governments named as actors or targets (GUIDELINES: an Organization, not their
    head): "the Naveen Patnaik government", "the Biden administration", "the state
    government". The person's own mention stays, marked inner, so the person is still
    an entity of the article."""
    occupied = {i for m in taken for i in range(m.start, m.end)}
    out: list[Mention] = []
    for p in people:
        if p.end < len(doc) and doc[p.end].lower_ in GOVERNMENT_WORDS and p.end not in occupied:
            text = doc[p.start : p.end + 1].text
            out.append(Mention(p.start, p.end + 1, NodeLabel.ORGANIZATION, text, canonical=text))
            p.inner = True
    for tok in doc_tokens(doc)[1:]:
        if (
            tok.lower_ not in ("government", "govt")
            or tok.i in occupied
            or any(m.start <= tok.i < m.end for m in out)
        ):
            continue
        if doc[tok.i - 1].lower_ == "state" and tok.i - 1 not in occupied:
            out.append(
                Mention(
                    tok.i - 1,
                    tok.i + 1,
                    NodeLabel.ORGANIZATION,
                    doc[tok.i - 1 : tok.i + 1].text,
                    canonical="state government",
                )
            )
    return out


def propagate_names(
    doc: Doc, people: list[Mention], taken: list[Mention], lex: Lexicon
) -> list[Mention]:
    """Later mentions by surname or first name of people named in full elsewhere.

    A close spelling variant of a surname counts too (Dhankar / Dhankhar), guarded by
    length so short names (Das / Dar) must match exactly.
    """
    full = [name_parts(p.text, lex) for p in people if len(name_parts(p.text, lex)) >= 2]
    known = {w for parts in full for w in (parts[0], parts[-1]) if len(w) > 2}
    occupied = {i for m in [*people, *taken] for i in range(m.start, m.end)}
    extra = []
    for tok in doc_tokens(doc):
        if (
            tok.i in occupied
            or not tok.text[:1].isupper()
            or not _wordlike(tok.text)
            or tok.lower_ in lex.non_person_words
            or not _known(tok.text, known)
        ):
            continue
        j = tok.i + 1
        if j < len(doc) and _known(doc[j].text, known) and j not in occupied:
            j += 1
        extra.append(Mention(tok.i, j, NodeLabel.PERSON, doc[tok.i : j].text))
        occupied.update(range(tok.i, j))
    return extra


def _wordlike(text: str) -> bool:
    """Letters, with apostrophes or hyphens inside (O'Brien, Jean-Luc)."""
    return text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _known(word: str, known: set[str]) -> bool:
    return word in known or any(spelling_variant(k, word, min_length=6) for k in known)
