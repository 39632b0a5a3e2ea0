"""Issue 16.6 and 16.10: the final UngroundedError says what was wrong, where, once each.

A quote refused as too short is not "not found in the text"; each item keeps its
reason and its full location (``key_points[0].evidence[1]``); a quote repeated in
several places is listed once; and every violation is reported together, so an
invented link is not hidden behind a bad quote.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError

from briefings import ARTICLE, GOOD
from summarizer import Summarizer
from summarizer.checks.grounding import ArticleIndex
from summarizer.errors import UngroundedError
from summarizer.llm.faults import ungrounded_items
from summarizer.models import CONTEXT_KEY, Briefing
from summarizer.testing.loopback import LoopbackServer, Reply

LINK = "http://harbour-facts.example/plan"


def flawed() -> dict[str, Any]:
    """Short quotes that do occur, a repeated invented quote, and an invented link."""
    answer = copy.deepcopy(GOOD)
    answer["key_points"][0]["evidence"].append("Vasko")  # occurs, but too short
    answer["key_points"][1]["evidence"].append("The dredge pays for itself")  # invented
    answer["stances"][1]["evidence"] = ["The dredge pays for itself"]  # the same, again
    answer["summary"] += f" More at {LINK}."
    return answer


def test_each_item_keeps_its_reason_and_full_location() -> None:
    with pytest.raises(ValidationError) as info:
        Briefing.model_validate(flawed(), context={CONTEXT_KEY: ArticleIndex(ARTICLE)})
    items = {(i.location, i.text): i for i in ungrounded_items(info.value)}
    short = items["key_points[0].evidence[1]", "Vasko"]
    assert "too short" in short.reason
    invented = items["key_points[1].evidence[1]", "The dredge pays for itself"]
    assert "does not occur in the article" in invented.reason
    assert invented.locations == ("key_points[1].evidence[1]", "stances[1].evidence[0]")
    assert ("summary", LINK) in items  # reported beside the bad quotes, not after them
    assert len(items) == 3  # the repeated quote once


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("m",)) as srv:
        yield srv


def test_the_final_error_lists_every_problem_with_its_reason(server: LoopbackServer) -> None:
    server.script(*[Reply.answer(flawed()) for _ in range(3)])
    with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
        with pytest.raises(UngroundedError) as info:
            s.summarize(ARTICLE)
    err = info.value
    message = str(err)
    assert "key_points[0].evidence[1]: 'Vasko' is too short" in message
    assert "not found in the text" not in message
    assert "'The dredge pays for itself' does not occur in the article" in message
    assert message.count("The dredge pays for itself") == 1
    assert LINK in message and "\n" not in message
    assert [i.location for i in err.items] == [
        "summary",
        "key_points[0].evidence[1]",
        "key_points[1].evidence[1]",
    ]
    # The first re-ask already named all three, so the model could fix them at once.
    reask = json.dumps(server.requests[1].body)
    assert "Vasko" in reask and "The dredge pays for itself" in reask and LINK in reask
