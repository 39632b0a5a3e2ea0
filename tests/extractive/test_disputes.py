"""Disputed figures on small fiction snippets: what a reader would notice."""

from __future__ import annotations

from summarizer.checks.grounding import ArticleIndex
from summarizer.extractive import brief_extractive
from summarizer.extractive.engine import all_stances
from summarizer.models import Briefing, DisputedFigure


def brief(text: str) -> Briefing:
    """Brief ``text`` and check that every quote and figure is grounded in it."""
    briefing = brief_extractive(text)
    index = ArticleIndex(text)
    for item in briefing.disputed_figures:
        assert index.contains_figure(item.figure)
        assert all(index.contains_quote(quote) for quote in item.evidence)
    for stance in briefing.stances:
        assert all(index.contains_quote(quote) for quote in stance.evidence)
    return briefing


def figure(briefing: Briefing, text: str) -> DisputedFigure:
    found = [d for d in briefing.disputed_figures if d.figure == text]
    assert found, f"{text!r} not disputed: {[d.figure for d in briefing.disputed_figures]}"
    return found[0]


def test_rival_crowd_counts_dispute_each_other() -> None:
    text = (
        "Organisers said 4,000 people took part in the Brackwater march.\n\n"
        "Police estimated the crowd at about 1,500 people, based on counts at the bridge.\n"
    )
    briefing = brief(text)
    organisers = figure(briefing, "4,000 people")
    police = figure(briefing, "1,500 people")
    assert (organisers.claimed_by, organisers.disputed_by) == ("Organisers", ["Police"])
    assert (police.claimed_by, police.disputed_by) == ("Police", ["Organisers"])
    assert organisers.unit == police.unit == "people"


def test_repeating_a_figure_to_doubt_it_disputes_it() -> None:
    text = (
        "The Fendale Rowing Club says the new boathouse will cost $2.1 million.\n\n"
        "Treasurer Ivo Marsh said the $2.1 million figure leaves out the new jetty.\n"
    )
    briefing = brief(text)
    cost = figure(briefing, "$2.1 million")
    assert cost.claimed_by == "Fendale Rowing Club"
    assert cost.disputed_by == ["Ivo Marsh"]
    assert len(briefing.disputed_figures) == 1


def test_a_narrators_figure_belongs_to_whoever_defends_it() -> None:
    text = (
        "The plan puts the cost of the new library at $6 million.\n\n"
        "Councillor Ana Pirt said the true cost was closer to $9 million.\n\n"
        "Finance officer Leo Dunn said the $6 million estimate was complete.\n"
    )
    briefing = brief(text)
    plan = figure(briefing, "$6 million")
    rival = figure(briefing, "$9 million")
    assert (plan.claimed_by, plan.disputed_by) == ("Leo Dunn", ["Ana Pirt"])
    assert (rival.claimed_by, rival.disputed_by) == ("Ana Pirt", ["Leo Dunn"])


def test_rejecting_the_owners_figure_without_a_number_disputes_it() -> None:
    text = (
        "Harlow Ferries said the strike was costing it £300,000 a week in lost fares.\n\n"
        "The union rejected the company's figure.\n"
    )
    briefing = brief(text)
    cost = figure(briefing, "£300,000")
    assert cost.claimed_by == "Harlow Ferries"
    assert cost.disputed_by == ["Union"]


def test_percentage_points_against_percent_is_a_framing_dispute() -> None:
    text = (
        "Mayor Ida Krall said the levy would rise by 1 percentage point next year.\n\n"
        "Councillor Bo Renn said it amounted to a 25 percent increase for every household.\n"
    )
    briefing = brief(text)
    points = figure(briefing, "1 percentage point")
    percent = figure(briefing, "25 percent")
    assert (points.claimed_by, points.disputed_by) == ("Ida Krall", ["Bo Renn"])
    assert (percent.claimed_by, percent.disputed_by) == ("Bo Renn", ["Ida Krall"])


