"""Cuts that left a phrase half-said: "for the next.", "an advisory issued,", "on Super".

Fresh fiction written for these rules (none is taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive.headline import make_headline


def test_a_cut_never_falls_between_a_ranking_word_and_its_noun() -> None:
    headline = make_headline(
        "Yesterday, the county council passed a resolution to set the rules for the next, "
        "public phase of the inquiry into the collapse of the Harlow pier last spring."
    )
    assert not headline.endswith("the next.")
    assert "public phase" in headline


def test_an_opening_participle_keeps_the_time_it_is_about() -> None:
    headline = make_headline(
        "In a ballot held late Sunday night, the Harlow boat owners voted to stay away "
        "from the pier until the survey is complete next month."
    )
    assert "held," not in headline
    assert headline.startswith("In a ballot held late Sunday night,")
    headline = make_headline(
        "In an advisory issued late Sunday night, the Harlow coast guard warned boat "
        "owners to stay away from the pier until the survey is complete next month."
    )
    assert "issued," not in headline


def test_a_day_inside_a_name_is_not_a_date_to_drop() -> None:
    headline = make_headline(
        "Voters in Harlow and Eastvale went to the polls on Super Tuesday, yesterday, to "
        "choose a new council after the pier collapsed last spring."
    )
    assert "Super Tuesday" in headline
    assert "Super to" not in headline


def test_a_headline_drops_the_document_the_news_came_in() -> None:
    headline = make_headline(
        "In a statement issued on Monday, the Harlow Port Authority confirmed the pier "
        "would stay closed until the survey is complete."
    )
    assert headline.startswith("The Harlow Port Authority confirmed")
