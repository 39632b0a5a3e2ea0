"""Disputed figures, precision first (issue 14): near misses a reader would call invented.

Every sentence here is made up for the test. A figure is disputed only when two
parties give the same measure and one contests the other's number; these are
the cases where a rule that pairs numbers too eagerly would invent a dispute.
"""

from __future__ import annotations

from extractive.test_disputes import brief


def disputed(text: str) -> dict[str, list[str]]:
    return {f.figure: f.disputed_by for f in brief(text).disputed_figures}


def test_a_singular_reference_contests_one_figure_not_the_whole_sentence() -> None:
    # "the club's figure" is the rise; the old and new fees only spell it out.
    text = (
        "The Tarrow Anglers' Club said membership fees would rise by 12 percent, "
        "from £40 to £45.\n\n"
        "Mina Holt, who chairs the rival Tarrow Rod Society, said the club's figure "
        "was misleading because juniors pay half.\n"
    )
    found = disputed(text)
    assert "£40" not in found and "£45" not in found, found
    assert found.get("12 percent") == ["Mina Holt"], found


def test_a_reference_by_its_noun_does_not_fall_on_the_latest_number() -> None:
    # "an estimate" is the service's estimate; the hunters' tally is no estimate.
    text = (
        "The Corran Forestry Service estimates that 41,000 deer live in the hills.\n\n"
        "Ivo Rask, who chairs the hunters' association, said his members shot 3,900 deer "
        "last season.\n\n"
        "Farmer Lena Hult said the cull plan rested on an estimate that was plainly wrong.\n"
    )
    found = disputed(text)
    assert "3,900 deer" not in found, found


def test_that_figure_points_at_the_figure_just_given_not_an_example() -> None:
    # The mayor's "$50 shopping basket" is an illustration; "that figure" is the cost.
    text = (
        "Mayor Olaf Brenn defended the new parking charge at Tuesday's meeting. "
        '"On a $50 shopping trip, it is less than a coffee," Brenn said.\n\n'
        "The council's plan puts the cost of the new car park at $8.5 million.\n\n"
        "Councillor Hedda Lunde said that figure left out the price of the access road.\n\n"
        "Treasurer Kai Morrow said the $8.5 million estimate was complete.\n"
    )
    found = disputed(text)
    assert "$50" not in found, found
    assert found.get("$8.5 million") == ["Hedda Lunde"], found


def test_counts_of_different_measures_are_not_rivals_even_beside_a_contest() -> None:
    # Two parties, two counts of pupils, but one is a decade's fall in enrolment and
    # the other the pupils a closure would move: not two answers to one question.
    text = (
        "According to the Wendle district, enrolment has fallen by about 900 pupils over "
        "the past decade as families moved away.\n\n"
        "Parents' spokesman Rolf Ide said the district's savings estimate ignored the cost "
        "of busing 450 pupils across the river every day.\n"
    )
    found = disputed(text)
    assert "900 pupils" not in found and "450 pupils" not in found, found


def test_two_counts_of_one_unit_about_different_measures_are_no_dispute() -> None:
    text = (
        "The Gelder Port Authority said the new quay would create 800 jobs.\n\n"
        "Dockers' union leader Ines Varga said 300 jobs had already been lost at the old "
        "quay since the spring.\n"
    )
    assert disputed(text) == {}


def test_a_party_correcting_its_own_figure_disputes_nothing() -> None:
    text = (
        "The Halden fire service said on Monday that 14 homes were destroyed.\n\n"
        "The fire service later corrected the figure, saying 17 homes were destroyed.\n"
    )
    assert disputed(text) == {}


def test_the_ends_of_an_estimate_range_are_not_a_dispute() -> None:
    text = (
        "The Fenwick Institute said repairs would cost between $2 million and $3 million.\n\n"
        "Its report said a reserve of 15 to 25 percent is normal for such work.\n\n"
        "Minister Ana Kolb rejected the institute's conclusions.\n"
    )
    found = disputed(text)
    assert "25 percent" not in found and "15 percent" not in found, found


def test_parts_per_million_is_one_unit() -> None:
    text = (
        "The Dorrin Villagers' Association said its sample showed lead at 12 parts per "
        "million in the brook.\n\n"
        "Ostra Mining said its own samples showed lead at 0.8 parts per million, and called "
        "the villagers' figure inflated.\n"
    )
    briefing = brief(text)
    units = {f.figure: f.unit for f in briefing.disputed_figures}
    assert units.get("12 parts per million") == "parts per million", units


def test_one_figure_is_reported_once() -> None:
    text = (
        "The Marlow Port Authority says the terminal will create 2,400 jobs.\n\n"
        "Economist Ruth Dale said the 2,400 figure was inflated and that the net gain "
        "was closer to 700 jobs.\n\n"
        "Union leader Sam Oyelaran said the 2,400 jobs would mostly be in warehouses far "
        "from the port, and that the figure was misleading.\n"
    )
    figures = [f.figure for f in brief(text).disputed_figures]
    assert figures.count("2,400 jobs") <= 1, figures


def test_a_remark_about_numbers_in_general_contests_no_one() -> None:
    # The inquiry chair names no one's number and contests none.
    text = (
        "The Brell Harbour Board says the new berth will cost $310 million and create "
        "900 jobs.\n\n"
        "Inquiry chair Dora Fisk said she had heard a great deal of arithmetic, and that "
        "not all of the arithmetic agreed.\n"
    )
    assert disputed(text) == {}


def test_the_number_of_something_is_a_measure_not_a_reference() -> None:
    text = (
        "The Orla Fisheries Board says the cod stock stands at 40,000 tonnes.\n\n"
        "Board scientist Ivo Penn said the number of young fish was the lowest on record.\n"
    )
    assert disputed(text) == {}


def test_a_statement_that_opens_on_its_own_number_defends_it() -> None:
    text = (
        "The Audit Office said the new ferry would cost 14 billion crowns.\n\n"
        "Minister Aksel Dahl said the ministry had put the cost at 9 billion crowns. "
        '"Nine billion crowns is a sound, checked figure," Dahl said.\n'
    )
    found = disputed(text)
    assert found.get("9 billion crowns") == ["Audit Office"], found
    assert found.get("14 billion crowns") == ["Aksel Dahl"], found
