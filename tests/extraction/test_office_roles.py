"""Offices held "as": the parse, not word adjacency, links the holder to the office."""

from __future__ import annotations

from tests.extraction.conftest import relations, run, statuses


def holds(text: str) -> dict[tuple[str, str], str | None]:
    return statuses(text, "HOLDS_OFFICE")


def test_words_between_the_name_and_the_oath_do_not_hide_the_office() -> None:
    found = holds(
        "Meera Joshi of the BJP was sworn in at Raj Bhavan in Bhopal as Chief Minister of "
        "Madhya Pradesh on Monday."
    )
    assert found.get(("Meera Joshi", "Chief Minister of Madhya Pradesh")) == "current"


def test_a_relative_clause_serves_as_its_noun() -> None:
    found = holds(
        "Lucia Ferrante, who served as interior minister under the last government, "
        "endorsed the candidate on Friday."
    )
    [(office, status)] = [(o, s) for (p, o), s in found.items() if p == "Lucia Ferrante"]
    assert "minister" in office.lower() and status == "former"


def test_an_appointer_is_not_the_appointee() -> None:
    found = holds("President Tomas Varga appointed Ilona Kis as prime minister on Tuesday.")
    assert any(p == "Ilona Kis" and o.lower() == "prime minister" for p, o in found)
    assert not any(p == "Tomas Varga" and o.lower() == "prime minister" for p, o in found)


def test_replacing_someone_as_an_office_makes_the_predecessor_former() -> None:
    found = holds(
        "Grace Adeyemi replaced Tunde Bello as Speaker of the House of Representatives last week."
    )
    speaker = [o for (p, o) in found if p == "Grace Adeyemi"]
    assert speaker, found
    assert found[("Grace Adeyemi", speaker[0])] == "current"
    assert found.get(("Tunde Bello", speaker[0])) == "former"


def test_resigning_as_an_office_is_a_former_tie_and_a_negated_oath_is_none() -> None:
    found = holds("Arvind Rao resigned as Chief Minister of Goa on Saturday.")
    assert found.get(("Arvind Rao", "Chief Minister of Goa")) == "former"
    doc = run("Arvind Rao was not sworn in as Chief Minister of Goa on Saturday.")
    assert not relations(doc, "HOLDS_OFFICE")


def test_a_repeated_subject_pronoun_keeps_its_person() -> None:
    found = holds(
        "Ana Cruz spoke on Friday. In 2023 she quit the party of House Speaker Ramon "
        "Villar, and in June she resigned from the cabinet as education secretary."
    )
    assert any(p == "Ana Cruz" and "education" in o.lower() for p, o in found), found
    assert not any(p == "Ramon Villar" and "education" in o.lower() for p, o in found)


def test_a_description_of_a_party_post_goes_to_the_party_member_in_play() -> None:
    doc = run(
        "Ravi Tandon had left Rekha Pal's Bahujan Samaj Party in 2016, accusing the BSP "
        "supremo of selling tickets."
    )
    found = relations(doc)
    assert ("HOLDS_OFFICE", "Rekha Pal", "Leader of the Bahujan Samaj Party") in found
    assert ("CRITICIZED", "Ravi Tandon", "Rekha Pal") in found


def test_descriptions_in_apposition_or_plural_are_not_resolved_to_someone_else() -> None:
    doc = run(
        "Congress MP Ajit Rana spoke first. Harmeet Brar, the Congress general secretary, "
        "said the party's working presidents would decide."
    )
    assert not any(
        s == "Ajit Rana" and "Secretary" in o for _, s, o in relations(doc, "HOLDS_OFFICE")
    )


def test_an_unnamed_spokesperson_or_a_head_named_otherwise_is_not_resolved() -> None:
    doc = run(
        "BJP MP Kiran Surendran backed the Governor on Monday. Later the BJP spokesperson "
        "said the party would protest."
    )
    assert not any(
        s == "Kiran Surendran" and "Spokesperson" in o for _, s, o in relations(doc, "HOLDS_OFFICE")
    )
    doc = run(
        "BJP spokesperson Kiran Surendran backed the Governor on Monday. Later the BJP "
        "chief said the party would protest."
    )
    assert not any(
        s == "Kiran Surendran" and "Leader" in o for _, s, o in relations(doc, "HOLDS_OFFICE")
    )
