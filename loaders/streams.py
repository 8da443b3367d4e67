"""Streaming helpers shared by extraction and ingest (pure: no spaCy, no database)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items, read lazily so a stream of any length fits in memory."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
