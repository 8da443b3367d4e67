"""Stance from what is said, membership changes and rule names: each rule on sentences
written for it, with the negatives that must not fire."""

from __future__ import annotations

from tests.extraction.conftest import relations, run


def test_a_scornful_quote_criticises_the_one_it_blames() -> None:
    doc = run(
        '"Ravi Menon did not keep his word and betrayed every voter in this state," '
        "Congress leader Asha Pillai said on Monday."
    )
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in relations(doc, "CRITICIZED")


def test_praise_in_a_quote_supports_whom_it_names() -> None:
    doc = run(
        '"Ravi Menon has done outstanding work for the farmers of Kerala," BJP leader '
        "Asha Pillai said on Monday."
    )
    assert ("SUPPORTED", "Asha Pillai", "Ravi Menon") in relations(doc, "SUPPORTED")
    assert relations(doc, "CRITICIZED") == set()


def test_negated_praise_is_no_support_and_the_victim_is_not_blamed() -> None:
    doc = run(
        '"Ravi Menon is not an honest man," BJP leader Asha Pillai said. '
        '"The persecution of Kiran Rao by Ravi Menon is a witch hunt," she added.'
    )
    assert relations(doc, "SUPPORTED") == set()
    criticized = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in criticized
    assert ("CRITICIZED", "Asha Pillai", "Kiran Rao") not in criticized


def test_a_question_or_a_hypothesis_takes_no_side() -> None:
    doc = run(
        '"Is Ravi Menon a corrupt man?" BJP leader Asha Pillai asked. '
        '"If Kiran Rao betrayed us, we will know," she said.'
    )
    assert relations(doc, "CRITICIZED") == set()


def test_reported_speech_carries_the_speakers_stance() -> None:
    doc = run(
        "Congress leader Asha Pillai said that Ravi Menon had tarnished the party's "
        "name with his corrupt deals."
    )
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in relations(doc, "CRITICIZED")


def test_someone_elses_praise_reported_in_a_quote_is_not_the_speakers() -> None:
    doc = run(
        '"Their leaders keep praising the BJP in public," Congress spokesperson Asha Pillai said.'
    )
    assert relations(doc, "SUPPORTED") == set()


def test_joining_and_leaving_a_party_give_membership_with_status() -> None:
    doc = run(
        "Former minister Ravi Menon quit the Congress on Monday and joined the BJP "
        "at a rally in Kochi."
    )
    found = {
        (r.type, r.status, r.subject, r.object) for r in doc.relations if r.type == "MEMBER_OF"
    }
    ids = {e.name: e.id for e in doc.entities}
    menon = ids["Ravi Menon"]
    assert ("MEMBER_OF", "former", menon, ids["Indian National Congress"]) in found
    assert ("MEMBER_OF", "current", menon, ids["Bharatiya Janata Party"]) in found


def test_a_denied_move_is_no_membership() -> None:
    doc = run("Ravi Menon said he would never join the BJP.")
    assert relations(doc, "MEMBER_OF") == set()


def test_former_before_a_party_ends_the_tie() -> None:
    doc = run("Former BJP leader Ravi Menon addressed a rally in Lucknow on Sunday.")
    [rel] = [r for r in doc.relations if r.type == "MEMBER_OF"]
    assert rel.status == "former"


def test_coordinated_targets_and_relative_clauses_are_followed() -> None:
    doc = run(
        "BJP leader Asha Pillai hit out at Congress MP Ravi Menon, who mocked her "
        "in Parliament, and at Congress leader Kiran Rao, who filmed it."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in found
    assert ("CRITICIZED", "Asha Pillai", "Kiran Rao") in found
    assert ("CRITICIZED", "Ravi Menon", "Asha Pillai") in found


def test_a_lone_surname_means_the_first_person_introduced_with_it() -> None:
    doc = run(
        "Attorney General Ken Dalton won the vote. His wife, Angela Dalton, sat in the "
        "gallery. Dalton thanked Governor Greg Abel."
    )
    found = relations(doc, "SUPPORTED")
    assert ("SUPPORTED", "Ken Dalton", "Greg Abel") in found
    assert all(subject != "Angela Dalton" for _, subject, _ in found)


def test_every_fact_names_its_rule() -> None:
    doc = run(
        "BJP leader Asha Pillai slammed Congress MP Ravi Menon on Monday. "
        '"He is a liar," Pillai said.'
    )
    assert doc.relations and all(r.rule for r in doc.relations)
    assert doc.quotes and all(q.rule for q in doc.quotes)
    stance = [r for r in doc.relations if r.type == "CRITICIZED" and r.rule == "stance.verb"]
    assert stance and stance[0].trigger == "slammed"


def test_putting_someone_forward_supports_them_even_through_a_raising_verb() -> None:
    doc = run(
        "Kolkata: TMC leader Asha Pillai is reported to have put forward Congress leader "
        "Ravi Menon's name for the post. Kiran Rao did not put forward anyone."
    )
    found = relations(doc, "SUPPORTED")
    assert ("SUPPORTED", "Asha Pillai", "Ravi Menon") in found
    assert all(subject != "Kiran Rao" for _, subject, _ in found)


def test_a_motion_or_statement_carries_its_movers_stance() -> None:
    doc = run(
        "Chandigarh: Congress leader Asha Pillai moved a resolution lauding Ravi "
        "Menon's leadership. A resolution praising nobody was dropped."
    )
    assert ("SUPPORTED", "Asha Pillai", "Ravi Menon") in relations(doc, "SUPPORTED")


def test_a_party_in_a_persons_title_is_not_what_a_quote_blames() -> None:
    doc = run(
        'The BJP, meanwhile, said: "TMC MP Kalyan Roy made fun of the Vice President as '
        'Rahul Verma egged him on. It is shameful."'
    )
    found = relations(doc, "CRITICIZED")
    assert not any(o == "All India Trinamool Congress" for _, _, o in found), found


def test_a_narrators_even_as_clause_is_not_the_speakers_claim() -> None:
    doc = run(
        "Rebel Congress leader Sachin Rao said on Wednesday that he was not joining the BJP, "
        "even as Chief Minister Ashok Mehta accused him of conspiring with the BJP to topple "
        "the government."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Sachin Rao", "Ashok Mehta") not in found
    assert ("CRITICIZED", "Ashok Mehta", "Sachin Rao") in found
