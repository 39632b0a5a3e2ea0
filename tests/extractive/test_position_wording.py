"""What a position says: the speaker's words, never a sentence the article does not hold.

Fresh invented sentences; each rule was seen failing before it was written.
"""

from __future__ import annotations

import pytest

from summarizer.extractive.engine import all_stances
from summarizer.models import Stance


def stances(text: str) -> dict[str, Stance]:
    """Every stance the attribution rules find, by actor."""
    return {s.actor: s for s in all_stances(text)}


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        (
            "The Coastal Ferry Board says it will be several weeks before repairs are finished.",
            "It will be several weeks before repairs are finished.",
        ),
        (
            "The Harbour Trust said it was too early to say whether the pier could be saved.",
            "It was too early to say whether the pier could be saved.",
        ),
        (
            "The Water Board said it will take some days to restore supply to the valley.",
            "It will take some days to restore supply to the valley.",
        ),
        (
            "The Museum Board said it remains unclear who owns the painting.",
            "It remains unclear who owns the painting.",
        ),
    ],
)
def test_an_it_that_stands_for_no_one_is_not_replaced_by_the_speaker(
    sentence: str, position: str
) -> None:
    found = list(stances(sentence + "\n").values())
    assert len(found) == 1
    assert found[0].position == position


def test_an_it_that_is_the_speaking_body_is_still_named() -> None:
    found = stances("The Rail Agency says it is ready to run extra trains on Sunday.\n")
    assert found["Rail Agency"].position == "Rail Agency is ready to run extra trains on Sunday."


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        (
            "Envoy Marta Quell told Danish and Swedish fisheries officials she had decided "
            "to extend her mission by a week.",
            "She had decided to extend her mission by a week.",
        ),
        (
            "Coach Anton Ruud told the Northside Rovers he wants to return next season.",
            "He wants to return next season.",
        ),
        (
            "Senator Edda Lund told Channel Four, the inquiry will report in May.",
            "The inquiry will report in May.",
        ),
        (
            "Mayor Ilse Dahl told the Harbour Board the ferry would run until June.",
            "The ferry would run until June.",
        ),
        (
            "Coach Anton Ruud told a meeting of Northside Rovers fans he wants to stay on.",
            "He wants to stay on.",
        ),
    ],
)
def test_who_was_told_is_not_part_of_what_was_said(sentence: str, position: str) -> None:
    found = list(stances(sentence + "\n").values())
    assert len(found) == 1
    assert found[0].position == position


def test_a_name_after_told_that_opens_the_clause_stays_in_it() -> None:
    found = stances("Judge Ola Berg told reporters Holm had resigned on Friday.\n")
    assert found["Ola Berg"].position == "Holm had resigned on Friday."
