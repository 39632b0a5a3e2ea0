"""The eval's sets: every metric is reported, and gated, per set.

- ``fiction``: the articles written for this project, each built around a trap
  (an injection, a crowd count two sides dispute, boilerplate to ignore).
- ``real-news``: English Wikinews articles (tag ``real-news``) with gold written
  from the article alone; the split engine rules may be tuned on.
- ``real-news validation``: the real-news cases also tagged ``validation``,
  held out: no rule, weight or threshold is ever tuned on them.
- ``real-news fresh``: the real-news cases tagged ``fresh``, a second held-out
  split whose gold was written later (``evals/cases/REAL-NEWS.md`` says how):
  nothing is tuned on them either.

The reference case (``article.ref``) belongs to no set: it is scored on its own
line, outside the aggregates and the gate.
"""

from __future__ import annotations

from collections.abc import Iterable

FICTION = "fiction"
REAL_NEWS = "real-news"
VALIDATION = "real-news validation"
FRESH = "real-news fresh"
# Report order.
SETS: tuple[str, ...] = (FICTION, REAL_NEWS, VALIDATION, FRESH)
# Short names for narrow columns.
SHORT = {FICTION: "fiction", REAL_NEWS: "real-news", VALIDATION: "validation", FRESH: "fresh"}
# The held-out sets: reported, never tuned on.
HELD_OUT: tuple[str, ...] = (VALIDATION, FRESH)

REAL_NEWS_TAG = "real-news"
VALIDATION_TAG = "validation"
FRESH_TAG = "fresh"


def set_of(tags: Iterable[str], *, reference: bool = False) -> str | None:
    """The set a case with gold tags ``tags`` belongs to (None: the reference case)."""
    if reference:
        return None
    tags = set(tags)
    if REAL_NEWS_TAG not in tags:
        return FICTION
    if FRESH_TAG in tags:
        return FRESH
    return VALIDATION if VALIDATION_TAG in tags else REAL_NEWS


def is_real_news(eval_set: str | None) -> bool:
    """True for every real-news set (tuning and both held-out splits)."""
    return eval_set in (REAL_NEWS, *HELD_OUT)
