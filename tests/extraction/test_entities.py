"""People, parties, alliances and offices: the domain layer over the general model."""

from __future__ import annotations

from tests.extraction.conftest import entity, names, relations, run


def test_surname_and_spelling_variants_join_the_full_name() -> None:
    doc = run(
        "Finance Minister Kavita Raghunathan spoke in Lucknow on Monday. Later, "
        "Raghunathan met reporters. Critics said Raghunatan had misled the House."
    )
    people = [e for e in doc.entities if e.type == "Person"]
    assert [p.name for p in people] == ["Kavita Raghunathan"]
    assert {"Raghunathan", "Raghunatan"} <= set(people[0].aliases)


def test_two_people_with_one_surname_stay_apart() -> None:
    doc = run(
        "Congress leader Priya Varghese and her brother Thomas Varghese, a BJP MP, "
        "clashed on Tuesday. Thomas Varghese later apologised."
    )
    people = sorted(e.name for e in doc.entities if e.type == "Person")
    assert people == ["Priya Varghese", "Thomas Varghese"]


def test_honorifics_are_not_part_of_the_name() -> None:
    doc = run("The BJD said Mr Arvind Pattnaik and Dr Leela Sahu would attend the meeting.")
    assert {"Arvind Pattnaik", "Leela Sahu"} <= set(names(doc).values())


def test_parties_and_alliances_come_from_the_gazetteer_with_their_aliases() -> None:
    doc = run(
        "The Samajwadi Party (SP) said it remains in the INDIA bloc. The SP will "
        "contest 60 seats, while the BJP-led NDA hopes to sweep the state."
    )
    assert entity(doc, "Samajwadi Party") == "Party"
    assert entity(doc, "Bharatiya Janata Party") == "Party"
    assert entity(doc, "National Democratic Alliance") == "Alliance"
    india = [e for e in doc.entities if e.type == "Alliance" and "INDIA bloc" in e.aliases]
    assert india


def test_offices_are_named_as_specifically_as_the_text_allows() -> None:
    doc = run(
        "Karnataka Chief Minister Ravi Gowda and Union Home Minister Meera Pillai met "
        "Lok Sabha Speaker Anil Mehta on Friday. The TMC supremo was not invited."
    )
    offices = {e.name for e in doc.entities if e.type == "Office"}
    assert {
        "Chief Minister of Karnataka",
        "Home Minister of India",
        "Speaker of the Lok Sabha",
        "Leader of the All India Trinamool Congress",
    } <= offices


def test_place_names_and_events_are_not_people() -> None:
    doc = run(
        "Thousands joined the Bharat Jodo Yatra in Chandni Chowk as the Lok Sabha "
        "adjourned. The rally moved to Jantar Mantar."
    )
    assert not [e for e in doc.entities if e.type == "Person"]


def test_a_seat_in_a_legislature_is_not_an_office() -> None:
    doc = run("BJP MP Sunil Rao and AAP MLA Geeta Kaur attended the session.")
    assert not [e for e in doc.entities if e.type == "Office"]


def test_us_and_uk_articles_resolve_their_own_offices() -> None:
    us = run(
        "WASHINGTON (AP) - Senate Majority Leader Dana Whitfield said the Republicans "
        "would block the bill, a day after President Laura Chen signed an order."
    )
    assert entity(us, "Republican Party") == "Party"
    assert any(e.type == "Office" and "United States" in e.name for e in us.entities)
    uk = run("LONDON: Labour leader Tom Ashby attacked the Conservatives on Sunday.")
    assert entity(uk, "Labour Party") == "Party"


def test_unknown_parties_are_recognised_by_shape_with_their_acronym() -> None:
    doc = run(
        "The Progressive Farmers Front (PFF) and the Civic Bloc met in Ostrava. "
        "The PFF later walked out, and protests outside Parliament and Congress "
        "offices continued."
    )
    pff = [e for e in doc.entities if e.name == "Progressive Farmers Front"]
    assert pff and pff[0].type == "Party" and "PFF" in pff[0].aliases
    assert entity(doc, "Civic Bloc") == "Alliance"
    assert not [e for e in doc.entities if e.name == "Parliament and Congress"]


