"""What a speaker said is the quotation after a frame of where or on what they spoke.

"commented on the closure — which the Gazette called unusual — "The pier is
unsafe ..."": the position is the quotation, not "On the closure — ...". Fresh
fiction written for this rule.
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances


def position_of(text: str, actor: str) -> str:
    found = {s.actor: s.position for s in all_stances(text)}
    return found[actor]


def test_a_quotation_after_a_dashed_aside_is_the_position() -> None:
    text = (
        "Harbour master Ines Dahl commented on the closure — which the Gazette called an "
        'unusual step for a harbour master — "The pier is unsafe, and it will stay shut '
        'until the council pays for repairs."\n'
    )
    position = position_of(text, "Ines Dahl")
    assert position.startswith("The pier is unsafe"), position


def test_a_quotation_after_a_colon_that_closes_a_frame_is_the_position() -> None:
    text = (
        "Harbour master Ines Dahl spoke on Harlow Radio's breakfast show when she "
        'announced the closure: "The pier is unsafe, and it will stay shut until the '
        'council pays for repairs."\n'
    )
    position = position_of(text, "Ines Dahl")
    assert position.startswith("The pier is unsafe"), position


def test_a_clause_before_a_colon_stays_part_of_the_position() -> None:
    text = (
        'Harbour master Ines Dahl said the council had one choice: "fix the pier or close '
        'it for good before the winter storms."\n'
    )
    position = position_of(text, "Ines Dahl")
    assert "the council had one choice" in position.lower(), position


def test_that_before_a_figure_word_is_a_determiner_not_a_conjunction() -> None:
    text = (
        "The harbour board put the cost of the repairs at $4 million. The Pier Trust "
        "says that figure leaves out the dredging the new berth would need.\n"
    )
    position = position_of(text, "Pier Trust")
    assert position.startswith("That figure leaves out"), position


def test_a_letter_to_someone_keeps_its_verb() -> None:
    text = (
        "The Pier Trust wrote to the harbour minister after the vote asking him to "
        "withdraw the closure order, saying it ignored the survey.\n"
    )
    position = position_of(text, "Pier Trust")
    assert position.startswith("Wrote to the harbour minister"), position


def test_a_that_after_the_clause_has_begun_is_a_relative_not_the_clause() -> None:
    text = (
        "The Pier Trust says the harbour board left out the dredging that the new berth "
        "would need and the rent it would lose while the pier is shut.\n"
    )
    position = position_of(text, "Pier Trust")
    assert position.startswith("The harbour board left out the dredging"), position
