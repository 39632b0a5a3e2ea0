"""How the outlet got its story is not the story.

"The Gazette contacted the ferry company for comment" and "the board did not respond
to a request for comment" tell the reader about the reporting, not the news: they
are key points only when nothing else is left. What someone told the outlet ("Dahl
told the Gazette the pier is unsafe") is news. Fresh fiction written for this rule.
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive
from summarizer.extractive.salience import is_colour


def colour(text: str) -> bool:
    return is_colour(text, frozenset(text.lower().split()), figures=False, attributed=False)


def test_the_outlet_asking_for_comment_is_not_news() -> None:
    for text in (
        "The Harlow Gazette contacted the ferry company to ask when the pier would reopen.",
        "Wikinews approached the harbour board about its decision, but the board's press "
        "office did not respond.",
        "The harbour board did not respond to a request for comment on Tuesday.",
        "A spokesperson for the ferry company could not be reached for comment.",
        "Reporters reached out to the county council, which had not replied by Friday.",
    ):
        assert colour(text), text


def test_what_someone_told_the_outlet_is_news() -> None:
    for text in (
        "The harbour master told the Harlow Gazette the pier would stay closed until May.",
        "The ferry company contacted every passenger to offer a refund for the crossing.",
        "The board confirmed that the pier would stay closed until the survey is done.",
    ):
        assert not colour(text), text


ARTICLE = """Harlow Pier Closed After Divers Find Cracks

The Harlow pier was closed on Monday after divers found cracks in three of its pylons.

The harbour board said the pier would stay shut until engineers finish a survey in May.

Fishing boats that moor at the pier have been moved to the inner basin.

The Harlow Gazette contacted the harbour board to ask how much the repairs would cost.

The pier was built in 1902 and last repaired in 1987.
"""


def test_a_briefing_does_not_report_its_outlet_asking_questions() -> None:
    briefing = brief_extractive(ARTICLE)
    assert all("Gazette contacted" not in p.text for p in briefing.key_points)
