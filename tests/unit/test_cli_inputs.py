"""`polikg ingest` and `polikg load` share one check of their input paths."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from app.commands.ingest import existing_inputs


def test_missing_paths_are_reported_and_the_rest_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "a.jsonl"
    real.write_text("", encoding="utf-8")
    gone = tmp_path / "typo.jsonl"
    assert existing_inputs([gone, real]) == [real]
    err = " ".join(capsys.readouterr().err.split())  # rich wraps long lines
    assert "typo.jsonl: no such file or folder" in err


def test_only_missing_paths_exit_two(tmp_path: Path) -> None:
    with pytest.raises(typer.Exit) as raised:
        existing_inputs([tmp_path / "typo.jsonl"])
    assert raised.value.exit_code == 2
