"""`polikg bulk-import DIR`: a first load of extracted shards through Neo4j's offline importer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from app.commands.cluster import _advance, _bar, console
from app.config import get_settings

if TYPE_CHECKING:
    from app.bulk import BulkReport


def _print_report(report: BulkReport) -> None:
    plan = report.plan
    rate = plan.new / report.seconds if report.seconds else 0.0
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in report.stages.items())
    table = Table(title=f"bulk import ({report.seconds:.1f} s, {rate:.0f} articles/s: {stages})")
    for col in ("articles", "unchanged", "failed", "entities", "claims", "quotes", "nodes"):
        table.add_column(col, justify="right")
    counts = (
        plan.new,
        plan.unchanged,
        len(plan.failed),
        plan.counts["entities"],
        plan.counts["claims"],
        plan.counts["quotes"],
        report.nodes,
    )
    table.add_row(*(str(v) for v in counts))
    console.print(table)
    if plan.truncated_probes:
        console.print(
            f"[yellow]note:[/] {plan.truncated_probes} name look-ups matched more than 20 "
            "entities; there the bulk resolver ranks like Lucene only approximately"
        )


def bulk_import_command(
    paths: Annotated[list[Path], typer.Argument(help="shard folders or .jsonl shard files")],
    batch_size: Annotated[
        int | None, typer.Option(help="articles per batch, as `polikg load` would cut them")
    ] = None,
    work_dir: Annotated[
        Path | None, typer.Option(help="folder for the CSV files (default NEO4J_HOME/bulk-csv)")
    ] = None,
    keep_csv: Annotated[bool, typer.Option(help="keep the CSV files after the import")] = False,
) -> None:
    """First load of extracted shards into an empty, stopped local Neo4j (offline importer);
    the graph equals what `polikg load` builds, and Neo4j runs afterwards."""
    from app.bulk import bulk_import
    from app.cli import local_server
    from app.commands.ingest import existing_inputs
    from app.neo4j_local import Neo4jStartError
    from loaders.bulk.convert import BulkRefused
    from loaders.shards import count_documents

    settings = get_settings()
    server = local_server(settings)
    existing = existing_inputs(paths)
    try:
        with _bar("{task.description}") as bar:
            task = bar.add_task("convert", total=count_documents(existing), rate=0.0)
            report = bulk_import(
                server,
                existing,
                work_dir=work_dir or settings.neo4j_home / "bulk-csv",
                database=settings.neo4j_database,
                batch_size=batch_size or settings.ingest_batch_size,
                progress=lambda n: _advance(bar, task, n),
                on_stage=lambda name: bar.update(task, description=name),
                keep_csv=keep_csv,
            )
    except (BulkRefused, Neo4jStartError) as exc:
        console.print(f"[red]refused:[/] {exc}")
        raise typer.Exit(2) from exc
    for item in report.plan.failed:
        console.print(f"[red]failed[/] {item}")
    _print_report(report)
    console.print(f"Neo4j is up on {server.bolt_uri} with the imported graph")
    raise typer.Exit(1 if report.plan.failed or len(existing) < len(paths) else 0)


def register(app: typer.Typer) -> None:
    app.command("bulk-import")(bulk_import_command)
