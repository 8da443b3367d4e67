"""Labels and types reach Cypher only through validated enum members."""

from __future__ import annotations

from typing import get_args

import pytest

from graph_schema import (
    ENTITY_LABELS,
    FACT_TYPES,
    STANCE_TYPES,
    TENURE_TYPES,
    UNDIRECTED_TYPES,
    EntityLabelName,
    EntityType,
    FactType,
    FactTypeName,
    StanceTypeName,
    entity_label,
    fact_type,
    is_allowed,
)


@pytest.mark.parametrize(
    "evil",
    [
        "CRITICIZED]->(x) DETACH DELETE x //",
        "HOLDS_OFFICE`",
        "SAID_BY",
        "",
        "criticized ",
    ],
)
def test_fact_type_rejects_anything_but_a_fact_type(evil: str) -> None:
    with pytest.raises(ValueError):
        fact_type(evil)


@pytest.mark.parametrize("evil", ["Person:Admin", "Person) DETACH DELETE n //", "Claim"])
def test_entity_label_rejects_injection_and_non_entities(evil: str) -> None:
    with pytest.raises(ValueError):
        entity_label(evil)


def test_allowed_patterns_follow_the_contract() -> None:
    assert is_allowed("Person", "HOLDS_OFFICE", "Office")
    assert is_allowed("Party", "ALLIED_WITH", "Alliance")
    assert is_allowed("Person", "CRITICIZED", "Organization")
    assert not is_allowed("Office", "HOLDS_OFFICE", "Person")
    assert not is_allowed("Person", "SUPPORTED", "Organization")
    assert not is_allowed("Person", "DROP", "Office")


def test_literal_names_and_subset_enums_match_the_enums() -> None:
    assert get_args(EntityLabelName) == tuple(ENTITY_LABELS)
    assert get_args(FactTypeName) == tuple(FACT_TYPES)
    assert get_args(StanceTypeName) == STANCE_TYPES
    assert tuple(EntityType) == tuple(ENTITY_LABELS)
    assert tuple(FactType) == tuple(FACT_TYPES)
    assert set(TENURE_TYPES) | set(STANCE_TYPES) == set(FACT_TYPES)
    assert set(TENURE_TYPES) >= UNDIRECTED_TYPES
