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
from summarizer.extractive.keytext import point_text
from summarizer.extractive.salience import (
    contests,
    editorial_bonus,
    is_colour,
    is_scene_setting,
)
from summarizer.extractive.sentences import Sentence, word_count
from summarizer.models import KeyPoint

MAX_KEY_POINTS = 8
MIN_KEY_POINTS = 5
# A short story does not hold eight separate points: one per this many sentences.
SENTENCES_PER_POINT = 3
_MIN_WORDS = 6
_LEAD_WORDS = 12
_MAX_WORDS = 90
_DUPLICATE = 0.5
# Weights of a sentence's score: centrality, decay with distance from the lead,
# the lead's own bonus, and bonuses for a figure and for an attributed speaker.
CENTRALITY = 2.0
POSITION_DECAY = 0.2
LEAD_BONUS = 0.8
FIGURE_BONUS = 0.3
SPEAKER_BONUS = 0.2
# Centrality is divided by the word count to this power: a long sentence that
# carries many of the story's words is worth more than a short one, but not
# proportionally more.
LENGTH_NORM = 0.25
_LEAD_SEARCH = 3
# A point is one passage: its main sentence and at most two neighbours, in at most
# this many words (the length of a long hand-written key point).
MAX_PARTS = 3
MAX_POINT_WORDS = 70
# How a neighbour is weighed: its words shared with the main sentence (per root of
# its length), its own score, its distance, and whether it contests a claim.
COMPANION_SCORE = 0.3
COMPANION_DISTANCE = 0.1
COMPANION_CONTEST = 0.3
_LEANING = frozenset("he she it they this that these those so then".split())
_INNER_BREAK = re.compile(r"[.!?][\"'”’]?\s+[\"“]?[A-Z]")


@dataclass(frozen=True)
class Scored:
    """A candidate sentence with its score and content words.

    Attributes:
        sentence: The sentence.
        score: How much it deserves to be a key point.
        words: Its content words.
        colour: It sets a scene or recalls history; it never completes another point.
        length: Its word count.
    """

    sentence: Sentence
    score: float
    words: frozenset[str]
    colour: bool = False
    length: int = 0


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
    counts = {s.index: word_count(s.text) for s in sentences if s.is_sentence}
    candidates = [s for s in sentences if _MIN_WORDS <= counts.get(s.index, 0) <= _MAX_WORDS]
    raw: list[tuple[Sentence, float, frozenset[str]]] = []
    for sentence in candidates:
        words = frozenset(content_words(sentence.text))
        shared = sum(math.log(frequencies[w]) for w in words if frequencies[w] > 1)
        raw.append((sentence, shared / (len(words) + 1) ** LENGTH_NORM, words))
    top = max((c for _, c, _ in raw), default=0.0) or 1.0
    # The lead is the first full-length sentence: a short promo line or kicker
    # before it is not what the story is about.
    full = [i for i, (s, _, _) in enumerate(raw) if counts[s.index] >= _LEAD_WORDS]
    lead = _lead([raw[i][0] for i in full[:_LEAD_SEARCH]], full, figures, attributions)
    scored = []
    for rank, (sentence, centrality, words) in enumerate(raw):
        position = max(0, rank - lead)
        score = CENTRALITY * centrality / top + 1.0 / (1.0 + POSITION_DECAY * position)
        score += LEAD_BONUS if rank == lead else 0.0
        found = figures.get(sentence.index, [])
        attributed = sentence.index in attributions
        score += _bonus(sentence, words, found, attributed, counts[sentence.index])
        colour = is_colour(sentence.text, words, figures=bool(found), attributed=attributed)
        scored.append(Scored(sentence, score, words, colour, counts[sentence.index]))
    return scored


def _lead(
    first: list[Sentence],
    full: list[int],
    figures: dict[int, list[Figure]],
    attributions: dict[int, Attribution],
) -> int:
    """Rank of the lead: the first full sentence that is not scene setting.

    A feature may open on a scene ("For forty-one days the old hall has been a
    courtroom"); the news is then in the next sentence or two.

    Args:
        first: The first few full-length sentences.
        full: The ranks of all full-length sentences among the candidates.
        figures: Figures by sentence index.
        attributions: Attributions by sentence index.
    """
    for rank, sentence in zip(full, first, strict=False):
        plain = sentence.index not in figures and sentence.index not in attributions
        if not (plain and is_scene_setting(sentence.text)):
            return rank
    return full[0] if full else 0


def _bonus(
    sentence: Sentence,
    vocabulary: frozenset[str],
    figures: list[Figure],
    attributed: bool,
    words: int,
) -> float:
    text = sentence.text
    bonus = FIGURE_BONUS if figures else 0.0
    bonus += SPEAKER_BONUS if attributed else 0.0
    bonus += editorial_bonus(
        text, vocabulary, figures=bool(figures), attributed=attributed, words=words
    )
    first = text.split(" ", 1)[0].lower().strip(",")
    if first in _LEANING:
        bonus -= 0.5
    if text[:1] in "\"“'‘":
        bonus -= 0.3
    if text.rstrip("\"'”’").endswith("?"):
        bonus -= 0.4
    return bonus


