"""Running the rules in order and assembling the briefing."""

from __future__ import annotations

import time

from summarizer.checks.grounding import MIN_QUOTE_CHARS, normalise
from summarizer.checks.injection import reported, suspect_spans
from summarizer.checks.validate import revalidated
from summarizer.errors import EmptyArticleError
from summarizer.extractive.actors import build_cast, lowercase_words
from summarizer.extractive.attribution import Attribution, Attributor
from summarizer.extractive.disputes import find_disputes, remembered_words
from summarizer.extractive.figures import Figure, find_figures
from summarizer.extractive.keypoints import (
    headline_and_summary,
    pick_key_points,
    score_sentences,
    word_frequencies,
)
from summarizer.extractive.pronouns import infer_genders
from summarizer.extractive.sentences import Sentence, split_sentences
from summarizer.extractive.stances import build_stances
from summarizer.inputs.article import Article
from summarizer.models import Briefing, KeyPoint
from summarizer.results import BriefingResult, Provenance, package_version, source_info

# Only this much of a huge input is analysed, so a runaway input cannot stall the
# engine; a long feature of 50,000 words is about 300,000 characters.
MAX_ANALYSED_CHARS = 400_000
_FALLBACK_CHARS = 300
_WRAPPERS = "\"' \t\n"


def brief_extractive(text: str, *, source: str = "<text>") -> Briefing:
    """Build a briefing of ``text`` by rules, with no model.

    Args:
        text: The article, already cleaned of page furniture.
        source: How to name the article in an error message.

    Returns:
        The briefing; every evidence quote is verbatim from ``text``.

    Raises:
        EmptyArticleError: When ``text`` holds nothing usable, not even a span of
            eight characters.
    """
    with remembered_words():
        return _brief(_without_suspects(_analysed(text)), source)


def _analysed(text: str) -> str:
    """The part of ``text`` the rules read: all of it, or up to a space near the limit.

    Cut at a space, never inside a word, so a sentence cut short is still verbatim
    and on word boundaries.
    """
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    cut = max(text.rfind(" ", 0, MAX_ANALYSED_CHARS), text.rfind("\n", 0, MAX_ANALYSED_CHARS))
    return text[: cut if cut > 0 else MAX_ANALYSED_CHARS]


def _without_suspects(text: str) -> str:
    """``text`` with instructions planted in it blanked out, every offset kept.

    What they say is not news. Each becomes blank lines of its own length, so no
    sentence joins across it and every other sentence stays verbatim at its place.
    """
    for span in suspect_spans(text):
        text = text[: span.start] + "\n" * (span.end - span.start) + text[span.end :]
    return text


def _brief(text: str, source: str) -> Briefing:
    sentences = split_sentences(text[:MAX_ANALYSED_CHARS])
    cast = build_cast(sentences, lowercase_words(text[:MAX_ANALYSED_CHARS]))
    infer_genders(sentences, cast)
    attributor = Attributor(cast)
    attributions: dict[int, Attribution] = {}
    figures: dict[int, list[Figure]] = {}
    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        said = attributor.attribute(sentence) if sentence.is_sentence else None
        if said is not None:
            attributions[sentence.index] = said
        found = find_figures(sentence.text)
        if found:
            figures[sentence.index] = found
    attributor.link_countries(attributions)
    frequencies = word_frequencies(s for s in sentences if s.is_sentence)
    scored = score_sentences(sentences, frequencies, figures, attributions)
    points = pick_key_points(scored, attributions)
    if not points:
        return _fallback(sentences, source)
    headline, summary = headline_and_summary(points)
    return Briefing(
        headline=headline,
        summary=summary,
        key_points=[p.key_point for p in points],
        stances=build_stances(list(attributions.values()), frequencies),
        disputed_figures=find_disputes(
            sentences, figures, attributions, attributor.resolve_phrase, cast.allied
        ),
    )


def _fallback(sentences: list[Sentence], source: str) -> Briefing:
    """A briefing of the first usable span, for text with no proper sentence."""
    for sentence in sentences:
        span = _usable_span(sentence.text)
        if span:
            point = KeyPoint(text=span, evidence=[span])
            return Briefing(headline=span, summary=span, key_points=[point])
    raise EmptyArticleError(source)


def _usable_span(text: str) -> str:
    span = text[:_FALLBACK_CHARS]
    if len(text) > _FALLBACK_CHARS and " " in span[_FALLBACK_CHARS // 2 :]:
        span = span[: span.rindex(" ")]
    span = " ".join(span.split())
    core = normalise(span).strip(_WRAPPERS)
    return span if len(core) >= MIN_QUOTE_CHARS and any(c.isalnum() for c in core) else ""


def brief_result(article: Article) -> BriefingResult:
    """Brief ``article`` by rules and wrap it as a result with its provenance.

    Grounded by construction; validated anyway against the whole article, because
    a rule bug must not reach a reader as a quote the article never contained.
    """
    started = time.perf_counter()
    briefing = brief_extractive(article.text, source=article.source)
    revalidated(
        briefing, article.text, article.source, "internal error: the extractive engine's briefing"
    )
    provenance = Provenance(
        engine="extractive",
        latency_s=round(time.perf_counter() - started, 6),
        summarizer_version=package_version(),
        suspect_spans=reported(suspect_spans(article.text)),
    )
    return BriefingResult(briefing=briefing, provenance=provenance, source=source_info(article))
