"""`polikg extract --cluster` and `polikg load`: extraction on Dask, shards into Neo4j."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from app.config import get_settings

if TYPE_CHECKING:
    from loaders.ingest import IngestSummary

console = Console(stderr=True)


def _bar(label: str) -> Progress:
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
    )
    return Progress(*columns, console=console)


def _advance(bar: Progress, task: TaskID, n: int) -> None:
    bar.advance(task, n)
    elapsed = bar.tasks[task].elapsed or 0.0
    bar.update(task, rate=bar.tasks[task].completed / elapsed if elapsed else 0.0)


def extract_with_cluster(inputs: list[Path], out: Path, *, address: str, workers: int) -> int:
    """Extract on a Dask cluster into JSONL shards; the exit code (0 ok, 1 some failed,
    2 nothing written)."""
    from app.commands.ingest import count_inputs
    from loaders.article import BadInput, only_articles, read_articles
    from loaders.distributed import cluster_client, extract_to_shards

    # the scheduler's and nannies' INFO lines (start, stop, worker restarts) would bury the bar
    logging.getLogger("distributed").setLevel(logging.WARNING)
    bad: list[BadInput] = []

    def failed(item: BadInput) -> None:
        bad.append(item)
        console.print(f"[red]failed[/] {item}")

    articles = only_articles(read_articles(inputs), failed)
    with cluster_client(address, workers=max(workers, 1)) as client, _bar("extracting") as bar:
        task = bar.add_task("extract", total=count_inputs(inputs), rate=0.0)
        run = extract_to_shards(
            articles,
            out,
            client=client,
            model=get_settings().spacy_model,
            on_done=lambda n: _advance(bar, task, n),
        )
    for aid, why in run.failed.items():
        console.print(f"[red]failed[/] article {aid}: extraction failed ({why})")
    console.print(
        f"{run.documents} documents in {len(run.shards)} shards under {out} "
        f"({run.workers} workers), {len(bad) + len(run.failed)} failed"
    )
    if not run.documents:
        return 2
    return 1 if bad or run.failed else 0


def _print_summary(summary: IngestSummary) -> None:
    rate = summary.landed / summary.seconds if summary.seconds else 0.0
    table = Table(title=f"load summary ({summary.seconds:.1f} s, {rate:.1f} articles/s)")
    columns = ("new", "unchanged", "replaced", "failed", "nodes created", "relationships created")
    for col in columns:
        table.add_column(col, justify="right")
    counts = (
        len(summary.new),
        len(summary.unchanged),
        len(summary.replaced),
        len(summary.failed),
        summary.nodes_created,
        summary.relationships_created,
    )
    table.add_row(*(str(v) for v in counts))
    console.print(table)


def load(
    paths: Annotated[list[Path], typer.Argument(help="shard folders or .jsonl shard files")],
    batch_size: Annotated[int | None, typer.Option(help="articles per transaction")] = None,
) -> None:
    """Write extracted contract shards into Neo4j (idempotent; no NLP in this process)."""
    from app.commands.ingest import existing_inputs
    from app.db import create_driver
    from loaders.load import load_shards
    from loaders.shards import count_documents

    settings = get_settings()
    existing = existing_inputs(paths)
    with create_driver(settings) as driver, _bar("loading") as bar:
        task = bar.add_task("load", total=count_documents(existing), rate=0.0)
        summary = load_shards(
            driver,
            existing,
            batch_size=batch_size or settings.ingest_batch_size,
            progress=lambda n: _advance(bar, task, n),
            on_bad=lambda item: console.print(f"[red]failed[/] {item}"),
            on_refresh=lambda n: console.print(
                f"folded the aggregated edges, terms and turnarounds of {n} pairs"
            ),
        )
    _print_summary(summary)
    code = summary.exit_code()
    raise typer.Exit(1 if len(existing) < len(paths) and code == 0 else code)


def register(app: typer.Typer) -> None:
    app.command("load")(load)
