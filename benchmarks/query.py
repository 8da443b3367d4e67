"""Read latency through the real API vs the same Cypher on the bare driver, and the API under
16 concurrent clients (issue 6).

The graph is loaded from the facts the corpus generator planted, written by the real writer
(`loaders.ingest.ingest_extractions`): extracting 10k-100k articles with spaCy takes hours on
a laptop, writing their facts takes minutes, and the read paths see the same kind of graph
(planted facts carry no evidence sentence, so responses are a little smaller than after a
real ingest). The load is timed too: it is the write-only throughput of the ingest.

The API runs as `uvicorn app.main:create_app --factory` in a subprocess, as `polikg serve`
does, on 127.0.0.1 and a free port. Single-client latency alternates API and bare calls with
the same parameters, so background load on the machine hits both alike; the ratio of their
medians is the API's overhead (HTTP, validation, JSON, thread pool). Request targets are
picked through `queries.read` itself, so every call names something that exists.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

import httpx
from neo4j import READ_ACCESS, Driver, Query

from benchmarks.common import Graph, console, peak_rss_mib, percentiles, progress
from graph_schema import FACT_TYPES
from queries import load, read

ROOT = Path(__file__).resolve().parents[1]
PAGE = 50  # the API's default page size; routes fetch PAGE + 1 rows
TARGETS = 60  # distinct parameter sets per endpoint
CHECKED = {
    "entity": "GET /entities/{id}",
    "statements": "GET /statements?speaker=",
    "between": "GET /relationships/between?a=&b=",
    "statements_top": "GET /statements?speaker= (10 most quoted)",
    "between_top": "GET /relationships/between (10 most claimed pairs)",
    "search": "GET /entities?q=",
    "stance_top": "GET /entities/{id}/stance (10 busiest)",
    "turnarounds": "GET /analytics/turnarounds",
}
FAMOUS = 10  # the most quoted speakers and most claimed pairs, where reads grew with fame
#: Benchmark-only lookups (no route asks this): who is quoted most, which pairs have the
#: most claims. Their pages are where a read that sorts everything first shows.
TOP_SPEAKERS = (
    "MATCH (q:Quote) WITH q.speaker AS id, count(*) AS n WHERE id IS NOT NULL "
    "RETURN id ORDER BY n DESC, id LIMIT $n"
)
TOP_PAIRS = (
    "MATCH ()-[e:CRITICIZED|SUPPORTED|HOLDS_OFFICE|MEMBER_OF|ALLIED_WITH]->() "
    "WITH e ORDER BY e.claims DESC LIMIT $n "
    "RETURN startNode(e).id AS a, endNode(e).id AS b"
)
#: The entities with the most stance edges: stance over time grew with them (issue 12).
TOP_STANCE = (
    "MATCH (e:Entity) WITH e, COUNT { (e)-[:CRITICIZED|SUPPORTED]-() } AS n WHERE n > 0 "
    "RETURN e.id AS id ORDER BY n DESC, id LIMIT $n"
)


@dataclass(frozen=True)
class Call:
    """One request, as the API sees it and as the bare driver runs it."""

    endpoint: str
    path: str
    params: dict[str, str]
    query: str
    cypher_params: dict[str, Any] = field(hash=False)


def load_graph(driver: Driver, *, n: int, seed: int, batch: int = 200) -> dict[str, Any]:
    """Write the planted facts of n articles, one transaction per batch; return the rate.

    The loader's peak RSS is reported too: it streams all n articles through the writer in
    this process, so it is the memory an ingest of n articles needs on top of extraction.
    """
    from benchmarks.corpus import generate
    from loaders.contract import Extraction
    from loaders.ingest import ingest_extractions

    docs = (Extraction.model_validate(facts) for _, facts in generate(n, seed))
    nodes = rels = 0
    started = time.perf_counter()
    with progress() as bar:
        task = bar.add_task("load graph (planted facts)", total=n)
        while chunk := list(islice(docs, batch)):
            summary = ingest_extractions(driver, chunk, batch_size=batch)
            nodes += summary.nodes_created
            rels += summary.relationships_created
            bar.advance(task, len(chunk))
    seconds = time.perf_counter() - started
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "nodes_created": nodes,
        "relationships_created": rels,
        "batch_size": batch,
        "peak_rss_mib": peak_rss_mib()["self_mib"],
    }


def _typo(word: str, rng: random.Random) -> str:
    """Swap two inner letters: the search is meant to be typo tolerant."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def pick_calls(reader: read.Reader, *, rng: random.Random) -> dict[str, list[Call]]:
    """TARGETS parameter sets per endpoint, all naming things that exist in the graph."""
    entities = read.search_entities(reader, q=None, label=None, limit=5000, offset=0)
    quotes = read.list_statements(
        reader, speaker=None, about=None, q=None, since=None, until=None, limit=2000, offset=0
    )
    speakers = sorted({q["speaker"]["id"] for q in quotes})
    pairs: list[tuple[str, str]] = []
    for sid in rng.sample(speakers, min(len(speakers), TARGETS)):
        rows = read.entity_counterparts(
            reader, sid, types=None, direction="both", since=None, until=None, limit=3, offset=0
        )
        pairs += [(sid, r["counterpart"]["id"]) for r in rows]
    types = [str(t) for t in FACT_TYPES]
    page = {**read.date_bounds(None, None), "offset": 0, "limit": PAGE + 1}
    calls: dict[str, list[Call]] = {
        "entity": [
            Call(
                "entity",
                f"/entities/{e['id']}",
                {},
                "get_entity",
                {"id": e["id"], "evidence_limit": 3},
            )
            for e in rng.sample(entities, min(len(entities), TARGETS))
        ],
        "statements": [
            _statements("statements", s, page)
            for s in rng.sample(speakers, min(len(speakers), TARGETS))
        ],
        "between": [
            _between("between", a, b, types, page)
            for a, b in rng.sample(pairs, min(len(pairs), TARGETS))
        ],
    }
    famous = reader.driver.execute_query(TOP_SPEAKERS, n=FAMOUS, database_=reader.database)
    calls["statements_top"] = [_statements("statements_top", r["id"], page) for r in famous[0]]
    top = reader.driver.execute_query(TOP_PAIRS, n=FAMOUS, database_=reader.database)
    calls["between_top"] = [_between("between_top", r["a"], r["b"], types, page) for r in top[0]]
    words = [
        e["name"].split()[-1].lower() for e in rng.sample(entities, min(len(entities), TARGETS))
    ]
    words = [_typo(w, rng) if i % 3 == 0 else w for i, w in enumerate(words)]
    calls.update(_time_calls(reader, page))
    calls["search"] = [
        Call(
            "search",
            "/entities",
            {"q": w},
            "search_entities",
            {"q": read.lucene_query(w), "label": None, "offset": 0, "limit": PAGE + 1},
        )
        for w in words
        if read.lucene_query(w)
    ]
    return calls


