"""Relation patterns, each with negatives: negation, "former", opponents, same surname."""

from __future__ import annotations

from tests.extraction.conftest import names, relations, run


def test_titles_before_a_name_give_office_and_party() -> None:
    doc = run("Odisha Chief Minister Naveen Das and BJD spokesperson Lina Mohanty spoke.")
    found = relations(doc)
    assert ("HOLDS_OFFICE", "Naveen Das", "Chief Minister of Odisha") in found
    assert ("HOLDS_OFFICE", "Lina Mohanty", "Spokesperson of the Biju Janata Dal") in found
    assert ("MEMBER_OF", "Lina Mohanty", "Biju Janata Dal") in found


def test_former_is_kept_as_status() -> None:
    doc = run("Former Punjab chief minister Harbans Gill joined the rally on Monday.")
    [rel] = [r for r in doc.relations if r.type == "HOLDS_OFFICE"]
    assert rel.status == "former"


def test_appositions_and_copulas_give_offices() -> None:
    doc = run(
        "Kiran Bose, who is also the Leader of the Opposition in the Rajya Sabha, spoke "
        "first. Suresh Nair took oath as the Chief Minister of Kerala on Friday."
    )
    found = relations(doc, "HOLDS_OFFICE")
    assert ("HOLDS_OFFICE", "Kiran Bose", "Leader of the Opposition in the Rajya Sabha") in found
    assert ("HOLDS_OFFICE", "Suresh Nair", "Chief Minister of Kerala") in found


def test_party_in_brackets_and_seat_words_give_membership() -> None:
    doc = run("Raju Patil (BJP) and Shiv Sena MLA Anita Jadhav walked out.")
    found = relations(doc, "MEMBER_OF")
    assert ("MEMBER_OF", "Anita Jadhav", "Shiv Sena") in found or any(
        r[1] == "Anita Jadhav" for r in found
    )
    assert ("MEMBER_OF", "Raju Patil", "Bharatiya Janata Party") in found


def test_alliance_language_ties_parties_and_blocs() -> None:
    doc = run(
        "The DMK and the Congress sealed a seat-sharing pact for Tamil Nadu. "
        "The RLD is a constituent of the BJP-led NDA."
    )
    found = {tuple(sorted(r[1:])) for r in relations(doc, "ALLIED_WITH")}
    assert ("Dravida Munnetra Kazhagam", "Indian National Congress") in found
    assert ("Bharatiya Janata Party", "National Democratic Alliance") in found


def test_broken_or_refused_alliances_do_not_count() -> None:
    doc = run(
        "The BSP will not ally with the Samajwadi Party. Talks between the AAP and the "
        "Congress failed in Punjab."
    )
    assert relations(doc, "ALLIED_WITH") == set()


def test_opponents_named_in_an_alliance_sentence_are_not_allies() -> None:
    doc = run("Twenty parties formed the INDIA bloc to take on the BJP in 2024.")
    assert not any("Bharatiya Janata Party" in r for r in relations(doc, "ALLIED_WITH"))


