"""The gazetteer data parse, have the agreed shape, hold no people, and look up."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from loaders.nlp.gazetteer import (
    COUNTRY_KEYS,
    SECTIONS,
    country_files,
    is_acronym,
    load_gazetteer,
)

DATA = resources.files("loaders.nlp.data")

# Well-known politicians: none may appear as a name or alias (who holds what comes
# from the articles, never from the gazetteer).
POLITICIANS = {
    "narendra modi",
    "modi",
    "rahul gandhi",
    "sonia gandhi",
    "mallikarjun kharge",
    "kharge",
    "mamata banerjee",
    "mamata",
    "didi",
    "arvind kejriwal",
    "kejriwal",
    "amit shah",
    "nitish kumar",
    "lalu prasad",
    "tejashwi yadav",
    "akhilesh yadav",
    "mayawati",
    "yogi adityanath",
    "sharad pawar",
    "uddhav thackeray",
    "jagdeep dhankhar",
    "droupadi murmu",
    "joe biden",
    "biden",
    "donald trump",
    "trump",
    "kamala harris",
    "barack obama",
    "keir starmer",
    "starmer",
    "rishi sunak",
    "boris johnson",
    "justin trudeau",
    "mark carney",
    "anthony albanese",
    "olaf scholz",
    "friedrich merz",
    "emmanuel macron",
    "macron",
    "giorgia meloni",
    "pedro sanchez",
    "benjamin netanyahu",
    "netanyahu",
    "shigeru ishiba",
    "lula",
    "luiz inacio lula da silva",
    "javier milei",
    "claudia sheinbaum",
    "cyril ramaphosa",
    "william ruto",
    "bola tinubu",
    "imran khan",
    "shehbaz sharif",
    "nawaz sharif",
    "sheikh hasina",
    "muhammad yunus",
    "anura kumara dissanayake",
    "prabowo subianto",
    "ferdinand marcos",
    "bongbong marcos",
    "rodrigo duterte",
}


def _json(*parts: str) -> Any:
    node = DATA
    for part in parts:
        node = node.joinpath(part)
    return json.loads(node.read_text(encoding="utf-8"))


def _entity_files() -> list[tuple[str, dict[str, Any]]]:
    files = [(f"countries/{f}", _json("countries", f)) for f in country_files()]
    return [*files, ("global.json", _json("global.json"))]


ENTITY_FILES = _entity_files()


@pytest.mark.parametrize(("source", "data"), ENTITY_FILES, ids=[s for s, _ in ENTITY_FILES])
def test_entity_file_shape(source: str, data: dict[str, Any]) -> None:
    assert set(COUNTRY_KEYS) <= set(data), source
    if source == "global.json":
        assert data["country"] is None
    else:
        assert isinstance(data["country"], str) and data["country"].strip()
        assert data["aliases"], f"{source}: no names for the country"
        assert data["parties"], f"{source}: no parties"
        assert data["offices"], f"{source}: no offices"
        code = source.removeprefix("countries/").removesuffix(".json")
        assert len(code) == 2 and code.islower()
    regions = data["regions"]
    assert isinstance(regions["names"], list) and isinstance(regions["offices"], list)
    assert len(set(regions["names"])) == len(regions["names"]), f"{source}: repeated region"
    for alias, region in regions.get("aliases", {}).items():
        assert region in regions["names"], f"{source}: alias {alias!r} -> unknown {region!r}"
    for alias, office in regions.get("office_aliases", {}).items():
        assert office in regions["offices"], f"{source}: alias {alias!r} -> unknown {office!r}"
    names: set[tuple[str, str]] = set()
    for section, _, _ in SECTIONS:
        for item in data[section]:
            assert set(item) == {"name", "aliases"}, (source, item)
            name = item["name"]
            assert isinstance(name, str) and name.strip() == name and name, (source, item)
            assert (section, name) not in names, f"{source}: {name!r} twice in {section}"
            names.add((section, name))
            aliases = item["aliases"]
            assert all(isinstance(a, str) and a.strip() == a and a for a in aliases), (source, name)
            assert len(aliases) == len(set(aliases)), f"{source}: repeated alias in {name!r}"
            assert name not in aliases, f"{source}: {name!r} lists itself"


def test_no_people() -> None:
    for source, data in ENTITY_FILES:
        for section, _, _ in SECTIONS:
            for item in data[section]:
                for form in (item["name"], *item["aliases"]):
                    assert form.casefold() not in POLITICIANS, f"{source}: {form!r} is a person"


def test_post_files() -> None:
    party = _json("party_posts.json")
    house = _json("legislature_posts.json")
    for data, slot in ((party, "{party}"), (house, "{house}")):
        owner: dict[str, str] = {}
        for post in data["posts"]:
            for word in post["words"]:
                first = owner.setdefault(word.casefold(), post["template"])
                assert first == post["template"], f"{word!r} maps to two posts"
        assert all(slot in p["template"] for p in data["posts"])
    # A seat is not an office.
    not_offices = {w.casefold() for w in party["not_offices"]}
    assert {"mp", "mla", "senator", "leader", "member"} <= not_offices
    assert not not_offices & {w.casefold() for p in party["posts"] for w in p["words"]}
    portfolios = _json("portfolios.json")["portfolios"]
    assert {"Home", "Finance", "Defence", "External Affairs", "Interior"} <= set(portfolios)
    assert len(portfolios) == len(set(portfolios))


def test_loads_and_counts() -> None:
    gaz = load_gazetteer()
    assert gaz is load_gazetteer()
    assert len(gaz.countries) >= 18
    assert {"in", "us", "gb"} <= set(gaz.countries)
    assert ("supremo",) in {
        tuple(w for w in words if w == "supremo") for words, _ in gaz.party_posts
    }
    assert "Rajya Sabha" in gaz.legislature_names
    assert "mla" in gaz.not_offices and "MLA" not in gaz.not_offices
    assert gaz.legislature_posts and gaz.portfolios
    assert any(e.name == "Rajya Sabha" for e in gaz.legislatures)
    assert all(e.type == "Organization" for e in gaz.legislatures)
    forms = gaz.all_surface_forms()
    assert ("BJP", gaz.lookup("BJP")[0]) in forms


def _names(results: list[Any]) -> set[tuple[str, str | None]]:
    return {(e.name, e.country) for e in results}


def test_lookup() -> None:
    gaz = load_gazetteer()
    assert ("Bharatiya Janata Party", "India") in _names(gaz.lookup("BJP"))
    assert ("Bharatiya Janata Party", "India") in _names(gaz.lookup("Bhartiya Janta Party"))
    assert ("Conservative Party", "United Kingdom") in _names(gaz.lookup("Tories"))
    assert ("Conservative Party", "United Kingdom") in _names(gaz.lookup("the Tories"))
    assert ("Indian National Congress", "India") in _names(gaz.lookup("congress"))
    assert ("All India Trinamool Congress", "India") in _names(gaz.lookup("TMC"))
    assert ("Janata Dal (United)", "India") in _names(gaz.lookup("JD (U)"))
    assert ("Republican Party", "United States") in _names(gaz.lookup("GOP"))
    assert ("National Democratic Alliance", "India") in _names(gaz.lookup("the NDA"))
    inc = gaz.lookup("INDIA bloc")
    assert inc and inc[0].type == "Alliance"
    # All-caps acronyms are case-sensitive; other forms are not.
    assert gaz.lookup("bjp") == []
    assert gaz.lookup("sad") == []
    assert gaz.lookup("LABOUR") and gaz.lookup("labour party")
    # Country filter keeps that country's entries and the international ones.
    assert {e.country for e in gaz.lookup("Congress", country="India")} == {"India"}
    assert {e.country for e in gaz.lookup("PTI", country="Pakistan")} == {"Pakistan"}
    assert gaz.lookup("Reuters", country="India")[0].country is None
    office = gaz.lookup("Rajya Sabha Chairman")
    assert [e.name for e in office] == ["Chairman of the Rajya Sabha"]
    assert office[0].type == "Office"


def test_regions_and_countries() -> None:
    gaz = load_gazetteer()
    india = gaz.countries["in"]
    assert india.name == "India" and gaz.country_named("India") is india
    assert "West Bengal" in india.regions
    assert "Chief Minister" in india.region_offices
    assert ("West Bengal", india) in gaz.regions_named("West Bengal")
    assert ("West Bengal", india) in gaz.regions_named("Bengal")
    assert ("Uttar Pradesh", india) in gaz.regions_named("UP")
    assert ("CM", "Chief Minister") in india.region_office_aliases
    assert "Premier" in gaz.countries["ca"].region_offices
    assert "Governor" in gaz.countries["us"].region_offices
    assert india in gaz.countries_for("Union")
    assert gaz.countries["gb"] in gaz.countries_for("British")


def test_acronym_rule() -> None:
    assert is_acronym("BJP") and is_acronym("JD(U)") and is_acronym("U.S.")
    assert not is_acronym("Congress") and not is_acronym("AfD") and not is_acronym("CPI(ML)L")


def test_every_other_country_is_known_lightly() -> None:
    gaz = load_gazetteer()
    chile = gaz.country_named("Chile")
    assert chile is not None and "Santiago" in chile.capitals and not chile.regions
    titles = {e.name for e in gaz.lookup("Chilean President")}
    assert titles == {"President of Chile"}
    assert "President of Chile" in {e.name for e in gaz.lookup("President")}
    # a given name is not a country word: "Chad" the country is "Chadian"
    chad = gaz.country_named("Chad")
    assert chad is not None and "Chad" not in chad.words and "Chadian" in chad.words
    # where world.json lists parties, they are parties of that country
    assert [(e.name, e.country) for e in gaz.lookup("KMT")] == [("Kuomintang", "Taiwan")]
    # capitals of the countries with a file of their own, for datelines
    assert "New Delhi" in gaz.countries["in"].capitals
