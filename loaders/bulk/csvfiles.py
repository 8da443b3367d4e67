"""CSV files in the header format of Neo4j's offline importer (`neo4j-admin database import`).

One file per kind of node or relationship; the first line is the header: `id:ID(Space)`
names the node key (stored as the `id` property, looked up in its id space by the
relationship files' `:START_ID(Space)` / `:END_ID(Space)`), `:LABEL` and `:TYPE` carry
labels and types, `name:type` a typed property (`date`, `long`, `double`, `string[]` ...).
An empty unquoted field is no property (what Cypher's `SET x = null` leaves); a quoted
empty string is an empty string. Strings are always quoted, so an empty text stays an
empty text. Array elements are split on `ARRAY_DELIMITER`, a control character no
name or alias contains (checked on write).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

ARRAY_DELIMITER = "\x1f"  # passed to the importer as --array-delimiter=U+001F
BUFFER_BYTES = 1 << 20  # fewer, larger writes: the files run to hundreds of MiB

#: (file stem, "nodes" | "relationships", columns): columns are the importer's header fields.
Spec = tuple[str, str, tuple[str, ...]]

ARTICLES: Spec = (
    "articles",
    "nodes",
    ("id:ID(Article)", ":LABEL", "url", "title", "published:date", "dateline", "text",
     "text_sha256", "extractor_version", "ingested_at:datetime", "writes:long"),
)  # fmt: skip
ENTITIES: Spec = (
    "entities",
    "nodes",
    ("id:ID(Entity)", ":LABEL", "name", "key", "aliases:string[]"),
)
CLAIMS: Spec = (
    "claims",
    "nodes",
    ("id:ID(Claim)", ":LABEL", "type", "pair", "sentence", "start:long", "end:long", "date:date",
     "confidence:double", "status", "rule", "stated_start:date", "stated_start_precision",
     "stated_start_text", "stated_end:date", "stated_end_precision", "stated_end_text",
     "extractor_version"),
)  # fmt: skip
QUOTES: Spec = (
    "quotes",
    "nodes",
    ("id:ID(Quote)", ":LABEL", "text", "start:long", "end:long", "sentence",
     "sentence_start:long", "sentence_end:long", "date:date", "confidence:double", "rule",
     "speaker"),
)  # fmt: skip
TERMS: Spec = (
    "terms",
    "nodes",
    ("id:ID(Term)", ":LABEL", "pair", "seq:long", "status", "claims:long", "start:date",
     "start_kind", "start_precision", "start_claim", "last_observed:date", "last_observed_kind",
     "last_observed_precision", "last_observed_claim", "end:date", "end_kind", "end_precision",
     "end_claim"),
)  # fmt: skip
TURNS: Spec = (
    "turns",
    "nodes",
    ("id:ID(Turn)", ":LABEL", "pair", "subject", "object", "from_type", "to_type", "date:date",
     "days:long", "before_claim", "after_claim"),
)  # fmt: skip
MENTIONS: Spec = (
    "mentions",
    "relationships",
    (":START_ID(Entity)", ":END_ID(Article)", ":TYPE", "count:long", "aliases:string[]"),
)
CLAIM_ENTITIES: Spec = (
    "claim_entities",
    "relationships",
    (":START_ID(Claim)", ":END_ID(Entity)", ":TYPE"),
)
CLAIM_ARTICLES: Spec = (
    "claim_articles",
    "relationships",
    (":START_ID(Claim)", ":END_ID(Article)", ":TYPE"),
)
QUOTE_ENTITIES: Spec = (
    "quote_entities",
    "relationships",
    (":START_ID(Quote)", ":END_ID(Entity)", ":TYPE", "pair", "date:date"),
)
QUOTE_ARTICLES: Spec = (
    "quote_articles",
    "relationships",
    (":START_ID(Quote)", ":END_ID(Article)", ":TYPE"),
)
FACTS: Spec = (
    "facts",
    "relationships",
    (":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "claims:long", "first_seen:date",
     "last_seen:date", "confidence:double", "status", "days:date[]", "day_claims:long[]"),
)  # fmt: skip
ALL_SPECS: tuple[Spec, ...] = (
    ARTICLES, ENTITIES, CLAIMS, QUOTES, TERMS, TURNS,
    MENTIONS, CLAIM_ENTITIES, CLAIM_ARTICLES, QUOTE_ENTITIES, QUOTE_ARTICLES, FACTS,
)  # fmt: skip
#: Files whose strings may hold line breaks (article text, sentences, quotes).
MULTILINE = ("articles", "claims", "quotes", "terms", "turns")


def cell(value: Any) -> str:
    """One field: None is empty and unquoted (no property), strings are quoted with inner
    quotes doubled (RFC 4180: "" stays an empty string), dates ISO text, lists joined by the
    array delimiter. (The csv module cannot write this: it quotes None too.)"""
    if value is None:
        return ""
    if isinstance(value, str):  # the common case first
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return _array(value)
    raise TypeError(f"no CSV form for {type(value).__name__}")


def quote(text: str) -> str:
    """`cell` of a string: quoted, inner quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def _array(values: list[Any] | tuple[Any, ...]) -> str:
    parts = [v.isoformat() if isinstance(v, (date, datetime)) else str(v) for v in values]
    if any(ARRAY_DELIMITER in p for p in parts):
        raise ValueError("an array element holds the CSV array delimiter U+001F")
    # an empty list cannot be written (an empty field is no property): the loader sets those
    return '"' + ARRAY_DELIMITER.join(parts).replace('"', '""') + '"' if parts else ""


