"""Gazetteer of parties, alliances, offices, legislatures and organisations.

The data are JSON files in the package ``loaders.nlp.data`` (see its files for the
shape): one file per country under ``countries/`` (``<iso2>.json``), ``global.json``
(international bodies, wire agencies; ``"country": null``), ``party_posts.json``,
``legislature_posts.json``, ``portfolios.json`` and ``world.json`` (every other country,
lightly: its names, adjectives and capitals, and its national titles as
"<title> of <country>"). The gazetteer holds no people:
who holds which office comes from the articles.

Everything here is pure and read-only; ``load_gazetteer()`` reads the files once.

Lookup rule: a surface form that is an all-capitals acronym of at most five letters
("BJP", "JD(U)", "SP", "U.S.") matches only with the same capitals; anything else
matches case-insensitively. A leading "the" is ignored, curly apostrophes and
en/em dashes are folded, runs of white space count as one space.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

from graph_schema import NodeLabel

EntryType = Literal[NodeLabel.PARTY, NodeLabel.ALLIANCE, NodeLabel.OFFICE, NodeLabel.ORGANIZATION]
#: The sections of a country file, the entry type each yields, and the ``kind`` recorded.
SECTIONS: tuple[tuple[str, EntryType, str], ...] = (
    ("parties", NodeLabel.PARTY, "party"),
    ("alliances", NodeLabel.ALLIANCE, "alliance"),
    ("offices", NodeLabel.OFFICE, "office"),
    ("legislatures", NodeLabel.ORGANIZATION, "legislature"),
    ("organizations", NodeLabel.ORGANIZATION, "organization"),
)
COUNTRY_KEYS = ("country", "adjectives", "aliases", *(s for s, _, _ in SECTIONS), "regions")
DATA_PACKAGE = "loaders.nlp.data"

_WS = re.compile(r"\s+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "‐": "-"})


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One named thing: its canonical name, entity type, surface forms and country."""

    name: str
    type: EntryType
    aliases: tuple[str, ...]
    country: str | None
    #: Which section it came from: party, alliance, office, legislature or organization;
    #: "national_title" for the titles world.json gives every other country.
    kind: str = ""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name followed by the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class Country:
    """A country: the words that name it and its sub-national units."""

    name: str
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]
    regions: tuple[str, ...]
    region_offices: tuple[str, ...]
    code: str = ""
    #: (alias, canonical region) pairs, e.g. ("UP", "Uttar Pradesh").
    region_aliases: tuple[tuple[str, str], ...] = ()
    #: (alias, canonical region office) pairs, e.g. ("CM", "Chief Minister").
    region_office_aliases: tuple[tuple[str, str], ...] = ()
    #: Party letters after a name ("Sen. Ted Cruz (R-Texas)"): letter -> party name.
    party_letters: tuple[tuple[str, str], ...] = ()
    #: Capitals and big cities, for datelines ("BOGOTA, April 3 -", "Karachi:").
    capitals: tuple[str, ...] = ()
    #: The name is also a given name or a US state ("Chad", "Georgia"): only the
    #: adjectives and aliases say the country is meant.
    ambiguous_name: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """The words that name the country in running text."""
        own = () if self.ambiguous_name else (self.name,)
        return (*self.aliases, *self.adjectives, *own)


Post = tuple[tuple[str, ...], str]


def is_acronym(surface: str) -> bool:
    """All letters capitals and at most five of them ("BJP", "JD(U)", "U.S.")."""
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def _clean(surface: str) -> str:
    s = _WS.sub(" ", surface.translate(_FOLD)).strip()
    return _THE.sub("", s)


