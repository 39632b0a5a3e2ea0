"""Speakers who state a position in a shape other than "X said".

A reason given by a participle ("postponed the vote, citing the storm"), a
position told in the passive ("was condemned by the union"), and the like: the
subject is named, and what they did or said is theirs. Every snippet is fresh
fiction written for these rules (none is taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances
from summarizer.models import Stance

_OPENING = "The county council voted on Monday to close the Harlow pier.\n\n"


def stances(text: str) -> dict[str, Stance]:
    """Every stance the attribution rules find, by actor."""
    return {s.actor: s for s in all_stances(_OPENING + text + "\n")}


def test_the_subject_of_a_clause_gives_the_reason_its_participle_cites() -> None:
    found = stances("Mayor Ada Brunvoll postponed the vote, citing storm damage to the pilings.")
    assert "Ada Brunvoll" in found
    position = found["Ada Brunvoll"].position
    assert "postponed the vote" in position.lower()
    assert "storm damage" in position


def test_a_participle_reaches_past_a_fronted_time_and_an_aside() -> None:
    found = stances(
        "Yesterday, Ada Brunvoll, the mayor of Harlow, signed an order closing the pier "
        "until June, citing the cost of repairs."
    )
    assert "Ada Brunvoll" in found
    assert "cost of repairs" in found["Ada Brunvoll"].position


def test_a_body_that_condemns_and_calls_holds_both() -> None:
    found = stances(
        'The Harlow Boat Owners Association condemned the closure, calling it "a betrayal '
        'of the town".'
    )
    assert "Harlow Boat Owners Association" in found
    position = found["Harlow Boat Owners Association"].position
    assert "condemned the closure" in position.lower()
    assert "betrayal of the town" in position


def test_a_pronoun_subject_of_a_participle_clause_is_its_person() -> None:
    found = stances(
        "Ada Brunvoll has been mayor since 2019. She delayed the vote on the pier, "
        "arguing that the survey was out of date."
    )
    assert "Ada Brunvoll" in found
    assert "survey was out of date" in found["Ada Brunvoll"].position


def test_the_object_of_a_participle_clause_is_not_its_speaker() -> None:
    found = stances("Officers arrested Tomas Brink at the pier, saying he had carried a crowbar.")
    assert "Tomas Brink" not in found


def test_a_verb_of_saying_with_its_own_subject_comes_before_a_participle() -> None:
    found = stances(
        "The Harlow Water Board voted to raise prices, saying the pipes are old, but a "
        "tenants group accused the board of hiding its costs."
    )
    assert "Tenants group" in found


def test_the_agent_of_a_passive_verb_of_position_holds_the_position() -> None:
    found = stances("The closure was condemned by the Harlow Boat Owners Association.")
    assert "Harlow Boat Owners Association" in found
    assert (
        found["Harlow Boat Owners Association"].position.lower().startswith("condemned the closure")
    )
    found = stances("The new timetable has been criticised by harbour master Piet Vossberg.")
    assert "Piet Vossberg" in found
    assert "timetable" in found["Piet Vossberg"].position


def test_a_passive_description_keeps_what_it_was_described_as() -> None:
    found = stances(
        "Piet Vossberg chairs the harbour board. The closure was described by Vossberg as "
        '"a decision taken in the dark".'
    )
    assert "Piet Vossberg" in found
    assert "taken in the dark" in found["Piet Vossberg"].position


def test_members_of_a_body_are_named_as_the_article_names_them() -> None:
    found = stances("The closure was welcomed by members of the Harlow Rowing Club.")
    assert "Members of the Harlow Rowing Club" in found
    assert "Harlow Rowing Club" not in found


def test_a_passive_of_a_pronoun_or_with_no_agent_gives_no_one_a_position() -> None:
    assert not stances("It was condemned by the Harlow Boat Owners Association.")
    assert not stances("The closure was widely condemned in the town.")


def test_a_finite_verb_of_saying_comes_before_a_passive_agent() -> None:
    found = stances(
        "The fire on the pier was claimed by the Harbour Liberation Front, but the "
        "Harlow Water Board has denied any link to the group."
    )
    assert "Harlow Water Board" in found


def test_a_person_named_with_a_middle_initial_speaks() -> None:
    found = stances('County Attorney Ada J. Brunvoll said, "The pier must close before winter."')
    assert "Ada J. Brunvoll" in found
    assert "close before winter" in found["Ada J. Brunvoll"].position


def test_a_tweet_quoted_before_its_author_is_the_authors() -> None:
    found = stances(
        '"The pier has to reopen before the summer season" tweeted Mayor Ada Brunvoll '
        "(no relation)."
    )
    assert "Ada Brunvoll" in found
    assert "reopen before the summer season" in found["Ada Brunvoll"].position


def test_a_name_after_a_clause_opening_after_is_the_subject_of_its_clause() -> None:
    found = stances(
        "The pier shut on Friday after Judge Lena Marsh, a county magistrate, ordered last "
        "week that no boats may moor there."
    )
    assert "Lena Marsh" in found
    assert "no boats may moor there" in found["Lena Marsh"].position.lower()


def test_a_name_inside_a_phrase_of_time_is_still_not_the_speaker() -> None:
    found = stances(
        "After Mayor Ada Brunvoll's visit on Friday, the harbour board said the pier was sound."
    )
    assert "Ada Brunvoll" not in found


def test_a_definite_description_is_the_subject_of_joined_verbs() -> None:
    found = stances(
        "The Harlow Ferry Trust runs the ferry to the pier. The trust refused the "
        "council's request and said the ferry would keep sailing all winter."
    )
    assert "Harlow Ferry Trust" in found
    assert "keep sailing all winter" in found["Harlow Ferry Trust"].position


def test_a_short_quoted_phrase_of_the_first_verb_does_not_hide_the_subject() -> None:
    found = stances(
        'The Harlow Boat Owners Association gave the plan its "cautious backing" and '
        "said the boats would need a new slipway."
    )
    assert "Harlow Boat Owners Association" in found
    position = found["Harlow Boat Owners Association"].position
    assert "new slipway" in position
    assert "cautious backing" not in position


def test_a_count_of_people_is_not_a_speaker() -> None:
    found = stances(
        "Thirty-one signed a petition, handed in by Tomas Brink, urging the council to "
        "keep the pier open."
    )
    assert not {a for a in found if "Thirty" in a}


def test_a_statement_agreeing_with_something_holds_it() -> None:
    found = stances(
        "The Harlow Boat Owners Association issued a statement agreeing the pier should "
        "close until the pilings are replaced."
    )
    assert "Harlow Boat Owners Association" in found
    assert "pilings are replaced" in found["Harlow Boat Owners Association"].position


def test_the_government_of_a_place_is_named_with_its_place() -> None:
    found = stances(
        "The government of Eastquay Island issued a statement saying the pier must be "
        "rebuilt with state money."
    )
    assert "Government of Eastquay Island" in found
    assert "Government" not in found
