"""Parties and blocs the gazetteer does not know, recognised by their shape.

News names new or foreign parties by their full name once, often with an acronym in
brackets, and by the acronym after that: "the Progressive Labour Front (PLF) ... the
PLF said". A capitalised name ending in a party word ("Party", "Front", "League",
"Movement", "Congress", ...) is a Party, one ending in a bloc word ("Alliance",
"Coalition", "Bloc") an Alliance; its bracketed acronym and every later use of that
acronym name the same entity. This is what lets the extractor work beyond the
countries the gazetteer covers.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from graph_schema import NodeLabel
from loaders.nlp.doc_text import doc_tokens
from loaders.nlp.mentions import QUANTIFIERS, Mention

PARTY_HEADS = frozenset(
    {
        "party",
        "front",
        "league",
        "movement",
        "congress",
        "union",
        "dal",
        "sena",
        "morcha",
        "kazhagam",
        "samiti",
        "forum",
        "partei",
        "parti",
        "partido",
        "partito",
        "democrats",
        "republicans",
        "greens",
        "socialists",
        "conservatives",
        "liberals",
        "rally",
        "platform",
    }
)
BLOC_HEADS = frozenset({"alliance", "coalition", "bloc", "caucus"})
#: Capitalised words after a party head that make the name a body of the party.
BODY_TAILS = frozenset({"committee", "commission", "council", "board", "cell", "wing"})
#: "Congress Legislature Party", "Parliamentary Labour Party": legislators, not a party.
CAUCUS_WORDS = frozenset({"legislature", "legislative", "parliamentary"})
INNER_WORDS = frozenset({"and", "of", "for", "the", "&", "-"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Whose party a possessive inside a name may say: "People's Party", "Workers' Party";
#: not a person's ("Viktor Orban's Fidesz Party" is Fidesz).
GROUP_OWNERS = frozenset(
    {
        "people",
        "peoples",
        "workers",
        "citizens",
        "farmers",
        "women",
        "nation",
        "youth",
        "students",
        "taxpayers",
        "pensioners",
    }
)
MAX_WORDS = 7
#: Capitalised at a sentence start, but never the first word of a party's name.
#: (Numbers may open a party's name: "Five Star Movement".)
NOT_NAME_WORDS = (
    frozenset(
        {"former", "ex", "erstwhile", "outgoing", "senior", "veteran", "rebel", "then", "late"}
    )
    | QUANTIFIERS
)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _other_entity(doc: Doc, i: int, head: int) -> bool:
    """Token i belongs to a named entity of the model that does not run into the head."""
    ent = doc[i].ent_type_
    if ent in ("PERSON", "GPE"):
        return True
    return ent == "ORG" and not (doc[head].ent_type_ == "ORG" and doc[head].ent_iob_ == "I")


def _lower_party(doc: Doc, head: int, occupied: set[int], known_ends: set[int]) -> Mention | None:
    """ "the opposition European Solidarity party": capitalised name words before a
    lower-case "party" name a party; the name is those words, "party" only describes it.
    Not after a party the gazetteer knows ("the Congress party") or a place. The model
    often takes an unfamiliar party name for a person; "party" right after it says not."""
    if head in known_ends:
        return None
    start = head
    while (
        start > 0
        and head - start < MAX_WORDS - 1
        and start - 1 not in occupied
        and _capitalised(doc[start - 1].text)
        and doc[start - 1].is_alpha
        and doc[start - 1].ent_type_ != "GPE"
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if start == head or start in occupied or doc[start].lower_ == "the":
        return None
    name = doc[start:head].text
    return Mention(start, head + 1, NodeLabel.PARTY, doc[start : head + 1].text, canonical=name)


def _bracketed_acronym(doc: Doc, j: int) -> str | None:
    """The acronym in brackets at token j: "(PLF)"."""
    if (
        j + 2 < len(doc)
        and doc[j].text == "("
        and doc[j + 2].text == ")"
        and doc[j + 1].text.isupper()
        and len(doc[j + 1].text) >= 2
    ):
        return doc[j + 1].text
    return None


def _name_goes_on(doc: Doc, i: int) -> bool:
    """The next capitalised word continues the name ("Nationalist Movement Party": it ends
    at the last head word) or makes it a body of a party ("Assam Pradesh Congress
    Committee")."""
    if i + 1 >= len(doc) or not _capitalised(doc[i + 1].text):
        return False
    following = doc[i + 1].lower_
    return following in PARTY_HEADS | BLOC_HEADS or following in BODY_TAILS


def _name_start(doc: Doc, head: int, blocked: set[int], *, guarded: bool) -> int | None:
    """Where a name ending in the head word at `head` starts, or None for no name.

    A known one-word party as head ("Congress") only grows over plain name words:
    "Parliament and Congress", "Rahul Gandhi and Congress" are lists, not names."""
    start = head
    while (
        start > 0
        and head - start < MAX_WORDS
        and start - 1 not in blocked
        and (
            (
                _capitalised(doc[start - 1].text)
                and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN")
                and not (guarded and _other_entity(doc, start - 1, head))
            )
            or (
                not guarded
                and doc[start - 1].lower_ in INNER_WORDS
                and start > 1
                and _capitalised(doc[start - 2].text)
            )
            or (
                doc[start - 1].text in POSSESSIVES
                and start > 1
                and doc[start - 2].lower_ in GROUP_OWNERS
            )
        )
    ):
        start -= 1
    if head - start < 1 or (doc[start].is_sent_start and doc[start].lower_ == "the"):
        return None
    while start < head and (
        doc[start].lower_ in INNER_WORDS or doc[start].lower_ in NOT_NAME_WORDS
    ):
        start += 1  # "Former Congress leader X": a sentence-initial capital is no name
    return start if head - start >= 1 else None


def group_mentions(
    doc: Doc,
    known: list[Mention],
    is_alias: Callable[[str], bool] = lambda _: False,
    regions: frozenset[tuple[int, int]] = frozenset(),
) -> list[Mention]:
    """Shape-recognised parties and blocs, plus later mentions of their acronyms.

    A one-word gazetteer hit inside such a name ("Labour" in "Progressive Labour
    Front", "Bloc" in "Civic Bloc") does not stop it: the caller drops the hit. A known
    party after a region (`regions`: spans of states and provinces) is that party's
    unit there, not a new party: "Punjab Congress chief" is the Congress's.
    """
    occupied = {
        i
        for m in known
        if m.end - m.start > 1 or doc[m.start].text.isupper()
        for i in range(m.start, m.end)
    }
    # one-word names the gazetteer knows ("Congress", "Bloc", "Labour"), here or abroad
    known_words = {m.start for m in known} | {t.i for t in doc_tokens(doc) if is_alias(t.text)}
    found: list[Mention] = []
    acronyms: dict[str, Mention] = {}
    known_ends = {m.end for m in known}
    known_spans = {(m.start, m.end) for m in known}
    ours: set[int] = set()  # tokens of the names found here
    brackets: set[int] = set()  # their acronyms in brackets: "(PLF)"
    for tok in doc_tokens(doc):
        head = tok.lower_
        if (
            head == "party"
            and not _capitalised(tok.text)
            and tok.i not in occupied
            and tok.i not in known_ends
            and tok.i not in known_words
        ):
            if (found_lower := _lower_party(doc, tok.i, occupied, known_ends)) is not None:
                found.append(found_lower)
                occupied.update(range(found_lower.start, found_lower.end))
                ours.update(range(found_lower.start, found_lower.end))
            continue
        if head not in PARTY_HEADS | BLOC_HEADS or not _capitalised(tok.text):
            continue
        # "Republican People's Party (CHP)": a full name with an acronym no list knows
        # is new, whatever names of other countries it contains ("People's Party")
        acronym = _bracketed_acronym(doc, tok.i + 1)
        blocked = ours | brackets if acronym and not is_alias(acronym) else occupied
        if tok.i in blocked:
            continue
        if _name_goes_on(doc, tok.i):
            continue
        start = _name_start(doc, tok.i, blocked, guarded=tok.i in known_words)
        if start is None:
            continue
        if (start, tok.i) in known_spans:
            continue  # "Fidesz Party": a party the gazetteer knows, with its party word
        if tok.i in known_words and (start, tok.i) in regions:
            continue  # "Punjab Congress": the Congress in Punjab
        kind = NodeLabel.ALLIANCE if head in BLOC_HEADS else NodeLabel.PARTY
        name = doc[start : tok.i + 1].text
        if any(t.lower_ in CAUCUS_WORDS for t in doc[start : tok.i]):
            continue  # "Congress Legislature Party": a party's group of legislators
        mention = Mention(start, tok.i + 1, kind, name, canonical=name)
        found.append(mention)
        occupied.update(range(start, tok.i + 1))
        ours.update(range(start, tok.i + 1))
        if acronym:
            acronyms[acronym] = mention
            occupied.add(tok.i + 2)
            brackets.add(tok.i + 2)
    return found + _acronym_mentions(doc, known, acronyms, ours)


def _acronym_mentions(
    doc: Doc, known: list[Mention], acronyms: dict[str, Mention], ours: set[int]
) -> list[Mention]:
    """Later uses of the acronyms defined in brackets. An acronym the gazetteer only knew
    abroad (named as written) is the one defined here."""
    resolved = {i for m in known if m.canonical != m.text for i in range(m.start, m.end)}
    return [
        Mention(
            tok.i,
            tok.i + 1,
            acronyms[tok.text].type,
            tok.text,
            canonical=acronyms[tok.text].canonical,
        )
        for tok in doc_tokens(doc)
        if tok.text in acronyms and tok.i not in ours and tok.i not in resolved
    ]
