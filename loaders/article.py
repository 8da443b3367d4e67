"""Article readers: `.txt`, `.jsonl` and `.json` files (or folders of them) -> ArticleMeta.

Readers never raise on bad input: an empty, binary, non-UTF-8 or oversized file, a
broken JSONL line or a record without text becomes a `BadInput` with the file, the
line and the reason, so the loader can report it and let the rest of the batch land.
Files are read lazily, one at a time, so a corpus of any size streams in constant
memory.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from loaders.contract import ArticleMeta
from loaders.records import published_problem
from loaders.resolve import short_hash

#: Default cap on one article (bytes); a larger file is almost surely not a news story.
MAX_ARTICLE_BYTES = 2_000_000
SUFFIXES = (".txt", ".jsonl", ".json")


@dataclass(frozen=True)
class BadInput:
    """An input that could not become an article, and why (reported, never fatal)."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def default_article_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its normalised text."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + short_hash(normalised, length=24)


def _check_text(text: str) -> str | None:
    """Why this text is not an article, or None when it is usable."""
    if not text.strip():
        return "empty text"
    if "\x00" in text:
        return "binary content (NUL bytes)"
    return None


def _decode(data: bytes) -> tuple[str | None, str | None]:
    if b"\x00" in data[:8192]:
        return None, "binary content (NUL bytes)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 (byte {exc.start})"


def _from_record(record: Any, *, path: Path, line: int | None) -> ArticleMeta | BadInput:
    """One JSON object -> an article; accepts plain records and contract documents."""
    if isinstance(record, dict) and isinstance(record.get("article"), dict):
        record = record["article"]  # an extraction-contract document: take its article
    if not isinstance(record, dict):
        return BadInput(str(path), "not a JSON object", line)
    text = record.get("text")
    if text is None:
        return BadInput(str(path), "record has no 'text'", line)
    if not isinstance(text, str):
        return BadInput(str(path), f"'text' must be a string, not {type(text).__name__}", line)
    if reason := _check_text(text):
        return BadInput(str(path), reason, line)
    if reason := published_problem(record.get("published")):
        return BadInput(str(path), f"bad field 'published': {reason}", line)
    ident = (
        record.get("id") or record.get("url") or record.get("source") or default_article_id(text)
    )
    try:
        return ArticleMeta(
            id=str(ident),
            source=record.get("url") or record.get("source"),
            title=record.get("title"),
            published=record.get("published"),
            dateline=record.get("dateline"),
            text=text,
        )
    except ValidationError as exc:
        field = ".".join(str(p) for p in exc.errors()[0]["loc"])
        return BadInput(str(path), f"bad field '{field}': {exc.errors()[0]['msg']}", line)


def _read_whole(path: Path, max_bytes: int) -> str | BadInput:
    """A whole file's text, or why it cannot be one article (too large, binary, not UTF-8)."""
    size = path.stat().st_size
    if size > max_bytes:
        return BadInput(str(path), f"too large ({size} bytes > {max_bytes})")
    text, error = _decode(path.read_bytes())
    return text if text is not None else BadInput(str(path), error or "unreadable")


def read_txt(path: Path, *, max_bytes: int) -> Iterator[ArticleMeta | BadInput]:
    """One article per file; its id is the file name without the extension."""
    text = _read_whole(path, max_bytes)
    if isinstance(text, BadInput):
        yield text
        return
    if reason := _check_text(text):
        yield BadInput(str(path), reason)
        return
    yield ArticleMeta(id=path.stem, text=text)


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[ArticleMeta | BadInput]:
    """One article per line; a bad line is reported with its number and skipped."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield BadInput(str(path), f"line too large ({len(raw)} bytes)", number)
                continue
            text, error = _decode(raw)
            if text is None:
                yield BadInput(str(path), error or "unreadable", number)
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield BadInput(str(path), f"invalid JSON: {exc.msg}", number)
                continue
            yield _from_record(record, path=path, line=number)


def read_json(path: Path, *, max_bytes: int) -> Iterator[ArticleMeta | BadInput]:
    """A `.json` file: one article record, a contract document, or a list of records."""
    text = _read_whole(path, max_bytes)
    if isinstance(text, BadInput):
        yield text
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadInput(str(path), f"invalid JSON: {exc.msg} (line {exc.lineno})")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        item = _from_record(record, path=path, line=index + 1 if len(records) > 1 else None)
        if (
            isinstance(item, ArticleMeta)
            and not isinstance(data, list)
            and not (
                isinstance(record, dict)
                and (record.get("id") or (record.get("article") or {}).get("id"))
            )
        ):
            item = item.model_copy(update={"id": path.stem})
        yield item


def iter_files(paths: Iterable[Path]) -> Iterator[Path | BadInput]:
    """Input files in a stable order; folders are walked, unknown suffixes reported."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif not path.exists():
            yield BadInput(str(path), "no such file or folder")
        elif path.suffix not in SUFFIXES:
            yield BadInput(
                str(path), f"unsupported file type '{path.suffix}' (expected {', '.join(SUFFIXES)})"
            )
        else:
            yield path


def read_articles(
    paths: Iterable[Path], *, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[ArticleMeta | BadInput]:
    """Every article in the given files and folders, or a BadInput for what failed."""
    readers = {".txt": read_txt, ".jsonl": read_jsonl, ".json": read_json}
    for item in iter_files(paths):
        if isinstance(item, BadInput):
            yield item
            continue
        try:
            yield from readers[item.suffix](item, max_bytes=max_bytes)
        except OSError as exc:
            yield BadInput(str(item), f"cannot read: {exc.strerror or exc}")


def only_articles(
    items: Iterable[ArticleMeta | BadInput], on_bad: Callable[[BadInput], None]
) -> Iterator[ArticleMeta]:
    """The articles of a reader's stream; each bad input goes to `on_bad` instead."""
    for item in items:
        if isinstance(item, BadInput):
            on_bad(item)
        else:
            yield item