def test_a_quotation_continues_the_speaker_before_it() -> None:
    text = (
        "Organisers said 9,000 people joined the vigil.\n\n"
        "Inspector Mara Voss said the count was made from drone footage. "
        '"Our estimate is about 2,000 people, and we stand by it."\n'
    )
    briefing = brief(text)
    police = figure(briefing, "2,000 people")
    assert police.claimed_by == "Mara Voss"
    assert police.disputed_by == ["Organisers"]


def test_its_estimate_belongs_to_the_body_named_before() -> None:
    text = (
        "Kelso Chemicals, which has run the plant since 1998, says 10,000 litres leaked.\n\n"
        "The Dunmore Water Authority has given a much larger number. "
        "Its estimate, based on the tank gauge, is that 40,000 litres leaked.\n"
    )
    briefing = brief(text)
    company = figure(briefing, "10,000 litres")
    authority = figure(briefing, "40,000 litres")
    assert (company.claimed_by, company.disputed_by) == (
        "Kelso Chemicals",
        ["Dunmore Water Authority"],
    )
    assert authority.claimed_by == "Dunmore Water Authority"


def test_a_body_and_its_own_officer_never_dispute_each_other() -> None:
    text = (
        "Tarn Mining says 500 litres of slurry escaped.\n\n"
        "The Lowmoor Anglers' Club says 3,000 litres escaped into the river.\n\n"
        "Ola Berg, Tarn Mining's operations director, said the 3,000 litres figure was wrong.\n"
    )
    briefing = brief(text)
    mine = figure(briefing, "500 litres")
    anglers = figure(briefing, "3,000 litres")
    assert mine.claimed_by == "Tarn Mining"
    assert mine.disputed_by == ["Lowmoor Anglers' Club"]
    assert anglers.claimed_by == "Lowmoor Anglers' Club"
    assert anglers.disputed_by == ["Tarn Mining"]


def test_plain_facts_and_one_sided_figures_are_not_disputed() -> None:
    text = (
        "The new footbridge cost $4 million and opened on Monday.\n\n"
        "It carries about 12,000 pedestrians a day, the council said.\n\n"
        "The council said 300 cyclists a day also use it, and that 40 percent of them "
        "are commuters.\n"
    )
    assert brief(text).disputed_figures == []


def test_different_measures_in_the_same_unit_are_not_rivals() -> None:
    text = (
        "The Orrin Valley Trust said the reserve would cost $3 million to restore.\n\n"
        "Warden Pia Lusk said the reserve drew $40 million a year in visitor spending.\n"
    )
    assert brief(text).disputed_figures == []


NEGATED = (
    "The port authority says the terminal will create 3,100 jobs.\n\n"
    "The dockworkers' union supports the terminal but does not believe the port's jobs "
    "numbers.\n\n"
    "Mayor Ana Velt never disputed the 3,100 figure, her office said.\n"
)


def test_a_negated_verb_keeps_its_not_in_the_position() -> None:
    positions = {s.actor: s.position for s in all_stances(NEGATED)}
    assert positions["Dockworkers' union"].startswith("Does not believe the port's jobs")
    assert positions["Ana Velt"].startswith("Never disputed the 3,100 figure")


def test_denying_a_dispute_is_no_dispute_and_doubting_a_figure_is_one() -> None:
    (figure,) = brief_extractive(NEGATED).disputed_figures
    assert figure.figure == "3,100 jobs"
    assert figure.disputed_by == ["Dockworkers' union"]  # not the mayor, who never disputed it


def test_not_saying_something_is_no_position() -> None:
    text = (
        "The authority says the quay would support 310 jobs by 2030.\n\n"
        "Critics point out that the authority has not said how many would go to local people.\n"
    )
    positions = [s.position for s in all_stances(text)]
    assert not any("how many would go" in p for p in positions)


