"""Statements that are not positions: feelings, tributes, accounts, quips, figures passed on.

A stance tells the reader where someone stands on a question. A speaker who only
says how they feel, praises a person, tells what happened to them or passes on a
number has said something, but taken no side. Each test pairs such a statement
with a near miss that IS a position (a prediction, a demand, a judgement, a
criticism, a denial) and must stay.

Every snippet is fresh fiction written for these rules (none is taken from an eval
article or a by-eye article).
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive
from summarizer.models import Stance


def brief_stances(text: str) -> dict[str, Stance]:
    """The stances the briefing reports, by actor."""
    return {s.actor: s for s in brief_extractive(text).stances}


_LEAD = "The Orvel ferry sank off Kessling Point on Tuesday, and nine passengers died.\n\n"


def test_a_speaker_saying_how_hard_the_day_is_takes_no_position() -> None:
    text = _LEAD + (
        '"Today is very difficult for us, as we remember every one of them," said Hedda '
        "Rusk, whose son was among the crew, after the memorial. "
        '"The ferry company should never have let the Orvel sail in that storm," said '
        "Tomas Ekberg, who leads the families' group.\n"
    )
    found = brief_stances(text)
    assert "Hedda Rusk" not in found
    assert "Tomas Ekberg" in found  # a demand about what should have happened


def test_joy_or_grief_in_the_first_person_is_a_feeling_not_a_position() -> None:
    text = (
        "The Brannock Rovers won the regional cup on Saturday.\n\n"
        '"I am so happy for the boys, I feel numb," said striker Pella Orsini after the '
        'final. "I am angry that the league moved the final to a Tuesday night," said '
        "Rovers coach Dagny Holm.\n"
    )
    found = brief_stances(text)
    assert "Pella Orsini" not in found
    assert "Dagny Holm" in found  # a criticism voiced as anger stays


def test_a_tribute_to_a_person_is_not_a_position() -> None:
    text = (
        "The sculptor Ivo Brandt died on Monday at the age of 88.\n\n"
        'His friend Marta Lindahl wrote, "Beneath the gruff manner there was a generous '
        'soul with a heart of gold. He will be sorely missed." '
        "Gallery director Jonas Fehr said she was a wonderful colleague and a kind "
        "teacher to every student. "
        '"The city was wrong to sell his studio to developers," said councillor Rolf '
        "Amsel.\n"
    )
    found = brief_stances(text)
    assert "Marta Lindahl" not in found
    assert "Jonas Fehr" not in found
    assert "Rolf Amsel" in found  # a judgement of the city stays


def test_a_life_story_told_of_someone_is_biography_not_a_position() -> None:
    text = (
        "The harbour master of Welling, Aksel Dorn, retired on Friday.\n\n"
        "Deputy mayor Freja Kolb said he had worked at the harbour since 1987 and had "
        "served under six mayors. "
        "Union secretary Pavel Ronn said the port would lose its pilots within a year "
        "unless wages rose.\n"
    )
    found = brief_stances(text)
    assert "Freja Kolb" not in found
    assert "Pavel Ronn" in found  # a prediction stays


def test_an_account_of_what_we_did_is_not_a_position() -> None:
    text = _LEAD + (
        '"We received the first call at six in the morning and sent four boats to the '
        'point," said harbour pilot Ansgar Velt. '
        "\"I went home that night and the ship was fine. I don't believe the company's "
        'story, it is false," said deckhand Mira Solberg.\n'
    )
    found = brief_stances(text)
    assert "Ansgar Velt" not in found
    assert "Mira Solberg" in found  # a denial after an account stays


def test_a_quip_is_not_chosen_over_the_speakers_claim() -> None:
    text = (
        "Several thousand people marched in Ostrava against the new mining law.\n\n"
        "Former senator Karel Dusek watched a drone fly over the square. He said, \"That's "
        'pretty neat. Imagine flying one of those over your own house." '
        "Dusek said the law had been passed without any public hearing and urged the "
        "marchers to write to their deputies.\n"
    )
    stance = brief_stances(text)["Karel Dusek"]
    assert "drone" not in stance.position and "neat" not in stance.position
    assert "public hearing" in stance.position


def test_a_figure_passed_on_is_not_chosen_over_the_speakers_view() -> None:
    text = (
        "The Lindborg rail depot hired its first all-women maintenance crew.\n\n"
        "Depot manager Saga Wennerholm said only 12% of the depot's staff were "
        'women, about 140 people. She added, "Women should run this depot as often as '
        'men do, and I want to see that within five years."\n'
    )
    stance = brief_stances(text)["Saga Wennerholm"]
    assert "12%" not in stance.position
    assert "run this depot" in stance.position


def test_sympathy_for_an_inconvenience_is_not_a_position() -> None:
    text = (
        "The Tarvik water company will cut supply to four districts on Sunday.\n\n"
        'Tarvik vice president Ole Brask said, "We fully understand the frustration '
        'such a cut will cause." '
        'Consumer advocate Lene Hauge said, "The company has had ten years to replace '
        'these pipes and it will cut supply again next winter."\n'
    )
    found = brief_stances(text)
    assert "Ole Brask" not in found
    assert "Lene Hauge" in found  # a criticism and a prediction stay


def test_sympathy_said_with_an_intensifier_is_still_sympathy() -> None:
    text = (
        "Hollin Rail will close the Vester line for a month of repairs.\n\n"
        'Hollin Rail director Ines Morrow said, "I really do understand the anger '
        'passengers feel about this." '
        'Passenger group chair Edvin Sola said, "Hollin Rail will close the line again '
        'next year unless the ministry pays for new track."\n'
    )
    found = brief_stances(text)
    assert "Ines Morrow" not in found
    assert "Edvin Sola" in found  # a prediction with its condition stays


def test_a_memory_and_a_bare_quality_of_the_dead_are_a_tribute_not_a_position() -> None:
    text = (
        "Harlow harbour master Tomas Brekke dies at 71\n\n"
        "Tomas Brekke, who ran Harlow harbour for thirty years, died on Sunday at 71. "
        'Ferry captain Ilse Marken wrote of Brekke, "I noticed then that Tomas was a rare '
        'talent", recalling their first winter on the pier. "He was patient. Kind. Always '
        'learning from the younger crews," Marken added.\n\n'
        "The council will hold a memorial on the pier next month.\n"
    )
    assert "Ilse Marken" not in brief_stances(text)
