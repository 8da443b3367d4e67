"""`polikg ingest PATH...`: load articles into the graph with a progress bar and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from app.config import get_settings

console = Console(stderr=True)


def count_inputs(paths: list[Path]) -> int:
    """How many articles the paths hold (one per .txt/.json, one per .jsonl line)."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif file.suffix in (".txt", ".json"):
                total += 1
    return total


def existing_inputs(paths: list[Path]) -> list[Path]:
    """The paths that exist; each missing one is reported, and none at all exits 2 (a typo
    in the only path must not look like an empty, successful run)."""
    for p in paths:
        if not p.exists():
            console.print(f"[red]failed[/] {p}: no such file or folder")
    existing = [p for p in paths if p.exists()]
    if not existing:
        raise typer.Exit(2)
    return existing


def _print_summary(summary: object) -> None:
    from loaders.ingest import IngestSummary

    assert isinstance(summary, IngestSummary)
    rate = summary.landed / summary.seconds if summary.seconds else 0.0
    table = Table(title=f"ingest summary ({summary.seconds:.1f} s, {rate:.1f} articles/s)")
    for col in ("new", "unchanged", "replaced", "failed", "nodes created", "relationships created"):
        table.add_column(col, justify="right")
    table.add_row(
        *(
            str(v)
            for v in (
                len(summary.new),
                len(summary.unchanged),
                len(summary.replaced),
                len(summary.failed),
                summary.nodes_created,
                summary.relationships_created,
            )
        )
    )
    console.print(table)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .jsonl, .json files or folders")],
    batch_size: Annotated[int | None, typer.Option(help="articles per transaction")] = None,
    workers: Annotated[
        int | None, typer.Option(help="extraction processes (0: extract in this process)")
    ] = None,
) -> None:
    """Extract articles and write them into Neo4j (idempotent; re-runs skip what landed)."""
    from app.db import create_driver
    from loaders.ingest import ingest_paths

    settings = get_settings()
    existing = existing_inputs(paths)
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
    )
    with create_driver(settings) as driver, Progress(*columns, console=console) as bar:
        task = bar.add_task("ingest", total=count_inputs(existing), rate=0.0)

        def advance(n: int) -> None:
            bar.advance(task, n)
            elapsed = bar.tasks[task].elapsed or 0.0
            bar.update(task, rate=bar.tasks[task].completed / elapsed if elapsed else 0.0)

        summary = ingest_paths(
            driver,
            existing,
            batch_size=batch_size or settings.ingest_batch_size,
            workers=settings.ingest_workers if workers is None else workers,
            model=settings.spacy_model,
            progress=advance,
            on_bad=lambda bad: console.print(f"[red]failed[/] {bad}"),
        )
    _print_summary(summary)
    code = summary.exit_code()
    if len(existing) < len(paths) and code == 0:
        code = 1
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
