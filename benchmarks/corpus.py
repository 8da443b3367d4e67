"""Synthetic political news with planted facts, for benchmarks (issue 6).

Every article is written from templates about the fictional country of
`corpus_world`, and every fact that the text states is recorded beside it in the
extraction contract's shape (`loaders.contract.Extraction`). Benchmarks can then
measure ingest throughput on corpora of any size and extraction quality against
gold that is correct by construction, without licensing or annotating real news.

Output is a pure function of (n, seed): each article has its own
`random.Random`, so articles are generated one at a time in constant memory and
any article can be regenerated alone.

    python -m benchmarks.corpus --n 1000 --seed 7 --out benchmarks/corpus/1k
    python -m benchmarks.corpus --n 20 --seed 1 --out /tmp/x --as-dev
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from benchmarks import corpus_phrases as ph
from benchmarks.corpus_world import (
    CAPITAL,
    COUNTRY,
    END,
    HOUSE,
    REGIONS,
    START,
    Person,
    Tenure,
    World,
    build_world,
)
from graph_schema import NodeLabel, RelType

MIN_WORDS, MAX_WORDS = 400, 900
PARTY_ROLES = ("leader", "leader", "MP", "lawmaker", "veteran", "legislator", "politician")
T = TypeVar("T")
DATELINE_STYLES = ("{city}: ", "{city}: ", "{CITY}: ", "{city}, {month} {day} (KNS): ")


class Post(NamedTuple):
    """A person's tenure as a slot value, so office sentences can name the post."""

    person: Person
    tenure: Tenure


_PARSED: dict[str, list[tuple[str, str | None, str]]] = {}


def _parse(template: str) -> list[tuple[str, str | None, str]]:
    """Template pieces (literal, field, spec), cached: parsing dominates otherwise."""
    parts = _PARSED.get(template)
    if parts is None:
        parts = [(lit, fld, spec or "") for lit, fld, spec, _ in string.Formatter().parse(template)]
        _PARSED[template] = parts
    return parts


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """`rng.choice` at a third of the cost; it is the generator's commonest call."""
    return seq[int(rng.random() * len(seq))]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _month(day: int) -> str:
    d = date.fromordinal(day)
    return f"{ph.MONTHS[d.month - 1]} {d.year}"


