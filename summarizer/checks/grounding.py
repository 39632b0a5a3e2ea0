"""Checking that quotes and figures occur in the article.

A quote is grounded when it occurs in the article after both are normalised
(``summarizer.checks.normal``: whitespace, quote marks, dashes) and the case of
the quote's first letter is ignored (a quote lifted from mid-sentence may be
capitalised). It must start and end on word boundaries: "supported" is not a
quote of "unsupported", nor "$12" of "$12.4 million".

A quote may elide words with ``...`` or ``…`` (an ellipsis the article itself
prints is copied as it is), within limits that keep it the article's words: at
most two elisions, each part at least three words, the parts in order within one
sentence, and no negation (not, no, never, n't, without, nor...) among the words
skipped (nor "against", "refused", "denied", "hardly", a word negated by its
prefix such as "unlikely" or "non-compliant", and the like, which turn it around
as surely; nor "only", "less", "fewer" or "if", which limit or condition it).
A verbatim quote may not run from one paragraph into the next (a headline joined
to the paragraph below it reads as a sentence the article never wrote). Invisible
characters (zero-width spaces, soft hyphens) are ignored on both sides. Nothing
else is forgiven: a changed word is not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.checks.actors import NameIndex
from summarizer.checks.amounts import Stated, stated_numbers
from summarizer.checks.injection import SuspectSpan, suspect_spans
from summarizer.checks.normal import _PARAGRAPH_GAP, _QUOTES, _WS, MARK, Normalised, normalise
from summarizer.checks.untrusted import PlantedIndex

__all__ = [
    "MARK",
    "MIN_QUOTE_CHARS",
    "_QUOTES",
    "_WS",
    "ArticleIndex",
    "QuoteMatch",
    "find_quote",
    "match_quote",
    "normalise",
]

_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\.\s\.\s\.|\[\s*(?:\.\.\.|…)\s*\])\s*")
# Characters a model tends to wrap a quote in; they are not part of the quote.
_WRAPPERS = "\"' \t\n"
# Words that turn a sentence around: skipped by "...", they would reverse it.
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|without|cannot|none|neither|nobody|nothing|nowhere|hardly|barely"
    r"|scarcely|seldom|rarely|against|unless|except|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?"
    r"|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|oppos(?:e|es|ed|ing))\b|n't\b"
    r"|\b(?:dont|doesnt|didnt|wont|cant|isnt|arent|wasnt|werent|hasnt|havent|hadnt|wouldnt"
    r"|shouldnt|couldnt|mustnt)\b"
    # A word negated by its prefix: "unlikely", "unsupported", "non-compliant",
    # "disagreed", "illegal", "impossible", "incorrect", "misleading".
    r"|\bun(?!der|til|ion|ited?\b|ite[ds]?\b|its?\b|ity|ique|iform|ivers|animous|cle)[a-z]{4,}"
    r"|\bnon-?[a-z]{3,}|\bdis(?:agree|approv|honest|prov|lik|allow|credit|put|believ|avow|own|"
    r"satisf|qualif)[a-z]*|\b(?:il(?:legal|legitimate|licit|logical)|im(?:possib|prob|proper|"
    r"precise|material|plausib)|in(?:correct|accura|adequa|sufficien|valid|effective|capab|"
    r"complete|consisten|eligib)|ir(?:relevan|regular|responsib)|mis(?:lead|represent|stat|quot"
    r"|inform))[a-z]*"
    # Words that limit or condition what follows: "only", "less than", "if".
    r"|\b(?:only|merely|less|fewer|false|untrue|wrong|if|whether|unless)\b",
    re.IGNORECASE,
)
_SPLIT_NUMBER = re.compile(r"[.,]\d")

MIN_QUOTE_CHARS = 8
MAX_ELISIONS = 2
MIN_FRAGMENT_WORDS = 3
# Occurrences of one part tried before giving up (a part of three common words).
_MAX_OCCURRENCES = 500

TOO_SHORT = "is too short to be evidence; quote a full phrase or sentence"
NOT_FOUND = "does not occur in the article; copy the words exactly as written"
TOO_MANY_ELISIONS = (
    f"skips words in more than {MAX_ELISIONS} places; use at most two '...' in one quote"
)
SHORT_FRAGMENT = (
    "has a part of fewer than three words beside its '...'; "
    "quote at least three words on each side or quote the words in full"
)
CROSSES_SENTENCES = (
    "joins words from different sentences with '...'; '...' may only skip words "
    "inside one sentence: quote each sentence separately"
)
CROSSES_PARAGRAPHS = (
    "joins the end of one paragraph to the start of the next as if they were one sentence; "
    "quote each paragraph separately"
)
SKIPS_NEGATION = (
    "skips a negation (not, no, never, n't, without, nor, against, refused, un- and non- words "
    "such as unlikely...) or a word that limits or conditions it (only, less, fewer, if...) "
    "with '...', which changes its meaning; quote those words in full"
)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote sits in the article, or why it does not.

    Attributes:
        spans: One (start, end) range of the normalised article per part of the
            quote, in order; None when it does not ground.
        problem: Why it does not ground, written for the model; None when it does.
    """

    spans: list[tuple[int, int]] | None
    problem: str | None = None


