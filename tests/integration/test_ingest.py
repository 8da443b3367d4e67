"""The whole loader (read -> extract -> write) on real text against a real Neo4j."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import Driver

from app.config import Settings
from loaders.ingest import ingest_paths
from tests.integration.graph_checks import aggregated_edges_agree_with_claims, snapshot

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def _corpus(folder: Path, n: int, seed: int = 11) -> Path:
    from benchmarks.corpus import generate

    path = folder / "corpus.jsonl"
    with path.open("w") as fh:
        for article, _facts in generate(n, seed):
            fh.write(json.dumps(article) + "\n")
    return path


def test_examples_land_once_and_a_rerun_changes_nothing(graph: Driver) -> None:
    first = ingest_paths(graph, [EXAMPLES], batch_size=10)
    assert first.failed == [] and len(first.new) >= 2
    before = snapshot(graph)
    again = ingest_paths(graph, [EXAMPLES], batch_size=7)
    assert len(again.unchanged) == len(first.new) and again.new == []
    assert snapshot(graph) == before
    assert aggregated_edges_agree_with_claims(graph) == []


def test_every_claim_and_quote_points_at_its_words(graph: Driver) -> None:
    ingest_paths(graph, [EXAMPLES])
    claims, _, _ = graph.execute_query(
        "MATCH (c:Claim)-[:IN]->(a:Article) RETURN c.sentence AS s, c.start AS start, "
        "c.end AS end, a.text AS text"
    )
    quotes, _, _ = graph.execute_query(
        "MATCH (q:Quote)-[:IN]->(a:Article) RETURN q.text AS s, q.start AS start, "
        "q.end AS end, a.text AS text"
    )
    assert claims and quotes
    for rec in [*claims, *quotes]:
        assert rec["text"][rec["start"] : rec["end"]] == rec["s"]


def test_bad_inputs_are_reported_and_skipped_and_the_rest_lands(
    graph: Driver, tmp_path: Path
) -> None:
    good = "The Civic Party leader Ana Velo attacked the Renewal Front on Monday."
    (tmp_path / "good.txt").write_text(good)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 politics".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * 5000)
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "ok-1", "text": good.replace("Monday", "Tuesday")}),
                "{not json",
                json.dumps({"id": "no-text"}),
                json.dumps({"id": "wrong-type", "text": 42}),
            ]
        )
        + "\n"
    )
    summary = ingest_paths(graph, [tmp_path], max_bytes=10_000)
    reasons = {(Path(str(b.path)).name, b.line): b.reason for b in summary.failed}
    assert {name for name, _ in reasons} == {
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "huge.txt",
        "feed.jsonl",
    }
    assert {line for name, line in reasons if name == "feed.jsonl"} == {2, 3, 4}
    assert sorted(summary.new) == ["good", "ok-1"]
    assert summary.exit_code() == 1


def _polikg(settings: Settings, *args: str, capture: bool = False) -> subprocess.Popen[bytes]:
    """Run the real command line in its own process group (so kill -9 takes all of it)."""
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
    }
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        env=env,
        cwd=REPO,
        stdout=out,
        stderr=out,
        start_new_session=True,
    )


def _articles(driver: Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    return int(records[0]["n"])


def test_exit_status_is_2_when_nothing_could_be_read(
    test_settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_text("")
    proc = _polikg(
        test_settings,
        "ingest",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "missing.txt"),
        capture=True,
    )
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert b"empty.txt" in err and b"missing.txt" in err


def test_kill_9_mid_ingest_then_rerun_equals_one_clean_run(
    graph: Driver, test_settings: Settings, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path, 40)
    proc = _polikg(test_settings, "ingest", str(corpus), "--batch-size", "4", "--workers", "1")
    deadline = time.monotonic() + 180
    while _articles(graph) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    landed = _articles(graph)
    assert 0 < landed < 40, "the kill should land mid-ingest"
    rerun = _polikg(test_settings, "ingest", str(corpus), "--workers", "1")
    assert rerun.wait(timeout=300) == 0
    after_crash = snapshot(graph)
    with graph.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    clean = _polikg(test_settings, "ingest", str(corpus), "--workers", "1")
    assert clean.wait(timeout=300) == 0
    assert snapshot(graph) == after_crash
    assert _articles(graph) == 40


@pytest.mark.parametrize("workers", [2])
def test_two_worker_processes_give_the_same_graph_as_one(
    graph: Driver, tmp_path: Path, workers: int
) -> None:
    corpus = _corpus(tmp_path, 12, seed=5)
    ingest_paths(graph, [corpus], workers=1)
    one = snapshot(graph)
    with graph.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    ingest_paths(graph, [corpus], workers=workers, batch_size=5)
    assert snapshot(graph) == one


def test_re_extracting_every_article_keeps_every_entity_id(graph: Driver) -> None:
    from loaders.article import read_articles
    from loaders.extract import extract_many
    from loaders.ingest import ingest_extractions

    docs = list(extract_many(a for a in read_articles([EXAMPLES])))  # type: ignore[misc]
    ingest_extractions(graph, docs)
    before, _, _ = graph.execute_query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")
    newer = [
        d.model_copy(update={"extractor_version": d.extractor_version + "-next"}) for d in docs
    ]
    result = ingest_extractions(graph, newer)
    after, _, _ = graph.execute_query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")
    assert len(result.replaced) == len(docs)
    assert [r["id"] for r in after] == [r["id"] for r in before]
    assert aggregated_edges_agree_with_claims(graph) == []
