"""A claim the article reports as false or unsubstantiated is never stated as fact."""

from __future__ import annotations

from summarizer.extractive import brief_extractive

MAGNETS = """\
Copper bracelets cure arthritis in a week, according to posts shared by the seller \
Orvik Health across social media this month.

The posts, which show customers wearing the bracelets, have been viewed more than \
900,000 times and the company says orders tripled in March.

The claim that the bracelets cure arthritis has not been proven, the national \
rheumatology society said on Tuesday, and two trials found no benefit over a plain \
bracelet.

The society said patients should keep taking the treatment their doctors prescribed.
"""


def test_an_unproven_claim_is_neither_the_headline_nor_a_key_point_as_fact() -> None:
    briefing = brief_extractive(MAGNETS)
    claim = "Copper bracelets cure arthritis"
    assert not briefing.headline.startswith(claim)
    assert not any(p.text.startswith(claim) for p in briefing.key_points)
