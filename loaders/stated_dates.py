"""Term bounds the text states: "was sworn in as X on 13 December", "resigned as chief
minister on Saturday", "since 2019", "quit the NDA earlier this month".

A pure function over one evidence sentence and the article's date: a start cue (sworn in,
took over, joined, since ...) or an end cue (resigned, quit, stepped down ...) followed by a
date phrase gives that bound, at the precision the phrase has (day, month or year). Relative
phrases ("on Saturday", "yesterday", "earlier this month", "last year") and dates without a
year resolve against the article date, to the latest such day on or before it. A cue in the
future or negated ("will be sworn in on Monday", "did not resign") states nothing, nor does a
cue with no date phrase ("resigned", "since the election"): then the term's bounds come from
the article dates of its claims, as before.

The cues (with the fact types each can bound) and the words that cancel them are data a
linguist can edit; the unit tests pair them with negatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from loaders.contract import Relation, StatedBound

_OFFICE = frozenset({"HOLDS_OFFICE"})
_GROUP = frozenset({"MEMBER_OF", "ALLIED_WITH"})
_ANY = _OFFICE | _GROUP
#: Phrases that open a term when a date follows them, with the fact types they can open
#: ("joined the BJP on Saturday" starts a membership, not the office in the same sentence).
START_CUES: dict[str, frozenset[str]] = {
    "sworn in": _OFFICE,
    "took oath": _OFFICE,
    "took the oath": _OFFICE,
    "took over": _ANY,
    "took charge": _OFFICE,
    "assumed office": _OFFICE,
    "assumed charge": _OFFICE,
    "was appointed": _OFFICE,
    "was re-appointed": _OFFICE,
    "was reappointed": _OFFICE,
    "was named": _OFFICE,
    "was elected": _OFFICE,
    "was re-elected": _OFFICE,
    "joined": _GROUP,
    "since": _ANY,
}
#: Phrases that close a term when a date follows them, with the fact types they can close.
END_CUES: dict[str, frozenset[str]] = {
    "resigned": _ANY,
    "stepped down": _OFFICE,
    "quit": _ANY,
    "left office": _OFFICE,
    "left the": _GROUP,
    "was sacked": _OFFICE,
    "was dismissed": _OFFICE,
    "was removed": _OFFICE,
    "was ousted": _OFFICE,
    "walked out of": _GROUP,
    "pulled out of": _GROUP,
    "broke away from": _GROUP,
    "exited": _GROUP,
}
#: Words shortly before a cue that make it unreal: future, intention, negation.
CANCEL_WORDS = (
    "will",
    "would",
    "shall",
    "may",
    "might",
    "could",
    "not",
    "never",
    "n't",
    "refused",
    "threatened",
    "denied",
)
#: Words right before a cue that make it an intention ("set to be sworn in", "to quit").
CANCEL_BEFORE = ("to", "to be")
#: How far (characters) a date phrase may follow its cue, and cancelling words precede it.
DATE_WINDOW = 90
CANCEL_WINDOW = 30

MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
#: (pattern, kind) tried in order at each position; the earliest match after a cue wins.
_PHRASES = [
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I), "day_month"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I), "month_day"),
    (re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I), "month_year"),
    (re.compile(r"\bon\s+(" + "|".join(WEEKDAYS) + r")\b", re.I), "weekday"),
    (re.compile(r"\b(yesterday|today)\b", re.I), "deixis"),
    (re.compile(r"\b(?:earlier\s+)?(this|last)\s+(month|year)\b", re.I), "relative"),
    (re.compile(rf"\b(?:in|since)\s+{_MONTH}(?!\s*\d)\b", re.I), "month"),
    (re.compile(rf"\b(?:in|since)\s+{_YEAR}\b", re.I), "year"),
]
_CUE = re.compile(
    r"\b(" + "|".join(re.escape(c) for c in sorted([*START_CUES, *END_CUES], key=len, reverse=True))
    + r")\b",
    re.I,
)  # fmt: skip
_CANCEL = re.compile(r"(?:\b|(?<=\w))(" + "|".join(CANCEL_WORDS) + r")\b")  # "May" is a month
_CANCEL_RIGHT_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(CANCEL_BEFORE, key=len, reverse=True)) + r")\s*$", re.I
)


@dataclass(frozen=True)
class StatedDate:
    """A bound the text states: the day (first of the month or year when coarser), how
    exact it is, and the words that say it."""

    date: date
    precision: str  # "day" | "month" | "year"
    text: str


@dataclass(frozen=True)
class StatedBounds:
    start: StatedDate | None = None
    end: StatedDate | None = None


def stated_bounds(
    sentence: str, published: date | None, *, fact_type: str | None = None
) -> StatedBounds:
    """The start and end of a term that `sentence` states (first cue of each kind that has a
    date phrase, is not cancelled and, given `fact_type`, can bound that type of fact);
    `published` resolves relative and year-less dates."""
    found: dict[str, StatedDate] = {}
    cues = list(_CUE.finditer(sentence))
    for index, cue in enumerate(cues):
        word = cue.group(1).lower()
        kind = "end" if word in END_CUES else "start"
        types = END_CUES.get(word) or START_CUES[word]
        if kind in found or _cancelled(sentence, cue.start()):
            continue
        if fact_type is not None and fact_type not in types:
            continue
        limit = cues[index + 1].start() if index + 1 < len(cues) else len(sentence)
        window = sentence[cue.end() : min(limit, cue.end() + DATE_WINDOW)]
        if cue.group(1).lower() == "since":  # "since 2019", not "since the poll in 2019"
            window = sentence[cue.start() : min(limit, cue.end() + 20)]
        stated = first_date(window, published)
        if stated is not None:
            found[kind] = stated
    return StatedBounds(start=found.get("start"), end=found.get("end"))


def _cancelled(sentence: str, at: int) -> bool:
    before = sentence[max(0, at - CANCEL_WINDOW) : at]
    return _CANCEL.search(before) is not None or _CANCEL_RIGHT_BEFORE.search(before) is not None


def first_date(text: str, published: date | None) -> StatedDate | None:
    """The earliest date phrase in `text` that resolves to a real day, or None."""
    best: tuple[int, StatedDate] | None = None
    for pattern, kind in _PHRASES:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            resolved = _resolve(kind, match, published)
            if resolved is not None:
                best = (match.start(), resolved)
                break
    return best[1] if best else None


def _resolve(kind: str, match: re.Match[str], published: date | None) -> StatedDate | None:
    """The phrase as a StatedDate; None when it names no real day or needs an article date
    that is missing."""
    text = match.group(0)
    g = [x.lower() if x else None for x in match.groups()]
    try:
        if kind in ("day_month", "month_day"):
            day, month = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
            return _day_month(int(day or 0), MONTHS[month or ""], g[2], published, text)
        if kind == "month_year":
            return StatedDate(date(int(g[1] or 0), MONTHS[g[0] or ""], 1), "month", text)
        if kind == "year":
            return StatedDate(date(int(g[0] or 0), 1, 1), "year", text)
    except ValueError:
        return None  # 31 February
    if published is None:
        return None
    return _relative(kind, g, published, text)


def _day_month(
    day: int, month: int, year: str | None, published: date | None, text: str
) -> StatedDate | None:
    if year is not None:
        return StatedDate(date(int(year), month, day), "day", text)
    if published is None:
        return None
    found = date(published.year, month, day)
    if found > published:
        found = date(published.year - 1, month, day)
    return StatedDate(found, "day", text)


def _relative(kind: str, g: list[str | None], published: date, text: str) -> StatedDate | None:
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS.index(g[0] or "")) % 7
        return StatedDate(published - timedelta(days=back), "day", text)
    if kind == "deixis":
        return StatedDate(published - timedelta(days=g[0] == "yesterday"), "day", text)
    if kind == "month":
        month = MONTHS[g[0] or ""]
        year = published.year if month <= published.month else published.year - 1
        return StatedDate(date(year, month, 1), "month", text)
    if kind == "relative" and g[1] == "year":
        return StatedDate(date(published.year - (g[0] == "last"), 1, 1), "year", text)
    if kind == "relative":
        first = published.replace(day=1)
        if g[0] == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        return StatedDate(first, "month", text)
    return None


#: Fact types that have terms, so a stated bound means something on them.
TERM_TYPES = frozenset({"HOLDS_OFFICE", "MEMBER_OF", "ALLIED_WITH"})


def with_stated_bounds(relation: Relation, published: str | None) -> Relation:
    """The relation with the bounds its evidence sentence states: a start on a current
    holding, an end on a former one (in "quit the party and joined the Congress on Monday",
    Monday is the Congress membership's start, not the party's end)."""
    if relation.type not in TERM_TYPES or relation.evidence is None:
        return relation
    day = iso_day(published)
    bounds = stated_bounds(relation.evidence.sentence, day, fact_type=relation.type)
    former = relation.status == "former"
    start = None if former else bounds.start
    end = bounds.end if former else None
    if start is None and end is None:
        return relation
    return relation.model_copy(update={"start": _contract(start), "end": _contract(end)})


def iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _contract(found: StatedDate | None) -> StatedBound | None:
    if found is None:
        return None
    return StatedBound(date=found.date.isoformat(), precision=found.precision, text=found.text)
