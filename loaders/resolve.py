"""Entity resolution: does a mention name an entity the graph already has?

Pure logic, no database: the writer fetches candidates (full-text index over names and
aliases) and this module decides. The guards are what keep the graph honest: same
type; for people, compatible surnames (exact, or a close spelling variant such as
Dhankar / Dhankhar) *and* compatible first names (equal, an initial, or a close
variant), so Rahul Gandhi and Sonia Gandhi stay two people; a bare surname joins an
existing person only when exactly one person with that surname is in play, or when
the article ties it to the same party or office.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from graph_schema import NodeLabel

HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "shri",
        "smt",
        "sri",
        "shrimati",
        "prof",
        "sir",
        "dame",
        "hon",
        "honourable",
        "lord",
        "lady",
        "sen",
        "rep",
        "gen",
        "kumari",
        "km",
        "mx",
        "captain",
        "capt",
    }
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "ji"})
SPELLING_THRESHOLD = 85.0  # rapidfuzz ratio for "same name, other spelling"
MIN_FUZZY_LENGTH = 5  # shorter tokens must match exactly (Das / Dar are different)


@lru_cache(maxsize=1 << 17)
def normalise(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: the comparison form.

    Cached: resolution compares each mention's forms with many candidates' forms, and a
    bulk load of 1,000 articles asked for 1.3M normal forms of a few thousand names."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


@lru_cache(maxsize=1 << 16)
def name_forms(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The non-empty normal forms of a name and its aliases. Cached, and the same frozenset
    each time (its hash computed once): the comparisons below are cached on forms."""
    return frozenset(form for form in map(normalise, (name, *aliases)) if form)


def name_tokens(name: str) -> list[str]:
    """Tokens of a person's name without honorifics and suffixes."""
    tokens = normalise(name).split()
    while tokens and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def slug(text: str) -> str:
    return "-".join(normalise(text).split())[:80] or "unnamed"


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts (for ids derived from content)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass
class Candidate:
    """An entity known to the graph (or earlier in the batch) that a mention may join."""

    id: str
    label: str
    name: str
    aliases: Sequence[str] = ()
    context: frozenset[str] = frozenset()  # ids of parties and offices tied to it

    def forms(self) -> frozenset[str]:
        return name_forms(self.name, tuple(self.aliases))


@dataclass
class NamedInArticle:
    """One entity as an article names it, with the article's context for people (the
    resolver's input; a token span naming an entity is `loaders.nlp.mention.Mention`)."""

    label: str
    name: str
    aliases: Sequence[str] = ()
    context: frozenset[str] = field(default_factory=frozenset)

    def forms(self) -> frozenset[str]:
        return name_forms(self.name, tuple(self.aliases))


def spelling_variant(a: str, b: str, *, min_length: int = MIN_FUZZY_LENGTH) -> bool:
    """Same name, other spelling (Dhankar / Dhankhar): equal, or both at least `min_length`
    long with the same first letter and a rapidfuzz ratio of at least SPELLING_THRESHOLD.

    The one such check: the resolver, the article's entity clustering and the spreading of
    surnames through an article all ask it (shorter names must match exactly: Das / Dar)."""
    if a == b:
        return True
    if min(len(a), len(b)) < min_length:
        return False
    return a[0] == b[0] and ratio(a, b) >= SPELLING_THRESHOLD


def _full_names(forms: Iterable[str]) -> list[list[str]]:
    return [t for t in (name_tokens(f) for f in forms) if len(t) >= 2]


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    """'m kharge' ~ 'mallikarjun kharge'; 'rahul gandhi' !~ 'sonia gandhi'."""
    fa, fb = a[0], b[0]
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return spelling_variant(fa, fb)


def _surname(tokens: list[str]) -> str:
    return tokens[-1]


def person_match(mention: NamedInArticle, cand: Candidate) -> bool | None:
    """True: same person; False: surely different; None: only a bare surname agrees."""
    return _person_match(mention.forms(), cand.forms())


