"""Deterministic checks on a briefing's own words, against the article.

Quotes are checked elsewhere (they must be verbatim); these checks cover what the
model writes itself. Every number in the headline, summary, points, positions,
topics, measures and counter-claims must be a number the article states, with
the same scale, kind and unit (``summarizer.checks.amounts``: "12.4 million"
matches "$12.4 million", "$12.4 billion" does not, and the 3 of "December 3" is
no amount; "nine hundred" is read as 900). No link (bare domains and
``javascript:`` URLs included, and links disguised as ``hxxp://``, ``x[.]org``,
a bare IP address or a percent-encoded scheme), e-mail address or Markdown image
may appear unless the article contains it. These are the
deterministic half of the firewall against prompt injection: an article that
tells the model to add a link or a figure of its own cannot get either past
validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.checks.amounts import Stated, plain, stated_numbers
from summarizer.checks.grounding import ArticleIndex

_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"'\]…]+", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript|data):[^\s<>\"']+", re.IGNORECASE)
# "example.org/x", "harbour-truth.example": lower-case labels and a known or
# two-letter top-level domain, so "U.S." and "3.5bn" are not links.
_TLDS = (
    "com|org|net|gov|edu|mil|int|info|biz|io|ai|app|dev|news|online|site|xyz|example|test|"
    "invalid|local|localhost|co|me|tv|ly|gl|gg|to|[a-z]{2}"
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@.:/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _TLDS + r")\b"
    r"(?![\w-]|\.[a-z])(?:/[^\s<>()\"'\]…]*)?"
)
# Links written so that no pattern sees them but a reader still follows them:
# "hxxp://x.example", "x[.]example/p", "x(dot)example", "203.0.113.7/p", "http%3A%2F%2F...".
_DISGUISED_LINK = re.compile(
    r"\bh(?:xx|tt)ps?\[?:\]?//[^\s<>()\"'\]…]+"
    r"|\b(?:[a-z0-9-]+\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s?)+[a-z0-9-]{2,}\b(?:/[^\s<>()\"'…]*)?"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.]*\d)(?::\d+)?(?:/[^\s<>()\"'…]*)?"
    r"|\b[a-z][a-z0-9+.-]*%3a%2f%2f[^\s<>()\"'…]+",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_TRAILING = ".,;:!?…"
# Every link, address or image holds one of these; prose without any is skipped.
# The first alternatives are found from their mark ("://", "@", ".", "[") so that re
# skips ahead quickly; the rest are the disguised forms ("[.]", "(dot)", "%3a%2f", an
# IP address).
_LINK_HINT = re.compile(
    r":(?://|(?<=script:)|(?<=data:))|@|\.(?:(?<=www\.)|(?<=[a-z0-9]\.)[a-z])|\[(?<=!\[)|"
    r"\[\.\]|\(\.\)|\{\.\}|\(dot\)|\[dot\]|%3a%2f|\d\.\d+\.\d+\.\d",
    re.IGNORECASE,
)


def untraceable_numbers(text: str, article: ArticleIndex) -> Iterator[tuple[Stated, bool]]:
    """Each number in ``text`` the article does not state, and whether only a planted span does.

    Yields:
        (number, planted): ``planted`` is True when the article states it only
        inside an instruction planted in it (``ArticleIndex.suspects``).
    """
    for number in article.numbers_of(text):
        if not article.licenses(number):
            yield number, False
        elif article.trusted is not article and not article.trusted.licenses(number):
            yield number, True


def value_problem(figure: str, value: float | None) -> str | None:
    """The value, written out, when it is not the number its figure states, else None.

    "$12.4 million" states 12,400,000; a value of 12.4 or 1,240,000 drops or slips
    its scale.
    """
    if value is None:
        return None
    stated = stated_numbers(figure)
    if not stated:
        return None
    readings = {v for number in stated for v in number.values}
    readings |= {v % 100 for number in stated if number.kind == "day" for v in number.values}
    if any(abs(value - n) <= 1e-6 * max(1.0, abs(n)) for n in readings):
        return None
    return plain(value)


def links_in(text: str) -> Iterator[str]:
    """Every link, address or image in ``text``: URLs, bare domains, script links, e-mail."""
    if not _LINK_HINT.search(text):
        return  # most of a briefing: prose without a single link
    seen: list[tuple[int, int]] = []
    for pattern in (_MD_IMAGE, _SCRIPT_URL, _DISGUISED_LINK, _URL, _EMAIL, _BARE_DOMAIN):
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in seen):
                continue  # part of a link already found ("www.x.org" in "http://www.x.org")
            seen.append((match.start(), match.end()))
            token = match.group(0).rstrip(_TRAILING)
            if token.count(")") > token.count("("):
                token = token.rstrip(")")
            if token:
                yield token
