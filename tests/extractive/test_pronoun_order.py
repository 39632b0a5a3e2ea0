"""A pronoun refers back: never to someone the article names only later.

Fresh fiction written for this rule (not taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive
from summarizer.extractive.engine import _analyse, all_stances
from summarizer.extractive.memo import remembered

_TEXT = (
    "Knife found at Harlow playground, police say\n\n"
    "A father called the police in Harlow on Sunday morning after his four-year-old son "
    "found a kitchen knife at the Elm Park playground. He managed to take the knife from "
    "the boy and kept him safe until officers arrived.\n\n"
    "Police said the knife had been reported stolen from a restaurant in March.\n\n"
    "Mara Lindholm, of the youth charity The Open Door Harlow, said the town needed more "
    "park wardens after dark.\n"
)


def test_a_pronoun_is_not_resolved_to_a_name_the_article_gives_later() -> None:
    with remembered():
        found = _analyse(_TEXT)
    assert "Open Door Harlow" not in found.subjects.values()
    briefing = brief_extractive(_TEXT)
    told = " ".join([briefing.headline, briefing.summary, *(p.text for p in briefing.key_points)])
    assert "Open Door Harlow managed" not in told


def test_an_opening_possessive_is_named_or_the_sentence_is_no_point() -> None:
    text = (
        "Harlow mayor to step down after pier collapse\n\n"
        "Mayor Dina Vossberg announced on Monday that she would not seek a third term "
        "after the collapse of the Harlow pier. Her campaign had raised less than a "
        "quarter of its target since the pier closed in March.\n\n"
        "The council will choose an interim mayor in June.\n"
    )
    briefing = brief_extractive(text)
    told = [briefing.headline, briefing.summary, *(p.text for p in briefing.key_points)]
    assert not any(t.startswith("Her ") for t in told)
    assert any("Dina Vossberg's campaign" in t for t in told)


def test_a_nickname_between_given_name_and_surname_keeps_one_name() -> None:
    text = (
        'Marta Ilse "Mimi" Vossberg, the Harlow pier\'s last harbour master, said the pier '
        "could have been saved with a new set of pilings.\n"
    )
    with remembered():
        found = _analyse(text)
    assert "Marta Ilse Vossberg" in found.cast.actors
    assert "Marta Ilse" not in found.cast.actors


def test_a_body_named_with_a_common_last_word_is_no_person_a_pronoun_means() -> None:
    text = (
        "Harlow bakers paid after pier closure\n\n"
        "Mara Lindqvist runs a bakery beside the closed Harlow pier. The Harlow Bakers "
        "Marathon raised 400 pounds for her last week, the first such marathon in the "
        "town. She said the money covered a week of lost trade.\n"
    )
    with remembered():
        found = _analyse(text)
    assert not found.cast.actors["Harlow Bakers Marathon"].person
    assert "Harlow Bakers Marathon" not in found.subjects.values()


def test_a_name_spelt_without_its_accents_is_the_same_person() -> None:
    text = (
        "Harlow pier to reopen under Turkish contract\n\n"
        "The contract was signed by Turkish builder Mehmet Yıldırımoğlu on Monday. "
        "According to a statement released by Yildirimoglu's office, \"the pier will "
        'reopen before the summer season".\n'
    )
    actors = {s.actor for s in all_stances(text)}
    assert "Mehmet Yıldırımoğlu" in actors
    assert "Yildirimoglu" not in actors


def test_a_full_name_spelt_without_its_accents_is_the_same_person() -> None:
    text = (
        "The contract was signed by Turkish builder Mehmet Yıldırımoğlu on Monday. "
        "Mehmet Yildirimoglu said the pier would reopen before the summer season.\n"
    )
    actors = {s.actor for s in all_stances(text)}
    assert actors == {"Mehmet Yıldırımoğlu"}