class _Doc:
    """One article being written: its text, and the entities and facts it states.

    Entity references go through `person`/`party`/`alliance` so that the first
    mention carries the full name (and whatever descriptor plants a fact) and
    later mentions the short form, and so that every surface form used is
    recorded as an alias.
    """

    def __init__(self, world: World, rng: random.Random, day: int) -> None:
        self.w, self.rng, self.day = world, rng, day
        self.curly = rng.random() < 0.4
        self.oq, self.cq = ("“", "”") if self.curly else ('"', '"')
        self.issue = _pick(rng, ph.ISSUES)
        self.region, self.city = _pick(rng, REGIONS)
        self.entities: dict[str, dict] = {}
        self.relations: dict[tuple[str, str, str], dict] = {}
        self.quotes: list[dict] = []
        self.short: dict[str, str] = {}
        self.related: set[frozenset[str]] = set()  # pairs with a planted relation
        self.negated: set[frozenset[str]] = set()  # pairs a negative sentence spoke of
        self.used_filler: set[int] = set()
        self.used: set[str] = set()  # templates and quote bodies already in this article
        self.stance: dict[tuple[str, str], str] = {}  # (subject, object) -> relation type
        self._pending: list[tuple[str, list[str]]] = []
        self._bodies: list[str] = []
        self._speaker: Person | None = None
        self._about: list[str] = []
        self.lead: tuple[str, object, object] | None = None
        self._values = self._value_table()
        self.cast = self._pick_cast()

    # ----------------------------------------------------------------- cast
    def _pick_cast(self) -> list[Person]:
        """3-6 politicians from two or three parties, office holders favoured."""
        rng, w = self.rng, self.w
        keys = list(w.parties)
        first = rng.choices(keys, (22, 10, 9, 8, 18, 12, 10, 11))[0]
        parties = [first, _pick(rng, [k for k in keys if k != first])]
        if rng.random() < 0.4:
            parties.append(_pick(rng, [k for k in keys if k not in parties]))
        size = rng.randint(3, 6)
        cast: list[Person] = []
        while len(cast) < size:
            pk = parties[len(cast) % len(parties)]
            holders = [p for p in w.holders_by_party[pk] if p.tenures[0].start <= self.day]
            pool = holders if holders and rng.random() < 0.65 else w.by_party[pk]
            p = _pick(rng, pool)
            if p not in cast:
                cast.append(p)
        surnames: dict[str, int] = {}
        for p in cast:
            surnames[p.last] = surnames.get(p.last, 0) + 1
        self.short = {p.key: p.last if surnames[p.last] == 1 else p.full for p in cast}
        return cast

    # ------------------------------------------------------------- entities
    def _entity(self, key: str, name: str, etype: str) -> str:
        ent = self.entities.get(key)
        if ent is None:
            ent = {
                "id": f"e{len(self.entities) + 1}",
                "name": name,
                "type": etype,
                "aliases": [],
                "mentions": 0,
            }
            self.entities[key] = ent
        ent["mentions"] += 1
        return ent["id"]

    def _alias(self, key: str, surface: str) -> None:
        ent = self.entities[key]
        if surface.lower() != ent["name"].lower() and surface not in ent["aliases"]:
            ent["aliases"].append(surface)

    def eid(self, key: str) -> str:
        return self.entities[key]["id"]

    def relate(self, rtype: str, subj: str, obj: str, status: str | None = None) -> None:
        """Plant a relation between two registered entities (by world key), once."""
        s, o = self.eid(subj), self.eid(obj)
        if rtype == RelType.ALLIED_WITH and int(s[1:]) > int(o[1:]):
            s, o = o, s
        rel = {"type": rtype, "subject": s, "object": o}
        if status:
            rel["status"] = status
        self.relations.setdefault((rtype, s, o), rel)
        if rtype in (RelType.CRITICIZED, RelType.SUPPORTED):
            self.stance[(subj, obj)] = rtype
        if rtype not in (RelType.HOLDS_OFFICE, RelType.MEMBER_OF):
            self.related.add(frozenset((subj, obj)))

    @staticmethod
    def key_of(obj: object) -> str:
        if isinstance(obj, Person):
            return obj.key
        return str(obj)

    # --------------------------------------------------------------- people
    def person(self, p: Person, spec: str) -> str:
        """A reference to a politician; the first one may carry a descriptor."""
        if spec in ("p", "P", "h", "O"):
            word = {
                "p": ("he", "she"),
                "P": ("He", "She"),
                "h": ("his", "her"),
                "O": ("him", "her"),
            }[spec][p.gender == "f"]
            return word
        if p.key in self.entities:
            self._entity(p.key, p.full, NodeLabel.PERSON)
            short = self.short[p.key]
            self._alias(p.key, short)
            return short
        self._entity(p.key, p.full, NodeLabel.PERSON)
        return self._introduce(p, spec)

    def _introduce(self, p: Person, spec: str) -> str:
        """First mention: full name with a descriptor chosen for the slot's grammar."""
        styles: list[tuple[Callable[[Person], str | None], int]] = [(self._plain, 2)]
        if spec != "n":
            styles += [(self._title, 5), (self._former_title, 2), (self._party_mod, 3)]
        if spec in ("s", "o"):
            styles += [(self._party_of, 2), (self._paren, 1)]
        if spec == "s":
            styles += [(self._appos, 3), (self._former_appos, 1), (self._who, 2)]
        funcs = [f for f, _ in styles]
        weights = [wt for _, wt in styles]
        for _ in range(4):
            text = self.rng.choices(funcs, weights)[0](p)
            if text is not None:
                return text
        return self._plain(p)

    def _plain(self, p: Person) -> str:
        return p.full

    def _post(self, p: Person, tenure: Tenure, kind: str, status: str) -> str | None:
        """Surface form of a post, planting HOLDS_OFFICE (and MEMBER_OF for party posts)."""
        office = self.w.offices[tenure.office]
        forms = office.titles if kind == "title" else office.appos
        if office.party is not None:
            party_key = f"party:{office.party}"
            if party_key not in self.entities:
                forms = tuple(f for f in forms if "{acr}" not in f)
            if not forms:
                return None
        form = _pick(self.rng, forms)
        text = alias = form
        if office.party is not None:
            acr = self.w.parties[office.party].acr
            if "{acr}" in form:
                self.party(office.party, "m")
                text = alias = form.replace("{acr}", acr)
            else:
                np_text = self.party(office.party, "n")
                text = form.replace("{np}", np_text)
                alias = form.replace("{np}", np_text.removesuffix(f" ({acr})"))
        okey = f"office:{office.key}"
        self._entity(okey, office.name, NodeLabel.OFFICE)
        self._alias(okey, alias)
        self.relate(RelType.HOLDS_OFFICE, p.key, okey, status)
        if office.party is not None:
            self.relate(RelType.MEMBER_OF, p.key, f"party:{office.party}")
        return text

    def _title(self, p: Person) -> str | None:
        cur = p.current(self.day)
        if not cur:
            return None
        title = self._post(p, _pick(self.rng, cur), "title", "current")
        return None if title is None else f"{title} {p.full}"

    def _former_title(self, p: Person) -> str | None:
        old = p.former(self.day)
        if not old:
            return None
        title = self._post(p, _pick(self.rng, old), "title", "former")
        return None if title is None else f"former {title} {p.full}"

    def _appos(self, p: Person) -> str | None:
        cur = p.current(self.day)
        if not cur:
            return None
        post = self._post(p, _pick(self.rng, cur), "appos", "current")
        return None if post is None else f"{p.full}, the {post},"

    def _former_appos(self, p: Person) -> str | None:
        old = p.former(self.day)
        if not old:
            return None
        post = self._post(p, _pick(self.rng, old), "appos", "former")
        return None if post is None else f"{p.full}, a former {post},"

    def _who(self, p: Person) -> str | None:
        """ "NRP leader X, who is also the Finance Minister," and the like."""
        cur = p.current(self.day)
        if not cur:
            return None
        also = _pick(self.rng, cur)
        rest = [t for t in cur if t is not also]
        head = None
        if rest:
            title = self._post(p, rest[0], "title", "current")
            head = None if title is None else f"{title} {p.full}"
        if head is None:
            head = self._party_mod(p)
        post = self._post(p, also, "appos", "current")
        return None if post is None else f"{head}, who is also the {post},"

    def _party_mod(self, p: Person) -> str:
        role = _pick(self.rng, PARTY_ROLES)
        text = f"{self.party(p.party, 'm')} {role} {p.full}"
        self.relate(RelType.MEMBER_OF, p.key, f"party:{p.party}")
        return ("senior " + text) if role == "leader" and self.rng.random() < 0.2 else text

    def _party_of(self, p: Person) -> str:
        text = f"{p.full} of {self.party(p.party, 'n')}"
        self.relate(RelType.MEMBER_OF, p.key, f"party:{p.party}")
        return text

    def _paren(self, p: Person) -> str | None:
        if f"party:{p.party}" not in self.entities:
            return None
        text = f"{p.full} ({self.party(p.party, 'm')})"
        self.relate(RelType.MEMBER_OF, p.key, f"party:{p.party}")
        return text

    # ------------------------------------------------------ parties, blocs
    def party(self, pk: str, spec: str) -> str:
        """ "the National Renewal Party (NRP)" first, "the NRP" / "NRP" afterwards."""
        party = self.w.parties[pk]
        key = f"party:{pk}"
        first = key not in self.entities
        self._entity(key, party.name, NodeLabel.PARTY)
        self._alias(key, party.acr)
        if first:
            full = f"{party.name} ({party.acr})"
            return full if spec == "m" else f"the {full}"
        return party.acr if spec == "m" else f"the {party.acr}"

    def alliance(self, ak: str, spec: str) -> str:
        al = self.w.alliances[ak]
        key = f"alliance:{ak}"
        first = key not in self.entities
        self._entity(key, al.name, NodeLabel.ALLIANCE)
        if first:
            text = al.name
            if al.acr:
                text = f"{al.name} ({al.acr})"
                self._alias(key, al.acr)
            return text if spec == "m" else f"the {text}"
        if spec == "m":
            surface = al.acr or al.name
            self._alias(key, surface)
            return surface
        text, alias = _pick(self.rng, al.later_forms)
        self._alias(key, alias)
        return text

    # ------------------------------------------------------------ rendering
    def _value_table(self) -> dict[str, Callable[[], str]]:
        """Makers of plain slot values; fresh randomness per use keeps sentences varied."""
        rng = self.rng
        return {
            "issue": lambda: self.issue if rng.random() < 0.7 else _pick(rng, ph.ISSUES),
            "region": lambda: self.region if rng.random() < 0.6 else _pick(rng, REGIONS)[0],
            "capital": lambda: CAPITAL,
            "house": lambda: HOUSE,
            "country": lambda: COUNTRY,
            "weekday": lambda: _pick(rng, ph.WEEKDAYS),
            "month": lambda: _pick(rng, ph.MONTHS),
            "n": lambda: str(rng.randint(2, 14)),
            "pct": lambda: str(rng.randint(48, 81)),
            "seats": lambda: str(rng.randint(3, 40)),
            "house_seats": lambda: "301",
            "majority": lambda: "151",
            "past_year": lambda: str(_pick(rng, (2017, 2018, 2019, 2020))),
            "join_year": lambda: str(_pick(rng, (2015, 2016, 2018, 2019))),
            "misdeed": lambda: _pick(rng, ph.MISDEEDS),
            "problem": lambda: _pick(rng, ph.PROBLEMS),
            "achievement": lambda: _pick(rng, ph.ACHIEVEMENTS),
            "event": lambda: _pick(rng, ph.EVENTS),
            "when": lambda: _pick(rng, ph.WHEN),
            "clause": lambda: _pick(rng, ph.FILLER_CLAUSES),
        }

    def value(self, name: str, extra: dict[str, str]) -> str:
        """A plain slot value; values may themselves hold slots ("misleading the {house}")."""
        if name in extra:
            return extra[name]
        text = self._values[name]()
        return self.render(text, {}, extra) if "{" in text else text

    def render(self, template: str, roles: dict[str, object], extra: dict[str, str]) -> str:
        """Fill a template in textual order, so first mentions get the full forms."""
        out = []
        for lit, fld, spec in _parse(template):
            out.append(lit)
            if fld is None:
                continue
            if fld in ("Q1", "Q2"):
                out.append(self._quote_slot(int(fld[1]) - 1, spec))
            elif fld in roles:
                out.append(self._ref(roles[fld], spec))
            else:
                out.append(self.value(fld, extra))
        return "".join(out)

    def _ref(self, obj: object, spec: str) -> str:
        if isinstance(obj, Person):
            return self.person(obj, spec)
        if isinstance(obj, Post):
            text = self._post(
                obj.person,
                obj.tenure,
                "appos",
                "current" if obj.tenure.end > self.day else "former",
            )
            return text or self.w.offices[obj.tenure.office].name
        kind, key = str(obj).split(":")
        return self.party(key, spec) if kind == "party" else self.alliance(key, spec)

    def _quote_slot(self, i: int, spec: str) -> str:
        body = self._bodies[i]
        if "l" in spec and not body.startswith(("I ", "{")) and body[:1].isupper():
            body = body[0].lower() + body[1:]
        text = body + spec[-1]
        self._pending.append((text, self._about))
        return f"{self.oq}{text}{self.cq}"

    def sentence(
        self, template: str, roles: dict[str, object], extra: dict[str, str] | None = None
    ) -> str:
        return _cap(self.render(template, roles, extra or {}))

    # ---------------------------------------------------------------- facts
    def _bind(self, subj: str, obj: str, rtype: str) -> dict[str, object] | None:
        """Cast members for a fact template's roles, or None if it cannot apply."""
        rng, w = self.rng, self.w
        a, b = self.rng.sample(self.cast, 2)
        s_party = a.party
        roles: dict[str, object] = {"A": a} if subj == "A" else {"P": f"party:{s_party}"}
        if obj == "B":
            if subj == "P" and rtype == RelType.CRITICIZED and b.party == s_party:
                return None  # a party attacking its own member reads as an error
            roles["B"] = b
        elif obj == "Q":
            others = [c.party for c in self.cast if c.party != s_party]
            if not others:
                return None
            roles["Q"] = f"party:{_pick(rng, others)}"
        elif obj == "L":
            own = w.parties[s_party].alliance
            if rtype == RelType.SUPPORTED:
                if own is None:
                    return None
                roles["L"] = f"alliance:{own}"
            else:
                rivals = [k for k in w.alliances if k != own]
                roles["L"] = f"alliance:{_pick(rng, rivals)}"
        s_key = self.key_of(roles[subj])
        o_key = self.key_of(roles[obj])
        if frozenset((s_key, o_key)) in self.negated:
            return None
        if self.stance.get((s_key, o_key), rtype) != rtype:
            return None  # an article does not both attack and praise someone
        return roles

    def fact(self, rtype: str) -> str | None:
        """One sentence that plants a CRITICIZED, SUPPORTED or ALLIED_WITH relation."""
        if rtype == RelType.ALLIED_WITH:
            return self._alliance_fact()
        pool = ph.CRITICISM if rtype == RelType.CRITICIZED else ph.SUPPORT
        for _ in range(6):
            template, subj, obj = _pick(self.rng, pool)
            if template in self.used:
                continue
            roles = self._bind(subj, obj, rtype)
            if roles is None:
                continue
            self.used.add(template)
            text = self.sentence(template, roles)
            self.relate(rtype, self.key_of(roles[subj]), self.key_of(roles[obj]))
            self.lead = self.lead or (rtype, roles[subj], roles[obj])
            return text
        return None

    def _alliance_fact(self) -> str | None:
        w, rng = self.w, self.rng
        aligned = [c.party for c in self.cast if w.parties[c.party].alliance]
        if not aligned:
            return None
        pk = _pick(rng, aligned)
        ak = w.parties[pk].alliance
        assert ak is not None
        template, _, obj = _pick(rng, ph.ALLIANCE)
        if template in self.used:
            template, _, obj = _pick(rng, ph.ALLIANCE)
        self.used.add(template)
        if obj == "Q":
            mates = [m for m in w.members(ak) if m != pk]
            other = f"party:{_pick(rng, mates)}"
        else:
            other = f"alliance:{ak}"
        if frozenset((f"party:{pk}", other)) in self.negated:
            return None
        roles: dict[str, object] = {"P": f"party:{pk}", obj: other}
        joined = str(2014 + list(w.parties).index(pk))  # stable across articles
        text = self.sentence(template, roles, {"join_year": joined})
        self.relate(RelType.ALLIED_WITH, f"party:{pk}", other)
        self.lead = self.lead or (RelType.ALLIED_WITH, f"party:{pk}", other)
        return text

    def office_fact(self) -> str | None:
        """ "X was sworn in as ...", "X stepped down as ..." for a cast member's post."""
        posts = [(p, t) for p in self.cast for t in p.tenures if t.start <= self.day]
        if not posts:
            return None
        p, t = _pick(self.rng, posts)
        if t.end <= self.day:
            template = _pick(self.rng, ph.OFFICE_FORMER)
        elif self.day - t.start < 10:
            template = ph.OFFICE_CURRENT[0]
        else:
            template = _pick(self.rng, ph.OFFICE_CURRENT[1:])
        extra = {"start_month": _month(t.start), "end_month": _month(t.end)}
        return self.sentence(template, {"A": p, "O": Post(p, t)}, extra)

    def appearance(self) -> str:
        c = _pick(self.rng, self.cast)
        return self.sentence(self._fresh(ph.APPEARANCE), {"C": c})

    # ------------------------------------------------------------ negatives
    def negative(self) -> str | None:
        """A sentence naming a relation that does not hold; nothing is planted."""
        rng, w = self.rng, self.w
        kind = rng.random()
        if kind < 0.6:
            a, b = rng.sample(self.cast, 2)
            pair = frozenset((a.key, b.key))
            template = self._fresh(ph.NEGATIVE_PAIR)
            roles: dict[str, object] = {"A": a, "B": b}
        elif kind < 0.8:
            pk = _pick(rng, [c.party for c in self.cast])
            outside = [k for k in w.alliances if k != w.parties[pk].alliance]
            ak = _pick(rng, outside)
            pair = frozenset((f"party:{pk}", f"alliance:{ak}"))
            # only an unaligned party can sensibly be "undecided" about joining a bloc
            pool = ph.NEGATIVE_PARTY if w.parties[pk].alliance is None else ph.NEGATIVE_PARTY[1:2]
            template = self._fresh(pool)
            roles = {"P": f"party:{pk}", "L": f"alliance:{ak}"}
        else:
            pk = _pick(rng, [c.party for c in self.cast])
            own = w.parties[pk].alliance
            rivals = [
                k for k in w.parties if k != pk and (own is None or w.parties[k].alliance != own)
            ]
            qk = _pick(rng, rivals)
            pair = frozenset((f"party:{pk}", f"party:{qk}"))
            template = self._fresh(ph.NEGATIVE_PARTIES)
            roles = {"P": f"party:{pk}", "Q": f"party:{qk}"}
        if pair in self.related:
            return None
        self.negated.add(pair)
        return self.sentence(template, roles, {})

    # --------------------------------------------------------------- quotes
    def quote_block(self) -> str:
        """A named quotation, then maybe one or two more by the same speaker."""
        rng = self.rng
        speaker = _pick(rng, self.cast)
        targets = [
            c
            for c in self.cast
            if c is not speaker
            and c.key in self.entities
            and frozenset((speaker.key, c.key)) not in self.negated
        ]
        parts = [self._one_quote(speaker, _pick(rng, ph.QUOTE_NAMED), targets)]
        for _ in range(_pick(rng, (0, 0, 0, 1, 1, 2))):
            parts.append(self._one_quote(speaker, _pick(rng, ph.QUOTE_FOLLOW), targets))
        return " ".join(parts)

    def _one_quote(self, speaker: Person, template: str, targets: list[Person]) -> str:
        rng = self.rng
        self._about = []
        bodies = []
        n_bodies = 2 if "Q2" in template else 1
        directed: str | None = None
        target: Person | None = None
        if targets and rng.random() < 0.3:
            target = _pick(rng, targets)
            directed = self.stance.get((speaker.key, target.key)) or _pick(
                rng, (RelType.CRITICIZED, RelType.CRITICIZED, RelType.SUPPORTED)
            )
        for i in range(n_bodies):
            if directed and target is not None and i == 0:
                pool = ph.QUOTE_CRITICAL if directed == RelType.CRITICIZED else ph.QUOTE_SUPPORTIVE
                ref = {"t": self.short[target.key]}
                self._entity(target.key, target.full, NodeLabel.PERSON)
                self._alias(target.key, self.short[target.key])
                bodies.append(_cap(self.render(self._fresh(pool), {}, ref)))
                self._about = [self.eid(target.key)]
            else:
                bodies.append(self.render(self._fresh(ph.QUOTE_NEUTRAL), {}, {}))
        self._bodies = bodies
        self._pending = []
        about = self._about
        text = self.sentence(template, {"S": speaker})
        sid = self.eid(speaker.key)
        for i, (qtext, _) in enumerate(self._pending):
            self.quotes.append({"speaker": sid, "text": qtext, "about": about if i == 0 else []})
        if directed and target is not None:
            self.relate(directed, speaker.key, target.key)
        return text

    def _fresh(self, pool: tuple[str, ...]) -> str:
        """A template not yet used in this article, if there is one left."""
        for _ in range(8):
            choice = _pick(self.rng, pool)
            if choice not in self.used:
                break
        self.used.add(choice)
        return choice

    # ---------------------------------------------------------------- filler
    def filler(self, k: int) -> str:
        out = []
        for _ in range(k):
            i = self.rng.randrange(len(ph.FILLER))
            if i in self.used_filler:
                continue
            self.used_filler.add(i)
            out.append(_cap(self.render(ph.FILLER[i], {}, {})))
        return " ".join(out)