def test_a_bodys_own_it_is_the_body_by_name_but_a_persons_pronoun_stays() -> None:
    text = (
        "Brannock Offshore Wind said it would invest 4.6 billion crowns in the scheme.\n\n"
        "Councillor Ivo Marsh said she had been thorough in every hearing so far.\n"
    )
    positions = {s.actor: s.position for s in all_stances(text)}
    # Not "It would invest", nor the fragment "Would invest": a sentence that names it.
    assert positions["Brannock Offshore Wind"].startswith(
        "Brannock Offshore Wind would invest 4.6 billion crowns"
    )
    # "she" may be someone else (here, a judge named earlier): the pronoun stays.
    assert positions["Ivo Marsh"].startswith("She had been thorough")


# Issue 14: a dispute needs two parties, the same measure and a contest.


def test_refusing_money_is_not_contesting_a_figure() -> None:
    # "denied funding" refuses money; it does not deny anyone's number.
    text = (
        "Mayor Ruth Olsen said the new bypass could draw $40 million from the road fund "
        "and $12 million from the harbour levy.\n\n"
        "Parliament has twice denied funding for the bypass, and the row over it delayed "
        "the budget by a month.\n"
    )
    assert brief(text).disputed_figures == []


def test_two_counts_of_the_same_unit_are_not_a_dispute() -> None:
    # A threshold and a tally are both "delegates", but nobody contests either.
    text = (
        "Candidates need at least 1,200 delegates to win the Verdant Party's nomination.\n\n"
        "According to the Morning Ledger, Tove Aalto has won 640 delegates so far.\n\n"
        "The northern primary next week awards 90 delegates.\n"
    )
    assert brief(text).disputed_figures == []


def test_a_narrators_fact_is_not_a_party_to_a_dispute() -> None:
    # Last year's passengers, as the article states them, and next year's forecast.
    text = (
        "Calder Lines carried 410,000 passengers on the island route last year.\n\n"
        "The Harbour Board said 450,000 passengers would use the new terminal next year.\n"
    )
    assert brief(text).disputed_figures == []


def test_rejecting_the_review_by_name_still_disputes_its_figure() -> None:
    text = (
        "Councillor Ivo Brant said an independent review put the true cost of the sea wall "
        "at $9 million.\n\n"
        "Mayor Elin Voss rejected the review and said the wall would cost $6 million.\n"
    )
    briefing = brief(text)
    wall = figure(briefing, "$9 million")
    assert wall.claimed_by == "Ivo Brant" and wall.disputed_by == ["Elin Voss"]


def test_a_product_or_a_place_never_claims_a_figure() -> None:
    # The narrator's figure, named after a car and a pool, has no party to claim it.
    texts = [
        "Sales of the Ridgeback SUV rose by 2.6 percent in March, the best month for the "
        "model in two years.\n\n"
        "InfoNation analyst Pia Lund said the real rise was closer to 1 percent once fleet "
        "sales were taken out.\n",
        "The new Harrowgate pool is an Olympic-size 50 metres long and holds 2.5 million "
        "litres of water.\n\n"
        "Councillor Ada Venn said the real capacity was closer to 2 million litres.\n",
    ]
    for text in texts:
        claimants = [d.claimed_by for d in brief(text).disputed_figures]
        assert not {"Ridgeback SUV", "Harrowgate", "Olympic-size"} & set(claimants), claimants


def test_two_counts_of_different_events_are_no_dispute() -> None:
    text = (
        "A ferry capsized near Tolva on Friday. Coast guard commander Lina Berg said 40 "
        "passengers were rescued from the water.\n\nRegional health official Per Ahl said "
        "25 passengers were treated in hospital for hypothermia.\n"
    )
    assert brief(text).disputed_figures == []


def test_a_toll_given_later_updates_the_first_and_disputes_nothing() -> None:
    text = (
        "A landslide buried part of Kerva on Monday. Governor Amir Sotoudeh said 12 people "
        "had died.\n\nBy Wednesday, health ministry spokesman Reza Kamali said 19 people had "
        "died.\n"
    )
    assert brief(text).disputed_figures == []


def test_one_count_against_another_for_the_same_event_is_still_a_dispute() -> None:
    text = (
        "Organisers of the Harwick march said 35,000 people took part. Police said "
        "11,000 people took part.\n"
    )
    assert {f.figure for f in brief(text).disputed_figures} == {"35,000 people", "11,000 people"}
