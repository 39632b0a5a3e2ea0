"""Long articles: split on paragraph boundaries (map), merge the part briefings (reduce).

Every part is an exact slice of the article, so a quote grounded in a part is
grounded in the whole. The merge is deterministic code, not another model call:
duplicate points are merged, one actor's stances on one topic are joined, the
same figure from the same claimant is kept once with every disputant, and the
merged briefing is validated against the whole article before it is returned.

Each part is at least one model call, so an article may take at most
``MAX_PARTS`` parts: a longer one is refused (``TooManyPartsError``) before any
request is sent, rather than multiplying the calls (and the bill) without bound.
At the default budget of 12,000 tokens a part, that is about 960,000 characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from summarizer.checks.grounding import normalise
from summarizer.checks.injection import reported, suspect_spans
from summarizer.checks.numbers import numbers_in
from summarizer.checks.validate import revalidated
from summarizer.config import Settings
from summarizer.errors import TooManyPartsError
from summarizer.inputs.article import Article
from summarizer.llm.prompts import RenderedPrompt, messages_hash
from summarizer.models import Briefing, DisputedFigure, KeyPoint, Stance
from summarizer.results import BriefingResult, Provenance, package_version, source_info

if TYPE_CHECKING:
    from summarizer.llm.engine import CallStats

CHARS_PER_TOKEN = 4
# Datamarking shows each space of the article as a mark, which many tokenizers
# cannot merge with the words around it. Measured on SmolLM2's tokenizer through
# llama.cpp's /extras/tokenize: the article part of the prompt took 2.49x (the
# bundled example) and 2.67x (the 5,800-word eval case long-port-inquiry) the
# tokens of the plain text. The estimate takes the higher figure, rounded up.
DATAMARK_TOKEN_FACTOR = 2.7
# The most parts (model calls, before re-asks) one article may be briefed in.
MAX_PARTS = 20
MAX_KEY_POINTS = 8
MAX_EVIDENCE = 3
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+")


def estimate_tokens(text: str, *, datamark: bool = False) -> int:
    """A cheap estimate of the tokens ``text`` takes as sent.

    About four characters a token for English, times ``DATAMARK_TOKEN_FACTOR``
    when its spaces are datamarked.
    """
    plain = len(text) / CHARS_PER_TOKEN
    return math.ceil(plain * DATAMARK_TOKEN_FACTOR if datamark else plain)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _cut_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut one over-long paragraph at sentence ends, else at spaces, else anywhere."""
    pieces = []
    while end - start > limit:
        window = text[start : start + limit]
        cuts = [m.start() for m in _SENTENCE_END.finditer(window)]
        cut = cuts[-1] if cuts else window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def split_article(text: str, max_tokens: int, *, datamark: bool = False) -> list[str]:
    """Split ``text`` into parts of at most about ``max_tokens`` tokens each, as sent.

    Parts end on paragraph boundaries; only a single paragraph longer than the
    budget is cut inside, at a sentence end where there is one. Every part is an
    exact slice of ``text``, in order. With ``datamark``, the budget counts the
    marks (see ``estimate_tokens``).
    """
    factor = DATAMARK_TOKEN_FACTOR if datamark else 1.0
    limit = int(max_tokens * CHARS_PER_TOKEN / factor)
    if len(text) <= limit:
        return [text]
    spans: list[tuple[int, int]] = []
    for start, end in _paragraph_spans(text):
        spans.extend(_cut_long(text, start, end, limit) if end - start > limit else [(start, end)])
    parts: list[str] = []
    first, last = spans[0]
    for start, end in spans[1:]:
        if end - first > limit:
            parts.append(text[first:last])
            first = start
        last = end
    parts.append(text[first:last])
    return parts


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(normalise(text).lower()))


