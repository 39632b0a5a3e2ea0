"""Issue 14: key points that stand alone. Fresh fiction written for these tests."""

from __future__ import annotations

import pytest

from summarizer.extractive import brief_extractive
from summarizer.extractive.standalone import stands_alone

HALLOW = """Hallow Bay Votes to Close Its Pier

Hallow Bay council voted on Thursday to close the town's Victorian pier for at least two \
years after engineers found rot in more than half of its iron supports.

Engineer Tessa Morrow, who led the inspection for the council, said the pier could not \
safely hold a crowd and that repairs would cost about $6 million.

"I have walked that pier every morning for forty years and I never thought I would see \
this day," said Cora Blyth, who runs the kiosk at its entrance.

"It breaks my heart. But nobody wants a child to fall through the boards."

Pier photo: the seaward end of the pier at low tide on Wednesday (Photo: Ian Ross/Bay Herald)

The poll of 600 residents was conducted by telephone between March 3 and March 9 and has \
a margin of error of four percentage points.

Most of those residents said they would pay a small levy to save the pier.

Councillor Amos Reed said the council would apply for a heritage grant next month and \
would publish the engineers' full report on its website.

Reed also said the pier's cafe would move to the promenade until the work is done.

What happens next? The council will choose a contractor in the autumn.
"""


@pytest.fixture(scope="module")
def points() -> list[str]:
    briefing = brief_extractive(HALLOW)
    return [p.text for p in briefing.key_points]


def test_a_quotation_without_its_speaker_is_not_a_key_point(points: list[str]) -> None:
    assert not any(p.startswith('"It breaks my heart') for p in points)
    assert not stands_alone('"It breaks my heart, and I will miss it."', attributed=False)


def test_a_quotation_with_its_speaker_named_may_be_a_key_point() -> None:
    assert stands_alone('"It breaks my heart," said Cora Blyth.', attributed=True)


def test_captions_credits_and_methodology_are_not_key_points(points: list[str]) -> None:
    joined = " ".join(points)
    assert "Photo:" not in joined and "Ian Ross" not in joined
    assert "margin of error" not in joined
    assert not stands_alone(
        "The survey of 1,200 adults was conducted online between May 2 and May 6.",
        attributed=False,
    )
    assert not stands_alone(
        "The results have a margin of error of three percentage points.", attributed=False
    )
    assert not stands_alone(
        "Main image: dockers leave the gates at the end of the shift (Photo: Lee Park).",
        attributed=False,
    )


def test_a_sentence_that_points_back_is_not_a_key_point(points: list[str]) -> None:
    assert not any("those residents" in p for p in points)
    assert not stands_alone("They released him two days later without charge.", attributed=False)


def test_a_question_or_a_glued_sub_head_is_not_a_key_point() -> None:
    assert not stands_alone("What happens next for the families on the estate?", attributed=False)
    assert not stands_alone(
        "Counting the cost The council says the repairs will take two years.", attributed=False
    )
    assert stands_alone("Last year The Times reported the pier was unsafe.", attributed=False)


def test_a_surname_alone_becomes_the_full_name_in_a_key_point() -> None:
    text = (
        "Councillor Amos Reed said the council would apply for a heritage grant to repair "
        "the pier.\n\n"
        "The pier closed to the public on Thursday.\n\n"
        "Reed also said the cafe would move to the promenade while the work was done.\n"
    )
    texts = [p.text for p in brief_extractive(text).key_points]
    assert any(t.startswith("Amos Reed also said the cafe") for t in texts), texts


def test_a_pronoun_speaker_closing_a_quotation_is_named() -> None:
    text = (
        "Harbour master Lena Dahl said the dredging would start in May and last six weeks.\n\n"
        '"The channel has silted up faster than anyone expected this winter," she said.\n'
    )
    texts = [p.text for p in brief_extractive(text).key_points]
    quoted = [t for t in texts if t.startswith('"The channel')]
    assert quoted and quoted[0].endswith("Lena Dahl said."), texts


