"""Extraction on a Dask LocalCluster into shards, and `polikg load` of the shards (issue 14).

The cluster path must be a different schedule of the same pure function: the shards hold
the very documents the in-process extractor gives, and loading them builds the very graph
`polikg ingest` builds from the same articles, once, however often it is repeated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from app.config import Settings
from loaders.article import BadInput, read_articles
from loaders.contract import ArticleMeta
from loaders.ingest import ingest_paths
from loaders.load import load_shards
from loaders.shards import read_shards
from loaders.write import write_batch
from tests.integration.graph_checks import aggregated_edges_agree_with_claims

REPO = Path(__file__).resolve().parents[2]
N_ARTICLES = 6


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few synthetic articles (benchmarks.corpus), plus the seed article."""
    from benchmarks.corpus import generate

    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w") as fh:
        for article, _facts in generate(N_ARTICLES, 5):
            fh.write(json.dumps(article) + "\n")
        seed = (REPO / "examples" / "seed-kharge-2023-12-21.txt").read_text()
        fh.write(json.dumps({"id": "seed", "text": seed}) + "\n")
    return path


@pytest.fixture(scope="module")
def shards(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The corpus extracted on a LocalCluster of 2 workers, 2 articles per task."""
    from app.config import get_settings
    from loaders.distributed import cluster_client, extract_to_shards

    out = tmp_path_factory.mktemp("shards")
    articles = [a for a in read_articles([corpus]) if isinstance(a, ArticleMeta)]
    with cluster_client("local", workers=2) as client:
        run = extract_to_shards(
            articles, out, client=client, model=get_settings().spacy_model, task_articles=2
        )
    assert run.documents == N_ARTICLES + 1 and run.failed == {} and run.workers == 2
    assert len(run.shards) == 4 and all(v > 0 for v in run.worker_peak_rss_mib.values())
    yield out


def _full_snapshot(driver: Driver) -> dict[str, Any]:
    """Every node and relationship with its properties (load time and lock counter left out)."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS p ORDER BY p.id"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    )

    def clean(props: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted((k, repr(v)) for k, v in props.items() if k not in ("ingested_at", "writes"))

    return {
        "nodes": sorted((sorted(r["labels"]), clean(r["p"])) for r in nodes),
        "rels": sorted((r["a"], r["t"], r["b"], clean(r["p"])) for r in rels),
    }


def test_cluster_shards_hold_what_in_process_extraction_gives(corpus: Path, shards: Path) -> None:
    from loaders.extract import extract_many

    articles = [a for a in read_articles([corpus]) if isinstance(a, ArticleMeta)]
    local = [d.model_dump(mode="json") for d in extract_many(articles, n_process=0)]
    remote = [d.model_dump(mode="json") for d in read_shards([shards])]  # type: ignore[union-attr]
    assert remote == local
    assert any(d["relations"] for d in remote) and any(d["quotes"] for d in remote)


def test_loading_shards_builds_the_graph_ingest_builds_and_reloading_adds_nothing(
    graph: Driver, corpus: Path, shards: Path
) -> None:
    ingested = ingest_paths(graph, [corpus], batch_size=3)
    assert ingested.failed == [] and len(ingested.new) == N_ARTICLES + 1
    expected = _full_snapshot(graph)
    graph.execute_query("MATCH (n) DETACH DELETE n")

    loaded = load_shards(graph, [shards], batch_size=3)
    assert loaded.failed == [] and sorted(loaded.new) == sorted(ingested.new)
    assert _full_snapshot(graph) == expected
    again = load_shards(graph, [shards], batch_size=2)
    assert again.new == [] and len(again.unchanged) == N_ARTICLES + 1
    assert again.nodes_created == 0 and again.relationships_created == 0
    assert _full_snapshot(graph) == expected
    assert aggregated_edges_agree_with_claims(graph) == []


def test_aggregates_folded_every_batch_mid_load_or_after_a_crash_are_the_same(
    graph: Driver, corpus: Path, shards: Path
) -> None:
    """`polikg load` folds pairs' aggregates every few batches, not per batch: folding after
    every batch, every other batch, or only when a later load finds the pending pairs a
    stopped one left, all give the graph an ingest gives."""
    ingest_paths(graph, [corpus], batch_size=3)
    expected = _full_snapshot(graph)
    for every in (1, 2):
        graph.execute_query("MATCH (n) DETACH DELETE n")
        load_shards(graph, [shards], batch_size=3, refresh_every=every)
        assert _full_snapshot(graph) == expected
    # a load that stopped after writing claims: edges exist, their counts are pending
    graph.execute_query("MATCH (n) DETACH DELETE n")
    docs = [d for d in read_shards([shards]) if not isinstance(d, BadInput)]
    write_batch(graph, docs, defer_aggregates=True)
    pending, _, _ = graph.execute_query("MATCH (p:PendingAggregate) RETURN count(p) AS n")
    bare, _, _ = graph.execute_query(
        "MATCH ()-[r:MEMBER_OF|HOLDS_OFFICE|CRITICIZED|SUPPORTED]->() "
        "WHERE r.claims IS NULL RETURN count(r) AS n"
    )
    assert pending[0]["n"] > 0 and bare[0]["n"] > 0
    again = load_shards(graph, [shards], batch_size=3)  # every article unchanged now
    assert again.new == [] and _full_snapshot(graph) == expected


def test_a_malformed_shard_line_is_reported_and_the_rest_lands(
    graph: Driver, shards: Path, tmp_path: Path
) -> None:
    lines = [ln for p in sorted(shards.glob("*.jsonl")) for ln in p.read_text().splitlines()]
    bad = tmp_path / "part-000000.jsonl"
    bad.write_text("\n".join([lines[0], '{"article": 1}', "not json", *lines[1:]]) + "\n")
    summary = load_shards(graph, [bad])
    assert [(f.line, f.path) for f in summary.failed] == [(2, str(bad)), (3, str(bad))]
    assert len(summary.new) == len(lines) and summary.exit_code() == 1


def test_polikg_load_command_reports_and_exits_one_on_a_bad_line(
    graph: Driver, shards: Path, test_settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "shards"
    folder.mkdir()
    for p in shards.glob("*.jsonl"):
        (folder / p.name).write_text(p.read_text())
    (folder / "part-999999.jsonl").write_text("{oops\n")
    env = {
        **os.environ,
        "NEO4J_URI": test_settings.neo4j_uri,
        "NEO4J_PASSWORD": test_settings.neo4j_password.get_secret_value(),
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "load", str(folder)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    said = "".join(done.stderr.split())  # rich wraps long lines
    assert "part-999999.jsonl:1:notJSON" in said
    records, _, _ = graph.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert records[0]["n"] == N_ARTICLES + 1
