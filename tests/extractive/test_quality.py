"""What a demanding reader notices: datelines, pronoun actors, topics, attributions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from summarizer.extractive import brief_extractive
from summarizer.extractive.engine import all_stances
from summarizer.extractive.figures import find_figures
from summarizer.models import Briefing, DisputedFigure, Stance

Grounded = Callable[[Briefing, str], None]

PORTVALE = """Portvale Votes on Bridge Plan

By Hanna Liss

PORTVALE, June 3 (Valley Gazette) - Residents of Portvale will vote on Sunday on a plan \
to replace the town's old swing bridge with a fixed crossing, a project its backers call \
overdue and its critics say will cost far more than promised.

Mayor Ruth Olsen said on Monday that the new bridge would cost $4 million, most of it \
paid by a state grant, and would end the daily traffic jams on Mill Road.

The Brandt Rowing Club, which has 300 members, opposes the plan. Its president, Edda Vane, \
said an independent survey put the true cost at $7 million once the new approach roads \
were included.

Vane also questioned the grant, saying the state had promised "up to" $2 million, not the \
$3 million the Portvale Town Council has used in its budget.

Opponents marched to the town hall on Saturday. Campaign spokeswoman Ida Venn said 2,000 \
people took part, and she called the plan "a gift to lorry firms."

Police put the crowd at about 800.

Sergeant Lars Holm of the city police said officers had counted about 800 marchers and \
that there were no arrests.

Among the marchers was Olaf Berg, 70, who has rowed on the river since 1970. \
"They call it progress," he said.

