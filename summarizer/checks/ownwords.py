"""Deterministic checks on a briefing's own words, against the article.

Quotes are checked elsewhere (they must be verbatim); these checks cover what the
model writes itself. Every number in the headline, summary, points, positions,
topics, measures and counter-claims must be a number the article states (after
normalisation: "12.4 million" matches "$12.4 million"; words such as "half" are
not numbers here). No link, e-mail address or Markdown image may appear unless
the article contains it. These are the deterministic half of the firewall
against prompt injection: an article that tells the model to add a link or a
figure of its own cannot get either past validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.checks.grounding import ArticleIndex
from summarizer.checks.numbers import numbers_in

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"'\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# Every link, address or image holds one of these; prose without any is skipped.
_LINK_HINT = re.compile(r"://|www\.|@|!\[", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(
    r"[$€£¥]?\d[\d,.]*(?:\s*(?:thousand|million|billion|trillion|bn|m|k)\b)?", re.IGNORECASE
)


def untraceable_numbers(
    prose: Iterable[tuple[str, str]],
    figures: Sequence[tuple[str, float | None]],
    article: ArticleIndex,
) -> list[tuple[str, str]]:
    """(location, number) for every number in the prose that the article does not state.

    Args:
        prose: The briefing's own words with their locations (``Briefing.prose_fields``).
        figures: Each disputed figure's text and value, in order: a ``value`` must be
            the number its ``figure`` text states, with the scale applied
            ("$12.4 million" -> 12400000).
        article: The article.
    """
    found = []
    for where, text in prose:
        for match in _NUMBER_TOKEN.finditer(text):
            # "12.4 million" reads as 12.4 and as 12,400,000: one known reading is enough.
            readings = numbers_in(match.group(0))
            if readings and not any(article.knows_number(n) for n in readings):
                found.append((where, match.group(0).strip().rstrip(".,")))
    for i, (figure, value) in enumerate(figures):
        stated = numbers_in(figure)
        if value is not None and stated:
            if not any(abs(value - n) <= 1e-6 * max(1.0, abs(n)) for n in stated):
                found.append((f"disputed_figures[{i}].value", _plain(value)))
    return found


def _plain(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def foreign_links(prose: Iterable[tuple[str, str]], article: ArticleIndex) -> list[tuple[str, str]]:
    """(location, text) for every link, address or image the article does not contain."""
    found: list[tuple[str, str]] = []
    for where, text in prose:
        if not _LINK_HINT.search(text):
            continue
        for pattern in (_MD_IMAGE, _URL, _EMAIL):
            for match in pattern.finditer(text):
                token = match.group(0).rstrip(".,;:")
                if not article.mentions(token):
                    found.append((where, token))
    return found