def _words(text: str) -> int:
    return len(text.split())


def _headline(doc: _Doc) -> str:
    lead = doc.lead
    if lead is None:
        return doc.render(_pick(doc.rng, ph.HEADLINES["OTHER"]), {}, {})

    def name(obj: object) -> str:
        if isinstance(obj, Person):
            return doc.short[obj.key]
        kind, key = str(obj).split(":")
        if kind == "party":
            return doc.w.parties[key].acr
        al = doc.w.alliances[key]
        return al.acr or al.name

    template = _pick(doc.rng, ph.HEADLINES[lead[0]])
    return _cap(
        template.format(a=name(lead[1]), b=name(lead[2]), issue=doc.issue, region=doc.region)
    )


def _body(doc: _Doc) -> list[str]:
    """Paragraphs: a lead that plants a fact, then quotes, facts, filler, negatives."""
    rng = doc.rng
    lead_kind = rng.choices(
        (RelType.CRITICIZED, RelType.SUPPORTED, RelType.ALLIED_WITH), (5, 3, 2)
    )[0]
    lead = doc.fact(lead_kind) or doc.appearance()
    if rng.random() < 0.5:
        lead += " " + (
            doc.fact(_pick(rng, (RelType.CRITICIZED, RelType.SUPPORTED))) or doc.appearance()
        )
    paras = [lead]
    words = _words(lead)
    target = rng.randint(440, 760)
    while words < target:
        r = rng.random()
        if r < 0.22:
            para = doc.quote_block()
        elif r < 0.50:
            kind = rng.choices(
                (RelType.CRITICIZED, RelType.SUPPORTED, RelType.ALLIED_WITH), (4, 3, 2)
            )[0]
            para = doc.fact(kind) or doc.appearance()
            if rng.random() < 0.5:
                para += " " + doc.filler(1)
        elif r < 0.58:
            para = doc.office_fact() or doc.appearance()
        elif r < 0.64:
            para = doc.appearance()
        elif r < 0.73:
            para = doc.negative() or doc.filler(1)
        else:
            para = doc.filler(rng.randint(2, 3))
        para = para.strip()
        if para:
            paras.append(para)
            words += _words(para)
    return paras


