"""The evaluative lexicon (data/evaluative.json): how much a word said about someone counts
against (-) or for (+) them. Its own module because both the speech-polarity rules and the
name-calling rule ("called the Senate's decision unfortunate") read it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from loaders.nlp.lexicon import simple_tokens


@dataclass(frozen=True)
class Evaluative:
    """Word weights (negative for blame) and the multi-word entries, by first word."""

    weights: dict[str, int]
    phrases: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    flips: frozenset[str]
    hedges: frozenset[str]


@cache
def evaluative() -> Evaluative:
    data = json.loads((resources.files("loaders.nlp.data") / "evaluative.json").read_text("utf-8"))
    weights: dict[str, int] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for sign, key in ((-1, "negative"), (1, "positive")):
        for weight, words in data[key].items():
            for entry in words:
                parts = tuple(simple_tokens(entry))
                if len(parts) == 1:
                    weights[parts[0]] = sign * int(weight)
                else:
                    phrases.setdefault(parts[0], []).append((parts, sign * int(weight)))
    return Evaluative(
        weights,
        {k: tuple(v) for k, v in phrases.items()},
        frozenset(data["flip_words"]),
        frozenset(data["hedge_words"]),
    )


def is_scornful(word: str) -> bool:
    """A single word the lexicon counts against whoever it is said of."""
    return evaluative().weights.get(word, 0) < 0
