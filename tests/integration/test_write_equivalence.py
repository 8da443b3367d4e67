"""The writer's graph, pinned: a fixed scenario of project-written articles (the planted
benchmark corpus, the hand-made time corpus, undated articles, replacements and a re-run)
must give exactly the graph the per-batch writer of main at 5c0254f gave, and the same graph
whatever the batch size. A faster writer (issue 14) may change how it writes, never what.

The expectation is a digest per node label and relationship type of every property of the
whole graph (article texts by their hash, `ingested_at` left out: it is the clock), so a
failure names the part of the graph that moved. Recorded with the writer before issue 14's
batching work; should the corpus generator change on purpose, record it again from that
commit (with EXPECTED empty, the failing assertion shows the digests).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from neo4j import Driver

from loaders.contract import Extraction
from loaders.load import load_documents
from tests.integration.graph_checks import aggregated_edges_agree_with_claims
from tests.integration.time_corpus import time_corpus

SEED = 5
#: digest per node label / relationship type of the graph `scenario` leaves (see above)
EXPECTED: dict[str, str] = {
    "ABOUT": "135:13e76ce7fa08e428",
    "ALLIED_WITH": "17:2b2861501d4339c8",
    "Alliance:Entity": "3:20aa45b84434cb23",
    "Article": "54:3eae40562e4ff090",
    "CRITICIZED": "203:90ccb95a16a2e7b6",
    "Claim": "660:bb1e1e1af05074c4",
    "Entity:Office": "51:803d12acc0b6543d",
    "Entity:Party": "9:9adb67191b657742",
    "Entity:Person": "111:4f4f90d254fc3969",
    "HOLDS_OFFICE": "66:e7f4385987bb2c2f",
    "IN": "1208:eb44f01b29d6905a",
    "MEMBER_OF": "81:c9abd837585d27f8",
    "MENTIONED_IN": "525:0c283edf9596de0c",
    "OBJECT": "660:2ae79bb5b79f1b08",
    "Quote": "548:9a96a851ea5f2411",
    "SAID_BY": "548:cbbabc72744492b9",
    "SUBJECT": "660:5f3650afee5a8932",
    "SUPPORTED": "143:67e6f525f01a363d",
    "Term": "165:1d054c76f2665e0d",
    "Turn": "2:4db83ec3337848e2",
}


def planted(n: int) -> list[Extraction]:
    from benchmarks.corpus import generate

    return [Extraction.model_validate(doc) for _, doc in generate(n, SEED)]


def _revised(doc: Extraction) -> Extraction:
    """The same article with new text, one relation and one quote fewer: a replacement."""
    data = doc.model_dump(mode="json")
    data["article"]["text"] += "\nCorrection appended."
    data["relations"] = data["relations"][1:]
    data["quotes"] = data["quotes"][1:]
    return Extraction.model_validate(data)


def _undated(doc: Extraction, suffix: str) -> Extraction:
    data = doc.model_dump(mode="json")
    data["article"]["id"] += suffix
    data["article"]["published"] = None
    return Extraction.model_validate(data)


def scenario(driver: Driver, *, batch_size: int) -> None:
    """New articles, then replacements mixed with new and undated ones, then a re-run."""
    docs = planted(40)
    first = docs[:30] + time_corpus()
    load_documents(driver, first, batch_size=batch_size)
    second = [_revised(d) for d in docs[2:30:5]] + docs[30:] + [_undated(docs[3], "-undated")]
    load_documents(driver, second, batch_size=batch_size)
    load_documents(driver, second, batch_size=batch_size)


def _canonical(value: Any) -> Any:
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _props(props: dict[str, Any]) -> dict[str, Any]:
    out = {k: _canonical(v) for k, v in props.items() if k != "ingested_at"}
    if "text" in out and "text_sha256" in out:
        out["text"] = hashlib.sha256(out["text"].encode()).hexdigest()
    return out


def digests(driver: Driver) -> dict[str, str]:
    """sha256 (16 hex) of every node per label set and every relationship per type."""
    parts: dict[str, list[str]] = defaultdict(list)
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p")
    for r in nodes:
        key = ":".join(sorted(r["labels"]))
        parts[key].append(json.dumps(_props(r["p"]), sort_keys=True))
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    )
    for r in rels:
        parts[r["t"]].append(json.dumps([r["a"], r["b"], _props(r["p"])], sort_keys=True))
    return {
        k: f"{len(v)}:" + hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest()[:16]
        for k, v in sorted(parts.items())
    }


def test_the_graph_is_the_one_the_per_batch_writer_gave(graph: Driver) -> None:
    scenario(graph, batch_size=8)
    assert aggregated_edges_agree_with_claims(graph) == []
    assert digests(graph) == EXPECTED


def test_batch_size_does_not_change_the_graph(graph: Driver) -> None:
    scenario(graph, batch_size=1000)
    whole = digests(graph)
    graph.execute_query("MATCH (n) DETACH DELETE n")
    scenario(graph, batch_size=4)
    assert digests(graph) == whole