GARLIC = """Garlic Flu Claim Spreads Online

Eating two cloves of raw garlic a day stops the flu from taking hold in the body.

That message, in a video posted by the wellness blogger Mira Sand, has been shared more \
than two million times since Monday and copied by dozens of other accounts.

Doctors at the Westfold Infirmary said there is no evidence that garlic prevents or cures \
the flu, and that the only proven protection is the seasonal vaccine.

The infirmary said 140 patients had been admitted with flu this month, twice as many as \
last year.
"""


def test_a_claim_the_article_reports_as_false_is_not_stated_as_fact() -> None:
    briefing = brief_extractive(GARLIC)
    claim = "Eating two cloves of raw garlic a day stops the flu"
    assert not briefing.headline.startswith(claim[:30])
    assert not any(p.text.startswith(claim[:30]) for p in briefing.key_points)
    # The correction, the article's finding, is said.
    said = " ".join([briefing.headline, briefing.summary, *(p.text for p in briefing.key_points)])
    assert "no evidence that garlic prevents" in said


def test_a_party_calling_a_figure_wrong_is_a_dispute_not_a_verdict() -> None:
    from summarizer.extractive.refuted import corrects

    assert not corrects("The union said the figure was wrong.", attributed=True)
    assert corrects("The figure was wrong.", attributed=False)
    assert corrects("Scientists said there is no evidence the drug works.", attributed=True)
    assert not corrects("The minister falsely claimed the drug works.", attributed=False)


def test_such_as_gives_an_example_and_points_back_at_nothing() -> None:
    # "such as" and "such that" introduce an example or a result, not a referent.
    assert stands_alone(
        "Ferry operators such as Brightwater Lines will pay the new harbour fee from May.",
        attributed=False,
    )
    assert stands_alone(
        "The reservoir fell so low, such that the old village church reappeared in August.",
        attributed=False,
    )
    assert not stands_alone("The council rejected such a levy in 2019.", attributed=False)


def test_a_pronoun_whose_referent_is_in_its_own_sentence_stands_alone() -> None:
    # "those" and "these" after a clause boundary refer to the clause before them.
    assert stands_alone(
        "Nine of the cottages on Mill Lane were flooded, and four of those were empty.",
        attributed=False,
    )
    assert stands_alone(
        "The mill faces fines of $2 million on each count; the regulator may ask for these "
        "to be added together.",
        attributed=False,
    )
    # "those who ..." says who they are.
    assert stands_alone(
        "Residents of the valley, especially those who live near the river, were told to leave.",
        attributed=False,
    )
    # With nothing before them in the sentence they point at the sentence before.
    assert not stands_alone("Four of those were empty when the water came.", attributed=False)
    assert not stands_alone("Most of those residents said they would stay.", attributed=False)


def test_an_it_that_announces_a_report_stands_alone() -> None:
    # "It was reported (that) ..." has no referent: the clause after it is the claim.
    assert stands_alone(
        "It was later reported the blaze began in a laundry van, not in the hotel kitchen.",
        attributed=False,
    )
    assert stands_alone(
        "It is now known the mayor met the contractor twice before the vote.", attributed=False
    )
    assert not stands_alone("It is a fully working clock made of blown glass.", attributed=False)
    assert not stands_alone("It was sold to a collector in 2010.", attributed=False)


def test_this_year_is_a_time_not_a_pointer() -> None:
    assert stands_alone(
        "This year, the orchard produced 40 tonnes of apples, up from 12 tonnes last year.",
        attributed=False,
    )
    assert not stands_alone("This was the largest harvest since 1990.", attributed=False)
    assert not stands_alone("This decision angered the growers.", attributed=False)


