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