def _similar(a: str, b: str, threshold: float) -> bool:
    """Near-duplicates: mostly the same words, and exactly the same numbers."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb or numbers_in(a) != numbers_in(b):
        return False
    return len(wa & wb) / len(wa | wb) >= threshold


def _evidence(*groups: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for group in groups:
        for quote in group:
            if normalise(quote) not in {normalise(q) for q in seen}:
                seen.append(quote)
    return seen[:MAX_EVIDENCE]


def _key_points(parts: Sequence[Briefing]) -> list[KeyPoint]:
    # Round robin over the parts' ranked points: each part's most important point
    # before any part's second, so a long article's later sections are not lost.
    merged: list[KeyPoint] = []
    depth = max(len(p.key_points) for p in parts)
    for rank in range(depth):
        for part in parts:
            if rank >= len(part.key_points):
                continue
            point = part.key_points[rank]
            twin = next((m for m in merged if _similar(m.text, point.text, 0.6)), None)
            if twin is not None:
                twin.evidence = _evidence(twin.evidence, point.evidence)
            elif len(merged) < MAX_KEY_POINTS:
                merged.append(point.model_copy(deep=True))
    return merged


def _stances(parts: Sequence[Briefing]) -> list[Stance]:
    merged: list[Stance] = []
    for part in parts:
        for stance in part.stances:
            twin = next(
                (
                    m
                    for m in merged
                    if normalise(m.actor).lower() == normalise(stance.actor).lower()
                    and _similar(m.topic, stance.topic, 0.5)
                ),
                None,
            )
            if twin is None:
                merged.append(stance.model_copy(deep=True))
                continue
            twin.evidence = _evidence(twin.evidence, stance.evidence)
            twin.role = twin.role or stance.role
    return merged


def _figures(parts: Sequence[Briefing]) -> list[DisputedFigure]:
    merged: list[DisputedFigure] = []
    for part in parts:
        for figure in part.disputed_figures:
            twin = next(
                (
                    m
                    for m in merged
                    if normalise(m.figure) == normalise(figure.figure)
                    and normalise(m.claimed_by).lower() == normalise(figure.claimed_by).lower()
                ),
                None,
            )
            if twin is None:
                merged.append(figure.model_copy(deep=True))
                continue
            twin.disputed_by = list(dict.fromkeys([*twin.disputed_by, *figure.disputed_by]))
            twin.counter_claim = twin.counter_claim or figure.counter_claim
            twin.evidence = _evidence(twin.evidence, figure.evidence)
    return merged


def merge(parts: Sequence[Briefing]) -> Briefing:
    """Merge the briefings of an article's parts, in article order, into one."""
    if not parts:
        raise ValueError("merge needs at least one briefing")
    if len(parts) == 1:
        return parts[0]
    return Briefing.model_construct(
        headline=parts[0].headline,
        summary=parts[0].summary,
        key_points=_key_points(parts),
        stances=_stances(parts),
        disputed_figures=_figures(parts),
    )


@dataclass(frozen=True)
class Part:
    """One part of an article briefed in parts (the whole article when it is short).

    Attributes:
        article: The part, as an article of its own (source and title kept).
        position: (part number, parts) from 1, or None for a whole article.
    """

    article: Article
    position: tuple[int, int] | None


def article_parts(
    article: Article, max_tokens: int, *, datamark: bool = False, max_parts: int = MAX_PARTS
) -> list[Part]:
    """The parts ``article`` is briefed in: itself when it fits ``max_tokens`` as sent.

    Raises:
        TooManyPartsError: It would take more than ``max_parts`` parts.
    """
    texts = split_article(article.text, max_tokens, datamark=datamark)
    if len(texts) > max_parts:
        raise TooManyPartsError(article.source, len(texts), max_parts, max_tokens)
    if len(texts) == 1:
        return [Part(article, None)]
    return [Part(replace(article, text=text), (i, len(texts))) for i, text in enumerate(texts, 1)]


def assemble(
    article: Article,
    runs: list[tuple[RenderedPrompt, Briefing, CallStats]],
    *,
    settings: Settings,
    model: str,
    latency: float,
) -> BriefingResult:
    """One result from the briefings of an article's parts (merged and re-checked if several).

    Args:
        article: The whole article.
        runs: Each part's prompt, validated briefing and call figures, in order.
        settings: The engine settings the parts were briefed with.
        model: The model that briefed them.
        latency: Wall time of the whole, in seconds.

    Raises:
        ModelOutputError: The merged briefing does not validate against the whole article.
    """
    if len(runs) == 1:
        briefing = runs[0][1]
        prompt_hash = runs[0][0].hash
    else:
        briefing = revalidated(
            merge([b for _, b, _ in runs]), article.text, article.source, "the merged briefing"
        )
        prompt_hash = messages_hash([{"role": "parts", "content": p.hash} for p, _, _ in runs])
    stats = [s for _, _, s in runs]
    prompt_tokens = sum(s.prompt_tokens for s in stats)
    completion_tokens = sum(s.completion_tokens for s in stats)
    provenance = Provenance(
        engine="llm",
        model=model,
        endpoint_kind=settings.endpoint_kind(),
        mode=settings.mode,
        prompt_template=runs[0][0].template,
        prompt_version=runs[0][0].version,
        prompt_hash=prompt_hash,
        parts=len(runs),
        requests=sum(s.requests for s in stats),
        reasks=sum(s.reasks for s in stats),
        transport_retries=sum(s.transport_retries for s in stats),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        total_tokens=prompt_tokens + completion_tokens,
        latency_s=round(latency, 6),
        summarizer_version=package_version(),
        suspect_spans=reported(suspect_spans(article.text)),
    )
    return BriefingResult(briefing=briefing, provenance=provenance, source=source_info(article))
