"""Extraction tests run the real spaCy pipeline (no database); helpers name the facts."""

from __future__ import annotations

import pytest

from loaders.contract import ArticleMeta, Extraction
from loaders.extract import extract


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.model)


def run(text: str, published: str | None = "2024-03-05") -> Extraction:
    return extract(ArticleMeta(id="t", text=text, published=published))


def names(doc: Extraction) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities}


def relations(doc: Extraction, rel_type: str | None = None) -> set[tuple[str, str, str]]:
    n = names(doc)
    return {
        (r.type, n[r.subject], n[r.object])
        for r in doc.relations
        if rel_type is None or r.type == rel_type
    }


def statuses(text: str, rel_type: str) -> dict[tuple[str, str], str | None]:
    """(subject, object) -> status of the relations of one type extracted from `text`."""
    doc = run(text)
    n = names(doc)
    return {(n[r.subject], n[r.object]): r.status for r in doc.relations if r.type == rel_type}


def quotes(doc: Extraction) -> list[tuple[str, str]]:
    n = names(doc)
    return [(n[q.speaker], q.text) for q in doc.quotes]


def entity(doc: Extraction, name: str) -> str:
    """The type of the entity with this name (fails loudly when there is none)."""
    found = [e.type for e in doc.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in doc.entities]}"
    return found[0]
