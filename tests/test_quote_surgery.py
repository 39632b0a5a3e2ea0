"""Item 5 of issue 13: '...' elides words inside one quote, and cannot be used to operate on it.

A quote may skip words with '...', but not so as to change what the article says:
drop a negation, stitch scraps from across the article, or match inside a word.
"""

from __future__ import annotations

import pytest

from summarizer.checks.grounding import ArticleIndex
from summarizer.checks.quotespans import NormalisedText, locate

ARTICLE = (
    "Ferry Fares Row Deepens\n\n"
    'The operator said on Monday: "We will not accept any delay to the new timetable." '
    "Officials at the port do not believe the passenger figures are accurate, a spokesman said. "
    "The union has never accepted the cost estimate drawn up by the council in March. "
    "The mayor approved the contract without a vote of the full council last week.\n\n"
    "The claim is unsupported by evidence from the crossing logs, the union said. "
    "Neither the operator nor the council will publish the full report before the election. "
    "Passengers on the early crossing from Kell to Ardmore will pay 40 percent more from June. "
    "The operator said the rise would pay for two new boats and a larger crew on the route.\n"
)


@pytest.fixture(scope="module")
def index() -> ArticleIndex:
    return ArticleIndex(ARTICLE)


@pytest.mark.parametrize(
    "quote",
    [
        'said on Monday: "We will ... accept any delay to the new timetable',  # drops "not"
        "Officials at the port ... believe the passenger figures are accurate",  # "do not"
        "The union has ... accepted the cost estimate",  # "never"
        "The mayor approved the contract ... a vote of the full council",  # "without"
        "Neither the operator ... the council will publish the full report",  # "nor"
    ],
)
def test_an_elision_that_drops_a_negation_is_refused(index: ArticleIndex, quote: str) -> None:
    problem = index.quote_problem(quote)
    assert problem is not None and "negation" in problem, problem


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "The council voted against a motion to approve the new ferry contract.",
            "The council voted ... to approve the new ferry contract",
        ),
        (
            "The ferry operator refused to confirm the new fares for the island routes.",
            "The ferry operator ... to confirm the new fares for the island routes",
        ),
        (
            "Ministers in the capital have hardly ever backed the plan for a new harbour.",
            "Ministers in the capital have ... ever backed the plan for a new harbour",
        ),
    ],
)
def test_an_elision_that_skips_a_word_turning_the_sentence_around_is_refused(
    sentence: str, quote: str
) -> None:
    problem = ArticleIndex(sentence).quote_problem(quote)
    assert problem is not None and "negation" in problem, problem


def test_the_issue_example_that_drops_not_is_refused(index: ArticleIndex) -> None:
    assert not index.contains_quote("We will ... accept any delay")


def test_an_elision_over_a_contraction_is_refused() -> None:
    article = ArticleIndex(
        "The minister said the government doesn't plan to raise fares on the island routes."
    )
    problem = article.quote_problem("The minister said the government ... plan to raise fares")
    assert problem is not None and "negation" in problem


@pytest.mark.parametrize(
    "quote",
    [
        # four fragments stitched from the length of a sentence
        "Passengers on the early ... from Kell to ... will pay 40 percent ... from June",
        "The operator said ... would pay for ... new boats and ... larger crew on the route",
    ],
)
def test_more_than_two_elisions_are_refused(index: ArticleIndex, quote: str) -> None:
    problem = index.quote_problem(quote)
    assert problem is not None and "at most two" in problem, problem


@pytest.mark.parametrize(
    "quote",
    [
        "Passengers ... will pay 40 percent more from June",  # one-word fragment
        "Passengers on the early crossing ... June",
        "The operator said ... new boats ... on the route",  # two-word fragment
    ],
)
def test_each_fragment_must_be_at_least_three_words(index: ArticleIndex, quote: str) -> None:
    problem = index.quote_problem(quote)
    assert problem is not None and "three words" in problem, problem


@pytest.mark.parametrize(
    "quote",
    [
        # fragments from two sentences stitched into one claim
        "The union has never accepted ... a vote of the full council last week",
        "The claim is unsupported ... will pay 40 percent more from June",
        # across the paragraph break
        "The mayor approved the contract ... by evidence from the crossing logs",
    ],
)
def test_fragments_must_come_from_one_sentence(index: ArticleIndex, quote: str) -> None:
    problem = index.quote_problem(quote)
    assert problem is not None and "one sentence" in problem, problem


