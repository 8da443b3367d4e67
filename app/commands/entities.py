"""`polikg entities merge|rename`: corrections by a human, safe to repeat."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from app.config import get_settings

console = Console(stderr=True)
entities_app = typer.Typer(help="Correct entity resolution by hand.", no_args_is_help=True)


@entities_app.command("merge")
def merge(
    keep: Annotated[str, typer.Argument(help="id that stays")],
    drop: Annotated[str, typer.Argument(help="id folded into KEEP")],
) -> None:
    """Merge entity DROP into KEEP (mentions, claims, quotes, aliases)."""
    from app.db import create_driver
    from loaders.curate import EntityNotFoundError, merge_entities

    with create_driver(get_settings()) as driver:
        try:
            result = merge_entities(driver, keep, drop)
        except (EntityNotFoundError, ValueError) as exc:
            console.print(f"[red]error:[/] no such entity: {exc}")
            raise typer.Exit(1) from exc
    if result.already_merged:
        console.print(f"{drop} was already merged into {keep}; nothing to do")
    else:
        console.print(f"merged {drop} into {keep} ({result.edges_refreshed} edges refreshed)")


@entities_app.command("rename")
def rename(
    entity_id: Annotated[str, typer.Argument(help="entity id")],
    name: Annotated[str, typer.Argument(help="new display name")],
) -> None:
    """Give entity ID a new display name (kept by later ingests)."""
    from app.db import create_driver
    from loaders.curate import EntityNotFoundError, rename_entity

    with create_driver(get_settings()) as driver:
        try:
            new = rename_entity(driver, entity_id, name)
        except (EntityNotFoundError, ValueError) as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from exc
    console.print(f"{entity_id} is now named {new!r}")


def register(app: typer.Typer) -> None:
    app.add_typer(entities_app, name="entities")
