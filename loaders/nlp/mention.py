"""A span of an article that names an entity: what every extraction rule reads.

Its own module so that the gazetteer index (which composes office mentions) and the mention
finders can both use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Mention:
    """One span of the doc that names an entity (token offsets, end exclusive)."""

    start: int
    end: int
    type: str
    text: str
    canonical: str | None = None  # gazetteer or composed name, when known
    title: str | None = None  # for offices: the bare title ("Chief Minister")
    qualified: bool = True  # offices: says whose office (a state, party, house, country)
    status: str | None = None  # offices: "former" when the text says so
    plural: bool = False
    party: str | None = None  # offices of a party: the party's canonical name
    fallback: str | None = None  # bare office titles: the office meant if no other fits
    inner: bool = False  # a part of a longer mention ("Congress" in "Congress president")
    country: str | None = None  # gazetteer entries: the entry's country
    entity: int = -1  # index of the entity cluster, set by the clustering step
