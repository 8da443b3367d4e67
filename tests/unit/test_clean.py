"""Header, dateline and furniture are blanked without moving any offset."""

from __future__ import annotations

import pytest

from loaders.nlp.clean import clean


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (" date 2024-05-02 Lucknow: The minister spoke.", "Lucknow"),
        ("KALABURAGI: The minister spoke.", "Kalaburagi"),
        ("VANCOUVER (AP) - The premier spoke.", "Vancouver"),
        ("Shimla, Jan 24 (PTI) The minister spoke.", "Shimla"),
        ("Gaya (Bihar) [India], March 3 (ANI): The minister spoke.", "Gaya"),
    ],
)
def test_datelines_become_metadata_and_leave_the_prose(text: str, dateline: str) -> None:
    result = clean(text)
    assert result.dateline == dateline
    assert len(result.text) == len(text)
    start = result.text.index("The")
    assert text[start:] == result.text[start:]
    assert dateline.lower() not in result.text.lower()


def test_header_date_becomes_published() -> None:
    assert clean(" date 2022-11-03 Text here.").published == "2022-11-03"
    assert clean("No header here.").published is None


def test_a_sentence_starting_with_a_title_is_not_a_dateline() -> None:
    text = "Congress president: we will win. He said so."
    assert clean(text).dateline is None
    assert clean(text).text == text


def test_site_furniture_is_blanked_but_offsets_hold() -> None:
    text = (
        "Advertisement\n\nThe leader spoke.\n\nAlso Read | Other story here.\n\n"
        "She replied. (File photo)\n\nUpdated: 10:31 IST"
    )
    result = clean(text)
    assert len(result.text) == len(text)
    for gone in ("Advertisement", "Also Read", "File photo", "Updated"):
        assert gone not in result.text
    for kept in ("The leader spoke.", "She replied."):
        assert result.text.index(kept) == text.index(kept)
