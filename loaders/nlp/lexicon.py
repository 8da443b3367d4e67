"""The rule word lists (`data/lexicon.json`), loaded once and tokenised like the text.

Multi-word entries ("hit out at", "general secretary") are compared token by token,
so `simple_tokens` splits them the way spaCy splits the article: on spaces, hyphens
and the possessive "'s".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

Phrase = tuple[str, ...]


def simple_tokens(text: str) -> list[str]:
    """A tokenizer close to spaCy's for list entries: splits on spaces and hyphens."""
    out: list[str] = []
    for word in text.lower().split():
        parts = word.replace("-", " - ").replace("'s", " 's").split()
        out += parts
    return out


@cache
def raw_lexicon() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources.files("loaders.nlp.data") / "lexicon.json").read_text("utf-8")
    )
    return data


@dataclass(frozen=True)
class Lexicon:
    """Lemma sets and phrase tuples used by the relation and quote rules."""

    speech: frozenset[str]
    criticize: frozenset[str]
    criticize_phrasal: PhraseIndex
    criticize_nouns: frozenset[str]
    #: "filed a case against X", "his campaign against X": action nouns that oppose
    #: whoever follows "against".
    against_nouns: frozenset[str]
    #: "filed / moved / launched" such a noun: its subject is the one opposing.
    against_verbs: frozenset[str]
    support: frozenset[str]
    support_phrasal: PhraseIndex
    support_nouns: frozenset[str]
    demand: frozenset[str]
    accuse_that: frozenset[str]
    negative_verbs: frozenset[str]
    punish: frozenset[str]
    negators: frozenset[str]
    hedges: frozenset[str]
    alliance_words: PhraseIndex
    alliance_breakers: PhraseIndex
    opposition_markers: PhraseIndex
    #: "quit the NDA", "snapped ties", "former ally": the alliance was, and has ended.
    alliance_enders: PhraseIndex
    negative_words: frozenset[str]
    seat_words: frozenset[str]
    honorifics: frozenset[str]
    former_words: frozenset[str]
    non_person_words: frozenset[str]
    #: Words of party names found in many countries ("Liberal Party", "People's Party"):
    #: such a name alone does not say which country a story is about.
    generic_name_words: frozenset[str] = frozenset()
    #: "called X a liar": a verb of naming with a scornful word for its object.
    name_calling: frozenset[str] = frozenset()
    #: "X came under fire from Y": Y criticised X.
    criticized_by_phrasal: PhraseIndex = field(default_factory=lambda: PhraseIndex(()))
    #: Lower-case words inside names: "von der Leyen", "Lula da Silva", "al-Sisi".
    name_particles: frozenset[str] = frozenset()
    #: Lower-case words that describe a party before its name ("the ruling X").
    party_descriptors: frozenset[str] = frozenset()
    #: "X demanded Y's suspension": a punishment asked for is criticism of its target.
    punish_nouns: frozenset[str] = frozenset()
    #: "X held Y responsible for the collapse": blame given with a complement.
    blame_complements: frozenset[str] = frozenset()
    #: "X joined the BJP" / "X quit the Congress": membership starts or ends.
    join_verbs: frozenset[str] = frozenset()
    leave_verbs: frozenset[str] = frozenset()
    #: "X was sworn in as O", "who served as O": the subject takes or holds the office.
    office_start_verbs: frozenset[str] = frozenset()
    #: "X resigned as O", "was removed as O": the subject held the office, and no longer.
    office_end_verbs: frozenset[str] = frozenset()
    #: "trained his guns on Y", "turned her fire on Y", "directed his ire at Y": a verb
    #: of aiming with one of these objects criticises whoever it is aimed at.
    aim_verbs: frozenset[str] = frozenset()
    aim_objects: frozenset[str] = frozenset()
    #: "X, the BJP's rival": a party's possessive that does not make X a member.
    opponent_nouns: frozenset[str] = frozenset()
    #: "X, himself a TMC defector": a member once, no longer.
    defector_nouns: frozenset[str] = frozenset()