def test_its_or_their_opening_a_sentence_leans_on_the_one_before() -> None:
    assert not stands_alone(
        "Its engine, a small diesel, is older than the hull, and it fails every winter.",
        attributed=False,
    )
    assert not stands_alone("Their boats were sold at auction in June.", attributed=False)
    # "Its chief executive, Name, said ...": the name replaces the role in the point.
    assert stands_alone(
        "Its chief executive, Mara Quist, said the yard would hire 40 welders.", attributed=True
    )


def test_a_connective_does_not_hide_a_leaning_pronoun() -> None:
    # "Instead, they ..." becomes "They ..." in the point: it leans on the sentence before.
    text = (
        "Harbour Board Sells Its Tugs\n\n"
        "The Kelmouth harbour board voted on Tuesday to sell its three tugboats to a "
        "private towing firm for $4.5 million.\n\n"
        "Board chair Ilse Marren said the sale would pay for dredging the eastern channel "
        "before the grain season.\n\n"
        "Instead, they will rent tugs by the hour from the towing firm, which is based in "
        "the next port along the coast.\n\n"
        "Pilot Evan Roche said the crews of the tugs had not been told about the vote "
        "before it was held.\n"
    )
    points = [p.text for p in brief_extractive(text).key_points]
    assert not any(p.startswith("They ") for p in points), points


def test_do_so_and_aforementioned_point_back() -> None:
    assert not stands_alone(
        "If the trustees could not do so, the bank would sell the farm at auction.",
        attributed=False,
    )
    assert not stands_alone(
        "The second was a bridge that replaced the aforementioned ferry in 1962.",
        attributed=False,
    )
    assert stands_alone(
        "The trustees said the bank would sell the farm at auction in March.", attributed=False
    )


def test_a_pronoun_subject_after_an_opening_phrase_leans_on_the_sentence_before() -> None:
    assert not stands_alone(
        "After a week in a Lisbon clinic, she returned to the club in the middle of May.",
        attributed=False,
    )
    assert not stands_alone(
        "When the vote was called, they walked out of the chamber.", attributed=False
    )
    assert stands_alone(
        "After a week in a Lisbon clinic, the goalkeeper returned to the club in May.",
        attributed=False,
    )


def test_a_sentence_inside_someones_quotation_is_not_a_point_or_summary() -> None:
    text = (
        "The Eastvale Rowing Club won the regional cup on Saturday for the first time in "
        "forty years, beating the Marlow club by two lengths.\n\n"
        # A quotation of many sentences is read sentence by sentence.
        'Club captain Ada Holm said: "We trained on the river every morning all winter. '
        "We lost two boats to the ice in January and borrowed one from the Lowmoor club. "
        "Our coach drove the juniors to every regatta in his own van. We were behind at "
        "the halfway mark and nobody in the boat thought we could catch them. "
        "The whole town deserves this cup more than any of us. My heart is full for the "
        "juniors who cheered us on from the bridge. We will row the cup down the river on "
        'Sunday so everyone can see it."\n\n'
        "The final was rowed in strong winds, and two boats were disqualified.\n"
    )
    briefing = brief_extractive(text)
    said = [briefing.summary, *(k.text for k in briefing.key_points)]
    for bare in ("The whole town deserves", "My heart is full"):
        assert not any(s.startswith(bare) or f". {bare}" in s for s in said), said


@pytest.mark.parametrize(
    ("sentence", "alone"),
    [
        # Fresh fiction. The quotation is the first clause of what was said.
        ('"Whenever the council promises to listen," wrote campaigner Ada Lund.', False),
        ('"If the ferry ever stops running," said the harbour master, Piet Vos.', False),
        # Whole quotations: a main clause after the subordinate one, or none at all.
        ('"If the ferry stops, the island dies," said the harbour master, Piet Vos.', True),
        ('"When we asked for help," said Ada Lund, "nobody came."', True),
        ('"We will keep the ferry running," said the harbour master, Piet Vos.', True),
    ],
)
def test_a_quotation_that_is_only_an_opening_clause_is_not_a_key_point(
    sentence: str, alone: bool
) -> None:
    assert stands_alone(sentence, attributed=True) is alone
