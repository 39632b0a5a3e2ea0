"""A stance's topic is a noun phrase: it stops before the clause's verb or an adverb.

Fresh fiction written for this rule (not taken from an eval article).
"""

from __future__ import annotations

from collections import Counter

from summarizer.extractive.topics import topic_of


def test_a_topic_stops_before_the_verb_of_its_clause() -> None:
    for clause, topic in (
        ("the harbour audit showed the pier was rotten", "the harbour audit"),
        ("the ferry operator saw no reason to wait", "the ferry operator"),
        ("the pier trust eventually paid for the repairs", "the pier trust"),
        ("the fishermen back the closure of the pier", "the fishermen"),
    ):
        assert topic_of([clause], Counter()) == topic, clause


def test_a_noun_in_ing_stays_in_the_topic() -> None:
    topic = topic_of(["the maintenance dredging would cost twice the estimate"], Counter())
    assert topic == "the maintenance dredging"


def test_a_preposition_ends_a_topic() -> None:
    assert topic_of(["the closure via Twitter was a mistake"], Counter()) == "the closure"


def test_no_topic_ends_on_a_preposition() -> None:
    # "the painkiller behind" read as a topic: a preposition ends the phrase.
    for clause, topic in (
        ("the ferry tax behind the fall in visitors was lifted", "the ferry tax"),
        ("the levy beneath the toll gates went unpaid", "the levy"),
        ("the trawlers alongside the pier were moved", "the trawlers"),
        ("the report regarding the pier was never published", "the report"),
    ):
        assert topic_of([clause], Counter()) == topic, clause
