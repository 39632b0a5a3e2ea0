"""Who an actor is: a person, a body or a document, and the role the article gives them.

Fresh invented sentences; each rule was seen failing before it was written.
"""

from __future__ import annotations

import pytest

from summarizer.extractive.engine import all_stances
from summarizer.models import Stance


def stances(text: str) -> dict[str, Stance]:
    """Every stance the attribution rules find, by actor."""
    return {s.actor: s for s in all_stances(text)}


def test_a_role_set_off_before_the_name_is_the_role() -> None:
    text = (
        "The Transport Minister, Ilse Varga, says the ferry will run again in May.\n\n"
        "Varga said the new timetable would add two crossings a day.\n"
    )
    found = stances(text)
    assert list(found) == ["Ilse Varga"]
    assert found["Ilse Varga"].role == "Transport Minister"


def test_a_titled_surname_that_also_names_a_place_is_a_person() -> None:
    text = (
        "The Fisheries Minister, Tomas Hill, says the quota will be cut by a tenth.\n\n"
        "Senator Hill said the cut was needed to let the cod stocks recover.\n"
    )
    found = stances(text)
    assert list(found) == ["Tomas Hill"]
    assert "cod stocks" in found["Tomas Hill"].position


def test_a_government_is_not_a_person_he_can_refer_to() -> None:
    text = (
        "The Norland Government says the border crossing will reopen on Monday.\n\n"
        "He said lorries would be checked at the crossing for a week.\n"
    )
    found = stances(text)
    assert "lorries" not in found["Norland Government"].position


def test_an_unnamed_official_is_not_the_named_leader_of_the_same_side() -> None:
    text = (
        "Tarvian leader Omar Selin said his forces would hold the ceasefire.\n\n"
        "Envoy Rosa Kell met Mr Selin in a new attempt to extend the truce, "
        "a Tarvian official said.\n"
    )
    found = stances(text)
    assert "new attempt" not in found["Omar Selin"].position
    assert all(s.role != "Tarvian official" for s in found.values())


def test_a_document_holds_no_position() -> None:
    text = (
        "The Halden Plan calls for an end to night flights over the city.\n\n"
        "Mayor Ruth Ostby said the plan would cost the airport its cargo trade.\n"
    )
    assert list(stances(text)) == ["Ruth Ostby"]


def test_a_descriptor_before_a_full_name_is_the_role_not_part_of_the_name() -> None:
    text = (
        "Leg-spinner Anders Holm, who replaces the injured bowler, says he is not worried "
        "by reports of a rift with fellow spinner Jon Berg.\n\n"
        "Republican Dana Kirk of the Budget Committee says the administration must "
        "publish the report.\n\n"
        "Businessmen Ola Lew and Per Fox have called on the council to help break the "
        "ferry company's hold on the harbour.\n"
    )
    found = stances(text)
    assert {"Anders Holm", "Dana Kirk", "Ola Lew"} <= set(found)
    assert found["Anders Holm"].role == "Leg-spinner"
    assert found["Dana Kirk"].role is not None and "Republican" in found["Dana Kirk"].role


def test_a_body_blamed_for_something_holds_no_position_by_it() -> None:
    text = "Protesters marched against the ailing government blamed for a long recession.\n"
    assert stances(text) == {}


def test_a_body_that_blames_someone_holds_that_position() -> None:
    text = "The Kelby council blamed the contractor for the delay to the bridge.\n"
    assert len(stances(text)) == 1


def test_the_person_after_a_body_and_its_title_is_the_subject() -> None:
    text = (
        "Team captain Ola Berg has defended the decision to rest Holm on Saturday, saying "
        "he was always in doubt for the final.\n"
    )
    found = stances(text)
    assert list(found) == ["Ola Berg"]
    assert found["Ola Berg"].role == "Team captain"


def test_reports_that_are_a_noun_give_their_adjective_no_stance() -> None:
    text = (
        "Preliminary reports suggested a faulty heater might be behind the fire at the "
        "Kelby sawmill.\n\nUnconfirmed reports said the ferry had run aground.\n"
    )
    assert stances(text) == {}


def test_says_before_a_noun_is_still_the_verb() -> None:
    text = "Minister Ilse Dahl says state inspectors will test the water at every well.\n"
    assert stances(text)["Ilse Dahl"].position.startswith("State inspectors will test")


def test_an_acronym_before_a_full_name_is_the_body_not_part_of_the_name() -> None:
    text = "SES Laura Berg says crews will need several days to clear the fallen trees.\n"
    found = stances(text)
    assert list(found) == ["Laura Berg"]
    assert found["Laura Berg"].role == "SES"


def test_an_acronym_before_a_body_stays_part_of_the_body() -> None:
    text = "The NRA Coastal Survey says the dunes will move inland by two metres a year.\n"
    assert list(stances(text)) == ["NRA Coastal Survey"]


def test_the_last_two_words_of_a_full_name_are_the_same_person() -> None:
    text = (
        "Interim President Adolfo Rodriguez Lanza has asked the banks to stay open on "
        "Monday.\n\nRodriguez Lanza said he was very concerned about the run on deposits.\n"
    )
    assert list(stances(text)) == ["Adolfo Rodriguez Lanza"]


