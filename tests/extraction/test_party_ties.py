"""Membership said through the party's noun phrase: under / of / whose / possessives."""

from __future__ import annotations

from tests.extraction.conftest import relations, run, statuses


def members(text: str) -> dict[tuple[str, str], str | None]:
    return statuses(text, "MEMBER_OF")


def test_a_party_under_or_of_a_person_is_that_persons() -> None:
    found = members(
        "He recalled that the Congress under Indira Rao too had lost its symbol. In 2023 she "
        "quit the BJD, the party of Speaker Naveen Mishra, over the ticket row."
    )
    assert ("Indira Rao", "Indian National Congress") in found
    assert ("Naveen Mishra", "Biju Janata Dal") in found


def test_a_party_under_pressure_or_of_a_place_ties_nobody() -> None:
    found = members("The BJP under pressure from Amit Rao's critics met in Delhi.")
    assert ("Amit Rao", "Bharatiya Janata Party") not in found


def test_whose_party_and_a_possessive_with_describing_words() -> None:
    found = members(
        "Opposition leader Carlos Ruiz, whose conservative People's Party won the most "
        "seats, spoke first. The coalition was built around Anura Perera's Marxist-rooted "
        "Janatha Vimukthi Peramuna."
    )
    assert any(p == "Carlos Ruiz" and "People's Party" in o for p, o in found), found
    assert ("Anura Perera", "Janatha Vimukthi Peramuna") in found


def test_a_defector_was_a_member_and_a_partys_rival_never_was() -> None:
    found = members(
        "BJP vice-president Mukul Sen, himself a TMC defector, welcomed him. Ravi Das, the "
        "BJP's bitterest rival in the region, stayed away. Keshav Lal, the BJP's other "
        "prominent face, spoke."
    )
    assert found.get(("Mukul Sen", "All India Trinamool Congress")) == "former"
    assert ("Ravi Das", "Bharatiya Janata Party") not in found
    assert ("Keshav Lal", "Bharatiya Janata Party") in found


def test_a_region_before_a_known_party_is_its_unit_not_a_new_party() -> None:
    doc = run(
        "Former Punjab Congress chief Sunil Jakhar and Congress leader Ravi Bains were among "
        "the names doing the rounds."
    )
    named = relations(doc)
    assert ("MEMBER_OF", "Sunil Jakhar", "Indian National Congress") in named
    assert (
        "HOLDS_OFFICE",
        "Sunil Jakhar",
        "Leader of the Indian National Congress in Punjab",
    ) in named
    assert "Punjab Congress" not in {e.name for e in doc.entities}