def test_a_country_without_a_gazetteer_file_gets_its_national_titles() -> None:
    doc = run(
        "Chilean President Marta Vidal met Prime Minister Jonas Berg of Norway. "
        "Vidal later spoke to the Chilean press."
    )
    assert relations(doc, "HOLDS_OFFICE") >= {("HOLDS_OFFICE", "Marta Vidal", "President of Chile")}


def test_the_dateline_decides_whose_bare_titles_these_are() -> None:
    doc = run(
        "ANKARA, March 12 (Reuters) - President Emre Kaya accused the opposition of "
        "sabotage. Vice President Selin Aydin backed him, and Finance Minister "
        "Orhan Demir announced new taxes."
    )
    assert relations(doc, "HOLDS_OFFICE") == {
        ("HOLDS_OFFICE", "Emre Kaya", "President of Turkey"),
        ("HOLDS_OFFICE", "Selin Aydin", "Vice President of Turkey"),
        ("HOLDS_OFFICE", "Orhan Demir", "Finance Minister of Turkey"),
    }
    assert not [e for e in doc.entities if e.name.title() == "Ankara"]


def test_a_party_name_many_countries_use_stays_in_the_story_country() -> None:
    # "Liberal Party" and "Centre Party" are also Australia's and Sweden's
    doc = run(
        "LIMA, April 3 (Reuters) - Peruvian President Ana Rojas attacked the "
        "Liberal Party. Liberal Party leader Luis Mora rejected the accusation, and the "
        "Democratic Centre party stayed silent."
    )
    parties = {e.name for e in doc.entities if e.type == "Party"}
    assert parties == {"Liberal Party", "Democratic Centre"}
    assert ("MEMBER_OF", "Luis Mora", "Liberal Party") in relations(doc)
    assert not [e for e in doc.entities if "Australia" in e.name or "Sweden" in e.name]


def test_a_foreign_party_stays_foreign_when_the_story_names_its_country() -> None:
    doc = run(
        "NEW DELHI: Prime Minister Arun Mehta met British Labour Party leader "
        "Tom Ashby, and the BJP welcomed the visit."
    )
    assert entity(doc, "Labour Party") == "Party"
    assert entity(doc, "Bharatiya Janata Party") == "Party"


def test_party_names_with_a_possessive_or_two_head_words_are_whole() -> None:
    doc = run(
        "Ozan Er of the Republican People's Party (CHP) criticised the Nationalist "
        "Movement Party (MHP). CHP leader Deniz Sahin agreed."
    )
    parties = {e.name for e in doc.entities if e.type == "Party"}
    assert {"Republican People's Party", "Nationalist Movement Party"} <= parties
    assert ("MEMBER_OF", "Deniz Sahin", "Republican People's Party") in relations(doc)
    # a person's possessive is not part of the name
    doc = run("Prime Minister Viktor Lanz's Renewal Front Party won, as did the Farmers' Party.")
    parties = {e.name for e in doc.entities if e.type == "Party"}
    assert parties == {"Renewal Front Party", "Farmers' Party"}
    assert ("MEMBER_OF", "Viktor Lanz", "Renewal Front Party") in relations(doc)


def test_a_capitalised_name_before_a_lower_case_party_is_a_party() -> None:
    doc = run(
        "Former President Pavel Bondar, who leads the opposition Civic Dawn party, "
        "spoke in Chisinau. Ana Rusu of the Vointa party disagreed, as did the ruling "
        "party and the Congress party."
    )
    dawn = [e for e in doc.entities if e.name == "Civic Dawn"]
    assert dawn and dawn[0].type == "Party"
    assert "Civic Dawn party" in dawn[0].aliases
    assert entity(doc, "Vointa") == "Party"
    assert not [e for e in doc.entities if e.name.lower().startswith("the ruling")]


