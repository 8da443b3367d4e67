"""The graph's labels, relationship types, allowed patterns, constraints and indexes."""

from graph_schema.model import (
    ALLOWED_PATTERNS,
    ENTITY_LABELS,
    FACT_TYPES,
    STANCE_TYPES,
    TENURE_TYPES,
    UNDIRECTED_TYPES,
    EntityLabelName,
    EntityType,
    FactType,
    FactTypeName,
    NodeLabel,
    RelType,
    StanceTypeName,
    entity_label,
    fact_type,
    is_allowed,
)
from graph_schema.offices import SINGLE_SEAT_OFFICE_PREFIXES

__all__ = [
    "ALLOWED_PATTERNS",
    "ENTITY_LABELS",
    "FACT_TYPES",
    "SINGLE_SEAT_OFFICE_PREFIXES",
    "STANCE_TYPES",
    "TENURE_TYPES",
    "UNDIRECTED_TYPES",
    "EntityLabelName",
    "EntityType",
    "FactType",
    "FactTypeName",
    "NodeLabel",
    "RelType",
    "StanceTypeName",
    "entity_label",
    "fact_type",
    "is_allowed",
]
