"""`polikg extract INPUT... [--out DIR]`: article text -> contract JSON, no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from app.config import get_settings

console = Console(stderr=True)


def extract_to_folder(
    inputs: list[Path], out: Path, *, workers: int, show_progress: bool = True
) -> tuple[int, int]:
    """Write DIR/<id>.json per article (a .txt file's id is its stem); (written, failed)."""
    from app.commands.ingest import count_inputs
    from loaders.article import BadInput, only_articles, read_articles
    from loaders.extract import extract_many

    out.mkdir(parents=True, exist_ok=True)
    failures: list[BadInput] = []

    def failed(item: BadInput) -> None:
        failures.append(item)
        console.print(f"[red]failed[/] {item}")

    written = 0
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not show_progress) as bar:
        task = bar.add_task("extract", total=count_inputs(inputs))
        articles = only_articles(read_articles(inputs), failed)
        model = get_settings().spacy_model
        for doc in extract_many(articles, n_process=workers, model=model):
            name = doc.article.id.replace("/", "_")
            (out / f"{name}.json").write_text(doc.model_dump_json(indent=2, exclude_none=True))
            written += 1
            for warning in doc.warnings:
                console.print(f"[yellow]warning[/] {doc.article.id}: {warning}")
            bar.advance(task)
    return written, len(failures)


def extract(
    inputs: Annotated[list[Path], typer.Argument(help=".txt, .jsonl or .json files or folders")],
    out: Annotated[Path | None, typer.Option(help="folder for one JSON per article")] = None,
    workers: Annotated[int, typer.Option(help="extraction processes (0: this one)")] = 0,
    cluster: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786) or 'local' for a LocalCluster of "
            "--workers processes: writes contract JSONL shards into --out"
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(help="print each fact with its rule, trigger and sentence instead of JSON"),
    ] = False,
) -> None:
    """Extract entities, relations and quotes (the contract JSON of shared/eval)."""
    from loaders.article import BadInput, read_articles
    from loaders.extract import extract as extract_one

    if cluster is not None:
        if out is None:
            console.print("[red]error:[/] --cluster needs --out DIR for the shards")
            raise typer.Exit(2)
        from app.commands.cluster import extract_with_cluster

        raise typer.Exit(extract_with_cluster(inputs, out, address=cluster, workers=workers))
    if out is not None:
        written, failed = extract_to_folder(inputs, out, workers=workers)
        console.print(f"{written} written to {out}, {failed} failed")
        raise typer.Exit(0 if not failed else (2 if not written else 1))
    items = list(read_articles(inputs))
    if len(items) != 1:
        console.print(f"[red]error:[/] without --out give exactly one article ({len(items)} found)")
        raise typer.Exit(2)
    item = items[0]
    if isinstance(item, BadInput):
        console.print(f"[red]failed[/] {item}")
        raise typer.Exit(2)
    doc = extract_one(item, model=get_settings().spacy_model)
    if explain:
        from app.commands.explain import print_explanation

        print_explanation(doc, Console(width=160))
        return
    sys.stdout.write(
        json.dumps(doc.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False)
        + "\n"
    )


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