@pytest.mark.parametrize(
    "quote",
    [
        "supported by evidence from the crossing logs",  # inside "unsupported"
        "claim is unsupported by evidence from the crossing lo",  # ends inside "logs"
        "he claim is unsupported by evidence",  # starts inside "The"
        "will pay 4",  # "4" of "40"
        "rom Kell to Ardmore will pay",
    ],
)
def test_a_quote_must_start_and_end_on_word_boundaries(index: ArticleIndex, quote: str) -> None:
    assert not index.contains_quote(quote)


def test_a_fragment_that_matches_inside_a_word_is_refused(index: ArticleIndex) -> None:
    # "supported by evidence" only exists inside "unsupported by evidence".
    quote = "The claim is ... supported by evidence from the crossing logs"
    assert not index.contains_quote(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "Passengers on the early crossing ... will pay 40 percent more from June",
        "The operator said ... would pay for two new boats",
        "The claim is unsupported ... from the crossing logs, the union said",
        "The operator said ... would pay for two new boats ... on the route",  # two elisions
        "We will not accept any delay to the new timetable",
        "Fares Row Deepens",
    ],
)
def test_honest_elisions_within_one_sentence_still_ground(index: ArticleIndex, quote: str) -> None:
    assert index.contains_quote(quote), index.quote_problem(quote)


def test_a_later_occurrence_is_found_when_the_first_breaks_a_rule() -> None:
    # The first "the council will" sits in a sentence with no "vote on the plan".
    text = (
        "Officials said the council will meet soon. "
        "Residents said the council will hold a vote on the plan in May."
    )
    index = ArticleIndex(text)
    assert index.contains_quote("said the council will ... a vote on the plan")


def test_highlighting_locates_what_grounding_accepts(index: ArticleIndex) -> None:
    text = NormalisedText.of(ARTICLE)
    quote = "The claim is unsupported ... from the crossing logs, the union said"
    spans = locate(text, quote)
    assert spans is not None and len(spans) == 2
    assert ARTICLE[spans[0][0] : spans[0][1]] == "The claim is unsupported"
    assert locate(text, "supported by evidence from the crossing logs") is None


MORE = (
    "The scheme is unlikely to save money for the passengers on the island route. "
    "The ferry is non-compliant with the safety rules set by the regulator in May. "
    "The figures are misleading according to the auditors who read the accounts. "
    "The board will pay only the crew a higher wage from the start of May. "
    "The new boats will cost less than the council expected to pay for them. "
    "The route will close if the council cuts its grant to the operator.\n\n"
    "Fares will rise sharply next year\n\n"
    "for all passengers on the route, the union said. "
    "The operator said the timetable\u200b would not change before the summer.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        "The scheme is ... to save money for the passengers",  # "unlikely"
        "The ferry is ... with the safety rules set by the regulator",  # "non-compliant"
        "The figures are ... according to the auditors",  # "misleading"
        "The board will pay ... the crew a higher wage",  # "only"
        "The new boats will cost ... the council expected to pay",  # "less than"
        "The route will close ... the council cuts its grant",  # "if"
    ],
)
def test_an_elision_over_a_word_that_negates_limits_or_conditions_is_refused(quote: str) -> None:
    problem = ArticleIndex(MORE).quote_problem(quote)
    assert problem is not None and "negation" in problem, problem


def test_a_quote_may_not_run_from_one_paragraph_into_the_next() -> None:
    index = ArticleIndex(MORE)
    problem = index.quote_problem(
        "Fares will rise sharply next year for all passengers on the route"
    )
    assert problem is not None and "paragraph" in problem
    assert index.contains_quote("for all passengers on the route, the union said")


@pytest.mark.parametrize(
    "quote",
    [
        "Passengers on the early crossing . . . will pay 40 percent more from June",
        "Passengers on the early crossing [\u2026] will pay 40 percent more from June",
    ],
)
def test_other_ways_of_writing_an_ellipsis_elide_as_dots_do(
    index: ArticleIndex, quote: str
) -> None:
    assert index.contains_quote(quote), index.quote_problem(quote)


def test_an_invisible_character_decides_nothing_about_a_quote() -> None:
    index = ArticleIndex(MORE)
    assert index.contains_quote("the timetable would not change before the summer")
    assert not index.contains_quote("The operator said the timetable would change before summer")
    spans = locate(NormalisedText.of(MORE), "the timetable would not change before the summer")
    assert spans is not None and MORE[spans[0][0] : spans[0][1]].startswith("the timetable\u200b")
