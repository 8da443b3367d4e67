"""The Markdown report of a benchmark run: one place that knows the targets of issue 6.

Targets are shown next to each number with "met"/"MISSED", never adjusted: the report is
for deciding what to work on next.
"""

from __future__ import annotations

from typing import Any

STAGE_NAMES = {
    "bare": "(a) bare spaCy `nlp.pipe`",
    "extract": "(b) polikg extraction",
    "ingest": "(c) extraction + Neo4j write",
}
LATENCY_TARGET_MS = 25.0  # p95, for entity, statements and between
OVERHEAD_TARGET = 1.5
RATIO_TARGETS = {"extract/bare": 0.7, "ingest/extract": 0.9}


def _verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _header(*cells: str) -> list[str]:
    return [_row(*cells), _row(*("---" for _ in cells))]


def _machine(r: dict[str, Any]) -> list[str]:
    m = r["machine"]
    load = ", ".join(f"{x:g}" for x in m["load_average"])
    end = ", ".join(f"{x:g}" for x in m.get("load_average_end", []))
    return [
        f"# polikg benchmarks, {r['date']} ({r['plan']['mode']})",
        "",
        *_header("machine", ""),
        _row("cores", f"{m['cores']} ({m['cpu']})"),
        _row("memory", f"{m['memory_gib']} GiB"),
        _row("Python", m["python"]),
        _row("spaCy", f"{m['spacy']} ({m['model']})"),
        _row(
            "Neo4j",
            f"{m['neo4j']} (local, no Docker; heap {r['plan']['heap']}, page cache "
            f"{r['plan']['pagecache']}; RSS {m.get('neo4j_rss_mib')} MiB at the end)",
        ),
        _row("load average (1, 5, 15 min) at start / end", f"{load} / {end}"),
        _row("total time", f"{r['total_seconds']:.0f} s"),
        "",
    ]


def _ingest(r: dict[str, Any]) -> list[str]:
    ing, graph = r["ingest"], r["query"]["graph"]
    batch = next((s["batch_size"] for s in ing["stages"] if "batch_size" in s), "?")
    lines = [
        f"## Ingest throughput (bare/extract: {r['plan']['sample']} articles; each ingest "
        f"run: {r['plan']['ingest_n']} articles into the {r['plan']['size']}-article "
        f"graph, {batch} articles per transaction)",
        "",
        "articles/s and words/s are steady rates (from the end of the first burst of "
        'results to the last result, for ingest to the last write); "wall" includes '
        "starting the worker processes. Peak memory is `ru_maxrss` of a fresh process per "
        "stage (main) and of its largest worker process; a stage with 2 workers holds "
        "about main + 2 x worker.",
        "",
        *_header(
            "stage",
            "workers",
            "articles",
            "articles/s",
            "words/s",
            "wall articles/s",
            "peak RSS main (MiB)",
            "peak RSS worker (MiB)",
        ),
    ]
    for s in ing["stages"]:
        worker = f"{s['largest_child_mib']:.0f}" if s["workers"] > 1 else "-"
        lines.append(
            _row(
                STAGE_NAMES[s["stage"]],
                s["workers"],
                s["articles"],
                f"{s['steady_articles_per_s']:.2f}",
                f"{s['steady_words_per_s']:,}",
                f"{s['articles_per_s']:.2f}",
                f"{s['self_mib']:.0f}",
                worker,
            )
        )
    if "articles_per_s" in graph:  # the read graph was loaded by the writer, not in bulk
        lines.append(
            _row(
                "(d) write only: planted facts -> Neo4j",
                "1 (main)",
                graph["articles"],
                "-",
                "-",
                f"{graph['articles_per_s']:.2f}",
                f"{graph['peak_rss_mib']:.0f}" if "peak_rss_mib" in graph else "-",
                "-",
            )
        )
    lines += ["", *_header("ratio (steady rates)", "1 worker", "2 workers", "target")]
    for key, target in RATIO_TARGETS.items():
        got = [ing["ratios"][w][key] for w in ("x1", "x2")]
        lines.append(
            _row(
                key.replace("extract", "(b)").replace("bare", "(a)").replace("ingest", "(c)"),
                *got,
                f">= {target}: {_verdict(min(got) >= target)}",
            )
        )
    return [*lines, ""]