def test_names_with_particles_and_royal_titles() -> None:
    doc = run(
        "BRUSSELS (Reuters) - Commission President Ursula von der Leyen met Brazilian "
        "President Luiz Inácio Lula da Silva, Saudi Crown Prince Mohammed bin Salman "
        "and Egyptian President Abdel Fattah al-Sisi. Von der Leyen praised Lula."
    )
    people = {e.name for e in doc.entities if e.type == "Person"}
    assert {
        "Ursula von der Leyen",
        "Luiz Inácio Lula da Silva",
        "Mohammed bin Salman",
        "Abdel Fattah al-Sisi",
    } <= people
    assert ("HOLDS_OFFICE", "Abdel Fattah al-Sisi", "President of Egypt") in relations(doc)


def test_main_parties_of_countries_without_a_file() -> None:
    doc = run(
        "KUALA LUMPUR: PAS president Abdul Hadi criticised Prime Minister Anwar Ibrahim, "
        "while Umno backed him. Barisan Nasional is a partner of Pakatan Harapan."
    )
    assert entity(doc, "Malaysian Islamic Party") == "Party"
    assert entity(doc, "United Malays National Organisation") == "Party"
    assert entity(doc, "Barisan Nasional") == "Alliance"
    assert ("ALLIED_WITH", "Barisan Nasional", "Pakatan Harapan") in relations(doc) or (
        "ALLIED_WITH",
        "Pakatan Harapan",
        "Barisan Nasional",
    ) in relations(doc)


def test_initials_stay_with_the_name_and_titles_do_not() -> None:
    doc = run(
        "New Delhi: Chief Justice of India DY Chandrachud met former prime minister "
        "H D Deve Gowda. Smt. Nirmala Sitharaman and Captain Amarinder Singh attended, "
        "as did BJP MP Ravi Menon."
    )
    people = {e.name for e in doc.entities if e.type == "Person"}
    assert {
        "DY Chandrachud",
        "H D Deve Gowda",
        "Nirmala Sitharaman",
        "Amarinder Singh",
        "Ravi Menon",
    } <= people
    assert not any(n.startswith(("Smt", "Captain", "MP ")) for n in people)


def test_a_sentence_opening_quantifier_is_no_part_of_a_name() -> None:
    doc = run(
        "WASHINGTON (Reuters) - Several Republicans spoke up for Speaker Kevin Dale. "
        "Most Democrats voted against him."
    )
    names = {e.name for e in doc.entities}
    assert not any(n.startswith(("Several", "Most")) for n in names), names


def test_bodies_of_a_party_are_not_parties() -> None:
    doc = run(
        "Guwahati: The Assam Pradesh Congress Committee met on Monday, and the Congress "
        "Legislature Party elected its leader. The Asom Gana Parishad stayed away."
    )
    parties = {e.name for e in doc.entities if e.type == "Party"}
    assert not any("Committee" in p or "Legislature" in p for p in parties), parties
    assert "Asom Gana Parishad" in parties


def test_a_name_owning_a_party_is_a_person_and_a_government_label_is_not() -> None:
    doc = run(
        "Lucknow: Maurya had left Mayawati's Bahujan Samaj Party in 2016. "
        "The Biden administration said nothing."
    )
    people = {e.name for e in doc.entities if e.type == "Person"}
    assert "Mayawati" in people and "Biden" not in people
    assert ("MEMBER_OF", "Mayawati", "Bahujan Samaj Party") in relations(doc)


def test_abbreviated_state_titles_name_the_states_office() -> None:
    doc = run(
        "AUSTIN, Texas (AP) - Gov. Greg Abel signed the bill on Monday, and Lt. Gov. "
        "Dan Porter praised him."
    )
    offices = relations(doc, "HOLDS_OFFICE")
    assert ("HOLDS_OFFICE", "Greg Abel", "Governor of Texas") in offices
    assert ("HOLDS_OFFICE", "Dan Porter", "Lieutenant Governor of Texas") in offices


def test_regional_parties_are_not_their_national_party() -> None:
    doc = run(
        "EDINBURGH (Reuters) - Scottish Labour leader Ana Sorley and Scottish "
        "Conservative leader Duncan Reid attacked the first minister."
    )
    found = relations(doc, "MEMBER_OF")
    assert ("MEMBER_OF", "Ana Sorley", "Scottish Labour Party") in found
    assert ("MEMBER_OF", "Duncan Reid", "Scottish Conservative and Unionist Party") in found
