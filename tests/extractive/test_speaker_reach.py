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
        "Mayor Ada Brunvoll met Tomas Brink on Friday and said the pier would reopen in "
        "the spring."
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
