"""Item 3 of issue 13: a number in the briefing keeps its scale and its kind.

"$12.4 billion" is not the article's "$12.4 million"; the 3 of "December 3" is a
day, not three million dollars; and "nine hundred jobs" is a number even when it
is written in words.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from briefings import ARTICLE, GOOD
from summarizer.checks.grounding import ArticleIndex
from summarizer.models import CONTEXT_KEY, Briefing


def validate(answer: dict[str, Any], article: str = ARTICLE) -> Briefing:
    return Briefing.model_validate(answer, context={CONTEXT_KEY: ArticleIndex(article)})


def one_point_answer(headline: str, point: str, evidence: str, summary: str) -> dict[str, Any]:
    """An answer of one key point, whose evidence is ``evidence``, and ``summary``."""
    return {
        "headline": headline,
        "summary": summary,
        "key_points": [{"text": point, "evidence": [evidence]}],
    }


def with_summary(text: str) -> dict[str, Any]:
    answer = copy.deepcopy(GOOD)
    answer["summary"] = text
    return answer


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("Vasko says the dredge will cost $12.4 billion.", "$12.4 billion"),  # million -> billion
        ("The union puts the bill at $19 thousand.", "$19 thousand"),
        ("The union puts the real bill at $19.", "$19"),  # the scale dropped
        ("The plan would bring 300 million jobs.", "300 million"),
        ("The plan costs 12.4, officials say.", "12.4"),
    ],
)
def test_a_number_must_keep_the_scale_the_article_gives_it(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(with_summary(summary))
    assert repr(bad) in str(info.value) and "is not in the article" in str(info.value)


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("The union says the dredge will cost $3 million.", "$3 million"),  # 3 of December 3
        ("Vasko says costs would rise 3 percent.", "3 percent"),
        ("Brell says 3 jobs already exist.", "3"),
    ],
)
def test_the_day_of_a_date_does_not_license_an_amount(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(with_summary(summary))
    assert repr(bad) in str(info.value)


FESTIVAL = (
    "Harbour Festival Breaks Records\n\n"
    "The harbour festival drew two million visitors and nine hundred volunteers this year, "
    "organisers said on 14 May 2023. The closing parade started at 10:30 and lasted "
    "forty-five minutes. Ticket sales rose by between 3 and 5 million euros, the organisers "
    "said, and the festival employed 1,250 people."
)


def festival_answer(summary: str) -> dict[str, Any]:
    return one_point_answer(
        "The harbour festival broke its records.",
        "The festival had a record year.",
        "The harbour festival drew two million visitors and nine hundred volunteers this year",
        summary,
    )


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("The festival drew $14 million in sales.", "$14 million"),  # 14 is a day
        ("The festival sold 2,023 tickets.", "2,023"),  # 2023 is a year
        ("Sales rose 30 percent.", "30 percent"),  # 30 is the minutes of 10:30
        ("The festival drew nine million visitors.", "nine million"),  # words, wrong
        ("It drew two hundred volunteers.", "two hundred"),
        ("The festival drew 2 billion visitors.", "2 billion"),
        ("The festival employed twelve hundred people.", "twelve hundred"),
    ],
)
def test_numbers_of_another_kind_or_in_words_are_checked(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(festival_answer(summary), FESTIVAL)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize(
    "summary",
    [
        "The festival drew 2 million visitors and 900 volunteers.",  # words in the article
        "The festival drew two million visitors on May 14, 2023.",
        "The parade began at 10:30 and lasted 45 minutes.",
        "Sales rose by 3 million to 5 million euros; 1,250 people were employed.",  # shared scale
        "In 2023 the festival drew nine hundred volunteers.",
    ],
)
def test_numbers_the_article_states_in_any_form_still_pass(summary: str) -> None:
    validate(festival_answer(summary), FESTIVAL)


@pytest.mark.parametrize(
    "summary",
    [
        "Vasko says three hundred new jobs will come; the union disagrees.",
        "The council votes on December 3 on the $12.4m plan, costing $12,400,000.",
        "Two independent engineers checked the estimate.",
    ],
)
def test_the_harbour_answer_in_other_words_still_passes(summary: str) -> None:
    validate(with_summary(summary))


def test_a_figure_value_that_drops_the_scale_is_refused() -> None:
    answer = copy.deepcopy(GOOD)
    answer["disputed_figures"][0]["value"] = 12.4  # "$12.4 million" is 12,400,000
    with pytest.raises(ValidationError, match="is not the number its figure states"):
        validate(answer)


SURVEY = (
    "Port Survey Published\n\n"
    "The port has half a million customers and a dozen ships, the survey found. "
    "Unemployment in the town is 3% and rose 2 points last year."
)


def survey_answer(summary: str) -> dict[str, Any]:
    return one_point_answer(
        "The port survey was published.",
        "The port has many customers.",
        "The port has half a million customers and a dozen ships",
        summary,
    )


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("The port has a million customers.", "a million"),  # "half a million" is not a million
        ("The port has two dozen ships.", "two dozen"),
        ("The port has a dozen million customers.", "a dozen million"),
        ("Unemployment rose 3 points.", "3 points"),  # 3 is a percent, not points
        ("Unemployment rose 3 percentage points.", "3 percentage points"),
    ],
)
def test_halves_dozens_and_points_are_read_as_the_numbers_they_are(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(survey_answer(summary), SURVEY)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize(
    "summary",
    [
        "The port has 500,000 customers and 12 ships.",
        "The port has five hundred thousand customers and a dozen ships.",
        "The port has half a million customers.",
        "Unemployment rose 2 percentage points to 3 percent.",
    ],
)
def test_the_same_numbers_written_another_way_pass(summary: str) -> None:
    validate(survey_answer(summary), SURVEY)


def test_points_the_article_counts_without_a_unit_may_be_called_points() -> None:
    article = SURVEY + " Inspectors took samples at eight sampling points on the river."
    validate(survey_answer("Samples were taken at eight points."), article)


PLANT = (
    "Battery Plant Opens\n\n"
    "The battery plant opened in 2024 beside the harbour and now employs 350 people, "
    "the company said."
)


def plant_answer(summary: str) -> dict[str, Any]:
    return one_point_answer(
        "A battery plant opened.",
        "The plant opened.",
        "The battery plant opened in 2024 beside the harbour",
        summary,
    )


@pytest.mark.parametrize(
    "summary",
    [
        "The plant created 2024 jobs.",
        "The plant hired 2024 new workers.",
        "Some 2024 residents work at the plant.",
    ],
)
def test_a_year_does_not_license_a_count_of_the_same_digits(summary: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(plant_answer(summary), PLANT)
    assert "'2024" in str(info.value) and "is not in the article" in str(info.value)


@pytest.mark.parametrize(
    "summary",
    [
        "The plant opened in 2024 and employs 350 people.",
        "In 2024 jobs came to the harbour with the plant.",
        "The plant's 2024 opening brought 350 jobs.",
        "Since 2024 the plant has employed 350 people.",
        "2024 was the year the plant opened.",
    ],
)
def test_a_year_still_licenses_the_year(summary: str) -> None:
    validate(plant_answer(summary), PLANT)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The plant hired 2,024 workers, the company said.", "The plant created 2,024 jobs."),
        ("The plant hired 2,024 workers, the company said.", "The plant created 2024 jobs."),
        ("The plant hired 2024 workers, the company said.", "The plant created 2,024 jobs."),
    ],
)
def test_a_count_of_four_digits_licenses_the_count(article: str, summary: str) -> None:
    answer = plant_answer(summary)
    answer["key_points"][0]["evidence"] = ["The plant hired"]
    validate(answer, "Plant Hires\n\n" + article)


MEETING = (
    "Council Meets Early\n\n"
    "The council meeting started at 9:30, and the vote came at 11.15am. The ferry left "
    "at 7.45 and the last bus at 10.30pm. Fares rose 4% this year."
)


def meeting_answer(summary: str) -> dict[str, Any]:
    return one_point_answer(
        "The council met early.", "The council met.", "The council meeting started at 9:30", summary
    )


@pytest.mark.parametrize(
    "summary",
    [
        "The meeting started at 9.30.",  # 9:30 written the British way
        "The meeting started at 9.30am and the vote came at 11.15.",
        "The meeting started at 9:30 a.m.; the vote came at 11:15 AM.",
        "The ferry left at 7:45 and the last bus at 10.30.",  # "at 7.45" is a clock time too
        "The last bus left at 22:30.",
    ],
)
def test_a_clock_time_matches_the_same_time_written_another_way(summary: str) -> None:
    validate(meeting_answer(summary), MEETING)


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("Fares rose to $9.30.", "$9.30"),  # a clock time is not an amount
        ("Fares rose 9.30 percent.", "9.30 percent"),
        ("Fares rose 7.45%.", "7.45%"),
        ("The vote came at 11.15pm that day.", "11.15pm"),  # the article's is 11.15am
        ("The meeting started at 9.45.", "9.45"),
    ],
)
def test_a_clock_time_still_licenses_no_amount_and_no_other_time(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(meeting_answer(summary), MEETING)
    assert repr(bad) in str(info.value)


VOTES = (
    "Flood Plan Vote\n\n"
    "The council held its fourth vote on the flood plan on Tuesday. A quarter of residents "
    "oppose the plan, and two-thirds of traders back it. One in five homes in the valley "
    "floods each winter, and 40% of farms do. Brell, who first raised the issue, called it "
    "the town's second chance."
)


def votes_answer(summary: str) -> dict[str, Any]:
    return one_point_answer(
        "The council voted on the flood plan.",
        "The council voted.",
        "The council held its fourth vote on the flood plan on Tuesday",
        summary,
    )


@pytest.mark.parametrize(
    ("summary", "bad"),
    [
        ("The council held the fifth vote on the plan.", "fifth"),  # the article's is fourth
        ("A third of residents oppose the plan.", "A third"),  # the article's is a quarter
        ("Three quarters of traders back the plan.", "Three quarters"),
        ("One in three homes floods each winter.", "One in three"),
        ("Half of the farms flood.", "Half"),  # 40% is not half
        ("It was the town's third chance.", "third"),
    ],
)
def test_ordinals_and_fractions_are_numbers_the_article_must_state(summary: str, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(votes_answer(summary), VOTES)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize(
    "summary",
    [
        "The council held its 4th vote on the plan.",
        "The fourth vote was held on Tuesday.",
        "One-quarter of residents oppose the plan; 2/3 of traders back it.",
        "A fifth of homes in the valley flood each winter.",  # "one in five"
        "Two thirds of traders back the plan, and 1 in 5 homes floods.",
        "Brell first raised the issue; at first few listened.",  # "first" as prose
        "Brell raised the issue first and called it a second chance.",
        "A quarter of residents and one in four traders oppose the plan.",  # 1 in 4 = 1/4
    ],
)
def test_the_articles_ordinals_and_fractions_in_any_form_pass(summary: str) -> None:
    validate(votes_answer(summary), VOTES)


def test_a_fraction_may_be_the_articles_exact_percentage_but_not_the_other_way() -> None:
    article = VOTES + " Half of the shops closed, and 25% of the pubs."
    validate(votes_answer("A quarter of the pubs closed."), article)
    with pytest.raises(ValidationError) as info:
        validate(votes_answer("50% of the shops closed."), article)
    assert "'50%'" in str(info.value)
