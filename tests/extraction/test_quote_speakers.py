"""Who said a quotation, where the speech tag is away from the quote: each rule on
sentences written for it, with the case that must not be attributed."""

from __future__ import annotations

from tests.extraction.conftest import quotes, run


def test_a_quotation_paragraph_goes_on_with_the_previous_speaker() -> None:
    doc = run(
        '"We will win every seat in this state," BJP leader Asha Pillai told reporters.'
        '\n\n"Our opponents have run out of ideas and out of time."\n\n'
        "The Congress did not respond."
    )
    found = quotes(doc)
    assert ("Asha Pillai", "Our opponents have run out of ideas and out of time.") in found


def test_a_paragraph_that_names_someone_else_breaks_the_run() -> None:
    doc = run(
        '"We will win every seat in this state," BJP leader Asha Pillai said.\n\n'
        "Congress leader Ravi Menon spoke later in Kochi.\n\n"
        '"Our opponents have run out of ideas and out of time."'
    )
    assert all(
        text != "Our opponents have run out of ideas and out of time." for _, text in quotes(doc)
    )


def test_a_short_tag_sentence_after_a_question_names_the_speaker() -> None:
    doc = run(
        "BJP leader Asha Pillai spoke about Ravi Menon at the rally.\n\n"
        "“Why did he stay silent for four years? Who will answer for it?” she asked."
    )
    assert (
        "Asha Pillai",
        "Why did he stay silent for four years? Who will answer for it?",
    ) in quotes(doc)


def test_a_former_holder_described_is_not_the_current_one() -> None:
    doc = run(
        "Chief Minister Ravi Menon took oath in Kochi on Monday. Former chief minister "
        "Asha Pillai attended the ceremony.\n\n"
        '"I wish the new government well in its work," the former chief minister said.'
    )
    assert ("Asha Pillai", "I wish the new government well in its work,") in quotes(doc) or (
        "Asha Pillai",
        "I wish the new government well in its work",
    ) in quotes(doc)


def test_he_said_follows_the_main_clause_subject_not_a_reported_one() -> None:
    doc = run(
        "Governor Ravi Menon said the court had ruled and that Kiran Rao had been given "
        'a fair hearing. He added that the minister had "done honest work for the state".'
    )
    assert ("Ravi Menon", "done honest work for the state") in quotes(doc)