def _time_calls(reader: read.Reader, page: dict[str, Any]) -> dict[str, list[Call]]:
    """The time reads of issue 12 with the route's defaults: stance per month of the busiest
    entities, and the turnarounds from four starting years (each a first page)."""
    busiest = reader.driver.execute_query(TOP_STANCE, n=FAMOUS, database_=reader.database)
    window = {"lo": page["lo"], "hi": page["hi"], "offset": 0, "limit": PAGE + 1}
    stance = [
        Call(
            "stance_top",
            f"/entities/{r['id']}/stance",
            {},
            "entity_stance",
            {"id": r["id"], "toward": None, "by": "month", "evidence_limit": 5, **window},
        )
        for r in busiest[0]
    ]
    turns = [
        Call(
            "turnarounds",
            "/analytics/turnarounds",
            {"since": since} if since else {},
            "turnarounds",
            {"since": date.fromisoformat(since) if since else None, "until": None, **window},
        )
        for since in (None, "2022-01-01", "2023-01-01", "2024-01-01")
    ]
    return {"stance_top": stance, "turnarounds": turns}


def _statements(endpoint: str, speaker: str, page: dict[str, Any]) -> Call:
    """A speaker's first page: the route takes the speaker-index query (queries.read)."""
    return Call(
        endpoint,
        "/statements",
        {"speaker": speaker},
        "list_statements_by_speaker",
        {"speaker": speaker, "about": None, **page},
    )


def _between(endpoint: str, a: str, b: str, types: list[str], page: dict[str, Any]) -> Call:
    return Call(
        endpoint,
        "/relationships/between",
        {"a": a, "b": b},
        "relationships_between",
        {"a": a, "b": b, "types": types, **page},
    )


