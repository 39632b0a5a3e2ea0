"""A stance's topic is a whole noun phrase that ends on its head noun.

Fresh fiction written for these rules (not taken from an eval article or any news text).
"""

from __future__ import annotations

from collections import Counter

from summarizer.extractive.topics import topic_of


def _topic(clause: str) -> str:
    return topic_of([clause], Counter())


def test_a_word_with_an_object_after_the_noun_is_the_verb() -> None:
    for clause, topic in (
        ("the ferry company nears the end of its lease", "the ferry company"),
        ("the lighthouse keeper guards the coast at night", "the lighthouse keeper"),
        ("they gave the island ferrymen the final say", "the island ferrymen"),
        ("called the harbour master's plan a disgrace", "the harbour master's plan"),
        ("the baker paying the fine was relieved", "the baker"),
        ("the tram costing them a fortune is a scandal", "the tram"),
        ("the trawlers drifting into the bay were towed", "the trawlers"),
        ("the young fish swimming past the pier were counted", "the young fish"),
        ("the harbour dredging in the spring was cancelled", "the harbour dredging"),
        ("the harbour stall sells them cheaply", "the harbour stall"),
    ):
        assert _topic(clause) == topic, clause


def test_a_subject_does_not_swallow_its_verb() -> None:
    for clause, topic in (
        ("the harbour statistics show that trade fell", "the harbour statistics"),
        ("if the storm system moves further north, the pier closes", "the storm system"),
        ("the island fishermen want more quota", "the island fishermen"),
    ):
        assert _topic(clause) == topic, clause
    # A noun compound before a preposition or an auxiliary keeps its head.
    assert _topic("the arms deal with the island fell through") == "the arms deal"
    assert _topic("the school closures were delayed") == "the school closures"


def test_a_linking_verb_ends_the_phrase() -> None:
    assert _topic("the harbour becomes calmer after dusk") == "the harbour"
    assert _topic("the canal seems quieter in winter") == "the canal"


def test_a_time_adverb_ends_the_phrase() -> None:
    assert _topic("the vote tomorrow will settle the pier dispute") == "the vote"
    assert _topic("the ferry strike Monday left the island cut off") == "the ferry strike"


def test_a_phrase_ends_on_a_noun_not_an_adjective() -> None:
    assert _topic("they kept the lighthouse operable") == "the lighthouse"
    assert _topic("they judged the mooring fees reasonable") == "the mooring fees"
    assert _topic("it was a deeply careless move by the trust") == "the trust"


def test_a_head_beyond_three_words_is_reached_not_cut_off() -> None:
    assert _topic("the largest deep water berth is closed") == "the largest deep water berth"


def test_a_quantity_word_gives_way_to_what_it_counts() -> None:
    assert _topic("a lot of trawlers stayed in port") == "the trawlers"
    assert _topic("the skipper was a bit careless with the nets") != "the bit careless"
    assert _topic("a little calmer, the estuary reopened") == "the estuary"


def test_an_of_clause_with_a_verb_is_not_part_of_the_topic() -> None:
    assert _topic("accused the trust of hiding the survey") == "the trust"
    assert _topic("praised the crew of rescuing the swimmers") == "the crew"
    assert _topic("cited the trust's long habit of dealing with the unions") == (
        "the trust's long habit"
    )


def test_an_of_complement_is_whole_or_left_out() -> None:
    # Seven words: the complement "the regional ferry timetable plan" does not fit.
    assert _topic("the author of the regional ferry timetable plan resigned") == "the author"
    assert _topic("the whereabouts of Captain Orla Breen are unknown") == (
        "the whereabouts of Captain Orla Breen"
    )


def test_a_modifier_word_is_inside_the_phrase_but_never_its_head() -> None:
    assert _topic("The Board's proposed new mooring rules are unfair") == (
        "the Board's proposed new mooring rules"
    )
    assert _topic("the other was sold to the harbour museum") == "the harbour museum"
    assert _topic("the ferry made its own timetable") == "the ferry"
    assert _topic("the council kept the deal secret, saying") == "the council"


def test_an_adjective_in_ical_is_no_head() -> None:
    assert _topic("he is the cause of the current political and economic mess") == "the cause"


def test_a_verb_in_s_after_a_name_ending_in_s_is_the_verb() -> None:
    # The name alone is no topic (it is the speaker); the phrase does not end on "regrets".
    assert _topic("the Harbour Commissioners regrets the delay") == "the delay"


def test_a_contracted_pronoun_is_no_owner() -> None:
    assert _topic("It's people like the ferrymen who lose out") == "the ferrymen"
    assert _topic("the slipway that's crumbling needs work") == "the slipway"


def test_an_owner_keeps_its_whole_name() -> None:
    assert _topic("they praised Port Ellis's harbour master") == "Port Ellis's harbour master"
    # No room for the whole name: the owner's word alone, not "Master Orla Breen's".
    assert _topic("they praised Harbour Master Orla Breen's new survey plan") == (
        "Breen's new survey plan"
    )


def test_a_predicate_noun_gives_way_to_what_it_describes() -> None:
    assert _topic("it is a fair price for the pier repairs") == "the pier repairs"
    assert _topic("that was a great way to open the regatta") == "the regatta"


def test_a_measure_read_from_loose_words_is_checked_against_the_clause() -> None:
    assert _topic("the harbour levy would rise by 5 percent") == "the harbour levy"
    assert _topic("the harbour tolls would bring in $4 million a year") == "the harbour tolls"
    assert _topic("pledged $3 million to the old pier") == "the old pier"


def test_a_measure_named_by_its_figure_ends_on_a_noun() -> None:
    assert _topic("about 40 boats across the bay were damaged") == "the number of boats"
    assert _topic("the 30 sailors who drowned were honoured") == "the number of sailors"


def test_the_last_resort_word_is_the_last_of_a_run() -> None:
    assert _topic("forensic audits will be carried out.") == "the audits"


def test_the_last_resort_word_is_a_noun() -> None:
    for clause in ("nobody stopped sailing.", "refused outright.", "was not interested"):
        topic = _topic(clause)
        assert topic.split()[-1] not in ("nobody", "sailing", "refused", "interested"), clause
