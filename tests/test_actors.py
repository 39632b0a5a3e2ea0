"""Item 4 of issue 13: every actor in a briefing is one the article names.

A stance's actor, a figure's ``claimed_by`` and its ``disputed_by`` must be named
by the article, in a form it supports: the full name, the surname, a title with
the surname, a shorter form or the acronym of an organisation's name.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from briefings import ARTICLE, GOOD
from summarizer.checks.grounding import ArticleIndex
from summarizer.models import CONTEXT_KEY, Briefing

INDEX = ArticleIndex(ARTICLE)


def validate(answer: dict[str, Any], index: ArticleIndex = INDEX) -> Briefing:
    return Briefing.model_validate(answer, context={CONTEXT_KEY: index})


def with_actor(field: str, name: Any) -> dict[str, Any]:
    answer = copy.deepcopy(GOOD)
    if field == "actor":
        answer["stances"][0]["actor"] = name
    else:
        answer["disputed_figures"][0][field] = name
    return answer


@pytest.mark.parametrize(
    ("field", "name", "where"),
    [
        ("actor", "Joe Biden", "stances[0].actor"),  # a famous name the article never gives
        ("actor", "Mirela Brell", "stances[0].actor"),  # a first name and a surname stitched
        ("actor", "Port Alder Chamber of Commerce", "stances[0].actor"),
        ("claimed_by", "International Monetary Fund", "disputed_figures[0].claimed_by"),
        ("claimed_by", "Tomas Vasko", "disputed_figures[0].claimed_by"),
        ("disputed_by", ["Greenpeace"], "disputed_figures[0].disputed_by[0]"),
        ("disputed_by", ["Tomas Brell", "Mayor Ann Holt"], "disputed_figures[0].disputed_by[1]"),
    ],
)
def test_an_actor_the_article_never_names_is_refused(field: str, name: Any, where: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(with_actor(field, name))
    message = str(info.value)
    assert where in message and "not named in the article" in message


@pytest.mark.parametrize(
    "name",
    [
        "Mirela Vasko",
        "Vasko",  # surname
        "Ms Vasko",  # title and surname
        "Chair Mirela Vasko",
        "Harbour Authority chair Mirela Vasko",  # as the article introduces her
        "Harbour Authority",
        "the Harbour Authority",
        "HA",  # acronym of a name the article gives
        "Mirela Vasko (Harbour Authority)",
        "the dockworkers' union",
        "Dockworkers union",
        "union secretary Tomas Brell",
        "Tomas Brell and the dockworkers' union",
    ],
)
def test_the_forms_the_article_supports_are_accepted(name: str) -> None:
    validate(with_actor("actor", name))
    validate(with_actor("claimed_by", name))


def test_a_shorter_form_of_an_organisation_is_accepted() -> None:
    article = ArticleIndex(
        "The Kellmoor Valley Water Board voted on Thursday to raise prices. "
        "The U.S. Environmental Protection Agency said it would review the plan."
    )
    answer: dict[str, Any] = {
        "headline": "The water board raised prices.",
        "summary": "The water board raised prices.",
        "key_points": [
            {
                "text": "The board raised prices.",
                "evidence": ["The Kellmoor Valley Water Board voted on Thursday to raise prices"],
            }
        ],
        "stances": [
            {
                "actor": actor,
                "topic": "prices",
                "position": "Prices should rise.",
                "evidence": ["voted on Thursday to raise prices"],
            }
            for actor in (
                "Kellmoor Water Board",
                "Water Board",
                "KVWB",
                "US Environmental Protection Agency",
                "EPA",
            )
        ],
    }
    validate(answer, article)


def test_a_title_word_does_not_turn_an_organisation_into_a_word_of_the_article() -> None:
    article = ArticleIndex(
        "The health department said on Monday that the harbour water was safe. "
        "Mayor Ann Holt welcomed the news."
    )
    answer: dict[str, Any] = {
        "headline": "The harbour water is safe.",
        "summary": "The harbour water is safe.",
        "key_points": [
            {
                "text": "The water is safe.",
                "evidence": ["the harbour water was safe"],
            }
        ],
        "stances": [
            {
                "actor": actor,
                "topic": "water",
                "position": "The water is safe.",
                "evidence": ["the harbour water was safe"],
            }
            for actor in ("State Department", "Mayor Holt", "Minister of Health")
        ],
    }
    with pytest.raises(ValidationError) as info:
        validate(answer, article)
    message = str(info.value)
    assert "'State Department' is not named" in message
    assert "'Minister of Health' is not named" in message
    assert "Mayor Holt" not in message  # a title and a surname the article gives


TITLED = ArticleIndex(
    "Senator María López said the Harbour Authority would fund the plan. "
    "President Joe Walker of the Chamber of Commerce said José Ortega backed it. "
    "Mary Smith, a local teacher, opposed it. Dr. Ann O'Neil spoke for the hospital."
)


def titled_answer(actor: str) -> dict[str, Any]:
    return {
        "headline": "The Harbour Authority will fund the plan.",
        "summary": "The Harbour Authority will fund the plan.",
        "key_points": [
            {
                "text": "The Harbour Authority will fund the plan.",
                "evidence": ["said the Harbour Authority would fund the plan"],
            }
        ],
        "stances": [
            {
                "actor": actor,
                "topic": "the plan",
                "position": "The plan has support.",
                "evidence": ["said the Harbour Authority would fund the plan"],
            }
        ],
    }


@pytest.mark.parametrize(
    "actor",
    ["President López", "Senator Walker", "Mayor Mary Smith", "Dr Smith", "Lord Walker"],
)
def test_a_title_the_article_does_not_give_that_person_is_refused(actor: str) -> None:
    with pytest.raises(ValidationError, match="not named in the article"):
        validate(titled_answer(actor), TITLED)


@pytest.mark.parametrize(
    "actor",
    [
        "Senator Lopez",  # accents dropped
        "Maria Lopez",
        "Jose Ortega",
        "President Walker",
        "Ms Smith",  # a courtesy title is anyone's
        "Mr Ortega",
        "Dr O\u2019Neil",  # a typographic apostrophe
        "Dr. Ann O\u2019Neil",
    ],
)
def test_accents_apostrophes_and_the_articles_own_titles_are_accepted(actor: str) -> None:
    validate(titled_answer(actor), TITLED)


@pytest.mark.parametrize(
    "actor",
    [
        "M. Smith",  # an initial that matches the article's "Mary Smith"
        "M Smith",
        "J. Walker",
        "Ms M. Smith",
        "Teacher Mary Smith",  # a role the article gives her, capitalised in front
    ],
)
def test_an_initial_or_a_role_the_article_supports_is_accepted(actor: str) -> None:
    validate(titled_answer(actor), TITLED)


@pytest.mark.parametrize(
    "actor",
    [
        "J. Smith",  # Mary Smith's initial is M
        "M. Walker",  # Joe Walker's is J
        "M. Ortega",
        "Plumber Mary Smith",  # a role the article does not give her
        "Teacher Joe Walker",  # the article's teacher is Mary Smith
    ],
)
def test_an_initial_or_a_role_the_article_does_not_support_is_refused(actor: str) -> None:
    with pytest.raises(ValidationError, match="not named in the article"):
        validate(titled_answer(actor), TITLED)