def _keys(surface: str) -> tuple[str | None, str | None]:
    """(exact key, case-folded key) for a stored alias: exactly one is set."""
    s = _clean(surface)
    if not s:
        return None, None
    return (s, None) if is_acronym(s) else (None, s.casefold())


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazEntry, ...]
    #: Countries by lower-case ISO 3166-1 alpha-2 code ("in", "us", "gb", ...).
    countries: Mapping[str, Country]
    party_posts: tuple[Post, ...]
    not_offices: frozenset[str]
    legislature_posts: tuple[Post, ...]
    portfolios: tuple[str, ...]
    #: Countries (by name) where "<party> leader" names the party's leadership office.
    leader_generic_in: frozenset[str] = frozenset()
    _exact: dict[str, list[GazEntry]] = field(default_factory=dict, repr=False, compare=False)
    _folded: dict[str, list[GazEntry]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in entry.surface_forms:
                exact, folded = _keys(form)
                index, key = (self._exact, exact) if exact else (self._folded, folded)
                if key is None:
                    continue
                bucket = index.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)

    def lookup(self, surface: str, country: str | None = None) -> list[GazEntry]:
        """Entries that ``surface`` names, optionally only those of ``country`` (a name)
        plus the international ones (country None)."""
        s = _clean(surface)
        if not s:
            return []
        found = list(self._exact.get(s, ()))
        found += [e for e in self._folded.get(s.casefold(), ()) if e not in found]
        if country is not None:
            found = [e for e in found if e.country in (country, None)]
        return found

    def all_surface_forms(self) -> list[tuple[str, GazEntry]]:
        """Every (surface form, entry) pair, as written in the data (for a PhraseMatcher)."""
        return [(form, entry) for entry in self.entries for form in entry.surface_forms]

    @property
    def legislatures(self) -> tuple[GazEntry, ...]:
        """The legislature entries (type Organization, kind "legislature")."""
        return tuple(e for e in self.entries if e.kind == "legislature")

    @property
    def legislature_names(self) -> frozenset[str]:
        """Canonical names of the legislatures ("Rajya Sabha", "United States Senate")."""
        return frozenset(e.name for e in self.legislatures)

    def country_named(self, name: str) -> Country | None:
        """The country with this canonical name ("India"), if any."""
        return next((c for c in self.countries.values() if c.name == name), None)

    def countries_for(self, word: str) -> list[Country]:
        """Countries that a name or adjective ("India", "Indian", "Union", "UK") denotes."""
        return [
            c
            for c in self.countries.values()
            if _matches(word, (c.name, *c.aliases, *c.adjectives))
        ]

    def regions_named(self, surface: str, country: str | None = None) -> list[tuple[str, Country]]:
        """(canonical region, country) pairs for a region name or alias ("Bengal", "UP")."""
        out: list[tuple[str, Country]] = []
        for c in self.countries.values():
            if country is not None and c.name != country:
                continue
            for region in c.regions:
                if _matches(surface, (region,)):
                    out.append((region, c))
            for alias, region in c.region_aliases:
                if _matches(surface, (alias,)) and (region, c) not in out:
                    out.append((region, c))
        return out


def _matches(surface: str, forms: Iterable[str]) -> bool:
    s = _clean(surface)
    if not s:
        return False
    for form in forms:
        exact, folded = _keys(form)
        if (exact is not None and s == exact) or (folded is not None and s.casefold() == folded):
            return True
    return False


