"""A small article and hand-written model answers about it, shared by tests."""

from __future__ import annotations

import copy
from typing import Any

ARTICLE = """\
Dredging Plan Splits Port Alder

PORT ALDER — Harbour Authority chair Mirela Vasko said on Monday that deepening the \
northern channel would cost $12.4 million and bring 300 new jobs within two years.

The dockworkers' union disputed both numbers. "The real bill is closer to $19 million, \
and most of those jobs already exist," union secretary Tomas Brell told reporters.

Vasko rejected that account. "Our estimate was checked by two independent engineers," \
she said.

The council will vote on the plan on December 3.
"""

GOOD: dict[str, Any] = {
    "headline": (
        "Port Alder's harbour chief says a channel dredge will cost $12.4 million and "
        "create 300 jobs, figures the dockworkers' union disputes."
    ),
    "summary": (
        "Harbour Authority chair Mirela Vasko backs deepening the northern channel. "
        "The dockworkers' union says the cost is higher and the jobs are not new. "
        "The council votes on December 3."
    ),
    "key_points": [
        {
            "text": "Mirela Vasko says deepening the northern channel would cost $12.4 million "
            "and bring 300 new jobs within two years.",
            "evidence": [
                "Harbour Authority chair Mirela Vasko said on Monday that deepening the "
                "northern channel would cost $12.4 million and bring 300 new jobs within two years."
            ],
        },
        {
            "text": "The dockworkers' union says the bill is closer to $19 million and the jobs "
            "mostly exist already.",
            "evidence": [
                "The real bill is closer to $19 million, and most of those jobs already exist"
            ],
        },
    ],
    "stances": [
        {
            "actor": "Mirela Vasko",
            "role": "Harbour Authority chair",
            "topic": "the dredging plan's cost",
            "position": "The estimate is sound; it was checked by two independent engineers.",
            "evidence": ["Our estimate was checked by two independent engineers"],
        },
        {
            "actor": "Tomas Brell",
            "role": "union secretary",
            "topic": "the dredging plan's cost",
            "position": "The plan will cost more and create fewer new jobs than claimed.",
            "evidence": [
                "The real bill is closer to $19 million, and most of those jobs already exist"
            ],
        },
    ],
    "disputed_figures": [
        {
            "figure": "$12.4 million",
            "value": 12400000,
            "unit": "USD",
            "measure": "cost of deepening the northern channel",
            "claimed_by": "Mirela Vasko",
            "disputed_by": ["Tomas Brell"],
            "counter_claim": "The real bill is closer to $19 million.",
            "evidence": ["would cost $12.4 million"],
        }
    ],
}

INVENTED_QUOTE = "The dredge will pay for itself within a year"


def ungrounded() -> dict[str, Any]:
    """GOOD with one invented quote in the first key point."""
    answer = copy.deepcopy(GOOD)
    answer["key_points"][0]["evidence"] = [INVENTED_QUOTE]
    return answer


def wrong_figure() -> dict[str, Any]:
    """GOOD with a disputed figure the article never states."""
    answer = copy.deepcopy(GOOD)
    answer["disputed_figures"][0]["figure"] = "$14 million"
    return answer