@dataclass
class CsvFile:
    """One open importer file; rows are values in header order."""

    spec: Spec
    path: Path
    handle: IO[str]
    rows: int = 0

    def write(self, *values: Any) -> None:
        # `cell` inlined for the common cases (None, str, numbers; not bool, an int
        # subclass): a 10k-article load writes 8 million cells, and the call per cell
        # was a third of the writing time
        self.handle.write(
            ",".join(
                [
                    ""
                    if v is None
                    else '"' + v.replace('"', '""') + '"'
                    if type(v) is str
                    else repr(v)
                    if type(v) is int or type(v) is float
                    else cell(v)
                    for v in values
                ]
            )
            + "\n"
        )
        self.rows += 1

    def write_cells(self, *cells: str) -> None:
        """A row of cells already in their CSV form (`cell`, `quote`): for the millions of
        relationship rows, whose ids are quoted once and used in several files."""
        self.handle.write(",".join(cells) + "\n")
        self.rows += 1


class CsvSet:
    """Importer files of one bulk load, opened together under `folder` (all of them, or
    the `specs` one process of the conversion writes)."""

    def __init__(self, folder: Path, specs: tuple[Spec, ...] = ALL_SPECS) -> None:
        self.folder = folder
        self.specs = specs
        self.files: dict[str, CsvFile] = {}

    def __enter__(self) -> CsvSet:
        self.folder.mkdir(parents=True, exist_ok=True)
        for spec in self.specs:
            path = self.folder / f"{spec[0]}.csv"
            handle = path.open("w", encoding="utf-8", newline="", buffering=BUFFER_BYTES)
            handle.write(",".join(spec[2]) + "\n")
            self.files[spec[0]] = CsvFile(spec, path, handle)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for f in self.files.values():
            f.handle.close()

    def __getitem__(self, stem: str) -> CsvFile:
        return self.files[stem]

    def rows(self) -> dict[str, int]:
        """Rows written so far, by file stem (the header not counted)."""
        return {stem: f.rows for stem, f in self.files.items()}


def import_arguments(folder: Path, rows: Mapping[str, int]) -> list[str]:
    """The importer's --nodes / --relationships arguments, one per file with rows (in
    `ALL_SPECS` order, whichever process wrote the file)."""
    return [
        f"--{kind}={folder / f'{stem}.csv'}" for stem, kind, _ in ALL_SPECS if rows.get(stem, 0)
    ]
