"""A long fiction article, and the answers a model would give for each part of it.

Used by tests/test_longdoc.py (recorded responses) and bench/bench_long.py.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.checks.grounding import MARK

DISTRICTS = ["Alder Quay", "Brennock", "Cairnmouth", "Dunmere", "Eskwater", "Fallowby", "Gorran"]
PEOPLE = ["Ines Varga", "Tomas Reyland", "Orla Penhale", "Kasimir Dent"]


def paragraph(i: int) -> str:
    """One paragraph of about 110 words; the same claim recurs every 40 paragraphs."""
    district = DISTRICTS[i % len(DISTRICTS)]
    person = PEOPLE[i % len(PEOPLE)]
    if i % 40 == 0:
        person = PEOPLE[(i // 40) % len(PEOPLE)]
        return (
            "Harbour Board chair Mara Quell said the full flood barrier would cost $412 million, "
            f"a figure that {person} of the Ratepayers' Alliance disputed at the hearing in "
            f'{district}. "The board has left out the pumping stations and the sea wall on the '
            f'eastern side," {person} said. Quell said the estimate had been checked twice by '
            "outside engineers and would not change before the council vote. Residents who spoke "
            "after her asked for the engineers' report to be published in full, and the clerk "
            "said the board would consider the request at its next meeting."
        )
    return (
        f"In {district}, section {i} of the barrier would run for {300 + i} metres along the "
        f"shore, according to the board's plans, and would take {8 + i % 9} months to build. "
        f"{person} told residents at a meeting in the {district} library that the section "
        f"would protect {1000 + 7 * i} homes from the spring tides. Several residents asked "
        "whether the work would close the coastal path during the summer, and the board's "
        "engineers said a temporary route would be signposted through the park. The meeting "
        "ended with a show of hands in favour of the plan, although a few residents abstained "
        "and asked for more detail on the cost of maintenance in the years after construction."
    )


def long_article(words: int = 20_000) -> str:
    """A headline and paragraphs up to about ``words`` words."""
    parts = ["Flood Barrier Plan Goes Before Harbour Council"]
    count = 0
    i = 0
    while count < words:
        text = paragraph(i)
        parts.append(text)
        count += len(text.split())
        i += 1
    return "\n\n".join(parts)


_SENTENCE = re.compile(r"[^.!?]+[.!?]")


def answer_for(part: str) -> dict[str, Any]:
    """The briefing a careful model would give for one part (grounded in it)."""
    # Sentence by sentence within each paragraph: a quote never runs from the
    # headline into the paragraph below it.
    sentences = [
        s.strip()
        for paragraph in part.split("\n\n")
        for s in _SENTENCE.findall(paragraph)
        if len(s.split()) > 6
    ]
    sections = [s for s in sentences if "section" in s][:4] or sentences[:4]
    answer: dict[str, Any] = {
        "headline": sections[0],
        "summary": " ".join(sections[:2]),
        "key_points": [{"text": s, "evidence": [s]} for s in sections],
        "stances": [],
        "disputed_figures": [],
    }
    claim = next((s for s in sentences if "$412 million" in s), None)
    if claim is not None:
        disputant = next(p for p in PEOPLE if p in claim)
        answer["key_points"].insert(0, {"text": claim, "evidence": [claim]})
        answer["stances"].append(
            {
                "actor": "Mara Quell",
                "role": "Harbour Board chair",
                "topic": "the cost of the flood barrier",
                "position": (
                    "The full barrier would cost $412 million and the estimate will not change."
                ),
                "evidence": [claim],
            }
        )
        answer["disputed_figures"].append(
            {
                "figure": "$412 million",
                "value": 412_000_000,
                "unit": "USD",
                "measure": "cost of the full flood barrier",
                "claimed_by": "Mara Quell",
                "disputed_by": [disputant],
                "counter_claim": None,
                "evidence": ["the full flood barrier would cost $412 million"],
            }
        )
    return answer


def part_from_request(body: dict[str, Any]) -> str:
    """The article part inside a recorded request, datamark undone.

    The page's title, outlet and byline lines come first inside the fence,
    followed by a blank line; they are no part of the article's text.
    """
    user = body["messages"][1]["content"]
    inside = re.split(r"<<<article-[0-9a-f]+>>>\n|\n<<</article-[0-9a-f]+>>>", user)[1]
    if re.match(r"(?:Title|Outlet|Byline): ", inside):
        inside = inside.split("\n\n", 1)[1]
    return inside.replace(MARK, " ")
