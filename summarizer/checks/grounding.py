"""Checking that quotes and figures occur in the article.

A quote is grounded when it occurs in the article after both are normalised:
runs of whitespace become one space, curly and typographic quote marks become
straight ones, the many dashes become ``-``, and the case of the quote's first
letter is ignored (a quote lifted from mid-sentence may be capitalised). A quote
may elide text with ``...`` or ``…``: each part must then occur, in order.
Nothing else is forgiven: a changed word is not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.checks.numbers import numbers_in

_QUOTES = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u02c6": " ",  # the datamark that stands for spaces in the prompt (MARK)
    }
)
# Spotlighting: in the prompt, the article's spaces are replaced by this mark so
# the model can tell article text from instructions. Quotes copied with it still
# ground, because normalisation maps it back to a space.
MARK = "\u02c6"
_WS = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*")
# Characters a model tends to wrap a quote in; they are not part of the quote.
_WRAPPERS = "\"' \t\n"

MIN_QUOTE_CHARS = 8


def normalise(text: str) -> str:
    """Return ``text`` with quote marks, dashes and whitespace normalised."""
    return _WS.sub(" ", text.translate(_QUOTES)).strip()


def _first_letter_variants(segment: str) -> tuple[str, ...]:
    for i, ch in enumerate(segment):
        if ch.isalpha():
            swapped = segment[:i] + ch.swapcase() + segment[i + 1 :]
            return (segment, swapped) if swapped != segment else (segment,)
    return (segment,)


def find_quote(normalised_article: str, quote: str) -> list[tuple[int, int]] | None:
    """Where ``quote`` sits in an already normalised article, as grounding sees it.

    Returns:
        One (start, end) range of ``normalised_article`` per part of the quote (a
        quote that elides words with ``...`` has several, in order), or None.
    """
    core = normalise(quote).strip(_WRAPPERS)
    segments = [s.strip(_WRAPPERS) for s in _ELLIPSIS.split(core)]
    segments = [s for s in segments if s]
    if not segments:
        return None
    spans = []
    pos = 0
    for seg in segments:
        found = -1
        for variant in _first_letter_variants(seg):
            found = normalised_article.find(variant, pos)
            if found >= 0:
                break
        if found < 0:
            return None
        spans.append((found, found + len(seg)))
        pos = found + len(seg)
    return spans


@dataclass
class ArticleIndex:
    """An article prepared for repeated grounding checks.

    Attributes:
        text: The article text the quotes must come from.
    """

    text: str
    _norm: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._norm = normalise(self.text)

    def quote_problem(self, quote: str) -> str | None:
        """Say why ``quote`` is not a verbatim quote of the article, or None when it is."""
        if len(normalise(quote).strip(_WRAPPERS)) < MIN_QUOTE_CHARS:
            return "is too short to be evidence; quote a full phrase or sentence"
        if find_quote(self._norm, quote) is None:
            return "does not occur in the article; copy the words exactly as written"
        return None

    @cached_property
    def numbers(self) -> frozenset[float]:
        """Every number the article writes with digits (scale words applied and not)."""
        return frozenset(round(n, 6) for n in numbers_in(self.text))

    def knows_number(self, number: float) -> bool:
        """True when the article states ``number`` (as written or with its scale word)."""
        return round(number, 6) in self.numbers

    @cached_property
    def _norm_lower(self) -> str:
        return self._norm.lower()

    def mentions(self, text: str) -> bool:
        """True when ``text`` (a link, an address) occurs in the article, any case."""
        return normalise(text).lower() in self._norm_lower

    def contains_quote(self, quote: str) -> bool:
        """True when ``quote`` occurs verbatim in the article (after normalisation)."""
        return self.quote_problem(quote) is None

    def contains_figure(self, figure: str) -> bool:
        """True when ``figure`` occurs in the article as written (after normalisation)."""
        core = normalise(figure).strip(_WRAPPERS).rstrip(".,;:")
        if not core:
            return False
        for variant in _first_letter_variants(core):
            # Whole tokens only: "70 percent" must not match inside "170 percent",
            # nor "12" inside "12.4".
            pattern = rf"(?<![\w.]){re.escape(variant)}(?![\w]|[.,]\d)"
            if re.search(pattern, self._norm):
                return True
        return False
