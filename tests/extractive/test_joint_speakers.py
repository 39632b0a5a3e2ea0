"""Two speakers joined as one subject both hold what they said together.

"Councillor Rita Osei and harbour master Piet Vos both questioned the plan" is
Osei's position and Vos's: a briefing that gives it to one of them alone files half
a joint statement under the wrong name. Fresh fiction written for this rule.
"""

from __future__ import annotations

from summarizer.extractive.engine import all_stances


def positions(text: str) -> dict[str, str]:
    """Every stance the attribution rules find: actor to position."""
    return {s.actor: s.position for s in all_stances(text)}


def test_two_named_speakers_joined_by_and_both_hold_the_position() -> None:
    text = (
        "Councillor Rita Osei and harbour master Piet Vos both questioned the council's "
        "power to close the pier without a vote.\n"
    )
    found = positions(text)
    assert set(found) == {"Rita Osei", "Piet Vos"}
    assert all("power to close the pier" in p for p in found.values())


def test_a_joint_subject_with_an_aside_before_the_verb() -> None:
    text = (
        "The ferry line is run by the county. Councillor Rita Osei opened the meeting.\n\n"
        "Osei and Mayor Lena Brandt, who faces re-election in May, have said that the "
        "ferry must keep running through the winter.\n"
    )
    found = positions(text)
    assert {"Rita Osei", "Lena Brandt"} <= set(found)
    assert "ferry must keep running" in found["Lena Brandt"]
    assert "ferry must keep running" in found["Rita Osei"]


def test_names_in_the_object_or_in_a_phrase_are_not_joint_speakers() -> None:
    objects = "Officers arrested Tomas Brink and Ada Lind and said the pier would stay shut.\n"
    assert "Ada Lind" not in positions(objects)
    assert "Tomas Brink" not in positions(objects)
    phrase = (
        "A report by Rita Osei and Piet Vos said the pier's pylons were rotten, "
        "and harbour master Ines Dahl said the pier must close.\n"
    )
    assert "Rita Osei" not in positions(phrase)
    including = "Councillors including Rita Osei and Piet Vos said the vote was rushed.\n"
    assert "Rita Osei" not in positions(including)


def test_a_friend_named_in_an_aside_is_not_a_joint_speaker() -> None:
    text = (
        "Rita Osei, a friend of Piet Vos and Lena Brandt, said the pier must stay open "
        "for the fishing boats.\n"
    )
    assert set(positions(text)) == {"Rita Osei"}
