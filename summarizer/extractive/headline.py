"""The headline and the summary: the lead compressed, and what else the story says in brief.

The headline is the article's lead sentence compressed to at most
``HEADLINE_WORDS`` words: no time opener, no descriptions of who someone is, no
trailing clause (``summarizer.extractive.compress``).

The summary is at most three short sentences, each an informative sentence of
the article that the key points left out, compressed more tightly than a point
(``SUMMARY_SENTENCE_WORDS``). A summary that restated the key points would make
the reader read every fact twice (the complaint of issue 14 was that every
summary sentence repeated a key point); headline, summary and key points
together tell the story once, headline first. Only a story too short to have
anything left over is summarised from its key points, in brief.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.checks.grounding import normalise
from summarizer.extractive.compress import (
    CUTS,
    Shortened,
    drop_ages,
    drop_also,
    drop_any_time,
    drop_appositives,
    drop_inner_time,
    drop_opening_adjunct,
    drop_relatives,
    drop_subject_clause,
    drop_time_opener,
    shorten,
    truncated,
)

# Issue 14's limits for the headline and the summary.
HEADLINE_WORDS = 20
SUMMARY_SENTENCES = 3
# A summary sentence is a point in brief: at most this many words (chosen with the
# headline's limit in mind, on the fiction and real-news tuning sets).
SUMMARY_SENTENCE_WORDS = 18
# A headline may also drop the day of the event, before any clause is cut, and, last, a
# clause inside its subject that would keep it from reaching its verb.
_HEADLINE_CUTS = (*CUTS[:1], drop_any_time, *CUTS[1:], drop_subject_clause)
_BRIEF = (drop_time_opener, drop_inner_time, drop_ages, drop_appositives, drop_relatives)
_LEANING = frozenset("he she it they this that these those so then".split())


def make_headline(lead_text: str, *others: str) -> str:
    """The lead sentence compressed to a headline of at most ``HEADLINE_WORDS`` words.

    Args:
        lead_text: The lead sentence, cleaned.
        others: Further sentences of the opening, best first, tried in turn when
            the lead cannot be compressed that far; the lead cut at the limit
            (with "…") is the last resort.
    """
    return headline_and_source(lead_text, *others)[0]


def headline_and_source(lead_text: str, *others: str) -> tuple[str, int]:
    """The headline (:func:`make_headline`) and which sentence it was made from.

    The source is 0 for the lead and ``k`` for ``others[k - 1]``: the summary must not
    tell the same sentence again.
    """
    for source, text in enumerate((lead_text, *others)):
        short = headline_form(text)
        if short.fits:
            return short.text, source
    return truncated(headline_form(lead_text).text, HEADLINE_WORDS, whole_phrase=True), 0


def headline_form(text: str) -> Shortened:
    """``text`` compressed as a headline is: no time opener, no day, a clause cut if need be."""
    return shorten(
        text,
        HEADLINE_WORDS,
        always=(drop_time_opener, drop_opening_adjunct, drop_also),
        cuts=_HEADLINE_CUTS,
        weak_cuts=True,
    )


@dataclass(frozen=True)
class Candidate:
    """A sentence the summary may put in brief.

    Attributes:
        index: Its index in the article (the summary reads in the article's order).
        text: The sentence, cleaned for reading.
        point: The key point it already is, if any: the summary must not repeat it.
    """

    index: int
    text: str
    point: str | None = None


def make_summary(candidates: list[Candidate], budget: int) -> str:
    """At most three sentences, each a candidate in brief, in the article's order.

    Args:
        candidates: Candidate sentences, most important first.
        budget: The most words the summary may have.

    Returns:
        The summary, or "" when no candidate can be put in brief within ``budget``
        (a key point already as short as its brief form is skipped: the summary
        would repeat it word for word).
    """
    picked: list[tuple[int, str]] = []
    spent = 0
    for candidate in candidates:
        brief = _in_brief(candidate)
        if brief is None:
            continue
        short = brief[1]
        if not short.fits:
            continue
        if candidate.point is not None and normalise(short.text) in (
            normalise(candidate.point),
            normalise(_without_also(candidate.point)),
        ):
            continue  # the point itself, or the point without its "also"
        if spent + short.words > budget:
            continue
        picked.append((candidate.index, short.text))
        spent += short.words
        if len(picked) == SUMMARY_SENTENCES:
            break
    picked.sort()
    return " ".join(text for _, text in picked)


def cut_summary(candidates: list[Candidate], told: str) -> str:
    """A last-resort summary: the first candidate cut where a phrase ends, with "…".

    When no candidate shortens to a whole summary sentence, the summary still says
    something the headline does not, rather than repeating it: the first candidate
    that does not lean back and is not the headline's own sentence, cut to
    ``SUMMARY_SENTENCE_WORDS`` words where a phrase ends. "" when there is none.
    """
    for candidate in candidates:
        found = _in_brief(candidate)
        if found is None:
            continue
        text, brief = found
        if text[:1] in "\"“'‘[":
            continue  # "…" cannot enter a quotation
        if normalise(text).startswith(normalise(told.rstrip(".…"))):
            continue
        if brief.fits:
            continue  # a whole brief sentence the summary left out: a key point as it is
        cut = truncated(brief.text, SUMMARY_SENTENCE_WORDS, whole_phrase=True)
        if len(cut.split()) >= _CUT_SUMMARY_MIN_WORDS:
            return cut
    return ""


# A cut summary shorter than this says too little to be worth reading: "Osama…".
# Set by reading the unseen news summaries, not tuned on any split.
_CUT_SUMMARY_MIN_WORDS = 8


def _in_brief(candidate: Candidate) -> tuple[str, Shortened] | None:
    """A candidate's text as the summary reads it, and that text put in brief.

    None for a sentence that leans back ("He questioned the grant"): whom it means,
    the summary has not said.
    """
    text = _without_also(candidate.text)
    if _leans_back(text):
        return None
    return text, shorten(text, SUMMARY_SENTENCE_WORDS, always=_BRIEF, ellipsis=False)


def _without_also(text: str) -> str:
    """``text`` without the "also" after its named subject: "Reyland also questioned".

    The summary follows the headline, so "also" would point at a sentence the reader
    may not have been given; the claim stands as well without it.
    """
    words = text.split(" ", 4)
    if len(words) < 3 or words[0].lower() in _LEANING or "also" not in words[1:4]:
        return text
    return drop_also(text)


def _leans_back(text: str) -> bool:
    """True when ``text`` continues an earlier sentence: "He ...", "Reyland also ..."."""
    words = text.lower().replace(",", " ").split()
    return bool(words) and (words[0] in _LEANING or "also" in words[:4])