def _read(*parts: str) -> Any:
    node = resources.files(DATA_PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return json.loads(node.read_text(encoding="utf-8"))


def _posts(data: Any, source: str) -> tuple[Post, ...]:
    out: list[Post] = []
    for post in data["posts"]:
        words = tuple(str(w) for w in post["words"])
        template = str(post["template"])
        if not words or not template:
            raise ValueError(f"{source}: empty post {post!r}")
        out.append((words, template))
    return tuple(out)


def _country_entries(data: Mapping[str, Any], source: str) -> list[GazEntry]:
    missing = [k for k in SECTIONS if k[0] not in data]
    if missing:
        raise ValueError(f"{source}: missing {[k[0] for k in missing]}")
    out: list[GazEntry] = []
    for section, etype, kind in SECTIONS:
        for item in data[section]:
            name = str(item["name"]).strip()
            if not name:
                raise ValueError(f"{source}: empty name in {section}")
            aliases = tuple(dict.fromkeys(str(a).strip() for a in item.get("aliases", ())))
            out.append(GazEntry(name, etype, aliases, data.get("country"), kind))
    return out


def _country(code: str, data: Mapping[str, Any], source: str) -> Country:
    missing = [k for k in COUNTRY_KEYS if k not in data]
    if missing:
        raise ValueError(f"{source}: missing {missing}")
    regions = data["regions"]
    return Country(
        name=str(data["country"]),
        adjectives=tuple(data["adjectives"]),
        aliases=tuple(data["aliases"]),
        regions=tuple(regions["names"]),
        region_offices=tuple(regions["offices"]),
        code=code,
        region_aliases=tuple(sorted(regions.get("aliases", {}).items())),
        region_office_aliases=tuple(sorted(regions.get("office_aliases", {}).items())),
        party_letters=tuple(sorted(data.get("party_letters", {}).items())),
    )


def _world(data: Mapping[str, Any]) -> tuple[dict[str, Country], list[GazEntry]]:
    """The countries of world.json, their main parties and alliances where listed, and
    their national titles ("President of Colombia", aliases "President", "Colombian
    President", "Colombia's President")."""
    countries: dict[str, Country] = {}
    entries: list[GazEntry] = []
    for item in data["countries"]:
        name, adjectives = str(item["country"]), tuple(item["adjectives"])
        countries[item["code"]] = Country(
            name=name,
            adjectives=adjectives,
            aliases=tuple(item["aliases"]),
            regions=(),
            region_offices=(),
            code=item["code"],
            capitals=tuple(item["capitals"]),
            ambiguous_name=bool(item.get("ambiguous_name", False)),
        )
        for section, etype, kind in SECTIONS[:2]:  # its main parties and alliances, if any
            for party in item.get(section, ()):
                entries.append(
                    GazEntry(
                        str(party["name"]),
                        etype,
                        tuple(dict.fromkeys(party["aliases"])),
                        name,
                        kind,
                    )
                )
        for title in data["national_titles"]:
            aliases = (title, *(f"{adj} {title}" for adj in adjectives), f"{name}'s {title}")
            entries.append(
                GazEntry(
                    f"{title} of {name}",
                    NodeLabel.OFFICE,
                    tuple(dict.fromkeys(aliases)),
                    name,
                    "national_title",
                )
            )
    return countries, entries


def country_files() -> list[str]:
    """File names under ``countries/`` (``in.json``, ``us.json``...), sorted."""
    folder = resources.files(DATA_PACKAGE).joinpath("countries")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def load_gazetteer() -> Gazetteer:
    """Read all the data files once."""
    entries: list[GazEntry] = []
    countries: dict[str, Country] = {}
    for fname in country_files():
        data = _read("countries", fname)
        source = f"countries/{fname}"
        countries[fname.removesuffix(".json")] = _country(fname.removesuffix(".json"), data, source)
        entries += _country_entries(data, source)
    world = _read("world.json")
    for code, capitals in world["capitals_of_listed"].items():
        countries[code] = replace(countries[code], capitals=tuple(capitals))
    more, titles = _world(world)
    clash = countries.keys() & more.keys()
    if clash:
        raise ValueError(f"world.json: countries with their own file: {sorted(clash)}")
    countries.update(more)
    entries += titles
    entries += _country_entries(_read("global.json"), "global.json")
    party = _read("party_posts.json")
    return Gazetteer(
        entries=tuple(entries),
        countries=countries,
        party_posts=_posts(party, "party_posts.json"),
        not_offices=frozenset(w.casefold() for w in party["not_offices"]),
        legislature_posts=_posts(_read("legislature_posts.json"), "legislature_posts.json"),
        portfolios=tuple(_read("portfolios.json")["portfolios"]),
        leader_generic_in=frozenset(party.get("leader_generic_in", ())),
    )
