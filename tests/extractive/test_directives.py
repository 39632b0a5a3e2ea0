"""A request made of someone is the requester's position.

"The harbour master advised skippers to stay in port" says where the harbour master
stands as plainly as "urged" would: what someone else ought to do. Advising,
encouraging, asking, inviting, instructing, imploring someone *to do* something are
verbs of saying here, and only with that shape: "asked about the fees, she said",
"invited guests", "was asked to resign" request nothing of the subject's own.
Fresh fiction written for this rule.
"""

from __future__ import annotations

import pytest

from summarizer.extractive.engine import all_stances, brief_extractive


def positions(text: str) -> dict[str, str]:
    """Every stance the attribution rules find: actor to position."""
    return {s.actor: s.position for s in all_stances(text)}


@pytest.mark.parametrize(
    ("sentence", "actor", "words"),
    [
        (
            "The harbour master of Lindvik, Maren Holt, advised skippers to stay in port "
            "until the gale passes.",
            "Maren Holt",
            "skippers to stay in port",
        ),
        (
            "Councillor Jonas Eide encouraged the ferry company to restore the night "
            "crossings before the summer.",
            "Jonas Eide",
            "restore the night crossings",
        ),
        (
            "The Lindvik Tenants Union asked the housing board to freeze rents for another year.",
            "Lindvik Tenants Union",
            "freeze rents",
        ),
        (
            "Bishop Agnes Ruud implored both sides not to walk away from the talks.",
            "Agnes Ruud",
            "not to walk away from the talks",
        ),
        (
            "The county's health officer, Petra Sand, instructed schools to close their "
            "kitchens for a week.",
            "Petra Sand",
            "close their kitchens",
        ),
    ],
)
def test_a_request_that_someone_do_something_is_a_position(
    sentence: str, actor: str, words: str
) -> None:
    found = positions(sentence + "\n")
    assert actor in found, found
    assert words in found[actor]


@pytest.mark.parametrize(
    "sentence",
    [
        # A request for a thing, or a verb whose "to" leads to a place or a person.
        "Councillor Jonas Eide asked for a recount of the postal votes.",
        "Maren Holt invited the skippers to the harbour office on Friday.",
        "Petra Sand instructed the inquiry in the county's rules.",
        # The subject is the one asked: a passive says nothing of theirs.
        "Jonas Eide was asked to step down by the party board.",
        # A question put, then the answer elsewhere in the sentence: no request.
        "Asked about the fees, Maren Holt smiled and walked on.",
    ],
)
def test_no_request_without_someone_asked_to_do_something(sentence: str) -> None:
    found = positions(sentence + "\n")
    assert not found, found


def test_the_request_reaches_the_briefing() -> None:
    text = (
        "Lindvik braces for the worst storm in a decade.\n\n"
        "A gale warning is in force for the whole coast of Lindvik until Sunday night, "
        "with gusts of up to 120 kilometres an hour expected on Saturday.\n\n"
        "The harbour master of Lindvik, Maren Holt, advised skippers to stay in port "
        "until the gale passes and to double their mooring lines.\n\n"
        "The ferry to the islands will not run on Saturday, its operator said.\n"
    )
    briefing = brief_extractive(text)
    actors = {s.actor: s.position for s in briefing.stances}
    assert "Maren Holt" in actors, actors
    assert "stay in port" in actors["Maren Holt"]


def test_a_suspected_request_is_not_the_suspects_position() -> None:
    # What a report says someone might have asked is an accusation, not their words.
    for sentence in (
        "The Lindvik Courier reported that Mayor Jonas Eide might have encouraged the "
        "harbour board to sell the customs house to his brother-in-law.",
        "Councillor Petra Sand allegedly asked the auditors to leave the ferry accounts "
        "out of the report.",
    ):
        found = positions(sentence + "\n")
        assert "Jonas Eide" not in found and "Petra Sand" not in found, found
