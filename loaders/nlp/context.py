"""What the relation and quote rules share: the doc, its mentions and their resolution.

Rules ask one question over and over: *which entity does this token stand for?* A token
inside a mention answers directly; a pronoun ("he", "her") goes to the person most
recently in play; a definite description ("the Congress president", "the chief
minister") goes to the one person the article has said holds that office.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from graph_schema import NodeLabel
from loaders.nlp.entities import EntityCluster
from loaders.nlp.lexicon import Lexicon
from loaders.nlp.mentions import Mention

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
QUOTE_REACH = 30  # tokens before a quotation in which its "he" may find its person


@dataclass
class Context:
    doc: Doc
    mentions: list[Mention]
    clusters: list[EntityCluster]
    lex: Lexicon
    by_token: dict[int, Mention] = field(default_factory=dict)
    holders: dict[int, set[int]] = field(default_factory=dict)  # office entity -> people
    quoted: set[int] = field(default_factory=set)  # tokens inside quotation marks
    #: token -> speaker, for the tokens of attributed quotations: "I" and "we" there
    #: stand for the speaker ("We will support the president").
    voice: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            if m.entity < 0 or m.inner:
                continue
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def type_of(self, entity: int) -> str:
        return self.clusters[entity].type

    def mention(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def _as_person(self, m: Mention) -> int | None:
        """A mention's person: itself, or the known holder of a described office."""
        if m.type == NodeLabel.PERSON:
            return m.entity
        if m.type == NodeLabel.OFFICE and not m.inner:
            return self.holder_of(m.entity)
        return None

    def last_person_before(
        self, i: int, *, exclude: set[int] | frozenset[int] = frozenset(), window: int = 240
    ) -> int | None:
        """The person most recently in play before token i.

        Within the sentence the nearest person wins; across sentences the most recent
        grammatical subject (so "He added" follows the speaker, not the person spoken of).
        A description whose holder is known ("the Congress president") counts as that
        person.
        """
        sent_start = self.doc[i].sent.start
        nearest = subject = None
        for m in reversed(self.mentions):
            if m.start >= i:
                continue
            if i - m.start > window:
                break
            person = self._as_person(m)
            if person is None or person in exclude or m.start in self.quoted:
                continue
            if nearest is None:
                nearest = (m, person)
            root = self.doc[m.start : m.end].root
            if root.dep_ == "appos":  # "Former chief minister A attended": the title heads
                root = root.head
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
                subject = person  # the main clause's subject, not a reported one's
                break
        if nearest is not None and nearest[0].start >= sent_start:
            return nearest[1]
        if subject is not None:
            return subject
        return nearest[1] if nearest else None

    def quoted_referent(
        self, pronoun: Token, *, exclude: set[int] | frozenset[int] = frozenset()
    ) -> int | None:
        """Whom "he" / "her" inside a quotation means: a person the quotation named before
        it, else a person named just before the quotation began ("Singh reserved his
        sharpest words for Sidhu. "He is a complete disaster""). Farther back is a guess."""
        lo = pronoun.i
        while lo - 1 in self.quoted:
            lo -= 1
        speaker = self.voice.get(pronoun.i)
        skip = {*exclude, speaker} if speaker is not None else set(exclude)
        for m in reversed(self.mentions):
            if lo <= m.start < pronoun.i and m.type == NodeLabel.PERSON and m.entity not in skip:
                return m.entity
        for m in reversed(self.mentions):
            if m.start >= lo:
                continue
            if lo - m.end > QUOTE_REACH:
                return None
            if m.type == NodeLabel.PERSON and m.entity not in skip and m.start not in self.quoted:
                return m.entity
        return None

    def holder_of(self, office_entity: int) -> int | None:
        people = self.holders.get(office_entity, set())
        return next(iter(people)) if len(people) == 1 else None

    def resolve(
        self, tok: Token, *, exclude: set[int] | frozenset[int] = frozenset()
    ) -> int | None:
        """The entity a token stands for: its mention, a pronoun's referent, an office holder."""
        m = self.mention(tok)
        if m is not None:
            if m.type == NodeLabel.OFFICE:
                named = [
                    c
                    for c in tok.children
                    if c.dep_ == "appos"
                    and (cm := self.mention(c)) is not None
                    and cm.type == NodeLabel.PERSON
                ]
                # "Former West Bengal minister Suvendu Adhikari joined": the name, when
                # the parser makes the title the head
                return self.resolve(named[0]) if named else self.holder_of(m.entity)
            return m.entity
        if tok.lower_ in FIRST_PERSON and tok.i in self.voice:
            return self.voice[tok.i]
        if tok.lower_ in PERSON_PRONOUNS and tok.i in self.quoted:
            return self.quoted_referent(tok, exclude=exclude)
        if tok.lower_ in PERSON_PRONOUNS:
            if (same := self._same_pronoun_subject(tok)) is not None:
                return self.resolve(same, exclude=exclude)
            return self.last_person_before(tok.i, exclude=exclude)
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head != tok:
            # "Banerjee, who mimicked him": the relative clause's noun is the one meant
            return self.resolve(tok.head.head, exclude=exclude)
        # "the separatist parties Junts and ERC": a noun named by its apposition
        for child in tok.children:
            if child.dep_ == "appos" and self.mention(child) is not None:
                return self.resolve(child, exclude=exclude)
        # the head noun of a description: "the party's chief minister" -> its compound mention
        for child in tok.children:
            cm = self.mention(child)
            if child.dep_ in ("compound", "amod", "poss") and cm and cm.type == NodeLabel.OFFICE:
                return self.holder_of(cm.entity)
        return None

    def _same_pronoun_subject(self, tok: Token) -> Token | None:
        """ "In 2023 she quit the party of Speaker R, and last June she resigned": a
        subject pronoun repeated within a sentence goes on meaning the same person, not
        the nearest name before it."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for prev in self.doc[tok.sent.start : tok.i]:
            if (
                prev.lower_ == tok.lower_
                and prev.dep_ in ("nsubj", "nsubjpass")
                and prev.i not in self.quoted  # a quotation's "he" is someone else's
            ):
                return prev
        return None

    def actor(self, tok: Token, *, exclude: set[int] | frozenset[int] = frozenset()) -> list[int]:
        """Entities a subject/object token stands for, following coordination ("A and B")."""
        out = []
        tokens = [tok, *_conjuncts(tok)]
        if self.mention(tok) is None:  # "the parties Junts and ERC": the apposition's list
            tokens += [g for c in tok.children if c.dep_ == "appos" for g in _conjuncts(c)]
        for t in tokens:
            e = self.resolve(t, exclude=exclude)
            if e is not None and e not in out:
                out.append(e)
            if (m := self.mention(t)) is not None:
                out += [c for c in self.coordinated(m) if c not in out and c not in exclude]
        return out

    def coordinated(self, m: Mention) -> list[int]:
        """People (or parties) listed with this one ("President A and Prime Minister B",
        "Junts and the ERC, the PNV (PNV), EH Bildu and CC"): the small model often attaches
        the others elsewhere, so read the list off the text. Commas alone make no list
        ("... led by Yolanda Díaz, Sánchez was backed"): an "and" must close it."""
        kinds: tuple[str, ...] = ()
        if m.type == NodeLabel.PERSON:
            kinds = (NodeLabel.PERSON,)
        elif m.type in (NodeLabel.PARTY, NodeLabel.ALLIANCE):
            kinds = (NodeLabel.PARTY, NodeLabel.ALLIANCE)
        left = self._walk(m, -1, kinds)
        right = self._walk(m, 1, kinds)
        joiners = [j for _, j in left + right]
        if "and" not in joiners:
            return []
        return [e for e, _ in left + right]

    def _walk(self, m: Mention, step: int, kinds: tuple[str, ...]) -> list[tuple[int, str]]:
        """(entity, joiner) of the mentions listed next to m on one side."""
        found: list[tuple[int, str]] = []
        after = m.start - 1 if step < 0 else m.end
        edge = self._past_extras(self.skip_titles(after, step), step)
        while 0 <= edge < len(self.doc) and (joiner := self.doc[edge].lower_) in ("and", ","):
            at = self._past_extras(self.skip_titles(edge + step, step), step)
            n = self.by_token.get(at)
            if n is None or n.type not in kinds:
                break
            found.append((n.entity, joiner))
            edge = self._past_extras(
                self.skip_titles(n.start - 1 if step < 0 else n.end, step), step
            )
        return found

    def _past_extras(self, i: int, step: int) -> int:
        """Past a bracketed acronym and a "the" between list items: "the ERC (ERC),"."""
        doc = self.doc
        for _ in range(2):
            if step > 0 and i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                i += 3
            elif step < 0 and i - 2 >= 0 and doc[i].text == ")" and doc[i - 2].text == "(":
                i -= 3
            if 0 <= i < len(doc) and doc[i].lower_ == "the":
                i += step
        return i

    def skip_titles(self, i: int, step: int) -> int:
        """The first token from i (walking by step) that is not part of an office title."""
        while 0 <= i < len(self.doc) and (t := self.by_token.get(i)) and t.type == NodeLabel.OFFICE:
            i = t.start - 1 if step < 0 else t.end
        return i

    def mention_before(self, tok: Token, *, gap: int = 2) -> Mention | None:
        """The mention ending at most `gap` tokens before `tok` in its sentence (an
        unexpressed subject: "Banerjee, mimicking Dhankar", "slammed X for mocking")."""
        i = tok.i - 1
        while i >= tok.sent.start and tok.i - i <= gap + 1:
            m = self.by_token.get(i)
            if m is not None and m.type in (NodeLabel.PERSON, NodeLabel.PARTY):
                return m
            if self.doc[i].text not in (",", "for", "by", "after", "while", "’s", "'s"):
                return None
            i -= 1
        return None


def _conjuncts(tok: Token) -> list[Token]:
    found = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop()
        found.append(t)
        stack += [c for c in t.children if c.dep_ == "conj"]
    return found
