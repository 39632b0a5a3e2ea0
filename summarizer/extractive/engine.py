"""Running the rules in order and assembling the briefing."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from summarizer.checks.grounding import MIN_QUOTE_CHARS, normalise
from summarizer.checks.injection import reported, suspect_spans
from summarizer.checks.validate import revalidated
from summarizer.errors import EmptyArticleError
from summarizer.extractive.actors import Cast, build_cast, lowercase_words
from summarizer.extractive.attribution import Attribution, Attributor
from summarizer.extractive.compress import truncated
from summarizer.extractive.cues import speakers
from summarizer.extractive.disputes import find_disputes
from summarizer.extractive.figures import Figure, find_figures
from summarizer.extractive.headline import (
    SUMMARY_SENTENCE_WORDS,
    Candidate,
    cut_summary,
    headline_and_source,
    make_summary,
)
from summarizer.extractive.keypoints import (
    POINT_WORDS,
    Scored,
    leftovers,
    pick_key_points,
    score_sentences,
    tells_title,
    title_words,
    word_frequencies,
)
from summarizer.extractive.keytext import point_text
from summarizer.extractive.memo import remembered
from summarizer.extractive.pronouns import infer_genders
from summarizer.extractive.refuted import refuted_sentences
from summarizer.extractive.sentences import Sentence, split_sentences
from summarizer.extractive.stance_choice import Context
from summarizer.extractive.stances import build_stances
from summarizer.inputs.article import Article
from summarizer.models import Briefing, DisputedFigure, KeyPoint, Stance
from summarizer.results import BriefingResult, Provenance, package_version, source_info

# Only this much of a huge input is analysed, so a runaway input cannot stall the
# engine; a long feature of 50,000 words is about 300,000 characters.
MAX_ANALYSED_CHARS = 400_000
_FALLBACK_CHARS = 300
_WRAPPERS = "\"' \t\n"
# The briefing (headline, summary and key points) is at most this share of the
# article's words, and never more than MAX_BRIEFING_WORDS: issue 14 asks for at most
# half of a 400-word article and 300 words for any article. Half is the target's
# own figure; 280 keeps a margin under 300. (On the real-news tuning split a share
# of 0.45 left the key points too little room: the length-aware score fell below
# lead-k, 0.44 against 0.45; at 0.5 it is 0.48 against 0.47.)
BUDGET_SHARE = 0.5
MAX_BRIEFING_WORDS = 280
# The key points are picked before the summary, with room kept for one summary
# sentence only; the summary then has whatever the headline and points left,
# at least SUMMARY_SENTENCE_WORDS. Recall counts key points alone, and in a short
# article a fixed share for the summary took a point's room. (Tried on the
# real-news tuning split and the fiction set: a fixed summary share of 0.15 gave
# tuning recall 0.429, length-aware 0.501; points first 0.445 and 0.514; fiction
# recall unchanged at 0.284, length-aware 0.465 -> 0.476. A share of 0.0, 0.05
# and 0.15 were tried with the points first: the same.)
# However short the article, a briefing has room for a headline, a short summary and
# two or three points: under 180 words, half the article would not hold them.
MIN_BRIEFING_WORDS = 90
# Sentences of the opening tried for the headline when the lead cannot be compressed.
_HEADLINE_ALTERNATIVES = 3
# The summary reads the next few sentences the key points left out, best first.
_SUMMARY_CANDIDATES = 5


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
    with remembered():
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


@dataclass
class _Analysis:
    """What the rules read from an article before any choice is made."""

    sentences: list[Sentence]
    cast: Cast
    attributor: Attributor
    attributions: dict[int, Attribution] = field(default_factory=dict)
    figures: dict[int, list[Figure]] = field(default_factory=dict)
    subjects: dict[int, str] = field(default_factory=dict)


def _analyse(text: str) -> _Analysis:
    sentences = split_sentences(text[:MAX_ANALYSED_CHARS])
    cast = build_cast(sentences, lowercase_words(text[:MAX_ANALYSED_CHARS]))
    infer_genders(sentences, cast)
    found = _Analysis(sentences, cast, Attributor(cast))
    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        said = found.attributor.attribute(sentence) if sentence.is_sentence else None
        if said is not None:
            found.attributions[sentence.index] = said
        subject = found.attributor.subject(sentence) if sentence.is_sentence else None
        if subject is not None:
            found.subjects[sentence.index] = subject
        numbers = find_figures(sentence.text)
        if numbers:
            found.figures[sentence.index] = numbers
    found.attributor.link_countries(found.attributions)
    return found


def all_stances(text: str) -> list[Stance]:
    """Every stance the attribution rules find in ``text``, before the briefing chooses.

    For tests and debugging: the briefing reports only the stances that
    ``summarizer.extractive.stance_choice`` keeps.
    """
    with remembered():
        found = _analyse(text)
        frequencies = word_frequencies(s for s in found.sentences if s.is_sentence)
        return build_stances(list(found.attributions.values()), frequencies)


def _brief(text: str, source: str) -> Briefing:
    found = _analyse(text)
    sentences, cast, attributor = found.sentences, found.cast, found.attributor
    attributions, figures, subjects = found.attributions, found.figures, found.subjects
    frequencies = word_frequencies(s for s in sentences if s.is_sentence)
    refuted = refuted_sentences(sentences, set(attributions))
    scored = score_sentences(sentences, frequencies, figures, attributions, subjects, refuted)
    budget = briefing_budget(text)
    lead = _headline_sentence(scored)
    if lead is None:
        return _fallback(sentences, source)
    opening = _opening_alternatives(scored, lead, title_words(sentences))
    headline, made_from = headline_and_source(
        point_text_of(lead, attributions, subjects),
        *(point_text_of(c, attributions, subjects) for c in opening),
    )
    told = (lead, *opening)[made_from]  # the sentence the headline tells
    points_budget = budget - len(headline.split()) - SUMMARY_SENTENCE_WORDS
    points = pick_key_points(scored, attributions, max(points_budget, 1), subjects)
    left = budget - len(headline.split()) - sum(p.words for p in points)
    summary_budget = max(SUMMARY_SENTENCE_WORDS, left)
    key_points = [p.key_point for p in points] or [_lead_point(lead, attributions, subjects)]
    rest = leftovers(scored, points, told.sentence.index)[:_SUMMARY_CANDIDATES]
    further = [Candidate(c.sentence.index, point_text_of(c, attributions, subjects)) for c in rest]
    restated = [Candidate(p.index, p.full_text, p.key_point.text) for p in points[1:]]
    summary = (
        make_summary(further, summary_budget)
        or make_summary(restated, summary_budget)
        or cut_summary(further + restated, headline)
        or headline
    )
    # The statements and the quotations that go on after "she said.": the disputes
    # and the stances both read a continued quotation as the same speaker's.
    statements = speakers(sentences, attributions)
    disputes = find_disputes(sentences, figures, statements, attributor.resolve_phrase, cast.allied)
    context = _stance_context(cast, sentences, lead, disputes)
    return Briefing(
        headline=headline,
        summary=summary,
        key_points=key_points,
        stances=build_stances(list(statements.values()), frequencies, context),
        disputed_figures=disputes,
    )


def _stance_context(
    cast: Cast, sentences: list[Sentence], lead: Scored, disputes: list[DisputedFigure]
) -> Context:
    people = frozenset(a.name for a in cast.actors.values() if a.person)
    title = title_words(sentences)
    lead_words = {w.lower() for w in lead.sentence.text.replace(",", " ").split()}
    parties = {d.claimed_by for d in disputes} | {a for d in disputes for a in d.disputed_by}
    return Context(
        people=people, prominent=frozenset(title | lead_words), disputants=frozenset(parties)
    )


def briefing_budget(text: str) -> int:
    """How many words the headline, summary and key points of ``text`` may have together."""
    words = len(text.split())
    return max(MIN_BRIEFING_WORDS, min(MAX_BRIEFING_WORDS, int(BUDGET_SHARE * words)))


def _headline_sentence(scored: list[Scored]) -> Scored | None:
    """The sentence the headline is made from: the lead, unless it cannot stand alone."""
    leads = [c for c in scored if c.lead and c.standalone]
    if leads:
        return leads[0]
    usable = [c for c in scored if c.standalone and not c.colour and not c.refuted]
    return max(usable, key=lambda c: c.score, default=None)


def _opening_alternatives(
    scored: list[Scored], lead: Scored, title: frozenset[str]
) -> list[Scored]:
    """Headlines to try when the lead cannot be compressed: its paragraph's other news.

    Only a sentence of the lead's paragraph that tells the story the title names
    (``tells_title``) will do; without a title, none.
    """
    found = [
        c
        for c in scored
        if c is not lead
        and c.standalone
        and not c.refuted
        and not c.colour
        and c.sentence.paragraph == lead.sentence.paragraph
        and tells_title(c.words, title)
    ]
    return sorted(found, key=lambda c: (-c.score, c.sentence.index))[:_HEADLINE_ALTERNATIVES]


def point_text_of(
    candidate: Scored, attributions: dict[int, Attribution], subjects: dict[int, str]
) -> str:
    """The cleaned, unshortened text of a candidate sentence."""
    index = candidate.sentence.index
    quote = " ".join(candidate.sentence.text.split())
    return point_text(quote, attributions.get(index), subjects.get(index))


def _lead_point(
    lead: Scored, attributions: dict[int, Attribution], subjects: dict[int, str]
) -> KeyPoint:
    """The lead as the one key point, when no sentence shortens to a point's length.

    A short article of two long sentences still gets a headline compressed to its
    limit and a point cut where a phrase ends; its evidence is the lead verbatim.
    """
    text = truncated(point_text_of(lead, attributions, subjects), POINT_WORDS, whole_phrase=True)
    return KeyPoint(text=text, evidence=[" ".join(lead.sentence.text.split())])


def _fallback(sentences: list[Sentence], source: str) -> Briefing:
    """A briefing of the first usable span, for text with no proper sentence."""
    for sentence in sentences:
        span = _usable_span(sentence.text)
        if span:
            point = KeyPoint(text=span, evidence=[span])
            return Briefing(headline=span, summary=span, key_points=[point])
    if any(len(s.text) > _FALLBACK_CHARS for s in sentences):  # no span in any of them
        raise EmptyArticleError(source, unbroken=_FALLBACK_CHARS)
    raise EmptyArticleError(source, shortest=MIN_QUOTE_CHARS)


def _usable_span(text: str) -> str:
    """The first words of ``text``, at most ``_FALLBACK_CHARS``, ending where a word does.

    A quote must start and end on word boundaries, so a span is never cut inside a
    word; text that runs on without a space has no span at all.
    """
    span = text[:_FALLBACK_CHARS]
    if len(text) > _FALLBACK_CHARS and text[_FALLBACK_CHARS].isalnum() and span[-1].isalnum():
        if " " not in span.strip():
            return ""
        span = span[: span.rstrip().rindex(" ")]
    elif len(text) > _FALLBACK_CHARS and " " in span[_FALLBACK_CHARS // 2 :]:
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
