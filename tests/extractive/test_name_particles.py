"""A name that opens a sentence with a particle keeps it: "De Blasio", "Van Roon".

Fresh fiction written for this rule (not taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances


def test_a_sentence_opening_particle_stays_part_of_the_name() -> None:
    text = (
        "De Roon said the pier must stay open until the survey is done. The mayor "
        "called it a de facto closure of the harbour.\n"
    )
    actors = {s.actor for s in all_stances(text)}
    assert "De Roon" in actors
    assert "Roon" not in actors


def test_parliamentary_and_military_titles_are_the_role_not_the_name() -> None:
    text = (
        "The Senate voted on Monday to close the Harlow naval pier. Senate Minority Whip "
        "Dina Vossberg said the vote ignored the navy's own survey. Coast Guard Commandant "
        "Admiral Tomas Reeve said the pier was unsafe for any ship.\n"
    )
    actors = {s.actor for s in all_stances(text)}
    assert "Dina Vossberg" in actors
    assert "Tomas Reeve" in actors
