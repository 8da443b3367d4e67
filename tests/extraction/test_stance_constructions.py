"""Criticism read from the parse where the words between trigger and target vary."""

from __future__ import annotations

from tests.extraction.conftest import relations, run


def criticized(text: str) -> set[tuple[str, str]]:
    return {(s, o) for _, s, o in relations(run(text), "CRITICIZED")}


def test_aiming_guns_or_fire_at_someone_criticises_them_whatever_comes_between() -> None:
    found = criticized(
        "Kumar Verma has so far refrained from attacking Ajay Sinha by name, training his "
        "guns instead on the RJD and its leader Tejaswi Rai."
    )
    assert ("Kumar Verma", "Rashtriya Janata Dal") in found
    assert ("Kumar Verma", "Tejaswi Rai") in found
    assert ("Kumar Verma", "Ajay Sinha") not in found  # refrained from attacking


def test_aiming_something_harmless_is_no_criticism() -> None:
    assert not criticized("Kumar Verma turned his attention on the RJD after the rally.")
    assert not criticized("Kumar Verma did not train his guns on the RJD.")


def test_a_dig_at_someone_belongs_to_the_writer_not_to_the_reported_clause() -> None:
    found = criticized(
        "Suresh Adhikari wrote that neither the state nor the party was anyone's personal "
        "fiefdom, in an apparent dig at Abhishek Mondal."
    )
    assert ("Suresh Adhikari", "Abhishek Mondal") in found


def test_a_purpose_clause_hung_on_a_noun_is_the_clause_subjects() -> None:
    found = criticized(
        "Governor Dan Peters broke months of silence moments after the verdict to lambaste "
        "Senator Rick Lowe."
    )
    assert ("Dan Peters", "Rick Lowe") in found
    owned = criticized("Dan Peters welcomed Rick Lowe's decision to condemn Tom Baker.")
    assert ("Dan Peters", "Tom Baker") not in owned


def test_a_list_of_parties_with_acronyms_all_back_the_candidate() -> None:
    found = {
        (s, o)
        for _, s, o in relations(
            run(
                "Spain's parliament re-elected Pedro Sánchez on Thursday. Sánchez was backed by "
                "the Catalan separatist parties Junts and the Republican Left of Catalonia "
                "(ERC), the Basque Nationalist Party (PNV) and EH Bildu."
            ),
            "SUPPORTED",
        )
    }
    backers = {s for s, o in found if o == "Pedro Sánchez"}
    assert {"Basque Nationalist Party", "EH Bildu"} <= backers, found


def test_names_joined_by_a_comma_alone_are_no_list() -> None:
    found = relations(
        run(
            "Besides its partner Sumar, an alliance led by Deputy Prime Minister Yolanda Díaz, "
            "Pedro Sánchez was backed by Junts and the ERC."
        ),
        "SUPPORTED",
    )
    assert not any(o == "Yolanda Díaz" for _, _, o in found), found


def test_asking_someone_to_stop_criticises_them_but_telling_is_no_demand() -> None:
    assert ("Ravi Menon", "Bharatiya Janata Party") in criticized(
        "Ravi Menon asked the BJP to stop threatening the Governor."
    )
    assert not criticized("Ravi Menon said he had spoken to Asha Rao and told her he was quitting.")


def test_a_jibe_aimed_at_someone_is_its_makers() -> None:
    found = criticized(
        "Uddhav Rane urged his supporters to teach the thief a lesson. The jibe was aimed at "
        "Eknath Patil, whose revolt last June brought down the government."
    )
    assert ("Uddhav Rane", "Eknath Patil") in found
    assert not criticized(
        "Uddhav Rane spoke in Mumbai. The jibe was not aimed at Eknath Patil, aides said."
    )


def test_calling_someones_decision_unfortunate_criticises_its_owner() -> None:
    found = criticized(
        "Speaker Dade Phelps hit back within hours, calling Governor Dan Peters's decision "
        "extremely unfortunate."
    )
    assert ("Dade Phelps", "Dan Peters") in found
    assert not criticized("Dade Phelps called Dan Peters's decision extremely wise.")