def _phrases(items: Iterable[str | list[str]]) -> tuple[Phrase, ...]:
    out = []
    for item in items:
        out.append(tuple(item) if isinstance(item, list) else tuple(simple_tokens(item)))
    return tuple(sorted(set(out), key=len, reverse=True))


@cache
def load_lexicon() -> Lexicon:
    raw = raw_lexicon()
    words = {
        k: frozenset(v)
        for k, v in raw.items()
        if isinstance(v, list) and v and isinstance(v[0], str)
    }
    return Lexicon(
        speech=words["speech_verbs"],
        criticize=words["criticize_verbs"],
        criticize_phrasal=PhraseIndex(_phrases(raw["criticize_phrasal"])),
        criticize_nouns=words["criticize_nouns"],
        against_nouns=words["against_nouns"],
        against_verbs=words["against_verbs"],
        support=words["support_verbs"],
        support_phrasal=PhraseIndex(_phrases(raw["support_phrasal"])),
        support_nouns=words["support_nouns"],
        demand=words["demand_verbs"],
        punish=words["punish_verbs"],
        accuse_that=words["accuse_that_verbs"],
        negative_verbs=words["negative_verbs"],
        negators=words["negators"],
        hedges=words["hedges"],
        alliance_words=PhraseIndex(_phrases(raw["alliance_words"])),
        alliance_breakers=PhraseIndex(_phrases(raw["alliance_breakers"])),
        opposition_markers=PhraseIndex(_phrases(raw["opposition_markers"])),
        alliance_enders=PhraseIndex(_phrases(raw["alliance_enders"])),
        negative_words=words["negative_words"],
        seat_words=words["seat_words"],
        honorifics=words["honorifics"],
        former_words=words["former_words"],
        non_person_words=words["non_person_words"],
        generic_name_words=words["generic_name_words"],
        party_descriptors=words["party_descriptors"],
        name_particles=words["name_particles"],
        name_calling=words["name_calling_verbs"],
        criticized_by_phrasal=PhraseIndex(_phrases(raw["criticized_by_phrasal"])),
        join_verbs=words["join_verbs"],
        leave_verbs=words["leave_verbs"],
        punish_nouns=words["punish_nouns"],
        blame_complements=words["blame_complements"],
        office_start_verbs=words["office_start_verbs"],
        office_end_verbs=words["office_end_verbs"],
        aim_verbs=words["aim_verbs"],
        aim_objects=words["aim_objects"],
        opponent_nouns=words["opponent_nouns"],
        defector_nouns=words["defector_nouns"],
    )


class PhraseIndex:
    """Phrases by their first word, longest first: a lookup costs one dict access plus
    the few phrases sharing that word, not a scan of the whole list (a hot path: every
    token of every article is tried against the post and lexicon tables)."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.by_first: dict[str, list[Phrase]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            if phrase:
                self.by_first.setdefault(phrase[0], []).append(phrase)

    def __iter__(self) -> Iterator[Phrase]:
        for group in self.by_first.values():
            yield from group


def phrase_at(words: Sequence[str], i: int, phrases: PhraseIndex) -> int | None:
    """End index of the longest phrase that starts at words[i], else None."""
    if i >= len(words):
        return None
    for phrase in phrases.by_first.get(words[i], ()):
        n = len(phrase)
        if tuple(words[i : i + n]) == phrase:
            return i + n
    return None


class PhraseTable:
    """Phrases with a value each ("general secretary" -> its office template), looked up
    the way a PhraseIndex is."""

    def __init__(self, table: dict[Phrase, str]) -> None:
        self.table = table
        self.index = PhraseIndex(table)

    def __iter__(self) -> Iterator[Phrase]:
        return iter(self.table)

    def at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """(end, value) of the longest phrase starting at words[i], else None."""
        end = phrase_at(words, i, self.index)
        return (end, self.table[tuple(words[i:end])]) if end is not None else None


def contains_phrase(words: Sequence[str], phrases: PhraseIndex) -> bool:
    return any(phrase_at(words, i, phrases) is not None for i in range(len(words)))
