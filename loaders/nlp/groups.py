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

from loaders.nlp.mentions import Mention

PARTY_HEADS = frozenset({"party", "front", "league", "movement", "congress", "union",
                         "dal", "sena", "morcha", "kazhagam", "samiti", "forum", "partei",
                         "parti", "partido", "partito", "democrats", "republicans", "greens",
                         "socialists", "conservatives", "liberals", "rally", "platform"})
BLOC_HEADS = frozenset({"alliance", "coalition", "bloc"})
INNER_WORDS = frozenset({"and", "of", "for", "the", "&", "-"})
MAX_WORDS = 7


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _other_entity(doc: Doc, i: int, head: int) -> bool:
    """Token i belongs to a named entity of the model that does not run into the head."""
    ent = doc[i].ent_type_
    if ent in ("PERSON", "GPE"):
        return True
    return ent == "ORG" and not (doc[head].ent_type_ == "ORG" and doc[head].ent_iob_ == "I")


def group_mentions(doc: Doc, known: list[Mention],
                   is_alias: Callable[[str], bool] = lambda _: False) -> list[Mention]:
    """Shape-recognised parties and blocs, plus later mentions of their acronyms.

    A one-word gazetteer hit inside such a name ("Labour" in "Progressive Labour
    Front", "Bloc" in "Civic Bloc") does not stop it: the caller drops the hit.
    """
    occupied = {i for m in known if m.end - m.start > 1 or doc[m.start].text.isupper()
                for i in range(m.start, m.end)}
    # one-word names the gazetteer knows ("Congress", "Bloc", "Labour"), here or abroad
    known_words = {m.start for m in known} | {t.i for t in doc if is_alias(t.text)}
    found: list[Mention] = []
    acronyms: dict[str, Mention] = {}
    for tok in doc:
        head = tok.lower_
        if head not in PARTY_HEADS | BLOC_HEADS or not _capitalised(tok.text) \
                or tok.i in occupied:
            continue
        start = tok.i
        # a known one-word party as head ("Congress") only grows over plain name words:
        # "Parliament and Congress", "Rahul Gandhi and Congress" are lists, not names
        guarded = tok.i in known_words
        while start > 0 and tok.i - start < MAX_WORDS and start - 1 not in occupied and (
                (_capitalised(doc[start - 1].text) and doc[start - 1].pos_ in ("PROPN", "ADJ",
                                                                               "NOUN")
                 and not (guarded and _other_entity(doc, start - 1, tok.i)))
                or (not guarded and doc[start - 1].lower_ in INNER_WORDS and start > 1
                    and _capitalised(doc[start - 2].text))):
            start -= 1
        if tok.i - start < 1 or (doc[start].is_sent_start and doc[start].lower_ == "the"):
            continue
        if doc[start].lower_ in INNER_WORDS:
            start += 1
        if tok.i - start < 1:
            continue
        kind = "Alliance" if head in BLOC_HEADS else "Party"
        name = doc[start:tok.i + 1].text
        mention = Mention(start, tok.i + 1, kind, name, canonical=name)
        found.append(mention)
        occupied.update(range(start, tok.i + 1))
        j = tok.i + 1
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" \
                and doc[j + 1].text.isupper() and len(doc[j + 1].text) >= 2:
            acronyms[doc[j + 1].text] = mention
            occupied.add(j + 1)
    for tok in doc:
        if tok.text in acronyms and tok.i not in occupied:
            full = acronyms[tok.text]
            found.append(Mention(tok.i, tok.i + 1, full.type, tok.text, canonical=full.canonical))
    return found
