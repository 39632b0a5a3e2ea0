from __future__ import annotations

import pytest

from summarizer.checks.grounding import ArticleIndex, normalise

ARTICLE = (
    "US Secretary of State Antony Blinken on Friday questioned China\u2019s sincerity.\n\n"
    "\u201cOur intent is not to decouple Russia from China. Their relationship is their "
    "business,\u201d he said.\n"
    "The top US diplomat said that China has provided 70 percent of machine tools \u2014 "
    "and 90 percent of microelectronics.\n"
    "The bill came to $12.4 million, officials said; 170 percent was never mentioned."
)


@pytest.fixture(scope="module")
def index() -> ArticleIndex:
    return ArticleIndex(ARTICLE)


@pytest.mark.parametrize(
    "quote",
    [
        "Antony Blinken on Friday questioned China's sincerity",  # straight apostrophe
        '"Our intent is not to decouple Russia from China.',  # straight quotes
        "our intent is not to decouple Russia",  # first letter case
        "China has provided 70 percent of machine tools - and 90 percent",  # dash
        "Our   intent is not\nto decouple",  # whitespace
        "The top US diplomat said ... 70 percent of machine tools",  # elision in one sentence
        "questioned China\u2019s sincerity",
    ],
)
def test_verbatim_quotes_are_grounded(index: ArticleIndex, quote: str) -> None:
    assert index.contains_quote(quote), index.quote_problem(quote)


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        ("Our intent is to decouple Russia from China", "does not occur"),  # a word dropped
        ("China has supplied 70 percent of machine tools", "does not occur"),  # paraphrase
        (
            "Their relationship is their business ... Our intent is not to decouple",
            "does not occur",
        ),  # elision out of order
        ("OUR INTENT is not to decouple", "does not occur"),  # only the first letter is forgiven
        ("he said", "too short"),
        ("", "too short"),
    ],
)
def test_altered_or_trivial_quotes_are_refused(
    index: ArticleIndex, quote: str, reason: str
) -> None:
    problem = index.quote_problem(quote)
    assert problem is not None and reason in problem


@pytest.mark.parametrize("figure", ["70 percent", "90 percent", "$12.4 million", "12.4 million"])
def test_figures_as_written_are_found(index: ArticleIndex, figure: str) -> None:
    assert index.contains_figure(figure)


@pytest.mark.parametrize(
    "figure", ["70%", "7 percent", "0 percent", "12 million", "$12", "80 percent"]
)
def test_figures_not_in_the_article_are_refused(index: ArticleIndex, figure: str) -> None:
    # "0 percent" hides inside "70 percent" and "$12" inside "$12.4": whole tokens only.
    assert not index.contains_figure(figure)


def test_normalise_maps_typography_to_plain_text() -> None:
    assert normalise("\u201cA\u2014B\u2019s\u00a0 c\u201d\n") == '"A-B\'s c"'
