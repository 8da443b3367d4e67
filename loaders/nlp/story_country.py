"""Which country a story is about, and which countries it names.

Bare titles ("President", "Finance Minister") and party names many countries share
("Liberal Party") mean the story's own country's, so the country must be known before
the gazetteer is consulted. A dateline says it best ("BOGOTA, April 3 (Reuters) -");
then words that name a country ("Colombian", "South African") and names only one
country uses ("BJP").
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from loaders.nlp.doc_text import doc_text
from loaders.nlp.gazetteer_index import GazetteerIndex
from loaders.nlp.lexicon import Lexicon

COMMON_ADJECTIVES = frozenset(
    {
        "union",
        "central",
        "federal",
        "national",
        "state",
        "royal",
        "republic",
        "democratic",
        "people",
        "united",
    }
)


#: Where a story comes from weighs more than a party name that many countries share.
DATELINE_VOTES, COUNTRY_WORD_VOTES, NAME_VOTES, GENERIC_NAME_VOTES = 3.0, 1.0, 1.0, 0.25
MIN_VOTES = 1.0
DATELINE_KEY = "polikg_dateline"
DATELINE_LINES, DATELINE_CHARS = 4, 3000  # a dateline opens one of the first paragraphs


def dateline_country(doc: Doc, index: GazetteerIndex) -> str | None:
    """The country of a capital that opens one of the first paragraphs as a dateline:
    "BOGOTA, April 3 (Reuters) -", "Kuala Lumpur:", "KYIV (AP) -"."""
    given = doc.user_data.get(DATELINE_KEY)  # what the cleaner took off, or the feed gave
    if given and (country := index.capitals.get(given.lower())):
        return country
    lines = [line.strip() for line in doc_text(doc)[:DATELINE_CHARS].splitlines() if line.strip()]
    for text in lines[:DATELINE_LINES]:
        for capital, country in index.capitals.items():
            if text[: len(capital)].lower() != capital:
                continue
            rest = text[len(capital) : len(capital) + 2]
            if (
                rest[:1] in (",", ":", "(", "-", "–", "—")
                or rest.startswith((" -", " (", " –"))
                or text[: len(capital)].isupper()
            ):
                return country
    return None


def article_countries(
    doc: Doc, index: GazetteerIndex, lex: Lexicon
) -> tuple[str | None, frozenset[str]]:
    """The country the article is about, and every country it names.

    Votes: a dateline counts most, then each country word ("Colombian", "India") and each
    gazetteer name of one country ("BJP"). A party name many countries use ("Liberal
    Party", "People's Party") barely counts: in a story from Bogota it is not Australia's.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    named: set[str] = set()
    if (home := dateline_country(doc, index)) is not None:
        votes[home] += DATELINE_VOTES
        named.add(home)
    for start, end, entries in index.match_entries(doc):
        countries = {e.country for e in entries if e.country}
        if len(countries) == 1:
            generic = all(t.lower_ in lex.generic_name_words for t in doc[start:end])
            votes[countries.pop()] += GENERIC_NAME_VOTES if generic else NAME_VOTES
    for _, _, region_country in index.match_regions(doc):
        votes[region_country] += NAME_VOTES
    for start, end, word in index.match_countries(doc):
        if end - start == 1 and doc[start].lower_ in COMMON_ADJECTIVES:
            continue  # "Union", "Central": English words too
        votes[word] += COUNTRY_WORD_VOTES
        named.add(word)
    country = max(votes, key=votes.__getitem__) if votes else None  # first of equals
    if country is not None and votes[country] < MIN_VOTES:
        country = None  # a few shared party names ("Green", "Liberal") say nothing
    return country, frozenset(named | ({country} if country else set()))