def _elides(quote: str) -> bool:
    """True when ``quote`` holds an elision ``_ELLIPSIS`` finds ("...", "…", ". . .", "[...]").

    Each form holds "…" or three full stops: a quote with neither (most of them)
    is answered without running the pattern over it.
    """
    if "…" not in quote and quote.count(".") < 3:
        return False
    return _ELLIPSIS.search(quote) is not None


def _first_letter_variants(segment: str) -> tuple[str, ...]:
    for i, ch in enumerate(segment):
        if ch.isalpha():
            swapped = segment[:i] + ch.swapcase() + segment[i + 1 :]
            return (segment, swapped) if swapped != segment else (segment,)
    return (segment,)


def _bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] starts and ends on word boundaries."""
    if text[start].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    if text[end - 1].isalnum() and end < len(text) and text[end].isalnum():
        return False
    if text[end - 1].isdigit() and _SPLIT_NUMBER.match(text, end):
        return False  # "$12" of "$12.4"
    return not (
        text[start].isdigit()
        and start >= 2
        and text[start - 1] in ".,"
        and text[start - 2].isdigit()
    )


def _occurrences(text: str, segment: str) -> list[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for variant in _first_letter_variants(segment):
        pos = text.find(variant)
        while pos >= 0 and len(found) < _MAX_OCCURRENCES:
            if _bounded(text, pos, pos + len(variant)):
                found.add((pos, pos + len(variant)))
            pos = text.find(variant, pos + 1)
    return sorted(found)


def _segments(quote: str) -> list[str]:
    core = normalise(quote).strip(_WRAPPERS)
    parts = [s.strip(_WRAPPERS) for s in _ELLIPSIS.split(core)]
    return [s for s in parts if s]


def _crosses(breaks: Sequence[int], start: int, end: int) -> bool:
    i = bisect_right(breaks, start)
    return i < len(breaks) and breaks[i] < end


def match_quote(
    text: str, quote: str, breaks: Sequence[int] = (), paragraphs: Sequence[int] = ()
) -> QuoteMatch:
    """Find ``quote`` in the normalised article ``text`` under the elision rules.

    Args:
        text: The article in normal form.
        quote: The quote as the model wrote it.
        breaks: Sorted offsets in ``text`` where sentences and paragraphs end.
        paragraphs: Sorted offsets in ``text`` where paragraphs end: a quote may
            not run across one ("Fares will rise" + "for all passengers").
    """
    core = normalise(quote).strip(_WRAPPERS)
    if len(core) < MIN_QUOTE_CHARS:
        return QuoteMatch(None, TOO_SHORT)
    whole = _occurrences(text, core)
    within = [(a, b) for a, b in whole if not _crosses(paragraphs, a, b)]
    if within:
        return QuoteMatch([within[0]])  # verbatim, "..." and all: the article's own ellipsis
    if whole and not _elides(quote):
        return QuoteMatch(None, CROSSES_PARAGRAPHS)
    segments = _segments(quote)
    if not segments:
        return QuoteMatch(None, TOO_SHORT)
    if len(segments) > MAX_ELISIONS + 1:
        return QuoteMatch(None, TOO_MANY_ELISIONS)
    if len(segments) > 1 and any(
        sum(any(c.isalnum() for c in w) for w in s.split()) < MIN_FRAGMENT_WORDS for s in segments
    ):
        return QuoteMatch(None, SHORT_FRAGMENT)
    occurrences = [_occurrences(text, s) for s in segments]
    if not all(occurrences):
        return QuoteMatch(None, NOT_FOUND)
    refused: set[str] = set()

    def extend(i: int, acc: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        if i == len(segments):
            return acc
        for start, end in occurrences[i]:
            if acc and start < acc[-1][1]:
                continue
            if acc:
                first = acc[0][0]
                if (
                    bisect_right(breaks, first) < len(breaks)
                    and breaks[bisect_right(breaks, first)] < end
                ):
                    refused.add(CROSSES_SENTENCES)
                    break  # later occurrences are further away still
                if _NEGATION.search(text[acc[-1][1] : start]):
                    refused.add(SKIPS_NEGATION)
                    continue
            found = extend(i + 1, [*acc, (start, end)])
            if found is not None:
                return found
        return None

    spans = extend(0, [])
    if spans is not None:
        return QuoteMatch(spans)
    for problem in (SKIPS_NEGATION, CROSSES_SENTENCES):
        if problem in refused:
            return QuoteMatch(None, problem)
    return QuoteMatch(None, NOT_FOUND)


def find_quote(
    normalised_article: str, quote: str, breaks: Sequence[int] = ()
) -> list[tuple[int, int]] | None:
    """Where ``quote`` sits in an already normalised article, as grounding sees it.

    Returns:
        One (start, end) range of ``normalised_article`` per part of the quote (a
        quote that elides words with ``...`` has several, in order), or None.
    """
    return match_quote(normalised_article, quote, breaks).spans


# What licenses a number of each kind in the briefing: an amount needs an amount,
# while a year-like number may be an amount written without its comma.
_LICENSED_BY = {
    "amount": ("amount",),
    "year": ("year", "amount"),
    "day": ("day",),
    "time": ("time",),
    "ordinal": ("ordinal", "amount", "year"),
    "fraction": ("fraction",),
}
_INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
# An ordinal written in words is a number only where it ranks a thing ("the fifth
# vote", "its first budget", "Brell's second term"): in "first reported" or "at
# first" it is prose, and the briefing need not find it in the article.
_RANKS = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|your|this|that|every|each)|'s)\s+$", re.IGNORECASE
)


# Quotes an index remembers the match of: a briefing has a few dozen.
_MAX_MATCHED = 256


def _key(value: float) -> float:
    return float(f"{value:.9g}")


@dataclass
class ArticleIndex:
    """An article prepared for repeated grounding checks.

    Attributes:
        text: The article text the quotes must come from.
        find_suspects: Look for instructions planted in the article (off for the
            article with them taken out, ``trusted``).
    """

    text: str
    find_suspects: bool = True
    _norm: str = field(init=False, repr=False)
    # A briefing quotes one sentence for several items (a key point, a stance, a
    # dispute): each quote is matched once per index.
    _matched: dict[str, QuoteMatch] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    # Where paragraphs end in the normalised article (the space joining them).
    _paragraphs: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        if "\n" not in self.text:
            self._norm = normalise(self.text)
            return
        # A paragraph gap is whitespace, which normalising makes one space: the
        # paragraphs normalised one by one and joined by a space are the article
        # normalised whole, and tell where each paragraph ends, in one pass.
        pieces = [p for p in map(normalise, _PARAGRAPH_GAP.split(self.text)) if p]
        self._norm = " ".join(pieces)
        ends = []
        size = 0
        for piece in pieces[:-1]:
            size += len(piece)
            ends.append(size)
            size += 1
        self._paragraphs = tuple(ends)

    @cached_property
    def _breaks(self) -> tuple[int, ...]:
        """Where sentences and paragraphs end: read only for a quote that elides words."""
        return Normalised.of(self.text).breaks

    def match(self, quote: str) -> QuoteMatch:
        """Where ``quote`` sits in the normalised article, or why it does not."""
        found = self._matched.get(quote)
        if found is not None:
            return found
        if not _elides(quote):
            found = match_quote(self._norm, quote, paragraphs=self._paragraphs)
        else:
            found = match_quote(self._norm, quote, self._breaks, self._paragraphs)
        if len(self._matched) >= _MAX_MATCHED:
            self._matched.clear()  # an index kept for many briefings stays small
        self._matched[quote] = found
        return found

    def quote_problem(self, quote: str) -> str | None:
        """Say why ``quote`` is not a verbatim quote of the article, or None when it is."""
        return self.match(quote).problem

    def contains_quote(self, quote: str) -> bool:
        """True when ``quote`` occurs verbatim in the article (after normalisation)."""
        return self.quote_problem(quote) is None

    def contains_figure(self, figure: str) -> bool:
        """True when ``figure`` occurs in the article as written (after normalisation)."""
        core = normalise(figure).strip(_WRAPPERS).rstrip(".,;:")
        if not core:
            return False
        text = self._norm
        for variant in _first_letter_variants(core):
            # Whole tokens only: "70 percent" must not match inside "170 percent",
            # nor "12" inside "12.4".
            pos = text.find(variant)
            while pos >= 0:
                end = pos + len(variant)
                before = text[pos - 1] if pos else " "
                if not (before.isalnum() or before in "_.") and not (
                    (end < len(text) and (text[end].isalnum() or text[end] == "_"))
                    or _SPLIT_NUMBER.match(text, end)
                ):
                    return True
                pos = text.find(variant, pos + 1)
        return False

    @cached_property
    def _norm_lower(self) -> str:
        return self._norm.lower()

    def mentions(self, text: str) -> bool:
        """True when ``text`` (a link, an address) occurs in the article, any case."""
        return normalise(text).lower() in self._norm_lower

    @cached_property
    def _stated(self) -> dict[tuple[str, float], set[str | None]]:
        found: dict[tuple[str, float], set[str | None]] = {}
        for number in stated_numbers(self._norm):
            for value in number.values:
                found.setdefault((number.kind, _key(value)), set()).add(number.unit)
        return found

    @cached_property
    def _days_of_month(self) -> frozenset[float]:
        return frozenset(v % 100 for kind, v in self._stated if kind == "day")

    def licenses(self, number: Stated) -> bool:
        """True when the article states ``number``: same value, scale, kind and unit."""
        for value in number.values:
            for kind in _LICENSED_BY[number.kind]:
                units = self._stated.get((kind, _key(value)))
                if units and (number.unit is None or number.unit in units):
                    return True
                # "eight points" for "eight sampling points"; never the 3 of "3%".
                if units and number.unit == "points" and None in units:
                    return True
            if number.kind == "ordinal" and value in self._days_of_month:
                return True
            # "a third said" may be the article's "a third of voters" ("a third term" too).
            if (
                number.kind == "ordinal"
                and _INDEFINITE.match(number.text)
                and ("fraction", _key(1 / value)) in self._stated
            ):
                return True
            # "a quarter" may be the article's "25%"; never "50%" for its "half".
            if number.kind == "fraction" and "percent" in self._stated.get(
                ("amount", _key(value * 100)), ()
            ):
                return True
        return False

    def numbers_of(self, text: str) -> Iterator[Stated]:
        """The numbers ``text`` states, read as the article's are (prose ordinals aside)."""
        norm = normalise(text)
        for number in stated_numbers(norm):
            if (
                number.kind == "ordinal"
                and number.text[:1].isalpha()
                and not _INDEFINITE.match(number.text)
                and _RANKS.search(norm, max(0, number.start - 8), number.start) is None
            ):
                continue  # "first reported", "at first"
            yield number

    @cached_property
    def names(self) -> NameIndex:
        """The names and words the article uses, for checking actors."""
        return NameIndex(self._norm)

    @cached_property
    def suspects(self) -> list[SuspectSpan]:
        """Instructions planted in the article (``summarizer.checks.injection``)."""
        return suspect_spans(self.text) if self.find_suspects else []

    @cached_property
    def trusted(self) -> ArticleIndex:
        """The article with its suspect spans taken out (itself when there are none)."""
        if not self.suspects:
            return self
        pieces = []
        pos = 0
        for span in self.suspects:
            pieces.append(self.text[pos : span.start])
            pieces.append("\n\n")  # nothing on either side joins across the gap
            pos = span.end
        pieces.append(self.text[pos:])
        return ArticleIndex("".join(pieces), find_suspects=False)

    @cached_property
    def planted(self) -> PlantedIndex:
        """The words and phrases the article has only inside its suspect spans."""
        return PlantedIndex([s.text for s in self.suspects], self.trusted._norm)
