"""The length and precision metrics: each moves the way it should, and can fail.

Compression, words per key point, false disputes, stances for actors the article
does not name, the length-aware key-point score per case, and the lead-k baseline.
"""

from __future__ import annotations

import pytest

from summarizer.evals.gold import GoldBriefing
from summarizer.evals.lengthscore import (
    briefing_length_aware_score,
    briefing_text,
    lead,
    lead_k_score,
    text_length_aware_score,
    word_count,
)
from summarizer.evals.metrics import METRICS, actor_named, score_case
from summarizer.models import Briefing, DisputedFigure, KeyPoint, Stance

ARTICLE = """Harbour council approves $4 million dredging plan

The Harbour council approved a $4 million plan to dredge the old port on Tuesday, by a vote \
of seven to two. Mayor Ines Alvarez said the plan would bring back the cargo ships that left \
a decade ago.

The dockers' union welcomed the vote. Its secretary, Wei Li, said 300 jobs could return.

Councillor Tomas Brandt voted against. He said the real cost would be closer to $9 million \
and that the council had announced the figure without a survey.

The work starts in May and should take two years, officials said. Residents near the quay \
asked for limits on night work."""

GOLD = GoldBriefing.model_validate(
    {
        "headline": "Harbour council approves a $4 million dredging plan, 7-2",
        "summary": "The council approved dredging the old port; a councillor says it costs more.",
        "key_points": [
            {"text": "The council approved a $4 million plan to dredge the port, seven to two."},
            {"text": "Councillor Tomas Brandt says the real cost is closer to $9 million."},
            {"text": "The dockers' union says 300 jobs could return.", "importance": "supporting"},
        ],
        "stances": [
            {"actor": "Ines Alvarez", "topic": "dredging", "position": "Supports the plan."},
            {"actor": "Tomas Brandt", "topic": "dredging", "position": "Opposes the plan."},
        ],
        "disputed_figures": [
            {
                "figure": "$4 million",
                "value": 4_000_000,
                "unit": "USD",
                "measure": "cost of the dredging plan",
                "claimed_by": "Harbour council",
                "disputed_by": ["Tomas Brandt"],
            }
        ],
    }
)

QUOTE = "The Harbour council approved a $4 million plan to dredge the old port on Tuesday"
FILLER = (
    " Rain fell across the region on Tuesday while commuters waited for delayed trains and"
    " shops along the seafront opened late because of the weather."
)


def briefing(
    *,
    summary_extra: str = "",
    point_extra: str = "",
    figures: list[DisputedFigure] | None = None,
    actors: tuple[str, ...] = ("Ines Alvarez", "Tomas Brandt"),
) -> Briefing:
    return Briefing(
        headline="Harbour council approves $4 million dredging plan",
        summary="The council approved dredging the old port by seven votes to two." + summary_extra,
        key_points=[KeyPoint(text=k.text + point_extra, evidence=[QUOTE]) for k in GOLD.key_points],
        stances=[
            Stance(actor=a, topic="dredging", position="Has a view on the plan.", evidence=[QUOTE])
            for a in actors
        ],
        disputed_figures=figures or [],
    )


def figure(text: str, value: float) -> DisputedFigure:
    return DisputedFigure(
        figure=text,
        value=value,
        unit="USD",
        measure="cost of the dredging plan",
        claimed_by="Harbour council",
        disputed_by=["Tomas Brandt"],
        evidence=[QUOTE],
    )


def metrics(out: Briefing) -> dict[str, float | None]:
    return score_case(GOLD, out, ARTICLE).metrics


def test_every_new_metric_is_reported_with_a_direction() -> None:
    for name, direction in (
        ("compression", "lower"),
        ("mean_keypoint_words", "lower"),
        ("false_disputes", "lower"),
        ("unnamed_stance_actors", "lower"),
        ("length_aware_keypoint_score", "higher"),
    ):
        assert METRICS[name] == direction


def test_compression_is_briefing_words_over_article_words() -> None:
    out = briefing()
    expected = word_count(briefing_text(out)) / len(ARTICLE.split())
    assert metrics(out)["compression"] == pytest.approx(expected)


