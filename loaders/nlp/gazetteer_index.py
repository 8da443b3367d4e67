"""The gazetteer made searchable in a parsed Doc: phrase matching and office composition.

`loaders.nlp.gazetteer` loads the data files; this module turns them into spaCy
PhraseMatchers (built once per vocabulary) and implements the generic office
patterns, so "Chief Minister of <any state>", "<any party> supremo" or
"<house> chairman" work for every state, party and house the data lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from graph_schema import NodeLabel
from loaders.nlp.doc_text import doc_tokens, doc_words
from loaders.nlp.gazetteer import GazEntry, Gazetteer, load_gazetteer
from loaders.nlp.lexicon import Phrase, PhraseTable, simple_tokens

if TYPE_CHECKING:
    from loaders.nlp.mention import Mention

REGION_OFFICE_ABBREVIATIONS = {
    "cm": "Chief Minister",
    "deputy cm": "Deputy Chief Minister",
    "dy cm": "Deputy Chief Minister",
}


@dataclass(frozen=True)
class OfficeHit:
    """An office composed from parts of the text."""

    start: int
    end: int
    name: str
    title: str
    qualified: bool = True
    plural: bool = False
    party: str | None = None
    fallback: str | None = None  # a bare title's office when no named one matches


HOUSE_HEADS = frozenset(
    {
        "assembly",
        "parliament",
        "senate",
        "council",
        "house",
        "congress",
        "chamber",
        "diet",
        "duma",
        "majlis",
        "sabha",
        "legislature",
    }
)


def _named_house(doc: Doc, k: int) -> tuple[int, str] | None:
    """ "Grand Assembly", "National Council": capitalised words ending in a house word."""
    j = k
    while j < len(doc) and j - k < 5 and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
        if doc[j - 1].lower_ in HOUSE_HEADS:
            return j, doc[k:j].text
    return None


def _post_title(template: str) -> str:
    return template.split(" of ")[0].split(" in ")[0]


def _plural(phrase: Phrase) -> Phrase:
    return (*phrase[:-1], phrase[-1] + "s")


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 8


class GazetteerIndex:
    """Phrase matchers and post-word tables over one vocabulary."""

    def __init__(self, make_doc: Callable[[str], Doc], gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or load_gazetteer()
        vocab = make_doc("").vocab
        self.entries = PhraseMatcher(vocab, attr="LOWER")
        self.by_key: dict[str, list[GazEntry]] = {}
        for surface, entry in self.gaz.all_surface_forms():
            key = surface.lower()
            if key not in self.by_key:
                self.entries.add(key, [make_doc(surface)])
            self.by_key.setdefault(key, []).append(entry)
        self.regions = PhraseMatcher(vocab, attr="LOWER")
        self.region_country: dict[str, str] = {}
        self.country_words: dict[str, str] = {}
        #: Country words as written, several words too ("South African", "New Zealand").
        self.country_phrases = PhraseMatcher(vocab, attr="ORTH")
        self.places: set[str] = set()
        #: Capitals by lower-case name, with their country: datelines say where a story is.
        self.capitals: dict[str, str] = {}
        #: Country -> {party letter -> party}: "(R-Texas)", ", D-N.Y.,".
        self.party_letters: dict[str, dict[str, str]] = {}
        region_posts: set[str] = set()
        aliases: dict[str, str] = {}
        for country in self.gaz.countries.values():
            for word in country.words:
                self.country_words.setdefault(word, country.name)
                self.places.add(word.lower())
                if word not in self.country_words or self.country_words[word] == country.name:
                    self.country_phrases.add(word, [make_doc(word)])
            for capital in country.capitals:
                self.capitals.setdefault(capital.lower(), country.name)
            if country.party_letters:
                self.party_letters[country.name] = dict(country.party_letters)
            for region in country.regions:
                self.region_country.setdefault(region.lower(), country.name)
                self.places.add(region.lower())
                self.regions.add(region.lower(), [make_doc(region)])
            region_posts.update(country.region_offices)
            aliases.update(country.region_office_aliases)
        states: dict[Phrase, str] = {}
        for post in region_posts:
            phrase = tuple(simple_tokens(post))
            states[phrase] = post
            states[_plural(phrase)] = post
        for abbr, post in REGION_OFFICE_ABBREVIATIONS.items():
            states[tuple(abbr.split())] = post
            states[_plural(tuple(abbr.split()))] = post
        for alias, post in aliases.items():  # each country's own: "Gov.", "Lt. Gov.", "DGP"
            states.setdefault(tuple(simple_tokens(alias)), post)
            states.setdefault(tuple(t.lower_ for t in make_doc(alias)), post)  # "Lt" "." "Gov."
        states[("minister",)] = "Minister"
        states[("ministers",)] = "Minister"
        self.region_posts = PhraseTable(states)
        self.party_posts = self._posts(self.gaz.party_posts)
        self.house_posts = self._posts(self.gaz.legislature_posts)
        self.portfolios = PhraseTable({tuple(simple_tokens(p)): p for p in self.gaz.portfolios})
        self.legislatures = {
            e.name
            for e in self.gaz.entries
            if e.type == NodeLabel.ORGANIZATION and e.name in self.gaz.legislature_names
        }
        self.title_words = self._title_words()
        self.leader_generic = frozenset(self.gaz.leader_generic_in)

    def _title_words(self) -> frozenset[str]:
        """Words of office titles: never the first word of a person's name."""
        words: set[str] = {"minister", "ministers", "cm", "cms", "mp", "mla", "governor"}
        for entry in self.gaz.entries:
            if entry.type == NodeLabel.OFFICE and entry.kind != "national_title":  # no "costa"
                for form in (entry.name, *entry.aliases):
                    words.update(simple_tokens(form))
        for table in (self.region_posts, self.party_posts, self.house_posts, self.portfolios):
            for phrase in table:
                words.update(phrase)
        glue = {"of", "the", "in", "and", "for", "&", "-", "'s", "to", "on", "at", "a"}
        return frozenset(w for w in words if w not in glue and w not in self.places)

    @staticmethod
    def _posts(posts: Sequence[tuple[Sequence[str], str]]) -> PhraseTable:
        table: dict[Phrase, str] = {}
        for words, template in posts:
            for word in words:
                phrase = tuple(simple_tokens(word))
                table.setdefault(phrase, template)
                table.setdefault(_plural(phrase), template)
        return PhraseTable(table)

    # ---- matching -------------------------------------------------------------------
    def match_entries(self, doc: Doc) -> list[tuple[int, int, list[GazEntry]]]:
        """Gazetteer hits, case-checked: acronyms exactly, names capitalised."""
        cached: list[tuple[int, int, list[GazEntry]]] | None = doc.user_data.get("polikg_gaz")
        if cached is not None:
            return cached
        out = []
        for match_id, start, end in self.entries(doc):
            span = doc[start:end]
            key = doc.vocab.strings[match_id]
            entries = [e for e in self.by_key.get(key, []) if self._case_ok(span.text, e)]
            if entries:
                out.append((start, end, entries))
        doc.user_data["polikg_gaz"] = out
        return out

    def _case_ok(self, text: str, entry: GazEntry) -> bool:
        forms = [entry.name, *entry.aliases]
        same = [f for f in forms if f.lower() == text.lower()]
        if any(_is_acronym(f) for f in same):
            return text in same
        if entry.type == NodeLabel.OFFICE and " " in text:
            return True
        return text[:1].isupper()

    def match_regions(self, doc: Doc) -> list[tuple[int, int, str]]:
        """States and provinces named in the doc (capitalised), with their country."""
        cached: list[tuple[int, int, str]] | None = doc.user_data.get("polikg_regions")
        if cached is not None:
            return cached
        out = []
        for _, start, end in self.regions(doc):
            if doc[start].text[:1].isupper():
                out.append((start, end, self.region_country[doc[start:end].text.lower()]))
        doc.user_data["polikg_regions"] = out
        return out

    def match_countries(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Words naming a country ("Colombian", "South African", "U.S."), longest first
        where they overlap, with the country they name."""
        spans = filter_spans([doc[s:e] for _, s, e in self.country_phrases(doc)])
        return [(sp.start, sp.end, self.country_words[sp.text]) for sp in spans]

    def country_word(self, text: str) -> str | None:
        return self.country_words.get(text) if text[:1].isupper() else None

    def is_alias(self, text: str) -> bool:
        """Any gazetteer entry of any country has this surface form."""
        return text.lower() in self.by_key

    def is_place(self, text: str) -> bool:
        return text.lower() in self.places

    def pick(
        self, entries: list[GazEntry], country: str | None, named: frozenset[str] = frozenset()
    ) -> GazEntry | None:
        """The entry meant here: the article's country first, then global, then one of a
        country the article names. When the article's country is known, a party of any
        other country is not meant: "Liberal Party" in a story from Bogota is not
        Australia's (the shape rules name it instead)."""
        for want in (country, None):
            for e in entries:
                if e.country == want:
                    return e
        for e in entries:
            if e.country in named:
                return e
        if country is not None:
            return None  # another country's name or title, and the story does not name it
        if entries[0].type == NodeLabel.OFFICE and len({e.country for e in entries}) > 1:
            return None  # a bare national title of an unknown country
        return entries[0]

    # ---- office composition ---------------------------------------------------------------
    def compose_offices(
        self, doc: Doc, base: Sequence[Mention], country: str | None
    ) -> list[OfficeHit]:
        words = doc_words(doc)
        parties = {m.start: m for m in base if m.type == NodeLabel.PARTY}
        houses = {m.start: m for m in base if m.canonical in self.legislatures}
        bodies = {
            m.start: m
            for m in base
            if m.type == NodeLabel.ORGANIZATION and m.canonical not in self.legislatures
        }
        found = self.match_regions(doc)
        regions = {s: (e, doc[s:e].text) for s, e, _ in found}
        # "Punjab Congress chief": the party's unit in the region named right before it
        unit_of = {e: (s, doc[s:e].text) for s, e, _ in found}
        for ent in doc.ents:  # states the gazetteer does not list: the model's places
            if (
                ent.label_ == "GPE"
                and ent.start not in regions
                and not self.is_place(ent.text)
                and ent.text[:1].isupper()
            ):
                regions[ent.start] = (ent.end, ent.text)
        # states nobody listed, next to a state post: "Redmarch CM", "Chief Minister of Marisco"
        taken = {i for m in base for i in range(m.start, m.end)}
        states = {
            **{t.i: (t.i + 1, t.text) for t in doc_tokens(doc) if self._unknown_place(t, taken)},
            **regions,
        }
        counts = Counter(doc[s:e].text for s, e, c in found if country in (None, c))
        home = counts.most_common(1)[0][0] if counts else None  # the article's main region
        hits: list[OfficeHit] = []
        last_party: Mention | None = None
        for i in range(len(doc)):
            if i in parties:
                last_party = parties[i]
            hits += self._region_office(doc, words, i, states, home)
            hits += self._party_office(
                doc, words, i, parties, last_party, unit_of.get(i), home, country
            )
            hits += self._house_office(doc, words, i, houses, regions, home)
            hits += self._portfolio_office(doc, words, i, country)
            if i in bodies:  # "Youth Congress president": a post in a party wing or body
                b = bodies[i]
                if post := self.party_posts.at(words, self._skip_acronym(words, b.end)):
                    end, template = post
                    hits.append(
                        OfficeHit(
                            i, end, template.format(party=b.canonical), template.split(" of ")[0]
                        )
                    )
        return hits

    def _unknown_place(self, tok: Token, taken: set[int]) -> bool:
        """A capitalised proper noun no list knows: a state when a state post is next to it."""
        return (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and tok.is_alpha
            and not tok.text.isupper()
            and tok.i not in taken
            and tok.lower_ not in self.title_words
            and tok.ent_type_ != "PERSON"
        )

    @staticmethod
    def _skip_acronym(words: list[str], j: int) -> int:
        """Skip a bracketed acronym: "Trinamool Congress (TMC) supremo"."""
        if j + 2 < len(words) and words[j] == "(" and words[j + 2] == ")":
            return j + 3
        return j

    def _region_office(
        self,
        doc: Doc,
        words: list[str],
        i: int,
        regions: dict[int, tuple[int, str]],
        home: str | None,
    ) -> list[OfficeHit]:
        if i in regions:  # "West Bengal chief minister"
            r_end, region = regions[i]
            j = r_end + 1 if r_end < len(words) and words[r_end] in ("'s", "’s") else r_end
            if post := self.region_posts.at(words, j):
                end, title = post
                return [self._region_hit(i, end, title, region, words[end - 1])]
        post = self.region_posts.at(words, i)
        if post is None:
            return []
        end, title = post
        if end < len(words) and words[end] == "of":  # "Chief Minister of Bihar"
            k = end + 1 + (end + 1 < len(words) and words[end + 1] == "the")
            if k in regions:
                return [self._region_hit(i, regions[k][0], title, regions[k][1], words[end - 1])]
            if (
                title != "Minister"
                and k < len(words)
                and words[k - 1] == "of"
                and doc[k].text.istitle()
                and doc[k].text.isalpha()
                and words[k] not in self.title_words
            ):
                # "Chief Minister of Eastreach": "of" a capitalised word names the state
                return [self._region_hit(i, k + 1, title, doc[k].text, words[end - 1])]
        if title == "Minister" or (i > 0 and words[i - 1] in self.places):
            return []
        # a bare title ("the chief minister"): the one named office with that title, or
        # else the office of the region the article is about
        fallback = self._region_hit(i, end, title, home, words[end - 1]).name if home else None
        return [
            OfficeHit(
                i,
                end,
                fallback or title,
                title,
                qualified=False,
                plural=words[end - 1].endswith("s"),
                fallback=fallback,
            )
        ]

    @staticmethod
    def _region_hit(start: int, end: int, title: str, region: str, last: str) -> OfficeHit:
        name = (
            f"Minister in the Government of {region}"
            if title == "Minister"
            else f"{title} of {region}"
        )
        return OfficeHit(
            start, end, name, title, plural=last.endswith("s") and not title.lower().endswith("s")
        )

    def _named_party_post(
        self,
        words: list[str],
        i: int,
        p: Any,
        home: str | None,
        country: str | None,
        region: tuple[int, str] | None = None,
    ) -> OfficeHit | None:
        """ "TMC supremo", "Congress' general secretary", "state Congress chief", "BJP state
        president", "Punjab Congress chief" (`region`: (start, name) of a region named right
        before the party): a post of the party named at token i."""
        j = self._skip_acronym(words, p.end)
        j = j + 1 if j < len(words) and words[j] in ("'s", "’s", "'") else j
        state_unit = j < len(words) and words[j] in ("state", "pradesh") and home is not None
        post = self.party_posts.at(words, j + 1 if state_unit else j)
        if (
            post is None
            and j < len(words)
            and words[j] in ("leader", "co-leader")
            and (p.country or country) not in self.leader_generic
        ):
            post = (j + 1, "Leader of the {party}")  # "Labour leader" names an office
        if post is None:
            return None
        end, template = post
        name, title = template.format(party=p.canonical), template.split(" of ")[0]
        start = i
        if state_unit:  # "BJP state president": the party's unit in the state
            name, title = f"{name} in {home}", f"State {title}"
        elif i > 0 and words[i - 1] in ("state", "pradesh") and home:
            start, name, title = i - 1, f"{name} in {home}", f"State {title}"
        elif region is not None:
            start, name, title = region[0], f"{name} in {region[1]}", f"State {title}"
        return OfficeHit(start, end, name, title, party=p.canonical)

    def _party_office(
        self,
        doc: Doc,
        words: list[str],
        i: int,
        parties: dict[int, Any],
        last_party: Any,
        region: tuple[int, str] | None,
        home: str | None,
        country: str | None = None,
    ) -> list[OfficeHit]:
        out = []
        if i in parties and (
            hit := self._named_party_post(words, i, parties[i], home, country, region)
        ):
            out.append(hit)
        if words[i] == "party" and last_party is not None:  # "party (’s) spokesperson"
            j = i + 2 if i + 1 < len(words) and words[i + 1] in ("'s", "’s") else i + 1
            post = self.party_posts.at(words, j)
            if post is not None:
                end, template = post
                out.append(
                    OfficeHit(
                        i,
                        end,
                        template.format(party=last_party.canonical),
                        template.split(" of ")[0],
                        party=last_party.canonical,
                    )
                )
        if (
            last_party is not None
            and 0 < i - last_party.end <= 3
            and words[i - 1] in ("and", "&", ",")
            and (post := self.party_posts.at(words, i)) is not None
            and all(
                w in self.gaz.not_offices or w in ("and", "&", ",")
                for w in words[last_party.end : i]
            )
        ):
            end, template = post  # "Congress MP and general-secretary Mukul Wasnik"
            out.append(
                OfficeHit(
                    i,
                    end,
                    template.format(party=last_party.canonical),
                    template.split(" of ")[0],
                    party=last_party.canonical,
                )
            )
        post = self.party_posts.at(words, i)
        if (
            post is None
            and words[i] in ("leader", "co-leader")
            and (i == 0 or words[i - 1] not in ("a", "an", "senior", "other", "top"))
        ):
            post = (i + 1, "Leader of the {party}")  # "X, leader of the EFF" (not "a leader of")
        if post:
            end, template = post  # "President of the Congress", "spokesperson for the NRP"
            if end < len(words) and words[end] in ("of", "for"):
                k = end + 1 + (end + 1 < len(words) and words[end + 1] == "the")
                while (
                    k not in parties
                    and k < min(len(doc), end + 4)
                    and doc[k].is_lower
                    and doc[k].is_alpha
                ):
                    k += 1  # "leader of the radical Economic Freedom Fighters"
                if k in parties:
                    p = parties[k]
                    out.append(
                        OfficeHit(
                            i,
                            p.end,
                            template.format(party=p.canonical),
                            template.split(" of ")[0],
                            party=p.canonical,
                        )
                    )
        return out

    def _house_office(
        self,
        doc: Doc,
        words: list[str],
        i: int,
        houses: dict[int, Any],
        regions: dict[int, tuple[int, str]],
        home: str | None,
    ) -> list[OfficeHit]:
        out = []
        if i in houses:  # "Rajya Sabha chairman"
            h = houses[i]
            if post := self.house_posts.at(words, h.end):
                end, template = post
                out.append(
                    OfficeHit(i, end, template.format(house=h.canonical), _post_title(template))
                )
        post = self.house_posts.at(words, i)
        if post and post[0] < len(words) and words[post[0]] in ("of", "in", ","):
            end, template = post  # "Leader of the Opposition in the Rajya Sabha"
            k = end + 1 + (end + 1 < len(words) and words[end + 1] == "the")
            if k in houses:
                h = houses[k]
                out.append(
                    OfficeHit(i, h.end, template.format(house=h.canonical), _post_title(template))
                )
            elif (named := _named_house(doc, k)) is not None:
                # a house no list has: "Speaker of the Grand Assembly"
                out.append(
                    OfficeHit(i, named[0], template.format(house=named[1]), _post_title(template))
                )
            elif k < len(words) and (words[k] == "state" or k in regions):
                # "... in the state assembly" / "... in the Bihar assembly"
                region = regions[k][1] if k in regions else home
                a = regions[k][0] if k in regions else k + 1
                stop = a + (a < len(words) and words[a] == "legislative")
                if region and stop < len(words) and words[stop] in ("assembly", "council"):
                    house = f"{region} Legislative {words[stop].title()}"
                    out.append(
                        OfficeHit(i, stop + 1, template.format(house=house), _post_title(template))
                    )
        return out

    def _portfolio_list(
        self, words: list[str], j: int, separators: tuple[str, ...]
    ) -> tuple[list[str], int]:
        """Portfolios from words[j] ("law and justice", "home, finance"), and where they end."""
        names: list[str] = []
        while (found := self.portfolios.at(words, j)) is not None:
            j, name = found
            names.append(name)
            if j < len(words) and words[j] in separators:
                j += 1
            else:
                break
        return names, j

    def _portfolio_office(
        self, doc: Doc, words: list[str], i: int, country: str | None
    ) -> list[OfficeHit]:
        """ "Union Home Minister", "Law and justice minister", "Minister of Finance"."""
        start, nation = i, country
        j = i
        if (c := self.country_word(doc[i].text)) or words[i] in ("union", "federal"):
            nation = c or country
            j = i + 1 + (i + 1 < len(words) and words[i + 1] in ("'s", "’s"))  # "Ukraine's"
        elif doc[i].ent_type_ == "NORP" and doc[i].text[:1].isupper():
            nation, j = doc[i].text, i + 1  # "Kestravan Home Minister": a nation no list has
        names, j = self._portfolio_list(words, j, ("and", "&", ","))
        if names and j < len(words) and words[j] in ("minister", "ministers", "secretary"):
            portfolio = " and ".join(names)
            title = f"{portfolio} {doc[j].text.rstrip('s').title()}"
            if (
                j + 2 < len(words)
                and words[j + 1] == "of"
                and doc[j + 2].text.istitle()
                and doc[j + 2].is_alpha
            ):  # "Home Minister of Kestrava"
                nation = self.country_words.get(doc[j + 2].text, doc[j + 2].text)
                return [OfficeHit(start, j + 3, f"{title} of {nation}", title)]
            # a capitalised title of an unknown country ("Energy Minister X") still names
            # an office: the title alone
            fallback = title if nation is None and doc[start].text[:1].isupper() else None
            return [
                OfficeHit(
                    start,
                    j + 1,
                    f"{title} of {nation}" if nation else title,
                    title,
                    qualified=nation is not None,
                    fallback=fallback,
                )
            ]
        if words[i] == "minister" and i + 1 < len(words) and words[i + 1] in ("of", "for"):
            names, j = self._portfolio_list(words, i + 2, ("and", "&"))
            if names:
                title = f"{' and '.join(names)} Minister"
                return [
                    OfficeHit(
                        i,
                        j,
                        f"{title} of {country}" if country else title,
                        title,
                        qualified=country is not None,
                    )
                ]
        return []
