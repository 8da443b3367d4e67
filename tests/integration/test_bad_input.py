"""Issue 10, items 3, 4 and 7: impossible dates are bad input (reported, the rest lands),
a failed extraction keeps the article's earlier facts, a repeated id is reported, and the
API refuses what the CLI refuses."""

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
from loaders.contract import ArticleMeta, Extraction
from loaders.ingest import ingest_articles
from loaders.records import iso_date, published_problem
from loaders.write import write_batch
from tests.integration.api_support import extraction
from tests.integration.graph_checks import snapshot
from tests.integration.test_ingest import _articles, _polikg

TEXT = "Opposition leader Asha Verin criticised Prime Minister Tomas Kell on Friday."


def facts(article_id: str, text: str = TEXT) -> Extraction:
    ev = {"start": 0, "end": len(text), "sentence": text, "confidence": 0.9}
    return extraction(
        article_id,
        "2024-02-10",
        text=text,
        entities=[
            {"id": "e1", "name": "Asha Verin", "type": "Person"},
            {"id": "e2", "name": "Tomas Kell", "type": "Person"},
        ],
        relations=[{"type": "CRITICIZED", "subject": "e1", "object": "e2", "evidence": ev}],
    )


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2023-12-21", True),
        ("2024-02-29T10:00:00Z", True),
        (None, True),
        ("2023-13-45", False),
        ("2023-02-30", False),
        ("2023-00-10", False),
        ("yesterday", False),
        (20231221, False),
    ],
)
def test_published_must_be_a_real_calendar_date(value: Any, ok: bool) -> None:
    assert (published_problem(value) is None) is ok
    assert iso_date("2023-02-30") is None and iso_date("2024-02-29") == "2024-02-29"


def test_a_jsonl_with_two_impossible_dates_lands_the_rest_and_exits_1(
    graph: Driver, test_settings: Settings, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": f"d-{i}", "published": date, "text": TEXT.replace("Friday", day)}
        for i, (date, day) in enumerate(
            [
                ("2023-12-01", "Monday"),
                ("2023-13-45", "Tuesday"),
                ("2023-12-03", "Sunday"),
                ("2023-02-30", "Thursday"),
                ("2023-12-05", "Friday"),
            ],
            start=1,
        )
    ]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    proc = _polikg(test_settings, "ingest", "--workers", "0", str(feed), capture=True)
    _, err = proc.communicate(timeout=300)
    report = err.decode("utf-8", "replace")
    assert proc.returncode == 1, report
    assert f"{feed}:2" in report and f"{feed}:4" in report and "published" in report
    assert "Traceback" not in report
    assert _articles(graph) == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": TEXT, "published": "2023-13-45"}, "published"),
        ({"text": TEXT, "published": "2023-02-30"}, "published"),
        ({"text": "Nul\x00 bytes are refused by the CLI too."}, "text"),
        ({"text": TEXT, "id": "a\x00b"}, "id"),
    ],
)
def test_the_api_answers_422_naming_the_field(
    graph: Driver, test_settings: Settings, body: dict[str, Any], field: str
) -> None:
    with TestClient(create_app(test_settings)) as client:
        response = client.post("/articles", json=body)
    assert response.status_code == 422, response.text
    assert any(field in error["loc"] for error in response.json()["detail"])
    assert _articles(graph) == 0


def test_a_failed_extraction_keeps_the_earlier_facts(graph: Driver) -> None:
    write_batch(graph, [facts("keep-1")])
    before = snapshot(graph)

    def failing(articles: Iterable[ArticleMeta], **_: Any) -> Iterator[Extraction]:
        for meta in articles:
            yield Extraction(article=meta, extractor_version="test", failed="ValueError: boom")

    summary = ingest_articles(
        graph, [ArticleMeta(id="keep-1", text=TEXT + " Updated.")], extract=failing
    )
    assert snapshot(graph) == before
    assert summary.replaced == [] and summary.new == []
    assert [b.path for b in summary.failed] == ["article keep-1"]
    assert "boom" in summary.failed[0].reason and summary.exit_code() == 2


def test_extract_marks_a_failure_instead_of_returning_no_facts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import loaders.extract as extract_module

    def boom(*args: Any, **kwargs: Any) -> Extraction:
        raise ValueError("boom")

    monkeypatch.setattr(extract_module, "to_extraction", boom)
    doc = extract_module.extract(ArticleMeta(id="x", text=TEXT))
    assert doc.failed is not None and "boom" in doc.failed
    assert doc.relations == [] and doc.entities == []


def test_the_same_id_twice_in_a_batch_is_reported(graph: Driver, test_settings: Settings) -> None:
    result = write_batch(graph, [facts("twice"), facts("twice", TEXT + " Again.")])
    assert result.new == ["twice"] and result.duplicates == ["twice"]
    body = [{"id": "twice-api", "text": TEXT}, {"id": "twice-api", "text": TEXT + " Again."}]
    with TestClient(create_app(test_settings)) as client:
        response = client.post("/articles", json=body)
    assert [a["status"] for a in response.json()["articles"]] == ["new", "duplicate"]
