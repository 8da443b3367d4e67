"""Which offices have a single seat, as data: the tenure checks flag two people holding one
of these on the same day. Matched against the start of the office's name, case-insensitively,
so "Chief Minister of Bihar" is single-seat and "Deputy Chief Minister of Bihar" is not.
Add a prefix here (lower case) rather than a rule in code."""

from __future__ import annotations

SINGLE_SEAT_OFFICE_PREFIXES: tuple[str, ...] = (
    "prime minister",
    "president",
    "vice president",
    "vice-president",
    "chief minister",
    "governor",
    "lieutenant governor",
    "speaker",
    "deputy speaker",
    "chairman",
    "chairperson",
    "chief justice",
    "chief election commissioner",
    "leader of the opposition",
)