def _compose(world: World, seed: int, index: int, attempt: int) -> tuple[dict, dict]:
    rng = random.Random(f"article:{seed}:{index}:{attempt}")
    day = rng.randrange(START, END)
    doc = _Doc(world, rng, day)
    paras = _body(doc)
    published = date.fromordinal(day).isoformat()
    dateline = None
    if rng.random() < 0.6:
        city = CAPITAL if rng.random() < 0.6 else doc.city
        d = date.fromordinal(day)
        style = _pick(rng, DATELINE_STYLES)
        paras[0] = (
            style.format(city=city, CITY=city.upper(), month=ph.MONTHS[d.month - 1][:3], day=d.day)
            + paras[0]
        )
        dateline = city
    sep = _pick(rng, (" ", "\n\n"))
    text = f" date {published}{sep}" + "\n\n".join(paras)
    quotes = doc.quotes
    if doc.curly:
        text = text.replace("'", "’")
        quotes = [{**q, "text": q["text"].replace("'", "’")} for q in quotes]
    art_id = f"syn{seed}-{index:07d}"
    title = _headline(doc)
    article = {"id": art_id, "title": title, "published": published, "text": text}
    facts = {
        "article": {
            "id": art_id,
            "title": title,
            "published": published,
            "dateline": dateline,
            "text": text,
        },
        "entities": list(doc.entities.values()),
        "relations": list(doc.relations.values()),
        "quotes": quotes,
    }
    return article, facts


