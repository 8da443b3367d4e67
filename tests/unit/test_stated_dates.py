"""loaders.stated_dates: term bounds a sentence states, resolved against the article date,
with the phrases that must state nothing."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.stated_dates import StatedBounds, StatedDate, stated_bounds

PUBLISHED = date(2024, 3, 20)  # a Wednesday


def start(sentence: str, published: date | None = PUBLISHED) -> tuple[str, str] | None:
    found = stated_bounds(sentence, published).start
    return None if found is None else (found.date.isoformat(), found.precision)


def end(sentence: str, published: date | None = PUBLISHED) -> tuple[str, str] | None:
    found = stated_bounds(sentence, published).end
    return None if found is None else (found.date.isoformat(), found.precision)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Asha Rao was sworn in as Chief Minister on 13 December.", ("2023-12-13", "day")),
        ("Asha Rao was sworn in as Chief Minister on 13 March.", ("2024-03-13", "day")),
        ("She was sworn in on December 13, 2021 in Delhi.", ("2021-12-13", "day")),
        ("He took over as party chief on Monday.", ("2024-03-18", "day")),
        ("He took over as party chief on Wednesday.", ("2024-03-20", "day")),
        ("Rao, who took charge yesterday, met the press.", ("2024-03-19", "day")),
        ("He has led the party since 2019.", ("2019-01-01", "year")),
        ("She has been the Speaker since March 2022.", ("2022-03-01", "month")),
        ("He has been minister since June.", ("2023-06-01", "month")),
        ("The party joined the NDA earlier this month.", ("2024-03-01", "month")),
        ("The party joined the front last year.", ("2023-01-01", "year")),
        ("She was elected president in 2017.", ("2017-01-01", "year")),
    ],
)
def test_start_cues_with_a_date(sentence: str, expected: tuple[str, str]) -> None:
    assert start(sentence) == expected
    assert end(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Asha Rao resigned as chief minister on Saturday.", ("2024-03-16", "day")),
        ("The party quit the NDA earlier this month.", ("2024-03-01", "month")),
        ("The party quit the NDA last month.", ("2024-02-01", "month")),
        ("He stepped down on 2 Jan 2024 after the vote.", ("2024-01-02", "day")),
        ("She left office in 2020.", ("2020-01-01", "year")),
    ],
)
def test_end_cues_with_a_date(sentence: str, expected: tuple[str, str]) -> None:
    assert end(sentence) == expected
    assert start(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Asha Rao resigned as chief minister.",  # no date
        "He will be sworn in on Monday.",  # future
        "He is set to be sworn in on 13 December.",  # intention
        "She has not resigned despite the protests on Saturday.",  # negated
        "The party threatened to quit the NDA this month.",  # threat
        "He has been silent since the election in 2019.",  # since + no date right after
        "He was sworn in on 31 February.",  # no such day
        "Chief Minister Asha Rao reshuffled her cabinet on Monday.",  # no cue
        "Left parties met the governor on Monday.",  # 'left' alone is no cue
        "The budget was passed in the 2019 session.",  # a year that is not a date phrase
    ],
)
def test_nothing_stated(sentence: str) -> None:
    assert stated_bounds(sentence, PUBLISHED) == StatedBounds()


def test_relative_dates_need_the_article_date_absolute_ones_do_not() -> None:
    assert start("He took over as party chief on Monday.", None) is None
    assert start("He took charge on 13 December.", None) is None
    assert start("He has led the party since 2019.", None) == ("2019-01-01", "year")


def test_in_may_is_a_month_not_a_modal_and_the_phrase_is_kept() -> None:
    found = stated_bounds("In May, the party quit the front in 2023.", PUBLISHED).end
    assert found == StatedDate(date(2023, 1, 1), "year", "in 2023")


def test_each_cue_takes_the_date_before_the_next_cue() -> None:
    bounds = stated_bounds("He quit the party and joined the Congress on Monday.", PUBLISHED)
    assert bounds.end is None and bounds.start == StatedDate(date(2024, 3, 18), "day", "on Monday")


def test_a_cue_bounds_only_the_fact_types_it_can() -> None:
    sentence = "Suvendu Adhikari joined the BJP on Saturday at a rally."
    assert stated_bounds(sentence, PUBLISHED, fact_type="HOLDS_OFFICE") == StatedBounds()
    assert stated_bounds(sentence, PUBLISHED, fact_type="MEMBER_OF").start is not None
    sworn = "Rekha Gupta of the BJP was sworn in as chief minister on Thursday."
    assert stated_bounds(sworn, PUBLISHED, fact_type="MEMBER_OF") == StatedBounds()
    assert stated_bounds(sworn, PUBLISHED, fact_type="HOLDS_OFFICE").start == StatedDate(
        date(2024, 3, 14), "day", "on Thursday"
    )
