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


def test_a_surname_opening_on_a_hyphenated_article_is_part_of_the_name() -> None:
    text = (
        "The Harlow pier was closed on Monday. Harbour master Tariq al-Rashidi said the "
        "pilings had rotted through. Former mayor Abdel Karim el-Masri said the council "
        "had ignored twenty years of warnings.\n"
    )
    actors = {s.actor for s in all_stances(text)}
    assert {"Tariq al-Rashidi", "Abdel Karim el-Masri"} <= actors
    assert not actors & {"Tariq", "Abdel Karim", "Rashidi", "Masri"}


def test_an_event_before_a_name_is_not_the_persons_role() -> None:
    text = (
        "The Harlow pier collapsed on Monday. In a statement following the collapse, "
        "Tariq Rashidi, a spokesman for the harbour board, blamed the council.\n"
    )
    roles = {s.actor: s.role for s in all_stances(text)}
    assert "Tariq Rashidi" in roles
    assert roles["Tariq Rashidi"] != "collapse"


def test_a_possessive_owner_before_a_persons_name_is_not_part_of_it() -> None:
    text = (
        "The Harlow pier collapsed on Monday. Kestrel Ferries' owner spoke first. "
        "Northwind's Ilse Marken said the company would pay for the repairs.\n"
    )
    actors = {s.actor for s in all_stances(text)}
    assert "Ilse Marken" in actors
    assert "Northwind Ilse Marken" not in actors
