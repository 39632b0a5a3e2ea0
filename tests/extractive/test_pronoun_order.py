"""A pronoun refers back: never to someone the article names only later.

Fresh fiction written for this rule (not taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive
from summarizer.extractive.engine import _analyse
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
