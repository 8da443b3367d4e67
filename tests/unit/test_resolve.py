"""Entity resolution guards (pure logic): who joins an existing node and who stays apart."""

from __future__ import annotations

from loaders.resolve import Candidate, NamedInArticle, resolve, spelling_variant


def test_offices_sharing_a_bare_title_stay_apart() -> None:
    bihar = Candidate("office:cm-bihar", "Office", "Chief Minister of Bihar", ("chief minister",))
    mention = NamedInArticle("Office", "Chief Minister of Assam", ("Chief Minister", "CM"))
    assert resolve(mention, [bihar]) is None
    same = NamedInArticle("Office", "Chief Minister of Bihar", ("Bihar CM",))
    assert resolve(same, [bihar]) == "office:cm-bihar"


def test_a_party_joins_through_a_shared_alias() -> None:
    bjp = Candidate("party:bjp", "Party", "Bharatiya Janata Party", ("BJP",))
    assert resolve(NamedInArticle("Party", "BJP", ()), [bjp]) == "party:bjp"


def test_people_with_one_surname_stay_apart_and_spelling_variants_join() -> None:
    rahul = Candidate("person:rahul-gandhi", "Person", "Rahul Gandhi")
    assert resolve(NamedInArticle("Person", "Sonia Gandhi"), [rahul]) is None
    dhankhar = Candidate("person:jagdeep-dhankhar", "Person", "Jagdeep Dhankhar")
    assert (
        resolve(NamedInArticle("Person", "Jagdeep Dhankar"), [dhankhar])
        == "person:jagdeep-dhankhar"
    )


def test_types_never_mix() -> None:
    congress_party = Candidate("party:inc", "Party", "Indian National Congress", ("Congress",))
    assert resolve(NamedInArticle("Organization", "Congress"), [congress_party]) is None


def test_one_spelling_variant_check_for_every_caller() -> None:
    assert spelling_variant("dhankar", "dhankhar")
    assert not spelling_variant("das", "dar")  # short names must match exactly
    assert not spelling_variant("kharge", "sharge")  # a different first letter
    assert not spelling_variant("yadav", "yadva", min_length=6)  # the mentions' stricter floor
