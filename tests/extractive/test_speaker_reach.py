"""Speakers the attribution must reach past what stands between them and the verb.

A second verb joined by "and" ("opposed the closure and said"), a description of
several phrases after the name ("of Keele University and contributor to the Gazette"),
a body's name with a lower-case word inside ("Save the Pier"). Every snippet is
fresh fiction written for these rules (none is taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances
from summarizer.models import Stance

_OPENING = "The county council voted on Monday to close the Harlow pier.\n\n"


def stances(text: str) -> dict[str, Stance]:
    """Every stance the attribution rules find, by actor."""
    return {s.actor: s for s in all_stances(_OPENING + text + "\n")}


def test_the_subject_of_a_first_verb_says_what_its_second_verb_says() -> None:
    found = stances(
        "The Harlow Boat Owners Association opposed the closure and said it had been "
        "promised the pier would stay open."
    )
    assert "Harlow Boat Owners Association" in found
    assert "promised the pier would stay open" in found["Harlow Boat Owners Association"].position


def test_a_named_person_who_acts_and_then_speaks_is_the_speaker() -> None:
    found = stances(
        "Greta Lindqvist wept at the vote and said she believed the pier was safe for years."
    )
    assert "Greta Lindqvist" in found


def test_a_bracketed_acronym_after_the_subject_does_not_hide_it() -> None:
    found = stances(
        "The Harlow Boat Owners Association (HBOA) opposed the closure and said the "
        "engineers had never inspected the pilings."
    )
    assert set(found) & {"Harlow Boat Owners Association", "HBOA"}


def test_the_object_of_a_first_verb_is_not_the_speaker_of_the_second() -> None:
    found = stances(
        "Officers arrested Tomas Brink at the pier and said he had been carrying a "
        "crowbar and two cans of paint."
    )
    assert "Tomas Brink" not in found
    found = stances(
        "Mayor Ada Brunvoll met Tomas Brink on Friday and said the pier would reopen in the spring."
    )
    assert "Tomas Brink" not in found
    assert "Ada Brunvoll" in found


def test_a_fronted_time_does_not_stop_the_subject_of_joined_verbs() -> None:
    found = stances(
        "On Tuesday, the Harlow Boat Owners Association wrote to the council and said the "
        "vote had ignored its survey."
    )
    assert "Harlow Boat Owners Association" in found


def test_a_body_named_with_an_inner_article_is_not_cut_to_its_last_word() -> None:
    found = stances(
        'Rosa Kleinfeld of Save the Pier, a local charity, told the Harlow Courier "it '
        'looks as if the vote was decided before the meeting".'
    )
    assert "Pier" not in found
    assert "Rosa Kleinfeld" in found


def test_a_speaker_described_by_two_joined_phrases_is_found() -> None:
    found = stances(
        "Dana Pryceman of Keele University and contributor to the Harlow Gazette said, "
        '"A single council could close every pier in the county without a hearing."'
    )
    assert "Dana Pryceman" in found


def test_a_name_with_an_ampersand_is_one_speaker() -> None:
    found = stances(
        "HB&W, the firm that built the pier, said the pilings would last another century."
    )
    assert "HB&W" in found
    assert not set(found) & {"HB", "W"}


def test_a_statement_read_out_is_its_owners_words() -> None:
    found = stances(
        "Dina Vossberg's statement read: \"The pier will be rebuilt within two years, "
        'whatever the council decides."'
    )
    assert "Dina Vossberg" in found
    assert "rebuilt within two years" in found["Dina Vossberg"].position


def test_a_body_that_issues_a_statement_saying_something_holds_it() -> None:
    found = stances(
        "The Harlow Boat Owners Association issued a statement saying the pier had been "
        "safe for decades and the survey was rushed."
    )
    assert "Harlow Boat Owners Association" in found
    assert "safe for decades" in found["Harlow Boat Owners Association"].position
    found = stances(
        'Marlow Ferries released a statement which read, in part, "This closure raises '
        'serious questions for every operator on the coast."'
    )
    assert "Marlow Ferries" in found


def test_a_statement_released_by_an_office_is_its_holders() -> None:
    found = stances(
        "Mayor Dina Vossberg opened the pier in 1998. According to a statement released "
        'by Vossberg\'s office, "the pier will be rebuilt within two years".'
    )
    assert "Dina Vossberg" in found
    assert "rebuilt within two years" in found["Dina Vossberg"].position


def test_a_statement_with_no_content_holds_no_position() -> None:
    found = stances(
        "The Harlow Boat Owners Association issued a statement on Friday. The association "
        "published a statement of accounts in March."
    )
    assert "Harlow Boat Owners Association" not in found


def test_a_pronoun_in_a_fronted_clause_is_not_the_speaker() -> None:
    text = (
        "Princess Ada Lindqvist registered as a candidate on Friday. Shortly after she "
        "filed her papers, the palace said the king considered it wrong for royals to run "
        "for office."
    )
    assert "Ada Lindqvist" not in stances(text)
    text = (
        "Princess Ada Lindqvist registered as a candidate on Friday. Shortly after she "
        "filed her papers, the palace issued a statement saying the king considered it "
        "wrong for royals to run for office."
    )
    assert "Ada Lindqvist" not in stances(text)


def test_an_adverb_of_time_between_pronoun_and_verb_keeps_the_speaker() -> None:
    text = (
        "Tomas Brinkmann was charged with damaging the pier in May. He has since said "
        "his first account to the police was given under pressure."
    )
    assert "Tomas Brinkmann" in stances(text)


def test_a_body_named_with_dotted_initials_speaks() -> None:
    found = stances("The U.S. Coastal Survey has said the pier may slide into the sea by February.")
    assert "U.S. Coastal Survey" in found
    assert "slide into the sea" in found["U.S. Coastal Survey"].position


def test_a_titled_name_set_off_by_commas_is_the_speaker() -> None:
    found = stances(
        "One of the survey's authors, engineer Dana Vossberg, told the Harlow Courier the "
        "pilings were sound and the pier could stay open."
    )
    assert "Dana Vossberg" in found
    found = stances(
        "The pier's owner, from Eastvale, said the pilings were sound and the pier could stay open."
    )
    assert "Eastvale" not in found


def test_a_relative_clause_naming_a_body_does_not_make_the_body_speak() -> None:
    found = stances(
        "The Harlow Port Authority, which includes the Pier Trust, declared that the pier "
        "was unsafe and would stay closed."
    )
    assert "Pier Trust" not in found
    found = stances(
        "Leonie Marshfield, who chairs the Canal Street Tenants Association, said members "
        "feared the pier's closure would cost them their jobs."
    )
    assert "Leonie Marshfield" in found
    assert "Canal Street Tenants Association" not in found


def test_a_name_set_off_after_the_subject_speaks_for_both_joined_verbs() -> None:
    found = stances(
        "The pier's last owner, Tomas Hallberg, wept at the vote and said he would take "
        "the council to court over the closure."
    )
    assert "Tomas Hallberg" in found
    assert "take the council to court" in found["Tomas Hallberg"].position


def test_an_acronym_opening_what_was_told_is_not_taken_for_the_outlet() -> None:
    found = stances(
        "Ada Brunvoll, who runs the Harlow food bank, told the Harlow Courier that HRB "
        "(Harlow Relief Benefit) payments had doubled the queue at the food bank."
    )
    assert "Ada Brunvoll" in found
    assert found["Ada Brunvoll"].position.startswith("HRB")


def test_a_person_named_right_after_the_body_they_head_is_the_speaker() -> None:
    found = stances(
        '"This vote cannot change the fact that the pier was sound," Harlow director of '
        "Coastwatch International Mei-lin Tsang said in a statement."
    )
    assert "Mei-lin Tsang" in found
    assert not {a for a in found if "Coastwatch" in a}
    found = stances(
        "The chair of Harlow Rowing Ilse Marken said the club would move its boats to "
        "Eastvale until the pier reopens."
    )
    assert "Ilse Marken" in found


def test_a_relative_named_after_of_is_not_the_speaker() -> None:
    found = stances("The daughter of Ilse Marken said the pier had been unsafe for years.")
    assert "Ilse Marken" not in found


def test_a_lower_case_listener_is_not_part_of_what_was_told() -> None:
    found = stances("Mayor Ada Brunvoll told local media Harlow's pier had been unsafe for years.")
    assert found["Ada Brunvoll"].position.startswith("Harlow's pier")


def test_a_statement_from_someone_is_their_words() -> None:
    found = stances(
        "Mayor Dina Vossberg was in Oslo on Monday. The town hall issued the following "
        'statement from the mayor: "The pier will be rebuilt, whatever the council decides."'
    )
    assert "Dina Vossberg" in found
    assert "rebuilt" in found["Dina Vossberg"].position


def test_a_body_named_in_a_fronted_clause_is_not_the_speaker_after_the_comma() -> None:
    # The speakers are the common nouns after the comma ("his cousins", "the crew"):
    # they name no one, and the party or the council before the comma said nothing.
    for text in (
        "When the chance came at the harbour party, his cousins urged him to enter the regatta.",
        "After the vote at the Harlow Town Council, the ferry crew said they would strike.",
    ):
        assert not stances(text), text
    # An aside between commas still reaches back to its name.
    found = stances("Tomas Kubik, a fire service spokesman, said the pier must close.")
    assert "Tomas Kubik" in found


def test_a_role_set_off_without_its_closing_comma_does_not_take_the_verb() -> None:
    # Fresh fiction; the comma after the role is missing, as it sometimes is in print.
    found = stances(
        "Ingrid Holm, the chair of the harbour board decided, according to the minutes, "
        "that the pier must close for the winter."
    )
    assert "Ingrid Holm" in found
    assert found["Ingrid Holm"].role == "chair of the harbour board"


def test_a_reign_is_not_a_ruling() -> None:
    # Fresh fiction: "ruled Norland for forty years" is a reign, not a ruling.
    for text in (
        "Queen Ada Lind ruled Norland for forty years, and her son succeeded her in 1990.",
        "King Olav Brenn ruled Norland from 1950 until his death.",
    ):
        assert not stances(text), text
    # A court's ruling on a named party still is one.
    found = stances("The Harlow Court ruled Rita Osei had no case against the council.")
    assert "Harlow Court" in found
