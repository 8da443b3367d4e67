"""Quotations and speakers: marks, split quotes, attribution styles, pronouns."""

from __future__ import annotations

from tests.extraction.conftest import quotes, run


def test_curly_and_straight_quotes_after_and_before_the_speaker() -> None:
    doc = run(
        "BJP MP Ravi Kishan Gupta said, “We will win every seat in the state.” "
        '"The people have decided already," said Congress leader Asha Menon.'
    )
    assert ("Ravi Kishan Gupta", "We will win every seat in the state.") in quotes(doc)
    assert ("Asha Menon", "The people have decided already,") in quotes(doc)


def test_a_quote_split_by_its_attribution_is_two_quotes_of_one_speaker() -> None:
    doc = run(
        "“The budget is a betrayal of farmers,” AAP leader Sanjay Mehra said, “and we "
        "will protest in every district.”"
    )
    found = quotes(doc)
    assert [s for s, _ in found] == ["Sanjay Mehra", "Sanjay Mehra"]


def test_pronoun_and_description_speakers_resolve_to_the_named_person() -> None:
    doc = run(
        "Kerala Chief Minister Joseph Mathew met farmers on Monday.\n\n"
        "“We will release the funds this week,” he said.\n\n"
        "“Nobody will be left behind in this state,” the chief minister added."
    )
    assert [s for s, _ in quotes(doc)] == ["Joseph Mathew", "Joseph Mathew"]


def test_colon_introduced_and_according_to() -> None:
    doc = run(
        'Shiv Sena leader Vinod Kale told reporters: "The alliance is intact and strong." '
        'According to Kale, "nothing has changed at all".'
    )
    assert [s for s, _ in quotes(doc)] == ["Vinod Kale", "Vinod Kale"]


def test_scare_quotes_are_not_quotes() -> None:
    doc = run('BJP MP Rohan Das called the scheme a “gimmick” and a "scam".')
    assert quotes(doc) == []


def test_addressed_criticism_in_a_quote() -> None:
    doc = run(
        "Rajya Sabha chairman Vikram Sood said: “Mr Menon, your party insulted this "
        "House. It is a shame.” Congress MP Ajay Menon walked out."
    )
    assert any(r.type == "CRITICIZED" for r in doc.relations)
