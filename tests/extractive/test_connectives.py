"""A connective that ties a sentence to the one before it is read past.

"Rather, they drift along the coast." leans on a sentence the reader of one
key point has not read: with the connective read past, "they" opens it, and it
is no key point. "Therefore, the council must vote again." reads the same
without its connective. Fresh fiction written for this rule.
"""

from __future__ import annotations

from summarizer.extractive.keytext import strip_marker
from summarizer.extractive.standalone import stands_alone


def test_a_pronoun_after_a_connective_does_not_stand_alone() -> None:
    for text in (
        "Rather, they drift along the coast until the spring storms break them up.",
        "Therefore, it will have to be rebuilt before the ferry season begins.",
        "Consequently, they closed the pier to boats for the rest of the winter.",
    ):
        assert not stands_alone(strip_marker(text), attributed=False), text


def test_a_connective_with_a_comma_is_dropped_from_the_point() -> None:
    assert strip_marker("Therefore, the council must vote on the pier again.") == (
        "The council must vote on the pier again."
    )
    assert strip_marker("Indeed, the harbour lost two trawlers in the storm.") == (
        "The harbour lost two trawlers in the storm."
    )
    # Without a comma the word may belong to the clause: "Rather than wait, ...".
    kept = "Rather than wait for the survey, the council closed the pier."
    assert strip_marker(kept) == kept


def test_however_without_a_comma_is_not_a_connective() -> None:
    # "However it is dressed up" means "in whatever way": dropping "However" turns it
    # into its opposite.
    kept = "However it is dressed up, the closure of the pier is a cut to the ferry service."
    assert strip_marker(kept) == kept
    assert strip_marker("However, the pier will stay open until May.") == (
        "The pier will stay open until May."
    )
