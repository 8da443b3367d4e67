"""`polikg eval`: extract the gold dev set and print score.py's table (make eval)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)
DEFAULT_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"


def evaluate(
    gold: Annotated[Path, typer.Option(help="folder of gold JSON files")] = DEFAULT_GOLD,
    out: Annotated[Path | None, typer.Option(help="keep the predictions here")] = None,
    per_article: Annotated[bool, typer.Option(help="one line per article too")] = False,
) -> None:
    """Extract every gold article's text and score the predictions with score.py."""
    from app.commands.extract import extract_to_folder

    scorer = gold.parent / "score.py"
    if not gold.is_dir() or not scorer.is_file():
        console.print(f"[red]error:[/] no gold folder with score.py beside it at {gold}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        pred = out or Path(tmp)
        extract_to_folder(sorted(gold.glob("*.json")), pred, workers=0)
        args = [sys.executable, str(scorer), str(gold), str(pred)]
        if per_article:
            args.append("--per-article")
        raise typer.Exit(subprocess.run(args, check=False).returncode)


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
