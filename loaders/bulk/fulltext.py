"""The `entity_names` full-text index as the incremental writer sees it, in memory.

The writer asks Neo4j's Lucene index for each mention's candidates
(`write/entity_candidates`: the query `loaders.resolve.lucene_terms` builds, top 20 hits,
then the mention's label). A bulk load has no database to ask, and the ids must come out
the same, so this module answers the same query the way Lucene does: the index holds
`name` and `aliases` analysed like Neo4j's default `standard-no-stop-words` analyser
(Unicode word breaks, lower case, no accent folding); a quoted clause is a phrase (its
words next to each other in one field), `word~1` a fuzzy term (Damerau-Levenshtein
distance at most 1), a bare word a term. Known differences from Lucene, all rare in
names: the word breaks are a regular expression, not the full UAX#29 tables (CJK runs
stay one word), and when a probe matches more than `limit` entities the ranking is an
approximation of BM25 (`truncated` counts those probes so the summary can say so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

#: A word: letters/digits (and `_`, which UAX#29 also joins), with inner apostrophes,
#: periods and colons kept inside it (U.S, O'Brien, Dhankhar's) as the standard tokenizer does.
_WORD = re.compile(r"\w+(?:['\u2019.:\u00b7]\w+)*")


def analyse(text: str) -> list[str]:
    """The words the standard analyser indexes for `text`, in order."""
    return [w.lower() for w in _WORD.findall(text)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (Lucene's fuzzy default counts a transposition
    as one edit)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if la < lb else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


@dataclass
class _Doc:
    fields: tuple[list[str], list[str]]  # analysed name, analysed aliases (one stream)
    order: int  # insertion order: Lucene's doc id, its tie-breaker

    def words(self) -> set[str]:
        return set(self.fields[0]) | set(self.fields[1])


@dataclass
class Clause:
    """One clause of a `lucene_terms` query."""

    words: tuple[str, ...]
    fuzzy: bool = False


def parse_query(query: str) -> list[Clause]:
    """`"a b" OR c~1 OR d` -> clauses (the only shapes `lucene_terms` writes)."""
    clauses: list[Clause] = []
    for part in query.split(" OR "):
        part = part.strip()
        if part.startswith('"') and part.endswith('"'):
            words = tuple(analyse(part[1:-1]))
            if words:
                clauses.append(Clause(words))
        elif part.endswith("~1"):
            clauses.append(Clause((part[:-2].lower(),), fuzzy=True))
        elif words := tuple(analyse(part)):
            clauses.append(Clause(words))
    return clauses


def _has_run(stream: Sequence[str], words: Sequence[str]) -> bool:
    n = len(words)
    first = words[0]
    return any(
        stream[i] == first and list(stream[i : i + n]) == list(words)
        for i in range(len(stream) - n + 1)
    )


@dataclass
class FulltextIndex:
    """Entity id -> analysed name and aliases, with word postings for fast lookups."""

    limit: int = 20
    docs: dict[str, _Doc] = field(default_factory=dict)
    postings: dict[str, set[str]] = field(default_factory=dict)
    near: dict[str, set[str]] = field(default_factory=dict)  # deletion key -> words
    truncated: int = 0
    _next: int = 0

    def put(self, entity_id: str, name: str, aliases: Iterable[str]) -> None:
        """Index (or re-index, as a Lucene update does: a new doc id) an entity."""
        old = self.docs.pop(entity_id, None)
        if old is not None:
            for word in old.words():
                self.postings[word].discard(entity_id)
        alias_words = [w for alias in aliases for w in analyse(alias)]
        doc = _Doc((analyse(name), alias_words), self._next)
        self._next += 1
        self.docs[entity_id] = doc
        for word in doc.words():
            if word not in self.postings:
                self.postings[word] = set()
                for key in {word} | _deletions(word):
                    self.near.setdefault(key, set()).add(word)
            self.postings[word].add(entity_id)

    def _fuzzy_words(self, word: str) -> set[str]:
        found: set[str] = set()
        for key in {word} | _deletions(word):
            found |= {w for w in self.near.get(key, ()) if within_one_edit(word, w)}
        return found

    def _matches(self, clause: Clause) -> set[str]:
        if clause.fuzzy:
            hits: set[str] = set()
            for word in self._fuzzy_words(clause.words[0]):
                hits |= self.postings.get(word, set())
            return hits
        ids = set(self.postings.get(clause.words[0], set()))
        for word in clause.words[1:]:
            ids &= self.postings.get(word, set())
        if len(clause.words) == 1:
            return ids
        return {i for i in ids if any(_has_run(f, clause.words) for f in self.docs[i].fields)}

    def search(self, query: str) -> list[str]:
        """The ids the index returns for `query`, best first, at most `limit`."""
        score: dict[str, int] = {}
        for clause in parse_query(query):
            for entity_id in self._matches(clause):
                score[entity_id] = score.get(entity_id, 0) + 1
        if len(score) <= self.limit:
            return sorted(score, key=lambda i: self.docs[i].order)
        self.truncated += 1
        return sorted(score, key=self._rank(score))[: self.limit]

    def _rank(self, score: dict[str, int]) -> Callable[[str], tuple[int, int, int]]:
        """More matching clauses first, then shorter fields (BM25's length norm), then the
        older document (Lucene's tie-breaker)."""

        def key(entity_id: str) -> tuple[int, int, int]:
            doc = self.docs[entity_id]
            return (-score[entity_id], len(doc.fields[0]) + len(doc.fields[1]), doc.order)

        return key
