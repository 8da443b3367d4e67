"""The bulk first load (issue 14): shards -> CSV -> neo4j-admin import -> the graph
`polikg load` builds from the same shards, and incremental loads on top keep them equal.

Real extractions (the examples/ articles through spaCy) and planted facts of the synthetic
corpus, cut into small batches so that resolution crosses many batch boundaries (the
bulk side answers the full-text index from memory there); an article repeated unchanged,
one whose extraction failed, and undated articles (edges without dates, empty per-day
stance lists). The reference is the session's Neo4j after `load_shards`; the bulk side is
a Neo4j of its own, imported offline and started.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase

from app.bulk import bulk_import, ensure_empty_and_stopped
from app.neo4j_local import LocalNeo4j, free_port, stop
from loaders.article import ArticleMeta, read_articles
from loaders.bulk.convert import BulkRefused
from loaders.contract import Extraction
from loaders.load import load_shards
from loaders.shards import shard_name, write_shard

REPO = Path(__file__).resolve().parents[2]
BATCH = 25
PLANTED = 120


def _planted(start: int, n: int) -> list[Extraction]:
    from benchmarks.corpus import generate

    docs = [Extraction.model_validate(f) for _, f in generate(start + n, 11)][start:]
    for doc in docs[::17]:  # undated: edges without first_seen, stance days left empty
        doc.article.published = None
    return docs


@pytest.fixture(scope="module")
def real_docs() -> list[Extraction]:
    from loaders.extract import extract_many

    articles = [a for a in read_articles([REPO / "examples"]) if isinstance(a, ArticleMeta)]
    return list(extract_many(iter(articles), n_process=0))


@pytest.fixture(scope="module")
def shards(real_docs: list[Extraction], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bulk-shards")
    planted = _planted(0, PLANTED)
    failed = planted[5].model_copy(deep=True, update={"failed": "worker died"})
    failed.article.id = "failed-article"
    parts = [
        real_docs[:13],
        planted[:60],
        [*real_docs[13:], failed, planted[3]],  # planted[3] again, unchanged
        planted[60:],
    ]
    for index, docs in enumerate(parts):
        write_shard(out / shard_name(index), docs)
    return out


@pytest.fixture(scope="module")
def more_shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """New articles, to add on top of both graphs."""
    out = tmp_path_factory.mktemp("more-shards")
    write_shard(out / shard_name(0), _planted(PLANTED, 30))
    return out


def dump(driver: Driver) -> dict[str, Any]:
    """Every node and relationship with all its labels and properties, as canonical text
    (the load time `ingested_at` left out: it is the clock, not the data)."""

    def text(props: dict[str, Any]) -> str:
        props = {k: v for k, v in props.items() if k != "ingested_at"}
        return json.dumps(props, sort_keys=True, default=str)

    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    )
    return {
        "nodes": sorted(f"{sorted(r['labels'])} {text(r['p'])}" for r in nodes),
        "rels": sorted(f"{r['a']} {r['t']} {r['b']} {text(r['p'])}" for r in rels),
    }


def assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    for part in ("nodes", "rels"):
        missing = sorted(set(want[part]) - set(got[part]))[:5]
        extra = sorted(set(got[part]) - set(want[part]))[:5]
        assert (missing, extra) == ([], []), f"{part}: missing {missing}, extra {extra}"
        assert len(got[part]) == len(want[part])


@pytest.fixture(scope="module")
def bulk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(
        home=tmp_path_factory.mktemp("bulk-neo4j"),
        port=free_port(),
        heap="512m",
        pagecache="256m",
        start_timeout_s=600,  # a crowded machine can take minutes
    )
    try:
        yield server
    finally:
        stop(server)


@pytest.mark.timeout(900)  # two Neo4j starts and an import on a shared 2-core box
def test_bulk_import_builds_the_graph_load_builds_and_loads_on_top_agree(
    graph: Driver, shards: Path, more_shards: Path, bulk_server: LocalNeo4j, tmp_path: Path
) -> None:
    summary = load_shards(graph, [shards], batch_size=BATCH)
    assert len(summary.new) == 26 + PLANTED and len(summary.unchanged) == 1
    want = dump(graph)

    report = bulk_import(bulk_server, [shards], work_dir=tmp_path / "csv", batch_size=BATCH)
    plan = report.plan
    assert (plan.new, plan.unchanged, len(plan.failed)) == (26 + PLANTED, 1, 1)
    assert plan.empty_stance_days and plan.article_writes == {planted_id(3): 2}
    assert not (tmp_path / "csv").exists()  # the CSV files are removed after the import
    auth = ("neo4j", bulk_server.password)
    with GraphDatabase.driver(bulk_server.bolt_uri, auth=auth) as bulk:
        assert_same(dump(bulk), want)
        assert report.nodes == len(want["nodes"])

        # incremental loads on top: the same writer on both graphs, the same result
        load_shards(graph, [more_shards], batch_size=BATCH)
        added = load_shards(bulk, [more_shards], batch_size=BATCH)
        assert len(added.new) == 30
        assert_same(dump(bulk), dump(graph))


def planted_id(index: int) -> str:
    return _planted(index, 1)[0].article.id


def test_bulk_import_refuses_a_running_server(bulk_server: LocalNeo4j) -> None:
    """The server the first test left running (and holding a graph) is refused as is."""
    with pytest.raises(BulkRefused, match="running"):
        ensure_empty_and_stopped(bulk_server, database="neo4j")
