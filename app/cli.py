"""The `polikg` command line: Neo4j, schema, serving, and (via app.commands) the loaders."""

from __future__ import annotations

import importlib
import logging
from typing import Annotated

import typer
from rich.console import Console

from app.config import Settings, get_settings
from app.neo4j_local import (
    LocalNeo4j,
    Neo4jStartError,
    resident_memory_mb,
    running_pid,
)
from app.neo4j_local import start as start_neo4j
from app.neo4j_local import stop as stop_neo4j

app = typer.Typer(
    help="polikg: a political knowledge graph over news articles.",
    no_args_is_help=True,
    add_completion=False,
)
neo4j_app = typer.Typer(
    help="Run Neo4j Community locally (no Docker needed).", no_args_is_help=True
)
schema_app = typer.Typer(help="Graph constraints and indexes.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")
console = Console(stderr=True)

#: Modules under app.commands that add their own commands with `register(app)`.
COMMAND_MODULES = ("extract", "eval", "ingest", "entities", "cluster", "bulk")


def local_server(settings: Settings) -> LocalNeo4j:
    """The local Neo4j described by the settings."""
    return LocalNeo4j(
        home=settings.neo4j_home,
        port=settings.neo4j_bolt_port,
        password=settings.neo4j_password.get_secret_value(),
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        start_timeout_s=settings.neo4j_start_timeout_s,
        transaction_memory=settings.neo4j_transaction_memory,
    )


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start Neo4j in the background (data under NEO4J_HOME) and wait until Bolt answers."""
    server = local_server(get_settings())
    with console.status(f"starting Neo4j on {server.bolt_uri} ..."):
        try:
            uri = start_neo4j(server)
        except Neo4jStartError as exc:
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
    console.print(f"Neo4j is up on {uri} (data {server.home}, log {server.log_file})")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly (SIGTERM, then SIGKILL after 60 s)."""
    server = local_server(get_settings())
    clean = stop_neo4j(server)
    console.print("Neo4j stopped" if clean else "[yellow]Neo4j killed after the timeout[/]")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, its pid, Bolt URI and resident memory."""
    server = local_server(get_settings())
    pid = running_pid(server)
    if pid is None:
        console.print("Neo4j is not running")
        raise typer.Exit(3)
    rss = resident_memory_mb(pid)
    console.print(
        f"Neo4j is running: pid {pid}, {server.bolt_uri}, resident memory {rss or 0:.0f} MiB"
    )


@schema_app.command("apply")
def schema_apply() -> None:
    """Create the constraints and indexes (idempotent)."""
    from app.db import create_driver
    from queries.schema import apply_schema
    from queries.write import backfill_quote_keys

    with create_driver(get_settings()) as driver:
        count = apply_schema(driver)
        keyed = backfill_quote_keys(driver)
    console.print(f"schema applied ({count} statements)")
    if keyed:
        console.print(f"{keyed} quotes from before issue 14 keyed for page-bounded reads")


@schema_app.command("rebuild-time")
def schema_rebuild_time() -> None:
    """Recompute the stored terms, turnarounds and per-day stance counts of every fact edge
    (once, for a graph written before the writer kept them)."""
    from app.db import create_driver
    from loaders.aggregates import rebuild_time_aggregates

    settings = get_settings()
    with create_driver(settings) as driver:
        edges = rebuild_time_aggregates(driver, database=settings.neo4j_database)
    console.print(f"time aggregates rebuilt for {edges} fact edges")


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (default API_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default API_PORT)")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    from app.main import create_app

    settings = get_settings()
    host = host or settings.api_host
    if host not in ("127.0.0.1", "localhost", "::1") and settings.polikg_api_key is None:
        console.print(
            f"[bold red]WARNING:[/] serving on {host} without POLIKG_API_KEY: "
            "anyone who can reach this address can write to the graph"
        )
    uvicorn.run(create_app(settings), host=host, port=port or settings.api_port)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"app.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.commands.{name}":
                raise
            continue
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point of the `polikg` script."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    app()