def _recall(r: dict[str, Any]) -> list[str]:
    rec = r["ingest"].get("recall")
    if not rec:
        return ["## Extraction vs planted facts", "", "score.py not found: not scored.", ""]
    n = r["ingest"]["recall_sample"]["articles"]
    lines = [
        f"## Extraction vs planted facts ({n} articles, ../shared/eval/score.py)",
        "",
        *_header("category", "recall", "precision", "F1", "tp", "fp", "fn"),
    ]
    for cat, v in rec.items():
        lines.append(
            _row(cat, f"{v['r']:.3f}", f"{v['p']:.3f}", f"{v['f1']:.3f}", v["tp"], v["fp"], v["fn"])
        )
    return [*lines, ""]


def _latency(r: dict[str, Any]) -> list[str]:
    q = r["query"]
    g = q["graph"]
    lines = [
        f"## Read latency, one client (graph: {g['articles']} articles, "
        f"{g['nodes_created']:,} nodes, {g['relationships_created']:,} relationships; "
        f"{q['requests_per_endpoint']} requests per endpoint and mode), ms",
        "",
        *_header(
            "endpoint",
            "API p50",
            "API p95",
            "API p99",
            "bare p50",
            "bare p95",
            "bare p99",
            "overhead p50 / p95",
            "errors",
            "target",
        ),
    ]
    for name, v in q["latency"].items():
        a = v["api"]
        if "bare" not in v:  # the HTTP floor: no query behind it
            lines.append(
                _row(
                    f"`{v['endpoint']}`",
                    a["p50"],
                    a["p95"],
                    a["p99"],
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "the API's fixed cost per request",
                )
            )
            continue
        b = v["bare"]
        checks = [f"overhead < {OVERHEAD_TARGET}x: {_verdict(v['overhead_p50'] < OVERHEAD_TARGET)}"]
        if name != "search":
            checks.insert(
                0, f"p95 < {LATENCY_TARGET_MS:g}: {_verdict(a['p95'] < LATENCY_TARGET_MS)}"
            )
        lines.append(
            _row(
                f"`{v['endpoint']}`",
                a["p50"],
                a["p95"],
                a["p99"],
                b["p50"],
                b["p95"],
                b["p99"],
                f"{v['overhead_p50']} / {v['overhead_p95']}",
                sum(v["errors"].values()),
                "; ".join(checks),
            )
        )
    c = q["concurrent"]
    lat = c["latency"]
    lines += [
        "",
        f"## {c['clients']} concurrent clients for {c['seconds']} s (all four "
        "endpoints in turn, loopback)",
        "",
        *_header("requests", "requests/s", "errors", "p50 ms", "p95 ms", "p99 ms", "target"),
        _row(
            c["requests"],
            c["requests_per_s"],
            c["errors"],
            lat["p50"],
            lat["p95"],
            lat["p99"],
            f"zero errors: {_verdict(c['errors'] == 0)}",
        ),
        "",
    ]
    return lines


def _time_reads(r: dict[str, Any]) -> list[str]:
    """Stance, turnarounds, terms, holders and tenure checks through `queries.read` (and
    `queries.tenure`): the query and the Python that shapes its rows, without HTTP."""
    t = r.get("time_reads")
    if not t:
        return []
    lines = [
        f"## Time reads (issue 12) on the same graph, through `queries.read` without HTTP "
        f"({t['requests_per_read']} calls each; targets from the graph, the busiest "
        "entities first), ms",
        "",
        *_header("read", "p50", "p95", "p99", "target"),
    ]
    for name, v in t["latency_ms"].items():
        ok = v["p95"] < LATENCY_TARGET_MS
        lines.append(
            _row(name, v["p50"], v["p95"], v["p99"], f"p95 < {LATENCY_TARGET_MS:g}: {_verdict(ok)}")
        )
    return [*lines, ""]


def _hotspots(r: dict[str, Any]) -> list[str]:
    h = r.get("hotspots")
    if not h:
        return []
    lines = [
        f"## Where extraction time goes (pyinstrument, {h['articles']} articles, {h['seconds']} s)",
        "",
        f"spaCy/thinc model code {h['model_share']:.0%}, native code with no Python stack "
        f"(mostly the model) {h['native_share']:.0%}, polikg code {h['polikg_share']:.0%}."
        " Self time is charged to the innermost polikg function (its spaCy and regex calls "
        "included).",
        "",
        *_header("polikg function", "share (self)", "share (inclusive)"),
    ]
    for row in h["top"]:
        lines.append(
            _row(f"`{row['function']}`", f"{row['share']:.1%}", f"{row['inclusive_share']:.1%}")
        )
    lines += [
        "",
        "Largest by inclusive time (callers of the above): "
        + "; ".join(
            f"`{row['function'].split(' ')[0]}` {row['share']:.0%}"
            for row in h.get("top_inclusive", [])
        ),
    ]
    return [*lines, ""]