def test_criticism_verbs_with_subject_and_object() -> None:
    doc = run(
        "Congress leader Meena Rao slammed Defence Minister Arun Bhat on Monday. "
        "Arun Bhat was also criticised by the CPI(M)."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Meena Rao", "Arun Bhat") in found
    assert ("CRITICIZED", "Communist Party of India (Marxist)", "Arun Bhat") in found


def test_phrasal_criticism_and_support() -> None:
    doc = run(
        "TMC MP Rita Sen hit out at Amit Verma over the bill. "
        "BJP president Kailash Jha threw his weight behind Amit Verma."
    )
    assert ("CRITICIZED", "Rita Sen", "Amit Verma") in relations(doc)
    assert ("SUPPORTED", "Kailash Jha", "Amit Verma") in relations(doc)


def test_negated_questioned_and_hypothetical_criticism_does_not_count() -> None:
    doc = run(
        "Congress leader Meena Rao did not criticise Arun Bhat. Would Rao attack "
        "Arun Bhat? If Rao attacks Arun Bhat, the alliance will end."
    )
    assert relations(doc, "CRITICIZED") == set()


def test_praise_and_congratulations_are_support() -> None:
    doc = run("Prime Minister Narendra Modi congratulated Revanth Kumar on his win.")
    assert ("SUPPORTED", "Narendra Modi", "Revanth Kumar") in relations(doc)


def test_offices_of_places_and_houses_no_list_knows() -> None:
    doc = run(
        "Maren Tovik has served as Chief Minister of Eldmark since 2019. Jonas Brede "
        "stepped down as Speaker of the Grand Assembly in May. Ilse Varga of the "
        "Northern Farmers Party (NFP) backed Tovik."
    )
    found = relations(doc)
    assert ("HOLDS_OFFICE", "Maren Tovik", "Chief Minister of Eldmark") in found
    assert ("HOLDS_OFFICE", "Jonas Brede", "Speaker of the Grand Assembly") in found
    assert [
        r.status
        for r in doc.relations
        if r.type == "HOLDS_OFFICE" and "Speaker" in names(doc)[r.object]
    ] == ["former"]
    assert ("MEMBER_OF", "Ilse Varga", "Northern Farmers Party") in found


def test_membership_said_with_a_possessive_or_led_by() -> None:
    doc = run(
        "BUDAPEST, June 10 - Prime Minister Viktor Halasz's Unity party won the vote. "
        "Peter Varga, a former Unity insider, said his Renewal party had ended the era "
        "of a divided opposition. The Green Dawn party, led by Anna Kiss, came third."
    )
    members = relations(doc, "MEMBER_OF")
    assert {
        ("MEMBER_OF", "Viktor Halasz", "Unity"),
        ("MEMBER_OF", "Peter Varga", "Renewal"),
        ("MEMBER_OF", "Anna Kiss", "Green Dawn"),
    } <= members
    assert ("MEMBER_OF", "Peter Varga", "Unity") not in members  # "a former insider"


def test_membership_in_an_apposition_with_a_qualified_seat() -> None:
    doc = run(
        "MONROVIA, Liberia (AP) - Vice President Kofi Mensah, the NPP's presidential "
        "candidate, dismissed the criticism. Ama Owusu of the opposition National "
        "Democratic Congress said little."
    )
    members = relations(doc, "MEMBER_OF")
    assert ("MEMBER_OF", "Ama Owusu", "National Democratic Congress") in members
    assert any(r[1] == "Kofi Mensah" and r[2] == "NPP" for r in members)
    # India's and Ghana's NPP are other parties: the story names neither country
    assert not [
        e for e in doc.entities if e.name in ("National People's Party", "New Patriotic Party")
    ]


def test_us_party_letters_and_state_party_appositions() -> None:
    doc = run(
        "WASHINGTON (AP) - Sen. Dana Reyes (R-Texas) said no. Rep. Omar Blake, D-N.Y., "
        "objected, and Senate Majority Leader Ann Cho, a New York Democrat, agreed. "
        "Republican Sen. Tim Ward of Ohio stayed away."
    )
    members = relations(doc, "MEMBER_OF")
    assert members == {
        ("MEMBER_OF", "Dana Reyes", "Republican Party"),
        ("MEMBER_OF", "Omar Blake", "Democratic Party"),
        ("MEMBER_OF", "Ann Cho", "Democratic Party"),
        ("MEMBER_OF", "Tim Ward", "Republican Party"),
    }


def test_a_shadow_minister_holds_the_shadow_office() -> None:
    doc = run(
        "LONDON (Reuters) - Shadow Chancellor Amy Hart said the Conservatives had "
        "failed. Chancellor Ben Ross disagreed."
    )
    offices = relations(doc, "HOLDS_OFFICE")
    assert ("HOLDS_OFFICE", "Amy Hart", "Shadow Chancellor of the Exchequer") in offices
    assert ("HOLDS_OFFICE", "Ben Ross", "Chancellor of the Exchequer") in offices
    assert ("HOLDS_OFFICE", "Amy Hart", "Chancellor of the Exchequer") not in offices


def test_name_calling_and_scornful_reports_are_criticism() -> None:
    doc = run(
        "Senator Ella Ford called Governor Sam Price a liar. Mayor Li Wen dismissed "
        "Price's plan as nonsense, and Judge Mia Lund warned that Price was dangerous. "
        "Price called Ford a friend and said Wen was not a traitor."
    )
    crit = relations(doc, "CRITICIZED")
    assert crit == {
        ("CRITICIZED", "Ella Ford", "Sam Price"),
        ("CRITICIZED", "Li Wen", "Sam Price"),
        ("CRITICIZED", "Mia Lund", "Sam Price"),
    }


def test_criticism_received_and_standing_stances() -> None:
    doc = run(
        "Governor Sam Price came under fire from Senator Ella Ford on Monday. In a jibe "
        "at Price, Mayor Li Wen said the state was broke. Judge Mia Lund, a fierce "
        "critic of Wen, sided with Ford."
    )
    found = relations(doc)
    assert {
        ("CRITICIZED", "Ella Ford", "Sam Price"),
        ("CRITICIZED", "Li Wen", "Sam Price"),
        ("CRITICIZED", "Mia Lund", "Li Wen"),
        ("SUPPORTED", "Mia Lund", "Ella Ford"),
    } <= found
    assert ("CRITICIZED", "Sam Price", "Ella Ford") not in found  # the one criticised


def test_a_country_possessive_title_in_apposition() -> None:
    doc = run(
        "KYIV (Reuters) - Ukraine's foreign minister, Olha Bondar, spoke first. "
        "Taras Koval, Ukraine's defence minister, said the talks had failed."
    )
    offices = relations(doc, "HOLDS_OFFICE")
    assert ("HOLDS_OFFICE", "Olha Bondar", "Foreign Minister of Ukraine") in offices
    assert ("HOLDS_OFFICE", "Taras Koval", "Defence Minister of Ukraine") in offices


def test_a_state_unit_post_names_the_state() -> None:
    doc = run(
        "Thiruvananthapuram: BJP state president Kiran Rao met Kerala Governor Ravi "
        "Menon on Monday."
    )
    found = relations(doc, "HOLDS_OFFICE")
    assert any(
        person == "Kiran Rao" and "Kerala" in office and "Bharatiya Janata" in office
        for _, person, office in found
    ), found
    assert ("MEMBER_OF", "Kiran Rao", "Bharatiya Janata Party") in relations(doc)


def test_appositions_tie_people_to_parties() -> None:
    doc = run(
        "Lucknow: Ravi Menon, a senior BJP leader, and Kiran Rao, a leader from the "
        "Samajwadi Party, spoke at the rally. Asha Pillai, a leader of many causes, "
        "did not."
    )
    found = relations(doc, "MEMBER_OF")
    assert ("MEMBER_OF", "Ravi Menon", "Bharatiya Janata Party") in found
    assert ("MEMBER_OF", "Kiran Rao", "Samajwadi Party") in found
    assert all(person != "Asha Pillai" for _, person, _ in found)


def test_party_leader_is_an_office_abroad_and_a_tie_in_india() -> None:
    abroad = run("CAPE TOWN (Reuters) - DA leader Thabo Nkosi said the deal would hold.")
    assert ("HOLDS_OFFICE", "Thabo Nkosi", "Leader of the Democratic Alliance") in relations(
        abroad, "HOLDS_OFFICE"
    )
    india = run("New Delhi: Congress leader Ravi Menon said the deal would hold.")
    assert relations(india, "HOLDS_OFFICE") == set()
    assert ("MEMBER_OF", "Ravi Menon", "Indian National Congress") in relations(india)


def test_an_ended_alliance_is_kept_as_former_and_a_denied_one_is_dropped() -> None:
    ended = run("Patna: The LJP quit the National Democratic Alliance earlier this month.")
    [rel] = [r for r in ended.relations if r.type == "ALLIED_WITH"]
    assert rel.status == "former"
    denied = run("Chandigarh: The AAP will not form an alliance with the Congress in Punjab.")
    assert relations(denied, "ALLIED_WITH") == set()


def test_membership_of_a_bloc_from_belongs_and_includes() -> None:
    doc = run("New Delhi: The AAP belongs to the INDIA bloc, as does the TMC.")
    found = relations(doc, "ALLIED_WITH")
    india = "Indian National Developmental Inclusive Alliance"
    assert ("ALLIED_WITH", "Aam Aadmi Party", india) in found
    assert ("ALLIED_WITH", "All India Trinamool Congress", india) in found


def test_blame_and_demands_given_to_a_named_person() -> None:
    doc = run(
        "Kolkata: TMC leader Asha Pillai held Congress leader Ravi Menon responsible "
        "for the collapse of the talks. BJP MP Kiran Rao called on Menon to step down. "
        "Pillai also demanded Menon's suspension from the House."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in found
    assert ("CRITICIZED", "Kiran Rao", "Ravi Menon") in found


def test_a_defender_named_by_apposition_supports_the_defended() -> None:
    doc = run(
        "AUSTIN, Texas (AP) - State Rep. Brian Hale, one of Ken Dalton's few defenders "
        "in the House, spoke first. Greg Abel, a critic of nobody, did not."
    )
    assert ("SUPPORTED", "Brian Hale", "Ken Dalton") in relations(doc, "SUPPORTED")


def test_a_government_named_by_its_head_is_an_organisation_criticised() -> None:
    doc = run(
        "Bhubaneswar: BJP state president Kiran Rao accused the Naveen Patnaik government "
        "of failing the farmers. Congress leader Asha Pillai said the state government "
        "had shown gross neglect and shameful contempt for the poor."
    )
    orgs = {e.name for e in doc.entities if e.type == "Organization"}
    assert {"Naveen Patnaik government", "state government"} <= orgs
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Kiran Rao", "Naveen Patnaik government") in found
    assert ("CRITICIZED", "Asha Pillai", "state government") in found
    assert all(target != "Naveen Patnaik" for _, _, target in found)


def test_dismissing_what_someone_said_criticises_them_and_refraining_does_not() -> None:
    doc = run(
        "Mumbai: Shiv Sena spokesperson Asha Pillai dismissed Ravi Menon's speech as a "
        "bid to win sympathy. Kiran Rao has refrained from attacking Menon."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Asha Pillai", "Ravi Menon") in found
    assert all(subject != "Kiran Rao" for _, subject, _ in found)


def test_of_the_party_founders_and_leaders_give_membership() -> None:
    doc = run(
        "Maria Lopez, of the centrist Liberal Party, said she would vote against the bill. "
        "The Inkatha Freedom Party (IFP), led by Sipho Dlamini, also voted against it. "
        "The Labour Party, whose leader Tomas Varga has run it since 2015, abstained. "
        "Mauricio Perez, who founded the Liberal Party, was absent."
    )
    found = relations(doc, "MEMBER_OF")
    assert ("MEMBER_OF", "Maria Lopez", "Liberal Party") in found
    assert ("MEMBER_OF", "Sipho Dlamini", "Inkatha Freedom Party") in found
    assert ("MEMBER_OF", "Tomas Varga", "Labour Party") in found
    assert ("MEMBER_OF", "Mauricio Perez", "Liberal Party") in found


def test_of_a_place_or_founding_a_charity_is_no_membership() -> None:
    doc = run(
        "Maria Lopez, of Madrid, said she would vote against the bill. "
        "Mauricio Perez, who founded a charity, backed the Liberal Party."
    )
    assert not any(r[1] in ("Maria Lopez", "Mauricio Perez") for r in relations(doc, "MEMBER_OF"))


def test_a_house_seat_in_a_title_run_keeps_the_party_title_before_it() -> None:
    doc = run(
        "BJD spokesperson and Rajya Sabha member Amar Das dismissed the reports. "
        "Rajya Sabha member Ravi Sen agreed."
    )
    found = relations(doc)
    assert ("MEMBER_OF", "Amar Das", "Biju Janata Dal") in found
    assert ("HOLDS_OFFICE", "Amar Das", "Spokesperson of the Biju Janata Dal") in found
    assert not any(r[1] == "Ravi Sen" for r in found)


def test_a_case_or_campaign_against_someone_is_criticism_by_who_launched_it() -> None:
    doc = run(
        "Senator Lena Holt filed a case against Prime Minister Karl Weiss on Monday. "
        "Tom Ruiz began his campaign against Weiss in May."
    )
    found = relations(doc, "CRITICIZED")
    assert ("CRITICIZED", "Lena Holt", "Karl Weiss") in found
    assert ("CRITICIZED", "Tom Ruiz", "Karl Weiss") in found


def test_welcoming_or_not_filing_a_case_is_no_criticism() -> None:
    doc = run(
        "Senator Lena Holt did not file a case against Prime Minister Karl Weiss. "
        "Tom Ruiz welcomed the motion against Weiss."
    )
    assert relations(doc, "CRITICIZED") == set()


def test_a_passive_subject_after_a_long_opening_phrase_is_the_name_before_was() -> None:
    doc = run(
        "Besides his Farmers Party (FP) and its junior coalition partner Unity, an alliance "
        "of rural parties led by acting Deputy Prime Minister Ola Berg, Karl Weiss was backed "
        "by the Island Party on Tuesday."
    )
    found = relations(doc, "SUPPORTED")
    assert ("SUPPORTED", "Island Party", "Karl Weiss") in found
    assert not any(r[2] == "Unity" for r in found)


def test_a_follower_or_admirer_supports_whom_they_follow() -> None:
    doc = run(
        "Senator Lena Holt insisted on Saturday that she remained a devoted follower of Prime "
        "Minister Karl Weiss. Tom Ruiz, an admirer of Holt, agreed. Ana Costa is no admirer "
        "of Weiss."
    )
    found = relations(doc, "SUPPORTED")
    assert ("SUPPORTED", "Lena Holt", "Karl Weiss") in found
    assert ("SUPPORTED", "Tom Ruiz", "Lena Holt") in found
    assert ("SUPPORTED", "Ana Costa", "Karl Weiss") not in found
