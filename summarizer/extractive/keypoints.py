"""Key points, headline and summary: the most informative sentences, verbatim.

A sentence scores for its position (the lead carries a news story), its
centrality (how many of the article's recurring words it uses), its numbers and
its named actors; it loses for leaning on context it does not carry (opening
with "He" or "But") or for being a bare quotation. Near-duplicates of a sentence
already chosen are skipped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.disputes import content_words
from summarizer.extractive.figures import Figure
from summarizer.extractive.prose import clean_prose
from summarizer.extractive.sentences import Sentence, word_count
from summarizer.models import KeyPoint

MAX_KEY_POINTS = 8
_MIN_WORDS = 6
_LEAD_WORDS = 12
_MAX_WORDS = 90
_DUPLICATE = 0.5
_LEANING = frozenset("he she it they this that these those but and also so then".split())
_INNER_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“]?[A-Z]")
_PRONOUN_START = re.compile(r"(?:He|She) (?=\w)")


@dataclass(frozen=True)
class Scored:
    """A candidate sentence with its score and content words."""

    sentence: Sentence
    score: float
    words: frozenset[str]


def word_frequencies(sentences: Iterable[Sentence]) -> Counter[str]:
    """How many sentences use each content word."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(content_words(sentence.text))
    return counts


def score_sentences(
    sentences: list[Sentence],
    frequencies: Counter[str],
    figures: dict[int, list[Figure]],
    attributions: dict[int, Attribution],
) -> list[Scored]:
    """Score every sentence that could stand as a key point."""
    candidates = [s for s in sentences if s.is_sentence and _MIN_WORDS <= word_count(s.text)]
    candidates = [s for s in candidates if word_count(s.text) <= _MAX_WORDS]
    raw: list[tuple[Sentence, float, frozenset[str]]] = []
    for sentence in candidates:
        words = frozenset(content_words(sentence.text))
        shared = sum(math.log(frequencies[w]) for w in words if frequencies[w] > 1)
        raw.append((sentence, shared / math.sqrt(len(words) + 1), words))
    top = max((c for _, c, _ in raw), default=0.0) or 1.0
    # The lead is the first full-length sentence: a short promo line or kicker
    # before it is not what the story is about.
    lead = next((i for i, (s, _, _) in enumerate(raw) if word_count(s.text) >= _LEAD_WORDS), 0)
    scored = []
    for rank, (sentence, centrality, words) in enumerate(raw):
        position = max(0, rank - lead)
        score = centrality / top + 1.0 / (1.0 + 0.2 * position)
        score += 0.8 if rank == lead else 0.0
        score += _bonus(sentence, figures.get(sentence.index, []), sentence.index in attributions)
        scored.append(Scored(sentence, score, words))
    return scored


def _bonus(sentence: Sentence, figures: list[Figure], attributed: bool) -> float:
    text = sentence.text
    bonus = 0.3 if figures else 0.0
    bonus += 0.2 if attributed else 0.0
    first = text.split(" ", 1)[0].lower().strip(",")
    if first in _LEANING:
        bonus -= 0.5
    if text[:1] in "\"“'‘":
        bonus -= 0.3
    if text.rstrip("\"'”’").endswith("?"):
        bonus -= 0.4
    return bonus


def pick_key_points(scored: list[Scored], attributions: dict[int, Attribution]) -> list[KeyPoint]:
    """The best sentences, near-duplicates removed, most important first."""
    chosen: list[Scored] = []
    for candidate in sorted(scored, key=lambda c: (-c.score, c.sentence.index)):
        if any(_similar(candidate.words, c.words) for c in chosen):
            continue
        chosen.append(candidate)
        if len(chosen) == MAX_KEY_POINTS:
            break
    return [_key_point(c.sentence, attributions.get(c.sentence.index)) for c in chosen]


def _similar(first: frozenset[str], second: frozenset[str]) -> bool:
    union = len(first | second)
    return union > 0 and len(first & second) / union >= _DUPLICATE


def _key_point(sentence: Sentence, said: Attribution | None) -> KeyPoint:
    evidence = " ".join(sentence.text.split())
    text = clean_prose(evidence)
    if said is not None and _PRONOUN_START.match(text):
        # "He said ..." names no one; the attribution knows who "he" is.
        text = said.actor + text[text.index(" ") :]
    return KeyPoint(text=text, evidence=[evidence])


def sentence_count(text: str) -> int:
    """Roughly how many sentences ``text`` holds."""
    return 1 + len(_INNER_BREAK.findall(text))


def headline_and_summary(points: list[KeyPoint], order: dict[str, int]) -> tuple[str, str]:
    """A one-sentence headline from the top point; a summary of at most three sentences.

    The summary adds to the headline: it is made of the next most important
    points, not the headline again (unless there is nothing else to say).

    Args:
        points: The key points, most important first.
        order: Position in the article of each key point's evidence, so the summary
            reads in the article's order.
    """
    single = [p for p in points if sentence_count(p.text) == 1 and p.text[:1] not in '"“']
    lead = (single or points)[0]
    headline = lead.text
    picked: list[KeyPoint] = []
    total = 0
    for point in [p for p in points if p is not lead][:5]:
        count = sentence_count(point.text)
        if total + count <= 3:
            picked.append(point)
            total += count
        if total == 3:
            break
    if not picked:
        return headline, headline
    picked.sort(key=lambda p: order.get(p.evidence[0], 0))
    return headline, " ".join(p.text for p in picked)
