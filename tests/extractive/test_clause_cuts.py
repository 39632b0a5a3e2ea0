"""A headline or a point never ends inside a clause before its verb.

"The auditor said that the planned rail tunnel." and "Two weeks before the town
votes on the pier." are not sentences: the first cut off the reported clause's
verb, the second kept only the opening clause and lost the main one. Fresh
fiction written for these rules (none is taken from an eval article).
"""

from __future__ import annotations

from summarizer.extractive.compress import shorten, truncated
from summarizer.extractive.headline import make_headline


def test_a_reported_clause_keeps_its_verb() -> None:
    lead = (
        "Harlow's harbour inspector said on Monday that the planned pier extension "
        "under the old lifeboat station would cost far more than the council has told "
        "residents, reopening a dispute over the town's largest building project just "
        "weeks before the first contracts are due to be signed."
    )
    headline = make_headline(lead)
    assert not headline.rstrip(".…").endswith("pier extension")
    assert "would cost" in headline or headline.endswith("…")


def test_a_determiner_makes_a_participle_an_adjective() -> None:
    # "the proposed extension": no verb for the clause that "that" opens.
    short = shorten(
        "The harbour inspector found that the proposed extension of the pier into the "
        "bay beside the lifeboat station was unsafe in any storm stronger than a gale "
        "and would have to be redesigned.",
        12,
        weak_cuts=True,
    )
    assert not short.fits or "unsafe" in short.text


def test_an_opening_clause_is_not_a_headline_on_its_own() -> None:
    for lead in (
        "Two weeks before Harlow votes on whether to put public money into a new pier "
        "for its fishing fleet, the two campaigns cannot agree on how much it would "
        "cost, who would pay for the upkeep or how many boats would use it.",
        "Hours after the storm reached the coast of the county on Sunday night, the "
        "harbour master closed the pier to boats and ordered every trawler to stay in "
        "the inner basin.",
    ):
        headline = make_headline(lead)
        assert "," in headline or headline.endswith("…"), headline


def test_a_headline_cut_at_its_limit_ends_on_a_whole_phrase() -> None:
    # No clause to drop fits: the lead is cut at 20 words, never on "the…" or "of…".
    lead = (
        "Harlow's harbour board ruled the county's practice of charging trawlers but not "
        "yachts for mooring in the basin of the old port unconstitutional under its charter."
    )
    headline = make_headline(lead)
    assert headline.endswith("…")
    last = headline.rstrip("…").split()[-1].lower()
    assert last not in {"the", "of", "for", "a", "that", "was", "to", "be"}, headline


def test_an_as_well_as_phrase_in_the_subject_is_not_cut_off_from_its_verb() -> None:
    sentence = (
        "Amongst the complaints of waste and favours reported by harbour users, recently "
        "Councillor Rita Osei, the chair of the finance committee, as well as the retired "
        "harbour master Piet Vos were accused of hiding the accounts from the auditors."
    )
    short = shorten(sentence, 30, weak_cuts=True)
    assert not short.fits or "accused" in short.text, short.text
    # After the verb, "as well as" adds to what was said and may go.
    after = (
        "Councillor Rita Osei was accused on Tuesday of hiding the harbour accounts from "
        "the county's auditors for three years, as well as the retired harbour master "
        "Piet Vos and two clerks."
    )
    assert shorten(after, 20).text.endswith("for three years.")


def test_a_cut_at_the_limit_ends_where_a_phrase_ends_not_inside_one() -> None:
    # Fresh fiction. Cut at 20 words, each sentence would end on a word that leads into
    # the next ("without…") or inside a name ("Nordlys…"); it ends instead before the
    # phrase that was cut off, where what is kept reads whole.
    cases = {
        "On appeal, the regional court in Halden sentenced the ferry captain Ola Brenn to "
        "four years in prison without the chance of early release for steering his boat "
        "into the pier.": "in prison…",
        "The singer and television presenter Mona Vik, aged 41, has died at her home in "
        "Bergen, her record label Nordlys Music announced on its website yesterday.": (
            "in Bergen…"
        ),
        "The mayor of Lindvik agreed to the request of the county's harbour master Ada "
        "Lund to close the old stone bridge to heavy lorries for the summer.": "Ada Lund…",
        # "to" after a verb and "than" after "more" belong to the words before them.
        "Next month the town council of Lindvik will send every household in the district "
        "a proposal which aims to lower the fees.": "a proposal…",
        "The harbour board of Lindvik held its first meeting since the vote in a year in "
        "which more than half of the members were new.": "in a year…",
    }
    for sentence, ending in cases.items():
        cut = truncated(sentence, 20, whole_phrase=True)
        assert cut.endswith(ending), cut
        assert len(cut.split()) <= 20
