"""Where each evidence quote sits in the article text, as character offsets.

The quotes were checked with ``summarizer.checks.grounding``'s normalisation (quote
marks, dashes, whitespace, the case of the first letter, ``...`` eliding words);
the same normalisation finds them here, and each match in the normalised text is
mapped back to offsets in the original text so it can be highlighted there.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.checks.grounding import find_quote
from summarizer.checks.normal import _QUOTES, _WS, sentence_ends

Span = tuple[int, int]


@dataclass(frozen=True)
class NormalisedText:
    """A text normalised for quote matching, with the way back to the original.

    Attributes:
        text: The normalised text (as ``grounding.normalise`` makes it).
        origin: For each character of ``text``, its offset in the original.
        breaks: Offsets in ``text`` where a sentence or a paragraph ends.
    """

    text: str
    origin: tuple[int, ...]
    breaks: tuple[int, ...] = ()

    @classmethod
    def of(cls, original: str) -> NormalisedText:
        """Normalise ``original``, remembering where each character came from."""
        chars: list[str] = []
        origin: list[int] = []
        paragraphs: set[int] = set()
        newlines = 0
        for i, ch in enumerate(original):
            mapped = ch.translate(_QUOTES)
            if _WS.fullmatch(mapped):
                newlines += ch == "\n"
                if newlines >= 2 and chars:
                    paragraphs.add(len(chars) - 1 if chars[-1] == " " else len(chars))
                if not chars or chars[-1] == " ":
                    continue  # leading space, or a run collapsing into one
                mapped = " "
            else:
                newlines = 0
            chars.extend(mapped)
            origin.extend([i] * len(mapped))
        while chars and chars[-1] == " ":
            chars.pop()
            origin.pop()
        text = "".join(chars)
        breaks = {p for p in paragraphs if p < len(text)} | set(sentence_ends(text))
        return cls(text, tuple(origin), tuple(sorted(breaks)))

    def span(self, start: int, end: int) -> Span:
        """The original offsets of the normalised range ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def locate(article: NormalisedText, quote: str) -> list[Span] | None:
    """Find ``quote`` in the article as grounding does.

    Returns:
        One span of the original text per part of the quote (a quote that elides
        words with ``...`` has several), or None when the quote is not there.
    """
    found = find_quote(article.text, quote, article.breaks)
    if found is None:
        return None
    return [article.span(start, end) for start, end in found]
