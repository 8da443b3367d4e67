"""Shared set-up for the read-API tests: a graph loaded once per test module through the
real writer, and a TestClient over `create_app` pointed at the test Neo4j.

The `graph` fixture wipes before every test, which would reload the corpus for each
assertion; the API tests only read, so each module wipes and loads once instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.config import Settings
from app.main import create_app
from loaders.contract import Extraction
from loaders.ingest import ingest_extractions

#: The gold dev set lives beside the repo (`../shared/eval/dev`), never copied into it.
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
#: The seed article (gold annotated, 2023-12-21) and five more dev articles that share its
#: people: 2023-12-19 (dev-001, dev-003), 2023-12-21 (dev-004), 2024-01-28/29 (dev-006/005).
CORPUS = ("dev-000", "dev-001", "dev-003", "dev-004", "dev-005", "dev-006")

KHARGE = "person:mallikarjun-kharge"
DHANKHAR = "person:jagdeep-dhankhar"
CHIDAMBARAM = "person:p-chidambaram"
MURMU = "person:droupadi-murmu"
MODI = "person:narendra-modi"
CONGRESS = "party:indian-national-congress"
INDIA = "alliance:india"
CONGRESS_PRESIDENT = "office:president-of-the-indian-national-congress"
LOP_RAJYA_SABHA = "office:leader-of-the-opposition-in-the-rajya-sabha"


def gold_docs(names: Iterable[str] | None = None) -> list[Extraction]:
    """Gold documents of the dev set (all, or those named), as the writer takes them;
    skips the test when the eval set is not beside the repo."""
    if not DEV.is_dir():
        pytest.skip(f"the eval dev set is not at {DEV}")
    paths = [DEV / f"{n}.json" for n in names] if names else sorted(DEV.glob("*.json"))
    return [Extraction.model_validate(json.loads(p.read_text("utf-8"))) for p in paths]


def corpus() -> list[Extraction]:
    return gold_docs(CORPUS)


def extraction(
    article_id: str,
    published: str,
    entities: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    text: str = "Synthetic test article.",
    quotes: list[dict[str, Any]] | None = None,
) -> Extraction:
    """A hand-made contract document, for facts the dev set lacks (e.g. a former office)."""
    return Extraction.model_validate(
        {
            "article": {"id": article_id, "text": text, "published": published},
            "entities": entities,
            "relations": relations,
            "quotes": quotes or [],
            "extractor_version": "test",
        }
    )


def load(driver: Driver, docs: Iterable[Extraction]) -> None:
    """Wipe the graph (schema kept) and write `docs` through the real writer."""
    with driver.session() as session:  # IN TRANSACTIONS needs an implicit transaction
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    summary = ingest_extractions(driver, list(docs))
    assert not summary.failed


def api_client(
    driver: Driver, settings: Settings, docs: Iterable[Extraction] | None = None
) -> Iterator[TestClient]:
    """Load `docs` (default: the corpus) and yield a client of a fresh app."""
    load(driver, corpus() if docs is None else docs)
    with TestClient(create_app(settings)) as client:
        yield client


def ids(items: Iterable[dict[str, Any]], key: str = "id") -> list[str]:
    return [item[key] for item in items]


def get_all(client: TestClient, url: str, *, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paged list, following next_offset."""
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get(url, params={**params, "limit": limit, "offset": offset}).json()
        items += body["items"]
        offset = body["next_offset"]
    return items
