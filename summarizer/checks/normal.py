"""Normal form of article and briefing text, and where its sentences end.

Runs of whitespace become one space, curly and typographic quote marks become
straight ones, the many dashes become ``-``, and the datamark that stands for
spaces in the prompt becomes a space again. Every check compares text in this form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.checks.asciire import twin_re

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
        # Invisible characters decide nothing: "We will\u200b not" is "We will not".
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # zero-width no-break space
    }
)
# Spotlighting: in the prompt, the article's spaces are replaced by this mark so
# the model can tell article text from instructions. Quotes copied with it still
# ground, because normalisation maps it back to a space.
MARK = "\u02c6"
_WS = re.compile(r"\s+")
# The same mapping as pairs: each mapped character is rare, and absent from ASCII
# text, so replacing the few present is far faster than ``str.translate``, which
# looks every character of a long article up in the table.
_QUOTE_PAIRS = tuple((chr(k), v or "") for k, v in _QUOTES.items())  # None: deleted
# A run of whitespace holding a blank line: where one paragraph ends.
_PARAGRAPH_GAP = re.compile(r"\s*\n[^\S\n]*\n\s*")

# Words a full stop follows without ending the sentence ("Mr. Holt", "Dec. 3").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt jr sr inc corp co ltd no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon dept univ est approx".split()
)
_LAST_WORD = twin_re(r"(\w+)[.!?…]*$")
# Possessive, and never starting inside a run of marks: a line of a million dots
# must not be re-scanned from each of them.
_SENTENCE_END = twin_re(
    r"[.!?…](?<![.!?…].)[.!?…]*+[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])"
)


def normalise(text: str) -> str:
    """Return ``text`` with quote marks, dashes and whitespace normalised."""
    # " ".join(split()) is ``_WS.sub(" ", ...).strip()``: both split on str.isspace.
    return " ".join(_mapped(text).split())


def _mapped(text: str) -> str:
    """``text.translate(_QUOTES)``, without reading every character through the table."""
    if text.isascii():
        return text
    for char, replacement in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence-final mark in ``text`` (abbreviations excepted)."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, max(0, match.start() - 24), match.start() + 1)
        word = before.group(1).lower() if before else ""
        if text[match.start()] == "." and (word in ABBREVIATIONS or len(word) == 1):
            continue  # "Mr. Holt", "U.S. officials", "J. Smith"
        ends.append(match.end())
    return ends


@dataclass(frozen=True)
class Normalised:
    """A text in normal form, with the places its sentences and paragraphs end.

    Attributes:
        text: The text as ``normalise`` makes it.
        breaks: Sorted offsets in ``text`` where a sentence or a paragraph ends.
    """

    text: str
    breaks: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Normalised:
        """Normalise ``original``, remembering where its paragraphs broke."""
        pieces = (" ".join(p.split()) for p in _PARAGRAPH_GAP.split(_mapped(original)))
        paragraphs = [p for p in pieces if p]
        breaks: list[int] = []
        size = 0
        for piece in paragraphs[:-1]:
            size += len(piece)
            breaks.append(size)
            size += 1
        text = " ".join(paragraphs)
        return cls(text, tuple(sorted({*breaks, *sentence_ends(text)})))