def _scale(r: dict[str, Any]) -> list[str]:
    s = r.get("scale")
    if not s:
        return []
    lines = [
        f"## Scaling out: Dask LocalCluster vs process pool ({s['articles']} articles, "
        "2 workers each), then `polikg load` of the shards",
        "",
        *_header(
            "stage",
            "articles/s (whole stage)",
            "steady articles/s",
            "client / loader peak MiB",
            "per-worker peak MiB",
        ),
    ]
    names = {
        "pool": "extraction, built-in process pool",
        "cluster": "extraction, Dask LocalCluster",
        "load": "`polikg load` (write only, no NLP imported)",
    }
    for key, label in names.items():
        v = s[key]
        worker = v.get("worker_mib", "-")
        lines.append(
            _row(
                label,
                v["articles_per_s"],
                v["steady_articles_per_s"] or "-",
                v["client_mib"],
                worker,
            )
        )
    ratio = s.get("cluster_over_pool")
    if ratio is not None:
        lines += [
            "",
            f"Cluster / pool, steady: {ratio}x (target >= 0.9x: {_verdict(ratio >= 0.9)})",
        ]
    return [*lines, ""]


def _write_rate(result: dict[str, Any]) -> list[str]:
    w = result.get("write_rate")
    if not w:
        return []
    shares = ", ".join(f"`{k}` {v:.0%}" for k, v in w["queries"].items())
    lines = [
        f"## Write only: `polikg load` of {w['articles']} planted articles into the "
        f"{w['graph_articles']}-article graph ({w['batch']} articles per transaction)",
        "",
        *_header(
            "articles/s",
            "seconds",
            "loader CPU s",
            "waiting on Neo4j s",
            "loader peak MiB",
            "load average before / after",
            "target",
        ),
        _row(
            w["articles_per_s"],
            w["seconds"],
            w["loader_cpu_s"],
            w["waiting_on_neo4j_s"],
            w["loader_mib"],
            " / ".join(", ".join(str(x) for x in w["load_average"][i : i + 3]) for i in (0, 3)),
            (
                f">= 150 at 100k: {_verdict(w['articles_per_s'] >= 150)}"
                if w["graph_articles"] >= 100_000
                else ">= 150 at 100k (not measured at this size)"
            ),
        ),
        "",
        f"Largest shares of the wall time, by write query: {shares}. Aggregates are "
        "folded every 25 batches and at the end (`polikg load`), so the fold's queries "
        "(`fact_claims`, `replace_turns`, `merge_fact_edges`) run once per 5,000 articles.",
    ]
    return [*lines, ""]


def _bulk(r: dict[str, Any]) -> list[str]:
    b = r.get("bulk")
    if not b:
        return []
    stages = b["stages_s"]
    lines = [
        f"## Bulk first load: {b['articles']} articles' shards -> CSV -> neo4j-admin import",
        "",
        *_header("stage", "wall seconds", "CPU seconds (this process and the importer)"),
        *(_row(name, wall, b["cpu_s"].get(name, "-")) for name, wall in stages.items()),
        _row("**total**", b["seconds"], ""),
        "",
        f"{b['articles_per_s']} articles/s; {b['nodes']} nodes; shards {b['shards_mib']} MiB, "
        f"CSV {b['csv_mib']} MiB, store {b['store_mib']} MiB; converter peak "
        f"{b['converter_peak_mib']} MiB, importer peak {b['importer_peak_mib']} MiB; "
        f"{b['truncated_probes']} name look-ups over 20 hits.",
    ]
    if b["articles"] >= 100_000:
        ok = b["seconds"] < 600
        lines.append(f"Target 100k in < 10 min: {_verdict(ok)}")
    return [*lines, ""]


def markdown(result: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    parts = [
        *_machine(result),
        *_ingest(result),
        *_recall(result),
        *_latency(result),
        *_time_reads(result),
        *_scale(result),
        *_write_rate(result),
        *_bulk(result),
        *_hotspots(result),
    ]
    return "\n".join(parts) + "\n"