@lru_cache(maxsize=1 << 18)
def _person_match(m_forms: frozenset[str], c_forms: frozenset[str]) -> bool | None:
    """`person_match` on the two sides' forms, all it reads: cached, since a corpus names
    the same people again and again (a bulk load of 10k articles asked 300k times)."""
    m_full, c_full = _full_names(m_forms), _full_names(c_forms)
    # every pair is weighed, not the first one a set happens to yield: the answer must
    # not depend on PYTHONHASHSEED (a split Kharge in one of three fresh ingests)
    same_surname = [
        (a, b)
        for a in sorted(m_full)
        for b in sorted(c_full)
        if spelling_variant(_surname(a), _surname(b))
    ]
    if same_surname:
        return any(_first_names_compatible(a, b) for a, b in same_surname)
    m_single = {f for f in m_forms if len(f.split()) == 1}
    c_surnames = {_surname(t) for t in c_full} | {f for f in c_forms if " " not in f}
    m_surnames = {_surname(t) for t in m_full} | m_single
    if any(spelling_variant(a, b) for a in m_surnames for b in c_surnames):
        return None
    return False


def other_match(mention: NamedInArticle, cand: Candidate) -> bool:
    """Parties, offices, alliances, organisations: a shared form, or a close long name.

    Offices compare by their full names only: the bare titles among their aliases
    ("chief minister", "President") are shared by the offices of every state and
    country, so "Chief Minister of Assam" must not join "Chief Minister of Bihar".
    """
    if mention.label == NodeLabel.OFFICE:
        return _forms_match(frozenset({normalise(mention.name)}), frozenset({normalise(cand.name)}))
    return _forms_match(mention.forms(), cand.forms())


@lru_cache(maxsize=1 << 18)
def _forms_match(m_forms: frozenset[str], c_forms: frozenset[str]) -> bool:
    """`other_match` on the forms it compares (cached like `_person_match`)."""
    if m_forms & c_forms:
        return True
    long_m = [f for f in m_forms if len(f) >= 12]
    long_c = [f for f in c_forms if len(f) >= 12]
    return any(ratio(a, b) >= 94.0 for a in long_m for b in long_c)


def resolve(mention: NamedInArticle, candidates: Sequence[Candidate]) -> str | None:
    """The id of the entity this mention names, or None for a new entity."""
    same_type = [c for c in candidates if c.label == mention.label]
    if mention.label != NodeLabel.PERSON:
        hits = [c for c in same_type if other_match(mention, c)]
        return _best(mention, hits)
    sure = [c for c in same_type if person_match(mention, c) is True]
    if sure:
        return _best(mention, sure)
    weak = [c for c in same_type if person_match(mention, c) is None]
    if len(weak) == 1 and not _full_names(mention.forms()):
        return weak[0].id
    in_context = [c for c in weak if c.context & mention.context]
    if len(in_context) == 1:
        return in_context[0].id
    return None


def _best(mention: NamedInArticle, hits: Sequence[Candidate]) -> str | None:
    """Prefer the candidate sharing most forms, then context, then the smallest id."""
    if not hits:
        return None
    forms = mention.forms()
    ranked = sorted(
        hits, key=lambda c: (-len(c.forms() & forms), -len(c.context & mention.context), c.id)
    )
    return ranked[0].id


def new_entity_id(label: str, name: str, taken: set[str], *, salt: str) -> str:
    """`person:mallikarjun-kharge`, or a salted variant when that id names someone else."""
    base = f"{label.lower()}:{slug(name)}"
    if base not in taken:
        return base
    return f"{base}-{short_hash(salt, name, length=6)}"


def better_name(current: str, proposed: str, *, label: str) -> str:
    """Keep the most complete form as the display name (people: more name tokens)."""
    if label == NodeLabel.PERSON:
        cur, new = name_tokens(current), name_tokens(proposed)
        if len(new) > len(cur):
            return proposed
        return current
    return proposed if len(proposed) > len(current) and current in proposed else current


def lucene_terms(mention: NamedInArticle) -> str:
    """A full-text query for candidates: exact phrases plus fuzzy surnames."""
    phrases = {f for f in mention.forms() if f}
    clauses = [f'"{p}"' for p in sorted(phrases)]
    if mention.label == NodeLabel.PERSON:
        for tokens in sorted({tuple(name_tokens(f)) for f in mention.forms()}):
            if tokens and len(tokens[-1]) >= MIN_FUZZY_LENGTH:
                clauses.append(f"{tokens[-1]}~1")
            elif tokens:
                clauses.append(tokens[-1])
    return " OR ".join(clauses)
