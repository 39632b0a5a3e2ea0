"""Comparing short texts: how much of a gold statement a candidate covers.

The matcher is lexical and deterministic: both texts are lower-cased,
tokenised, stripped of stop words and stemmed (Snowball English), and a gold
statement's *coverage* is the share of its content words the candidate
contains, saturating at ``SATURATION`` (a paraphrase rarely keeps every word).
It is checked against human judgement on RoSE (see ``summarizer.evals.rose``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

# Coverage at or above this share of content words counts as full coverage.
SATURATION = 0.8

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they them his her their we our you your i me my not no
    do does did has have had will would can could should may might must shall than then there
    here who whom which what when where why how all any both each few more most other some such
    only own same so too very s t just also into over after before about up down out off again
    further once during while because until against between through above below said says""".split()
)
# Words that say nothing of their own (also: no actor is named by one of them).
STOP_WORDS = _STOP
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def content_words(text: str) -> tuple[str, ...]:
    """The stemmed content words of ``text``, in order."""
    return tuple(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


def coverage(gold: str, candidate: str) -> float:
    """How much of ``gold`` the ``candidate`` says, from 0 to 1."""
    words = content_words(gold)
    if not words:
        return 0.0
    have = set(content_words(candidate))
    share = sum(1 for w in words if w in have) / len(words)
    return min(1.0, share / SATURATION)


def kendall_tau(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b between two equally long score lists; None when undefined."""
    if len(x) != len(y):
        raise ValueError("kendall_tau needs two lists of the same length")
    concordant = discordant = ties_x = ties_y = 0
    n = len(x)
    for i in range(n):
        for j in range(i + 1, n):
            dx = x[i] - x[j]
            dy = y[i] - y[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                ties_x += 1
            elif dy == 0:
                ties_y += 1
            elif (dx > 0) == (dy > 0):
                concordant += 1
            else:
                discordant += 1
    denominator = ((concordant + discordant + ties_x) * (concordant + discordant + ties_y)) ** 0.5
    if denominator == 0:
        return None
    return float((concordant - discordant) / denominator)
