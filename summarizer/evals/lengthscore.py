"""A length-aware key-point score: how much of the gold a text says, discounted for length.

A longer summary can say more by saying everything; human judges of RoSE (Liu et
al., 2023, "Revisiting the Gold Standard") therefore also report a *normalised*
ACU score, the share of gold units found times a length penalty,

    nACU = ACU * exp(min(0, (1 - |s| / |r|) / alpha)),

where ``|s|`` is the summary's length, ``|r|`` the reference summary's and
``alpha`` the penalty's strength: no penalty up to the reference's length, then
an exponential fall. The ratios ``human_normalized_acu / human_acu`` in the RoSE
dev file fit this form with ``alpha = 2`` and lengths in word-and-punctuation
tokens (each document's implied ``|r|`` agrees to about 2% across its systems;
the paper's own text was not at hand, so alpha is read off the data).

The score here is that formula applied to the matcher's estimate of ACU:

    score = content_recall ** recall_power * exp(min(0, (1 - |s| / R) / alpha))

- ``content_recall``: the share of the gold units' stemmed content words the
  text contains (a word in three units counts three times).
- ``recall_power``: the lexical recall overstates coverage (a unit whose words
  are half there is usually not said); raising it to ``recall_power`` puts it
  on the human ACU scale (mean log ACU = mean log recall, fitted).
- ``R``: the reference length. RoSE files carry no reference summary, so it is
  ``reference_ratio`` times the gold units' length in tokens (units written
  from a reference restate its words, so they are longer than it).

``recall_power`` and ``reference_ratio`` were fitted on the documents at even
index (0-based) of ``rose-acu-dev.jsonl`` only, by measurement rather than by
searching for the best tau (``summarizer.evals.rose.fit_length_calibration``):
1.52 and 0.671, shipped rounded as 1.5 and 0.67; ``alpha`` is RoSE's. Against
``human_normalized_acu`` the score reaches a summary-level Kendall tau of 0.447
on the even documents, 0.420 on the odd ones (held out) and 0.434 on all 50
(ROUGE-1 F1: 0.346, the plain matcher's recall: 0.313); system level, 0.818 on
all 50. ``summarizer eval keypoints FILE --documents odd`` reproduces the
held-out figure.

Briefings are scored with the same ``alpha`` and ``recall_power`` but another
reference: a briefing's headline and summary restate its key points, so a gold
briefing (headline + summary + key points) is 1.6 times as long as its key
points alone (median over the eval cases' gold, 1.59). A briefing as long as
its gold briefing is therefore not penalised; one twice as long loses 40%.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.evals.gold import GoldBriefing
from summarizer.evals.text import content_words
from summarizer.models import Briefing

# RoSE's penalty strength, as the dev file's normalised scores reproduce it.
ROSE_ALPHA = 2.0
# Lexical recall to the human ACU scale (fitted on the even RoSE documents: 1.52).
RECALL_POWER = 1.5

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class LengthCalibration:
    """How recall and length combine into the score.

    Attributes:
        reference_ratio: Reference length per token of gold text, used when no
            reference length is given.
        recall_power: Exponent putting the lexical recall on the human scale.
        alpha: Strength of the length penalty (larger is gentler).
    """

    reference_ratio: float
    recall_power: float = RECALL_POWER
    alpha: float = ROSE_ALPHA


# Gold as RoSE atomic content units (fitted on the even dev documents: 0.671).
ROSE_UNITS = LengthCalibration(reference_ratio=0.67)
# Gold as a briefing's key points; the text scored is headline + summary + key points.
BRIEFING_POINTS = LengthCalibration(reference_ratio=1.6)


def token_length(text: str) -> int:
    """Length of ``text`` in word and punctuation tokens, the unit of the penalty."""
    return len(_TOKEN.findall(text))


def content_recall(units: Sequence[str], text: str) -> float:
    """Share of the units' stemmed content words that ``text`` contains, from 0 to 1.

    Each unit's words count, so a word three units share weighs three times and
    a long unit more than a short one; 0 when the units have no content words.
    """
    words = [w for unit in units for w in content_words(unit)]
    if not words:
        return 0.0
    have = set(content_words(text))
    return sum(1 for w in words if w in have) / len(words)


def length_penalty(length: int, reference_length: float, alpha: float = ROSE_ALPHA) -> float:
    """RoSE's length penalty: 1 up to the reference length, then an exponential fall.

    Args:
        length: The text's length in tokens.
        reference_length: The length a summary may have without penalty.
        alpha: Strength of the penalty (larger is gentler).

    Raises:
        ValueError: ``reference_length`` or ``alpha`` is not positive.
    """
    if reference_length <= 0 or alpha <= 0:
        raise ValueError("the reference length and alpha must be positive")
    return math.exp(min(0.0, (1 - length / reference_length) / alpha))


def length_aware_score(
    units: Sequence[str],
    text: str,
    *,
    calibration: LengthCalibration = ROSE_UNITS,
    reference_length: float | None = None,
) -> float:
    """How much of the gold ``text`` says, calibrated for its length, from 0 to 1.

    Args:
        units: The gold statements (RoSE units, or a briefing's key points).
        text: The text scored.
        calibration: Recall power, penalty strength and reference ratio.
        reference_length: The length in tokens that costs nothing; by default
            ``calibration.reference_ratio`` times the gold's length.
    """
    recall = content_recall(units, text)
    if recall == 0:
        return 0.0
    if reference_length is None:
        reference_length = calibration.reference_ratio * token_length(" ".join(units))
    penalty = length_penalty(token_length(text), reference_length, calibration.alpha)
    return float(recall**calibration.recall_power * penalty)


def length_aware_keypoint_score(
    gold_points: Sequence[str], predicted_text: str, *, reference_length: float | None = None
) -> float:
    """The length-aware score of a briefing's text against gold key points.

    Args:
        gold_points: The gold key points' texts.
        predicted_text: The briefing's headline, summary and key points, joined
            (``briefing_text``).
        reference_length: The length in tokens that costs nothing; by default
            1.6 times the gold points' length, a gold briefing's usual length.
    """
    return length_aware_score(
        gold_points,
        predicted_text,
        calibration=BRIEFING_POINTS,
        reference_length=reference_length,
    )


def briefing_text(briefing: Briefing | GoldBriefing) -> str:
    """A briefing's headline, summary and key points as one text."""
    parts = [briefing.headline, briefing.summary or ""]
    parts += [point.text for point in briefing.key_points]
    return "\n".join(part for part in parts if part)


def text_length_aware_score(gold: GoldBriefing, text: str) -> float:
    """The length-aware key-point score of any ``text``, its reference the gold briefing's length.

    What ``briefing_length_aware_score`` gives a briefing, for a text that is not
    one (the lead-k baseline: the article's opening words).
    """
    return length_aware_keypoint_score(
        [point.text for point in gold.key_points],
        text,
        reference_length=token_length(briefing_text(gold)),
    )


def briefing_length_aware_score(gold: GoldBriefing, out: Briefing) -> float:
    """The length-aware key-point score of ``out``, its reference the gold briefing's length."""
    return text_length_aware_score(gold, briefing_text(out))


def word_count(text: str) -> int:
    """Words in ``text``, split on whitespace (the unit of compression and lead-k)."""
    return len(text.split())


def lead(article: str, words: int) -> str:
    """The article's first ``words`` words: its leading sentences, cut to that length.

    The lead-k baseline: a news story puts its news first, so a briefing should
    beat simply reading the opening for as many words as the briefing has. The
    article is the clean text an engine briefs, its title line included.
    """
    return " ".join(article.split()[: max(0, words)])


def lead_k_score(gold: GoldBriefing, article: str, words: int) -> float:
    """The length-aware key-point score of the article's first ``words`` words."""
    return text_length_aware_score(gold, lead(article, words))
