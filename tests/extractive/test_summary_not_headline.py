"""The summary never tells again the sentence the headline was made from.

When the lead is too long for a headline, the headline comes from another
sentence of the opening; that sentence is then told, and the summary must say
something else. Fresh fiction written for this rule.
"""

from __future__ import annotations

from summarizer.extractive import brief_extractive

ARTICLE = """Fire Closes Harlow Ferry Terminal

At about 9:40 local time on Sunday morning a fire was reported in the ticket hall of \
the ferry terminal at Harlow harbour near the old lifeboat station. The fire closed the \
Harlow ferry terminal for the whole day and stranded about 400 passengers.

Firefighters from three stations fought the flames for four hours. The harbour master \
said the terminal would reopen on Tuesday if engineers find the roof safe.

A spokeswoman for the ferry operator said passengers would get a full refund. Police \
said they were questioning a cleaner who had been working in the hall.

The terminal was built in 1968 and was last renovated in 2004.
"""


def test_the_summary_does_not_repeat_a_headline_taken_from_the_second_sentence() -> None:
    briefing = brief_extractive(ARTICLE)
    assert briefing.headline.startswith("The fire closed the Harlow ferry terminal")
    assert briefing.summary
    assert "stranded about 400 passengers" not in briefing.summary


def test_a_named_speakers_also_statement_is_summarised_without_also() -> None:
    from summarizer.extractive.headline import Candidate, make_summary

    # Fresh fiction. "also" leans on a sentence the summary may not give; with the
    # speaker named, the claim stands without it. A pronoun subject still does not.
    named = Candidate(3, "Mayor Ada Lund also agreed to keep the night ferry running until May.")
    assert (
        make_summary([named], 40)
        == "Mayor Ada Lund agreed to keep the night ferry running until May."
    )
    pronoun = Candidate(4, "She also agreed to keep the night ferry running until May.")
    assert make_summary([pronoun], 40) == ""


def test_the_summary_does_not_repeat_a_key_point_that_differs_only_by_also() -> None:
    from summarizer.extractive.headline import Candidate, make_summary

    # Fresh fiction: the key point kept "also"; the summary drops it, and would
    # otherwise tell the point again word for word.
    point = "Mayor Ada Lund also agreed to keep the night ferry running until May."
    told = Candidate(3, point, point=point)
    assert make_summary([told], 40) == ""


def test_a_summary_with_no_whole_brief_sentence_is_cut_not_the_headline_again() -> None:
    # Fresh fiction: a short story whose other sentences are all too long to put in
    # brief; the summary says something the headline does not, cut where a phrase ends.
    text = (
        "The harbour master of Kelby has closed the old pier to all boats.\n\n"
        "Harbour master Ola Brun says the timber piles under the northern end of the pier "
        "have rotted through after forty winters of storms and salt water and cannot be "
        "repaired in time for the summer season.\n\n"
        "Fishermen who have moored at the pier for generations say they were given no "
        "warning and will now have to sail an extra two hours to the nearest harbour with "
        "a crane.\n"
    )
    briefing = brief_extractive(text)
    assert briefing.summary != briefing.headline
    assert len(briefing.summary.split()) <= 18