If the plan is approved, work would begin in May and the bridge would open in 2027, \
according to the Portvale Town Council's timetable.
"""

PRONOUNS = ("its", "their", "his", "her", "our", "this", "these", "they", "he", "she")


@pytest.fixture(scope="module")
def portvale() -> Briefing:
    return brief_extractive(PORTVALE)


def stance(briefing: Briefing, actor: str) -> Stance:
    found = [s for s in briefing.stances if s.actor == actor]
    assert found, f"{actor} not among {[s.actor for s in briefing.stances]}"
    return found[0]


def disputed(briefing: Briefing, figure: str) -> DisputedFigure:
    found = [d for d in briefing.disputed_figures if d.figure == figure]
    assert found, f"{figure} not among {[d.figure for d in briefing.disputed_figures]}"
    return found[0]


def test_briefing_is_grounded(portvale: Briefing, grounded: Grounded) -> None:
    grounded(portvale, PORTVALE)


def test_derived_prose_drops_the_dateline(portvale: Briefing) -> None:
    assert portvale.headline.startswith("Residents of Portvale will vote")
    for text in [portvale.headline, portvale.summary, *(kp.text for kp in portvale.key_points)]:
        assert "PORTVALE" not in text and "Valley Gazette" not in text
    assert all("PORTVALE" not in s.position for s in portvale.stances)


def test_agency_and_byline_openers_are_dropped_from_the_headline() -> None:
    text = (
        "(Valley Gazette) - The Portvale council approved a new harbour plan on Tuesday "
        "after a debate that lasted most of the night."
    )
    briefing = brief_extractive(text)
    assert briefing.headline.startswith("The Portvale council approved")
    assert briefing.key_points[0].evidence == [text]


def test_summary_adds_to_the_headline_instead_of_repeating_it(portvale: Briefing) -> None:
    assert portvale.headline not in portvale.summary
    assert 1 <= portvale.summary.count(". ") + 1 <= 3


def test_no_actor_is_a_pronoun_or_a_pronoun_possession(portvale: Briefing) -> None:
    for item in portvale.stances:
        assert item.actor.split()[0].lower() not in PRONOUNS, item.actor
    assert "critics" not in " ".join(s.actor.lower() for s in portvale.stances)


def test_its_president_resolves_to_the_named_person_and_body(portvale: Briefing) -> None:
    vane = stance(portvale, "Edda Vane")
    assert vane.role is not None
    assert vane.role.startswith("president") and "Brandt Rowing Club" in vane.role


def test_topics_are_short_noun_phrases_not_keyword_lists(portvale: Briefing) -> None:
    for item in portvale.stances:
        assert "," not in item.topic, item.topic
        assert 1 <= len(item.topic.split()) <= 6, item.topic
    assert stance(portvale, "Ruth Olsen").topic == "the cost of the new bridge"
    assert stance(portvale, "Lars Holm").topic == "the crowd"


def test_according_to_at_the_end_reports_the_rest_of_the_sentence() -> None:
    council = next(s for s in all_stances(PORTVALE) if s.actor == "Portvale Town Council")
    assert "work would begin in May" in council.position
    assert not council.position.lower().startswith("according to")


def test_he_said_skips_a_woman_and_finds_the_man_just_named(portvale: Briefing) -> None:
    venn = stance(portvale, "Ida Venn")
    assert not any("They call it progress" in e for e in venn.evidence)
    berg = stance(portvale, "Olaf Berg")
    assert any("They call it progress" in e for e in berg.evidence)


def test_he_said_is_skipped_rather_than_misattributed() -> None:
    text = (
        "Campaign spokeswoman Ida Venn said the plan was a mistake and that she would "
        "fight it in court.\n\n"
        '"It is a gift to lorry firms and nothing else," he said.\n'
    )
    briefing = brief_extractive(text)
    for item in briefing.stances:
        assert not any("lorry firms" in e for e in item.evidence), item.actor


def test_police_mentions_merge_into_the_named_officer(portvale: Briefing) -> None:
    actors = [s.actor for s in portvale.stances]
    assert "Police" not in actors and "City police" not in actors
    assert actors.count("Lars Holm") == 1
    holm = stance(portvale, "Lars Holm")
    assert holm.role == "Sergeant, city police"
    assert len(holm.evidence) == 2


def test_not_the_contrast_is_a_disputed_figure(portvale: Briefing) -> None:
    grant = disputed(portvale, "$3 million")
    assert grant.claimed_by == "Portvale Town Council"
    assert grant.disputed_by == ["Edda Vane"]
    assert "$2 million" in (grant.counter_claim or "")
    assert grant.measure == "amount of the grant"


def test_a_limit_is_not_a_rival_count() -> None:
    text = (
        "According to the Portvale Town Council's plan, the quay would handle up to 40 "
        "ferry calls a season.\n\n"
        "Nordvik Ferries said it would schedule at least 12 calls in the first season.\n"
    )
    assert brief_extractive(text).disputed_figures == []


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("Mayor Ruth Olsen said on Monday that the new bridge would cost $4 million.", "cost"),
        ("A survey put the true cost at $7 million once roads were included.", "true cost"),
        ("The council approved a budget of €3bn on Tuesday.", "budget"),
    ],
)
def test_money_measures_read_as_phrases_without_dates(sentence: str, measure: str) -> None:
    (figure,) = find_figures(sentence)
    assert figure.measure.startswith(measure)
    assert "Monday" not in figure.measure and "Tuesday" not in figure.measure
    assert not figure.measure.startswith("put")


def test_cost_measure_names_what_costs(portvale: Briefing) -> None:
    olsen = disputed(portvale, "$4 million")
    assert olsen.measure == "cost of the new bridge"
    assert olsen.disputed_by == ["Edda Vane"]


COUNTRY = """Freedonia and Sylvania Trade Barbs

Sylvanian Trade Minister Otto Brask said on Friday that Freedonia supplies 60 percent of \
the drones that Sylvania's rebels use.

Freedonia counters that it has never sold drones to the rebels and that the figure is \
invented.

Freedonian Foreign Minister Rufus Tane told a summit on Tuesday that Freedonia "is not \
a party to this conflict."

Freedonian President Ana Melo is due to visit the region next month.
"""


def test_a_country_speaks_through_its_one_quoted_official() -> None:
    briefing = brief_extractive(COUNTRY)
    actors = [s.actor for s in briefing.stances]
    assert "Freedonia" not in actors
    tane = stance(briefing, "Rufus Tane")
    assert any(e.startswith("Freedonia counters") for e in tane.evidence)
    share = disputed(briefing, "60 percent")
    assert share.claimed_by == "Otto Brask" and share.disputed_by == ["Rufus Tane"]