def article(world: World, seed: int, index: int) -> tuple[dict, dict]:
    """Article `index` of the corpus `seed`; retried until its length is in range."""
    for attempt in range(50):
        art, facts = _compose(world, seed, index, attempt)
        if MIN_WORDS <= _words(art["text"]) <= MAX_WORDS:
            return art, facts
    raise RuntimeError(f"could not write article {index} within {MIN_WORDS}-{MAX_WORDS} words")


def generate(n: int, seed: int) -> Iterator[tuple[dict, dict]]:
    """(ingest record, contract document) for each of `n` articles, one at a time."""
    world = build_world(seed)
    for i in range(n):
        yield article(world, seed, i)


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(n: int, seed: int, out: Path, as_dev: bool = False) -> int:
    """Write the corpus; returns the number of articles written."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    if as_dev:
        for _art, facts in generate(n, seed):
            path = out / f"{facts['article']['id']}.json"
            path.write_text(
                json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            count += 1
        return count
    with (
        open(out / "articles.jsonl", "w", encoding="utf-8", newline="\n") as fa,
        open(out / "facts.jsonl", "w", encoding="utf-8", newline="\n") as ff,
    ):
        for art, facts in generate(n, seed):
            fa.write(_dump(art) + "\n")
            ff.write(_dump(facts) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument(
        "--as-dev",
        action="store_true",
        help="one contract JSON per article (<id>.json), for score.py",
    )
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    count = write(args.n, args.seed, args.out, args.as_dev)
    print(
        f"wrote {count} articles to {args.out} in {time.perf_counter() - t0:.1f}s", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
