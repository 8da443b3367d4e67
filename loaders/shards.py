"""Contract JSONL shards: the hand-over between distributed extraction and the loader.

A shard is a `.jsonl` file holding one `Extraction` (the contract document) per line.
Extraction writes them (`polikg extract --cluster`), `polikg load` reads them, and the
two may run on different machines at different times, so this module imports neither
spaCy nor Neo4j. A line that is not a valid contract document is reported with its
file and line number and skipped; the rest of the shard still lands.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from loaders.article import BadInput
from loaders.contract import Extraction

SHARD_SUFFIX = ".jsonl"


def shard_name(index: int) -> str:
    """Zero-padded so that sorting the names gives the extraction order back."""
    return f"part-{index:06d}{SHARD_SUFFIX}"


def write_shard_lines(path: Path, lines: Iterable[str]) -> int:
    """Write one shard atomically (a temporary file renamed into place), so a crashed
    run never leaves a half shard that a later `polikg load` would read as complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line)
            fh.write("\n")
            count += 1
    os.replace(tmp, path)
    return count


def write_shard(path: Path, docs: Iterable[Extraction]) -> int:
    """Write documents as one shard (compact JSON, nulls left out as in `extract`)."""
    return write_shard_lines(path, (d.model_dump_json(exclude_none=True) for d in docs))


def shard_files(paths: Iterable[Path]) -> list[Path]:
    """Every shard under the given files and folders, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{SHARD_SUFFIX}") if p.is_file())
        else:
            found.append(path)
    return found


def count_documents(paths: Iterable[Path]) -> int:
    """Non-blank lines over all shards: the total for a progress bar."""
    total = 0
    for path in shard_files(paths):
        with path.open("rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total


def _parse(line: str, *, path: Path, number: int) -> Extraction | BadInput:
    try:
        return Extraction.model_validate(json.loads(line))
    except json.JSONDecodeError as exc:
        return BadInput(str(path), f"not JSON ({exc.msg} at column {exc.colno})", number)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "document"
        return BadInput(str(path), f"not a contract document ({loc}: {first['msg']})", number)


def read_shards(paths: Iterable[Path]) -> Iterator[Extraction | BadInput]:
    """Documents of every shard, lazily; bad lines and unreadable files as `BadInput`."""
    for path in shard_files(paths):
        try:
            fh = path.open("r", encoding="utf-8")
        except OSError as exc:
            yield BadInput(str(path), f"cannot read ({exc.strerror})")
            continue
        with fh:
            try:
                for number, line in enumerate(fh, start=1):
                    if line.strip():
                        yield _parse(line, path=path, number=number)
            except UnicodeDecodeError:
                yield BadInput(str(path), "not UTF-8 text; the rest of the shard was skipped")