@contextmanager
def api_server(graph: Graph, *, log_dir: Path) -> Iterator[str]:
    """`uvicorn app.main:create_app --factory` on a free loopback port; yields its base URL."""
    from app.neo4j_local import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_file = (log_dir / "uvicorn.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=graph.child_env(),
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the API did not come up; see {log_dir / 'uvicorn.log'}")
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log_file.close()


def _bare(driver: Driver, call: Call, database: str) -> None:
    """The call's Cypher on the driver alone, as the API sends it (queries.read._fetch): one
    auto-commit READ transaction, records decoded and nothing else."""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        list(session.run(Query(load(f"read/{call.query}"), timeout=10.0), call.cypher_params))


def single_client(
    driver: Driver,
    base: str,
    calls: dict[str, list[Call]],
    *,
    requests: int,
    database: str = "neo4j",
) -> dict[str, Any]:
    """p50/p95/p99 per endpoint for the API and the bare driver, interleaved call by call."""
    out: dict[str, Any] = {}
    with httpx.Client(base_url=base, timeout=30) as client, progress() as bar:
        for name, targets in calls.items():
            task = bar.add_task(f"latency {name}", total=requests + len(targets))
            for call in targets:  # warm-up: query plans, page cache, connections
                _bare(driver, call, database)
                client.get(call.path, params=call.params)
                bar.advance(task)
            api_ms: list[float] = []
            bare_ms: list[float] = []
            errors: Counter[str] = Counter()
            for i in range(requests):
                call = targets[i % len(targets)]
                for mode in ("api", "bare") if i % 2 else ("bare", "api"):
                    started = time.perf_counter()
                    if mode == "bare":
                        _bare(driver, call, database)
                        bare_ms.append((time.perf_counter() - started) * 1000)
                        continue
                    status = client.get(call.path, params=call.params).status_code
                    api_ms.append((time.perf_counter() - started) * 1000)
                    if status != 200:
                        errors[str(status)] += 1
                bar.advance(task)
            api, bare = percentiles(api_ms), percentiles(bare_ms)
            out[name] = {
                "endpoint": CHECKED[name],
                "api": api,
                "bare": bare,
                "overhead_p50": round(api["p50"] / bare["p50"], 2),
                "overhead_p95": round(api["p95"] / bare["p95"], 2),
                "errors": dict(errors),
                "targets": len(targets),
            }
        floor: list[float] = []  # HTTP + FastAPI with no Neo4j call: the API's fixed cost
        for _ in range(requests):
            started = time.perf_counter()
            client.get("/health")
            floor.append((time.perf_counter() - started) * 1000)
        out["health"] = {"endpoint": "GET /health (no Neo4j)", "api": percentiles(floor)}
    return out


async def _load(base: str, calls: list[Call], *, clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    counter = iter(range(10**12))
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < deadline:
            call = calls[next(counter) % len(calls)]
            started = time.perf_counter()
            try:
                status = str((await client.get(call.path, params=call.params)).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[status] += 1

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    done = sum(statuses.values())
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": done,
        "requests_per_s": round(done / elapsed, 1),
        "errors": done - statuses.get("200", 0),
        "statuses": dict(statuses),
        "latency": percentiles(latencies),
    }


def concurrent(
    base: str, calls: dict[str, list[Call]], *, clients: int, seconds: float
) -> dict[str, Any]:
    """Requests/s and errors with `clients` concurrent clients cycling over every endpoint."""
    mixed = [c for group in zip(*calls.values(), strict=False) for c in group]
    with console.status(f"{clients} concurrent clients for {seconds:.0f} s"):
        return asyncio.run(_load(base, mixed, clients=clients, seconds=seconds))


def benchmark(
    graph: Graph,
    *,
    size: int | None,
    seed: int,
    requests: int,
    clients: int,
    seconds: float,
) -> dict[str, Any]:
    """Load `size` articles' facts into the (empty, schema-applied) graph, then measure;
    with `size` None, measure the graph as it is (e.g. one loaded for an earlier run)."""
    from app.db import create_driver

    settings = graph.settings()
    with create_driver(settings) as driver:
        loaded = load_graph(driver, n=size, seed=seed) if size else graph_size(driver)
        reader = read.Reader(driver=driver, database=settings.neo4j_database, timeout_s=30.0)
        calls = pick_calls(reader, rng=random.Random(seed))
        with (
            tempfile.TemporaryDirectory(prefix="polikg-bench-api-") as tmp,
            api_server(graph, log_dir=Path(tmp)) as base,
        ):
            latency = single_client(
                driver, base, calls, requests=requests, database=settings.neo4j_database
            )
            load_test = concurrent(base, calls, clients=clients, seconds=seconds)
    return {
        "graph": loaded,
        "latency": latency,
        "concurrent": load_test,
        "requests_per_endpoint": requests,
    }


def graph_size(driver: Driver) -> dict[str, Any]:
    """Articles, nodes and relationships of a graph loaded before this run."""
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) WITH count(a) AS articles "
        "RETURN articles, COUNT { () } AS nodes, COUNT { ()-->() } AS rels"
    )
    row = records[0]
    return {
        "articles": row["articles"],
        "nodes_created": row["nodes"],
        "relationships_created": row["rels"],
        "preloaded": True,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.query",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--size", type=int, default=1000, help="articles in the graph")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300, help="per endpoint and mode")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--uri", help="measure this already loaded Neo4j instead")
    parser.add_argument("--password", default="polikg-local")
    args = parser.parse_args(argv)
    from app.db import create_driver
    from benchmarks.common import throwaway_neo4j
    from queries.schema import apply_schema

    options = {
        "seed": args.seed,
        "requests": args.requests,
        "clients": args.clients,
        "seconds": args.seconds,
    }
    if args.uri:
        graph = Graph(uri=args.uri, password=args.password, home=Path("."))
        out = benchmark(graph, size=None, **options)
    else:
        memory = "4g" if args.size >= 50_000 else "2g"  # as run.py: keep a big store cached
        with throwaway_neo4j(heap=memory, pagecache=memory) as graph:
            with create_driver(graph.settings()) as driver:
                apply_schema(driver)
            out = benchmark(graph, size=args.size, **options)
    sys.stdout.write(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