def test_a_padded_briefing_compresses_less_and_scores_lower() -> None:
    plain, padded = metrics(briefing()), metrics(briefing(summary_extra=FILLER * 3))
    assert padded["compression"] is not None and plain["compression"] is not None
    assert padded["compression"] > plain["compression"]
    assert padded["length_aware_keypoint_score"] is not None
    assert plain["length_aware_keypoint_score"] is not None
    assert padded["length_aware_keypoint_score"] < plain["length_aware_keypoint_score"]
    # The same content: the recall-only metric cannot tell them apart.
    assert padded["keypoint_recall"] == plain["keypoint_recall"]


def test_padded_key_points_raise_the_mean_key_point_words() -> None:
    plain, padded = metrics(briefing()), metrics(briefing(point_extra=FILLER))
    assert plain["mean_keypoint_words"] == pytest.approx(
        sum(word_count(k.text) for k in GOLD.key_points) / 3
    )
    assert padded["mean_keypoint_words"] == pytest.approx(
        plain["mean_keypoint_words"] + word_count(FILLER)  # type: ignore[operator]
    )


def test_the_per_case_length_aware_score_is_the_briefing_score() -> None:
    out = briefing()
    assert metrics(out)["length_aware_keypoint_score"] == briefing_length_aware_score(GOLD, out)


def test_a_predicted_dispute_absent_from_gold_is_a_false_dispute() -> None:
    matched = briefing(figures=[figure("$4 million", 4_000_000)])
    assert metrics(matched)["false_disputes"] == 0
    invented = briefing(figures=[figure("$4 million", 4_000_000), figure("$9 million", 9e6)])
    score = score_case(GOLD, invented, ARTICLE)
    assert score.metrics["false_disputes"] == 1
    assert score.false_disputes == ["$9 million"]
    assert metrics(briefing())["false_disputes"] == 0  # none predicted, none false


def test_a_stance_for_an_actor_the_article_does_not_name_counts() -> None:
    score = score_case(GOLD, briefing(actors=("Ines Alvarez", "Joe Bloggs")), ARTICLE)
    assert score.metrics["unnamed_stance_actors"] == 1
    assert score.unnamed_actors == ["Joe Bloggs"]
    assert metrics(briefing())["unnamed_stance_actors"] == 0


@pytest.mark.parametrize(
    ("actor", "named"),
    [
        ("Ines Alvarez", True),  # the whole name
        ("INES ALVAREZ", True),  # any case
        ("Mayor Alvarez", True),  # the surname
        ("Maria Alvarez", True),  # the surname, whatever the given name
        ("Wei Li", True),
        ("Dr Li", True),  # a short surname still names
        ("Tomás Brändt", True),  # accents folded
        ("dockers' union", True),
        ("The dockers’ union", True),  # curly apostrophe
        ("Residents near the quay", True),  # a long token ("residents")
        ("Joe Bloggs", False),
        ("Ann", False),  # not inside "announced"
        ("Ines Moreau", False),  # a short given name alone does not name
        ("Ministry of Defence", False),
    ],
)
def test_who_the_article_names(actor: str, named: bool) -> None:
    assert actor_named(actor, ARTICLE) is named


def test_lead_is_the_articles_first_words() -> None:
    assert lead(ARTICLE, 5) == "Harbour council approves $4 million"
    assert lead(ARTICLE, 0) == ""
    assert word_count(lead(ARTICLE, 10_000)) == word_count(ARTICLE)


def test_lead_k_takes_as_many_words_as_the_briefing() -> None:
    out = briefing(summary_extra=FILLER)
    score = score_case(GOLD, out, ARTICLE)
    words = word_count(briefing_text(out))
    assert score.briefing_words == words
    assert score.lead_k_score == lead_k_score(GOLD, ARTICLE, words)
    assert score.lead_k_score == text_length_aware_score(GOLD, lead(ARTICLE, words))
    # A briefing that says the gold in few words beats reading the opening for as long.
    concise = score_case(GOLD, briefing(), ARTICLE)
    engine = concise.metrics["length_aware_keypoint_score"]
    assert engine is not None and concise.lead_k_score is not None
    assert engine > concise.lead_k_score


def test_no_briefing_leaves_the_new_metrics_undefined() -> None:
    score = score_case(GOLD, None, ARTICLE)
    for name in ("compression", "mean_keypoint_words", "length_aware_keypoint_score"):
        assert score.metrics[name] is None
    assert score.lead_k_score is None