def pick_key_points(scored: list[Scored], attributions: dict[int, Attribution]) -> list[Point]:
    """The best sentences, each with the sentences that complete it, most important first.

    A point starts from the best sentence not yet used; the neighbouring
    sentences that carry on its matter (the reply to a claim, the figure behind
    a statement) join it, so one point can say what one sentence cannot. A
    sentence serves one point only, and near-duplicates of a used sentence are
    skipped, which spreads the points over the article.
    """
    budget = point_budget(len(scored))
    by_index = {c.sentence.index: c for c in scored}
    used: list[Scored] = []
    taken: set[int] = set()
    # Informative sentences not yet in a point.
    informative = sum(1 for c in scored if not c.colour)
    points: list[Point] = []
    # Scene setting and history come last: only a story with nothing else to say uses them.
    for candidate in sorted(scored, key=lambda c: (c.colour, -c.score, c.sentence.index)):
        if candidate.sentence.index in taken or any(
            _similar(candidate.words, c.words) for c in used
        ):
            continue
        # Informative sentences left over once every remaining point has its main one.
        spare = informative - (budget - len(points))
        parts = [candidate, *_companions(candidate, by_index, taken, spare)]
        used.extend(parts)
        taken.update(c.sentence.index for c in parts)
        informative -= sum(1 for c in parts if not c.colour)
        points.append(
            _point(candidate, sorted(parts, key=lambda c: c.sentence.index), attributions)
        )
        if len(points) == budget:
            break
    return points


def _companions(
    main: Scored, by_index: dict[int, Scored], taken: set[int], spare: int
) -> list[Scored]:
    """The sentences around ``main`` that carry on its matter, within the word limit.

    The point grows one sentence at a time at either end, so it stays one
    passage of the article: a sentence that leans on the one before it ("that
    estimate") never lands next to a sentence it does not follow. A short
    story keeps enough sentences (``spare``) for the points still to come.
    """
    parts = [main]
    words = main.length
    first = last = main.sentence.index
    while len(parts) < MAX_PARTS and len(parts) <= spare:
        options: list[tuple[float, int, Scored]] = []
        for index in (first - 1, last + 1):
            other = by_index.get(index)
            if other is None or index in taken or other.colour:
                continue
            if abs(other.sentence.paragraph - main.sentence.paragraph) > 1:
                continue
            if words + other.length > MAX_POINT_WORDS:
                continue
            if any(_similar(other.words, part.words) for part in parts):
                continue
            shared = len(main.words & other.words)
            value = shared / (len(other.words) + 1) ** 0.5 + COMPANION_SCORE * other.score
            value -= COMPANION_DISTANCE * abs(index - main.sentence.index)
            if contests(other.sentence.text.lower(), other.words):
                value += COMPANION_CONTEST
            options.append((value, index, other))
        if not options:
            break
        _, index, other = max(options, key=lambda o: (o[0], -o[1]))
        parts.append(other)
        words += other.length
        first, last = min(first, index), max(last, index)
    return parts[1:]


def point_budget(candidates: int) -> int:
    """How many key points an article of ``candidates`` usable sentences deserves."""
    return max(MIN_KEY_POINTS, min(MAX_KEY_POINTS, candidates // SENTENCES_PER_POINT))


def _similar(first: frozenset[str], second: frozenset[str]) -> bool:
    union = len(first | second)
    return union > 0 and len(first & second) / union >= _DUPLICATE


@dataclass(frozen=True)
class Point:
    """A key point, with the text and place of its main sentence (what a headline uses).

    Attributes:
        key_point: The key point.
        main_text: The cleaned text of the point's main sentence.
        index: The main sentence's index in the article.
    """

    key_point: KeyPoint
    main_text: str
    index: int


def _point(main: Scored, parts: list[Scored], attributions: dict[int, Attribution]) -> Point:
    texts: list[str] = []
    evidence: list[str] = []
    main_text = ""
    for part in parts:
        quote = " ".join(part.sentence.text.split())
        text = point_text(quote, attributions.get(part.sentence.index))
        if part is main:
            main_text = text
        texts.append(text)
        evidence.append(quote)
    return Point(KeyPoint(text=" ".join(texts), evidence=evidence), main_text, main.sentence.index)


def sentence_count(text: str) -> int:
    """Roughly how many sentences ``text`` holds."""
    return 1 + len(_INNER_BREAK.findall(text))


def _leans_back(text: str) -> bool:
    """True when ``text`` continues an earlier sentence: "He ...", "Reyland also ..."."""
    words = text.lower().replace(",", " ").split()
    return bool(words) and (words[0] in _LEANING or "also" in words[:4])


def headline_and_summary(points: list[Point]) -> tuple[str, str]:
    """A one-sentence headline from the top point; a summary of at most three sentences.

    The headline is the main sentence of the most important point. The summary
    adds to it: it is made of the main sentences of the next most important
    points, not the headline again (unless there is nothing else to say).

    Args:
        points: The key points, most important first; the summary reads in the
            article's order.
    """
    single = [p for p in points if sentence_count(p.main_text) == 1 and p.main_text[:1] not in '"“']
    lead = (single or points)[0]
    headline = lead.main_text
    picked: list[Point] = []
    total = 0
    rest = [p for p in points if p is not lead][:5]
    # A sentence that leans on one the summary leaves out ("Reyland also questioned
    # the grant") reads as a non sequitur there; it goes last in line.
    rest.sort(key=lambda p: _leans_back(p.main_text))
    for point in rest:
        count = sentence_count(point.main_text)
        if total + count <= 3:
            picked.append(point)
            total += count
        if total == 3:
            break
    if not picked:
        return headline, headline
    picked.sort(key=lambda p: p.index)
    return headline, " ".join(p.main_text for p in picked)