def test_the_company_is_the_firm_not_the_government_it_dealt_with() -> None:
    text = (
        "Kestrel Petroleum has announced a deal with the new Government of Tarvia that "
        "lets the gas project go ahead.\n\n"
        "In a statement the company says it welcomes the tax package offered by the "
        "Tarvian cabinet.\n"
    )
    found = stances(text)
    assert "Government of Tarvia" not in found
    assert any("tax package" in e for e in found["Kestrel Petroleum"].evidence)


def test_a_firm_named_by_the_first_word_of_its_name_is_the_same_firm() -> None:
    text = (
        "Kestrel Shipping says the new ferry will be finished by May.\n\n"
        "Kestrel blamed the delay on its concerns over the new tax regime.\n"
    )
    assert list(stances(text)) == ["Kestrel Shipping"]


def test_claims_of_something_are_a_noun_and_warns_of_is_a_verb() -> None:
    text = (
        "The council set up the inquiry in July, prompting union claims of a political "
        "witch-hunt.\n\nThe Kelby Bureau of Statistics found gambling made up 80 per cent "
        "of casino income.\n"
    )
    assert list(stances(text)) == ["Kelby Bureau of Statistics"]
    warned = stances("Mayor Ida Holm warns of more flooding on the coast road this week.\n")
    assert list(warned) == ["Ida Holm"]


def test_a_description_of_another_countrys_minister_is_not_this_minister() -> None:
    text = (
        "Israeli Prime Minister Ehud Tal said the talks would resume.\n\n"
        "The Egyptian Foreign Minister made an emergency visit to both Israeli Prime "
        "Minister Ehud Tal and the Palestinian leader, Omar Selin, urging negotiation "
        "rather than confrontation.\n"
    )
    assert "negotiation" not in stances(text)["Ehud Tal"].position


def test_a_description_of_the_same_countrys_minister_is_still_this_minister() -> None:
    text = (
        "Norwegian Foreign Minister Ida Brun met the envoy on Monday.\n\n"
        "The Norwegian minister said the talks would resume in May.\n"
    )
    assert "talks would resume" in stances(text)["Ida Brun"].position


def test_a_place_after_ambassador_to_is_the_role_not_part_of_the_name() -> None:
    text = (
        "The talks were hosted by the former Tarvian ambassador to Norland Abdul Salam "
        "Rahimi.\n\nRahimi insisted the movement would not surrender to the new "
        "government.\n"
    )
    assert list(stances(text)) == ["Abdul Salam Rahimi"]


def test_doctor_before_a_name_is_a_title() -> None:
    found = stances("Doctor Anna Harris says any change to the charter must involve all members.\n")
    assert list(found) == ["Anna Harris"]
    assert found["Anna Harris"].role == "Doctor"


def test_a_title_of_a_body_before_a_full_name_is_the_role() -> None:
    found = stances(
        "Chief of Tarvik's Northgate Central Station Per Lunde says quick work by guards "
        "stopped a fire.\n"
    )
    assert "Per Lunde" in found
    assert found["Per Lunde"].role == "Chief of Tarvik Northgate Central Station"


def test_a_participle_after_and_or_an_auxiliary_is_the_verb_not_the_roles_qualifier() -> None:
    found = stances(
        "The council has demanded a report and given mayor Lena Brandt ten days to reply. "
        "Brandt said she would answer soon.\n"
    )
    assert found["Lena Brandt"].role == "mayor"
    found = stances(
        "The party has sent envoy Per Lunde to the talks. Lunde said the deal was close.\n"
    )
    assert found["Per Lunde"].role == "envoy"


def test_a_participle_that_qualifies_a_title_stays_in_the_role() -> None:
    found = stances("Crowds cheered as retired general Olav Berg said the war was over.\n")
    assert found["Olav Berg"].role == "retired general"


def test_a_regular_participle_after_a_noun_and_and_stays_the_qualifier() -> None:
    found = stances(
        "Former club coach and retired captain Olav Berg said the stadium should be rebuilt.\n"
    )
    assert found["Olav Berg"].role == "retired captain"


def test_a_regular_participle_after_an_auxiliary_is_the_verb() -> None:
    found = stances(
        "The union has appointed director Ines Moll, and Moll said the strike was over.\n"
    )
    assert found["Ines Moll"].role == "director"


def test_a_name_after_kin_of_a_bare_person_noun_is_that_person_not_the_speaker() -> None:
    found = stances(
        "Meanwhile, the wife of flood victim, Tomas Berg, says she is still waiting for "
        "the inquiry's findings.\n"
    )
    assert "Tomas Berg" not in found


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The head of security, Tomas Berg, says the doors were locked.", "Tomas Berg"),
        (
            "The wife of the drowned sailor, Greta Berg, says she is still waiting for the "
            "inquiry's findings.",
            "Greta Berg",
        ),
    ],
)
def test_a_name_after_a_title_of_a_thing_or_of_a_determined_noun_is_the_speaker(
    sentence: str, actor: str
) -> None:
    assert actor in stances(sentence + "\n")
