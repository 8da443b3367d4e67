"""Ingest throughput, peak memory and extraction recall on the synthetic corpus (issue 6).

Three stages over the same kind of text, each with 1 and 2 worker processes:

    bare     `nlp.pipe` of the bare spaCy model: the floor polikg cannot beat
    extract  `loaders.extract.extract_many`: our components and the contract documents
    ingest   `loaders.ingest.ingest_articles` into a real (throwaway) Neo4j: extract + write

Every stage runs in a fresh Python process of its own (`python -m benchmarks.ingest --stage
...`), for two reasons: `ru_maxrss` is a high-water mark that never goes down, so only a fresh
process gives each stage its own peak; and loading the model in a child keeps the parent's
timings free of it. The child prints one JSON line on stdout; its progress bar goes to stderr.
The clock starts after the model is loaded in the main process, but includes starting worker
processes (and their model loads) when there are 2, as a real `polikg ingest` run does; the
steady rate (see `Meter`) leaves that start-up out, and the ratios use it, since on
a long run it is amortised while on a benchmark-sized sample it would dominate.

Recall is scored by `benchmarks.recall` (../shared/eval/score.py itself) on the predictions of
the 1-process `extract` stage against the facts the generator planted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import Graph, peak_rss_mib, progress, words
from benchmarks.recall import score_sample

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("bare", "extract", "ingest")
Advance = Callable[[int], None]


def corpus_slice(seed: int, start: int, n: int) -> list[dict[str, Any]]:
    """Articles start..start+n-1 of corpus `seed`: the same texts in every process."""
    from benchmarks.corpus import article
    from benchmarks.corpus_world import build_world

    world = build_world(seed)
    return [article(world, seed, i)[0] for i in range(start, start + n)]


# ----------------------------------------------------------------- stages (child process)
def _bare(
    arts: list[dict[str, Any]], workers: int, advance: Advance, _pred: Path | None, _batch: int
) -> tuple[float, dict[str, Any]]:
    import spacy

    from app.config import Settings
    from loaders.extract import CHUNK

    nlp = spacy.load(Settings().spacy_model)
    texts = [a["text"] for a in arts]
    list(nlp.pipe(texts[:2]))  # first-call costs (vectors, lazy tables) stay off the clock
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=CHUNK, n_process=workers):
        advance(1)
    return time.perf_counter() - started, {}


def _extract(
    arts: list[dict[str, Any]], workers: int, advance: Advance, pred_dir: Path | None, _batch: int
) -> tuple[float, dict[str, Any]]:
    from loaders.contract import ArticleMeta
    from loaders.extract import extract_many

    metas = [ArticleMeta.model_validate(a) for a in arts]
    if workers == 1:  # loads the cached pipeline; with 2 the workers load their own
        list(extract_many(metas[:2]))
    started = time.perf_counter()
    docs = []
    for doc in extract_many(metas, n_process=workers):
        docs.append(doc)
        advance(1)
    seconds = time.perf_counter() - started
    if pred_dir is not None:
        for doc in docs:
            (pred_dir / f"{doc.article.id}.json").write_text(
                doc.model_dump_json(), encoding="utf-8"
            )
    failed = sum(any(w.startswith("extraction failed") for w in d.warnings) for d in docs)
    return seconds, {
        "failed": failed,
        "entities": sum(len(d.entities) for d in docs),
        "relations": sum(len(d.relations) for d in docs),
        "quotes": sum(len(d.quotes) for d in docs),
    }


def _ingest(
    arts: list[dict[str, Any]], workers: int, advance: Advance, _pred: Path | None, batch: int
) -> tuple[float, dict[str, Any]]:
    from app.config import Settings
    from app.db import create_driver
    from loaders.contract import ArticleMeta, Extraction
    from loaders.extract import extract_many
    from loaders.ingest import current_extractor_version, ingest_articles

    settings = Settings()  # NEO4J_URI / NEO4J_PASSWORD come from the parent
    metas = [ArticleMeta.model_validate(a) for a in arts]
    extracted = Meter(lambda k: None)

    def counted(items: Any, **options: Any) -> Iterator[Extraction]:
        """extract_many, noting when results start to flow (the steady rate starts there)."""
        for doc in extract_many(items, **options):
            extracted(1)
            yield doc

    driver = create_driver(settings)
    try:
        driver.verify_connectivity()
        # ingest loads the pipeline in the main process anyway
        current_extractor_version(settings.spacy_model)
        started = time.perf_counter()
        summary = ingest_articles(
            driver,
            metas,
            batch_size=batch,
            workers=workers,
            progress=advance,
            extract=counted,
            model=settings.spacy_model,
        )
        ended = time.perf_counter()
    finally:
        driver.close()
    extracted.last = ended  # steady: first extraction burst -> last article written
    return ended - started, {
        "steady": extracted.steady_rate(),
        "batch_size": batch,
        "landed": summary.landed,
        "new": len(summary.new),
        "failed": len(summary.failed),
        "nodes_created": summary.nodes_created,
        "relationships_created": summary.relationships_created,
    }


_RUNNERS = {"bare": _bare, "extract": _extract, "ingest": _ingest}


class Meter:
    """Counts progress and remembers when the first burst of results ended and the last came.

    With worker processes, the first result waits for the workers to start and load the
    model (seconds on this kind of machine). Results come in bursts (a batch of 8 at a time,
    in order), so the steady rate is taken from the end of the first burst (results within
    BURST_S of the first) to the last result: what a long run sees. The ratios use it.
    """

    BURST_S = 0.05

    def __init__(self, advance: Advance) -> None:
        self.advance = advance
        self.count = 0
        self.first: tuple[float, int] | None = None
        self.last = 0.0

    def __call__(self, k: int) -> None:
        self.count += k
        self.last = time.perf_counter()
        if self.first is None or self.last - self.first[0] <= self.BURST_S:
            self.first = (self.first[0] if self.first else self.last, self.count)
        self.advance(k)

    def steady_rate(self) -> float | None:
        if self.first is None or self.last <= self.first[0] or self.count <= self.first[1]:
            return None
        return (self.count - self.first[1]) / (self.last - self.first[0])


def run_stage(
    stage: str,
    *,
    seed: int,
    start: int,
    n: int,
    workers: int,
    pred_dir: Path | None = None,
    batch: int = 200,
) -> dict[str, Any]:
    """Time one stage in this process; call it in a fresh process (see the module text)."""
    arts = corpus_slice(seed, start, n)
    n_words = sum(words(a["text"]) for a in arts)
    with progress() as bar:
        task = bar.add_task(f"{stage:8s} x{workers}", total=n)
        meter = Meter(lambda k: bar.advance(task, k))
        seconds, extra = _RUNNERS[stage](arts, workers, meter, pred_dir, batch)
    steady = extra.pop("steady", None) or meter.steady_rate() or n / seconds
    return {
        "stage": stage,
        "workers": workers,
        "articles": n,
        "words": n_words,
        "first_article": start,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 2),
        "words_per_s": round(n_words / seconds),
        "steady_articles_per_s": round(steady, 2),
        "steady_words_per_s": round(steady * n_words / n),
        **peak_rss_mib(),
        **extra,
    }


# ------------------------------------------------------------------- orchestration (parent)
def run_child(
    stage: str,
    *,
    seed: int,
    start: int,
    n: int,
    workers: int,
    graph: Graph | None = None,
    pred_dir: Path | None = None,
    batch: int = 200,
) -> dict[str, Any]:
    """Run one stage in a fresh interpreter and return its JSON line."""
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.ingest",
        "--stage",
        stage,
        "--seed",
        str(seed),
        "--start",
        str(start),
        "--n",
        str(n),
        "--workers",
        str(workers),
        "--batch",
        str(batch),
    ]
    if pred_dir is not None:
        cmd += ["--pred-dir", str(pred_dir)]
    proc = subprocess.run(
        cmd,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        check=False,
        env=graph.child_env() if graph else None,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark stage {stage} x{workers} exited with {proc.returncode}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def benchmark(
    graph: Graph, *, seed: int, first: int, sample: int, ingest_n: int, batch: int | None = None
) -> dict[str, Any]:
    """All stages with 1 and 2 workers, the ratios, and recall; `graph` must be running.

    bare and extract run on articles first..first+sample-1; ingest x1 on the next `ingest_n`
    articles from `first`, ingest x2 on the `ingest_n` after those (an article already in the
    graph would be skipped as unchanged, so the two runs must not share articles).
    """
    batch = batch or min(200, max(25, ingest_n // 4))  # small runs: let writes overlap
    stages: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="polikg-bench-") as tmp:
        pred_dir = Path(tmp) / "pred"
        pred_dir.mkdir()
        for workers in (1, 2):
            for stage in ("bare", "extract"):
                stages.append(
                    run_child(
                        stage,
                        seed=seed,
                        start=first,
                        n=sample,
                        workers=workers,
                        pred_dir=pred_dir if (stage, workers) == ("extract", 1) else None,
                    )
                )
        for workers, start in ((1, first), (2, first + ingest_n)):
            stages.append(
                run_child(
                    "ingest",
                    seed=seed,
                    start=start,
                    n=ingest_n,
                    workers=workers,
                    graph=graph,
                    batch=batch,
                )
            )
        recall = score_sample(seed, first, sample, pred_dir)  # before tmp goes away
    rate = {(s["stage"], s["workers"]): s["steady_articles_per_s"] for s in stages}
    ratios = {
        f"x{w}": {
            "extract/bare": round(rate["extract", w] / rate["bare", w], 2),
            "ingest/extract": round(rate["ingest", w] / rate["extract", w], 2),
        }
        for w in (1, 2)
    }
    return {
        "stages": stages,
        "ratios": ratios,
        "recall": recall,
        "recall_sample": {"seed": seed, "first": first, "articles": sample},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--stage", choices=STAGES, help="run one stage here (child mode)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0, help="first article index")
    parser.add_argument("--n", type=int, default=100, help="articles (per ingest run)")
    parser.add_argument("--sample", type=int, default=100, help="articles for bare/extract")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch", type=int, default=200, help="articles per transaction")
    parser.add_argument("--pred-dir", type=Path)
    args = parser.parse_args(argv)
    if args.stage:
        result = run_stage(
            args.stage,
            seed=args.seed,
            start=args.start,
            n=args.n,
            workers=args.workers,
            pred_dir=args.pred_dir,
            batch=args.batch,
        )
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    from benchmarks.common import throwaway_neo4j
    from queries.schema import apply_schema

    with throwaway_neo4j() as graph:
        from app.db import create_driver

        with create_driver(graph.settings()) as driver:
            apply_schema(driver)
        out = benchmark(
            graph, seed=args.seed, first=args.start, sample=args.sample, ingest_n=args.n
        )
    sys.stdout.write(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
