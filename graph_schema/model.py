"""Node labels, relationship types and the allowed patterns, as code.

The graph keeps evidence first-class: one `Claim` node per assertion (with the
sentence, its offsets, the date and the extractor version) and one aggregated edge
per pair of entities for traversal, kept in step with the claims. Quotes are nodes
too, so "who said what about whom, and when" is a single pattern.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class NodeLabel(StrEnum):
    ARTICLE = "Article"
    PERSON = "Person"
    PARTY = "Party"
    ALLIANCE = "Alliance"
    OFFICE = "Office"
    ORGANIZATION = "Organization"
    CLAIM = "Claim"
    QUOTE = "Quote"
    # Time aggregates the writer keeps in step with the claims (loaders/tenures.py).
    TERM = "Term"
    TURN = "Turn"
    # A (subject, type, object) whose claims `polikg load` wrote and whose aggregates it
    # refreshes later (loaders/aggregates.refresh_pending); none is left after a load.
    PENDING_AGGREGATE = "PendingAggregate"


ENTITY_LABELS: tuple[NodeLabel, ...] = (
    NodeLabel.PERSON,
    NodeLabel.PARTY,
    NodeLabel.ALLIANCE,
    NodeLabel.OFFICE,
    NodeLabel.ORGANIZATION,
)


class RelType(StrEnum):
    # Aggregated fact edges between entities (one per pair and type).
    HOLDS_OFFICE = "HOLDS_OFFICE"
    MEMBER_OF = "MEMBER_OF"
    ALLIED_WITH = "ALLIED_WITH"
    CRITICIZED = "CRITICIZED"
    SUPPORTED = "SUPPORTED"
    # Evidence structure.
    MENTIONED_IN = "MENTIONED_IN"
    SUBJECT = "SUBJECT"
    OBJECT = "OBJECT"
    IN = "IN"
    SAID_BY = "SAID_BY"
    ABOUT = "ABOUT"


FACT_TYPES: tuple[RelType, ...] = (
    RelType.HOLDS_OFFICE,
    RelType.MEMBER_OF,
    RelType.ALLIED_WITH,
    RelType.CRITICIZED,
    RelType.SUPPORTED,
)

#: Values of an entity label or a fact type where a type annotation needs a `Literal`
#: (pydantic models of the contract); a unit test keeps them equal to the enums.
EntityLabelName = Literal["Person", "Party", "Alliance", "Office", "Organization"]
FactTypeName = Literal["HOLDS_OFFICE", "MEMBER_OF", "ALLIED_WITH", "CRITICIZED", "SUPPORTED"]
StanceTypeName = Literal["CRITICIZED", "SUPPORTED"]

#: Fact types with a direction that means something: who criticised or supported whom.
STANCE_TYPES: tuple[RelType, ...] = (RelType.CRITICIZED, RelType.SUPPORTED)
#: Fact types with no direction: the stored direction only orders the two ids.
UNDIRECTED_TYPES: frozenset[RelType] = frozenset({RelType.ALLIED_WITH})
#: Fact types that hold over a time (a term, a membership, an alliance): current or former.
TENURE_TYPES: tuple[RelType, ...] = (RelType.HOLDS_OFFICE, RelType.MEMBER_OF, RelType.ALLIED_WITH)


class FactType(StrEnum):
    """The aggregated fact relationship types (graph_schema.FACT_TYPES)."""

    HOLDS_OFFICE = RelType.HOLDS_OFFICE.value
    MEMBER_OF = RelType.MEMBER_OF.value
    ALLIED_WITH = RelType.ALLIED_WITH.value
    CRITICIZED = RelType.CRITICIZED.value
    SUPPORTED = RelType.SUPPORTED.value


class EntityType(StrEnum):
    """The entity labels (graph_schema.ENTITY_LABELS)."""

    PERSON = NodeLabel.PERSON.value
    PARTY = NodeLabel.PARTY.value
    ALLIANCE = NodeLabel.ALLIANCE.value
    OFFICE = NodeLabel.OFFICE.value
    ORGANIZATION = NodeLabel.ORGANIZATION.value


_P, _Pa, _A, _Of, _Org = (
    NodeLabel.PERSON,
    NodeLabel.PARTY,
    NodeLabel.ALLIANCE,
    NodeLabel.OFFICE,
    NodeLabel.ORGANIZATION,
)
_ACTORS = (_P, _Pa)
_GROUPS = (_Pa, _A)

#: (subject label, relationship type, object label) triples the writer may create.
ALLOWED_PATTERNS: frozenset[tuple[NodeLabel, RelType, NodeLabel]] = frozenset(
    {(_P, RelType.HOLDS_OFFICE, _Of), (_P, RelType.MEMBER_OF, _Pa)}
    | {(a, RelType.ALLIED_WITH, b) for a in _GROUPS for b in _GROUPS}
    | {(a, RelType.CRITICIZED, b) for a in _ACTORS for b in (_P, _Pa, _A, _Org)}
    | {(a, RelType.SUPPORTED, b) for a in _ACTORS for b in (_P, _Pa, _A)}
)


def is_allowed(subject: str, rel: str, obj: str) -> bool:
    """True when the contract allows `subject -[rel]-> object` between these labels."""
    try:
        return (NodeLabel(subject), RelType(rel), NodeLabel(obj)) in ALLOWED_PATTERNS
    except ValueError:
        return False


def fact_type(value: str) -> RelType:
    """Validate a fact relationship type; the only way a type reaches Cypher text."""
    rel = RelType(value)
    if rel not in FACT_TYPES:
        raise ValueError(f"not a fact relationship type: {value!r}")
    return rel


def entity_label(value: str) -> NodeLabel:
    """Validate an entity label; the only way a label reaches Cypher text."""
    label = NodeLabel(value)
    if label not in ENTITY_LABELS:
        raise ValueError(f"not an entity label: {value!r}")
    return label
