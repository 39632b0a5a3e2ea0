"""The length-aware key-point score: more of the gold raises it, more words lower it."""

from __future__ import annotations

import pytest

from summarizer.evals.cases import load_case
from summarizer.evals.lengthscore import (
    BRIEFING_POINTS,
    ROSE_UNITS,
    briefing_length_aware_score,
    briefing_text,
    content_recall,
    length_aware_keypoint_score,
    length_aware_score,
    length_penalty,
    token_length,
)
from summarizer.models import Briefing
from support import REPO

UNITS = [
    "The council approved the harbour budget.",
    "The budget is $4 million.",
    "The vote was seven to two.",
    "The mayor opposed the budget.",
]
ONE_UNIT = "The council approved the harbour budget."
TWO_UNITS = "The council approved the $4 million harbour budget."
ALL_UNITS = (
    "The council approved the $4 million harbour budget by a vote of seven to two; "
    "the mayor opposed it."
)
FILLER = (
    "Rain fell across the region on Tuesday while commuters waited for delayed trains "
    "and shops along the seafront opened late because of the weather. "
)
CASE = REPO / "evals" / "cases" / "dock-strike-crowd"


def test_padding_the_same_content_with_irrelevant_words_lowers_the_score() -> None:
    plain = length_aware_score(UNITS, ALL_UNITS)
    padded = length_aware_score(UNITS, ALL_UNITS + " " + FILLER)
    more_padded = length_aware_score(UNITS, ALL_UNITS + " " + FILLER * 3)
    assert content_recall(UNITS, ALL_UNITS + " " + FILLER) == content_recall(UNITS, ALL_UNITS)
    assert plain > padded > more_padded > 0


def test_covering_more_gold_units_raises_the_score() -> None:
    scores = [length_aware_score(UNITS, text) for text in (ONE_UNIT, TWO_UNITS, ALL_UNITS)]
    assert 0 < scores[0] < scores[1] < scores[2] <= 1
    assert length_aware_score(UNITS, FILLER) == 0.0


def test_a_summary_within_the_reference_length_is_not_penalised() -> None:
    assert length_penalty(30, 40) == 1.0
    assert length_penalty(40, 40) == 1.0
    assert length_penalty(80, 40) == pytest.approx(0.6065, abs=1e-4)  # exp(-1/2), RoSE's alpha
    assert length_penalty(80, 40, alpha=4) > length_penalty(80, 40)
    with pytest.raises(ValueError, match="positive"):
        length_penalty(10, 0)


def test_the_reference_length_defaults_to_the_calibrations_share_of_the_gold() -> None:
    reference = ROSE_UNITS.reference_ratio * token_length(" ".join(UNITS))
    text = ALL_UNITS + " " + FILLER
    assert length_aware_score(UNITS, text) == length_aware_score(
        UNITS, text, reference_length=reference
    )
    # A longer reference (a briefing's) forgives more length.
    assert length_aware_score(UNITS, text, calibration=BRIEFING_POINTS) > length_aware_score(
        UNITS, text
    )


def test_content_recall_counts_each_units_words() -> None:
    assert content_recall(UNITS, ALL_UNITS) == 1.0
    assert content_recall(UNITS, "") == 0.0
    assert content_recall([], "anything") == 0.0
    assert content_recall(["Council approves harbour budget"], ONE_UNIT) == 1.0
    assert 0 < content_recall(UNITS, ONE_UNIT) < content_recall(UNITS, TWO_UNITS) < 1


def test_a_briefing_is_scored_against_its_gold_briefings_length() -> None:
    if not CASE.is_dir():
        pytest.skip(f"eval case {CASE.name} not present")
    case = load_case(CASE)
    assert case.answer is not None
    answer = Briefing.model_validate(case.answer)
    gold_points = [p.text for p in case.gold.key_points]
    score = briefing_length_aware_score(case.gold, answer)
    # The hand-written answer is no longer than the gold briefing: no penalty.
    assert score == pytest.approx(
        content_recall(gold_points, briefing_text(answer)) ** BRIEFING_POINTS.recall_power
    )
    assert 0.5 < score <= 1
    # The same briefing with every key point said twice says nothing new and scores less.
    doubled = answer.model_copy(update={"key_points": answer.key_points * 2})
    assert briefing_length_aware_score(case.gold, doubled) < score
    assert length_aware_keypoint_score(gold_points, briefing_text(doubled)) < (
        length_aware_keypoint_score(gold_points, briefing_text(answer))
    )


def test_briefing_text_joins_headline_summary_and_key_points() -> None:
    if not CASE.is_dir():
        pytest.skip(f"eval case {CASE.name} not present")
    gold = load_case(CASE).gold
    text = briefing_text(gold)
    assert text.startswith(gold.headline)
    assert all(point.text in text for point in gold.key_points)
