"""Which figures are disputed, by whom, and what the other side says.

A figure is disputed when, within the next paragraphs, another actor contests it
("China counters that ...", "the mayor's office disputed that figure, saying ...
closer to 250", "police put the figure at 3,000") or gives a different value of
the same unit for the same measure. A figure nobody contests is not reported.
Every comparison looks back a fixed number of paragraphs, so the cost is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.contrast import Resolver, find_contrast
from summarizer.extractive.figures import Figure, bare_numbers
from summarizer.extractive.lexicon import CONTEST_PHRASES, CONTEST_VERBS, STOPWORDS
from summarizer.extractive.sentences import Sentence
from summarizer.models import DisputedFigure

# How many paragraphs back a contest or a rival figure may reach.
_WINDOW = 2
# ... and how many sentences, for text that never breaks its paragraphs.
_WINDOW_SENTENCES = 12
_MAX_EVIDENCE = 3
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_BOUND = re.compile(r"\b(?:up to|at least|at most|more than|less than|fewer than|as many as)\s*$")


@dataclass
class Claim:
    """A figure, its sentence, who asserts it, and who contests it."""

    figure: Figure
    sentence: Sentence
    claimant: str
    disputers: list[str] = field(default_factory=list)
    counter: str | None = None
    evidence: list[str] = field(default_factory=list)

    def contest(self, actor: str, counter: str | None, sentence: Sentence) -> None:
        """Record that ``actor`` contests this claim in ``sentence``."""
        if actor not in self.disputers:
            self.disputers.append(actor)
        if self.counter is None and counter:
            self.counter = counter
        if sentence.text not in self.evidence and len(self.evidence) < _MAX_EVIDENCE:
            self.evidence.append(sentence.text)


def content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` that carry meaning."""
    words = {_POSSESSIVE.sub("", w.lower()) for w in _WORD.findall(text)}
    return words - STOPWORDS


def is_contest(attribution: Attribution) -> bool:
    """True when the statement contests something rather than merely reporting it."""
    if attribution.verb.lower() in CONTEST_VERBS:
        return True
    lowered = attribution.sentence.text.lower()
    return any(phrase in lowered for phrase in CONTEST_PHRASES)


def find_disputes(
    sentences: list[Sentence],
    figures: dict[int, list[Figure]],
    attributions: dict[int, Attribution],
    resolve: Resolver | None = None,
) -> list[DisputedFigure]:
    """Return the disputed figures of the article, in order of first mention.

    Args:
        sentences: The article's sentences.
        figures: The figures of each sentence, by sentence index.
        attributions: The statement of each attributed sentence, by index.
        resolve: Turns a name or description into a canonical actor, for the owner
            of a figure contested in passing ("not the $11 million the authority
            has used").
    """
    claims: list[Claim] = []
    by_value: dict[tuple[float, str], Claim] = {}
    first = 0
    for sentence in sentences:
        said = attributions.get(sentence.index)
        while first < len(claims) and (
            sentence.paragraph - claims[first].sentence.paragraph > _WINDOW
            or sentence.index - claims[first].sentence.index > _WINDOW_SENTENCES
        ):
            first += 1
        recent = claims[first:]
        own = figures.get(sentence.index, [])
        if said is not None and resolve is not None and len(own) > 1:
            rest = _apply_contrast(claims, by_value, said, own, resolve)
            if rest is not None:
                _add_claims(claims, by_value, said, rest)
                continue
        if said is not None and is_contest(said):
            own = _apply_contest(recent, said, own) or own
        elif said is not None:
            _apply_rivals(recent, said, own)
        if said is not None:
            _add_claims(claims, by_value, said, own)
    return _report(claims)


def _add_claims(
    claims: list[Claim],
    by_value: dict[tuple[float, str], Claim],
    said: Attribution,
    own: list[Figure],
) -> None:
    for figure in own:
        claim = Claim(figure, said.sentence, said.actor, evidence=[said.sentence.text])
        claims.append(claim)
        by_value.setdefault((figure.value, figure.unit), claim)


def _apply_contrast(
    claims: list[Claim],
    by_value: dict[tuple[float, str], Claim],
    said: Attribution,
    own: list[Figure],
    resolve: Resolver,
) -> list[Figure] | None:
    """Handle "A, not the B": return the speaker's own figures, or None if no contrast."""
    found = find_contrast(said.sentence.text, own, said.verb, resolve)
    if found is None:
        return None
    asserted, contested, owner = found
    counter = f"{asserted.text} ({said.actor})"
    earlier = by_value.get((contested.value, contested.unit))
    if earlier is not None and earlier.claimant != said.actor and owner in (None, earlier.claimant):
        earlier.contest(said.actor, counter, said.sentence)
    elif owner is not None and owner != said.actor:
        claim = Claim(contested, said.sentence, owner, evidence=[said.sentence.text])
        claim.contest(said.actor, counter, said.sentence)
        claims.append(claim)
    else:
        return None
    return [f for f in own if f.start != contested.start]


def _apply_contest(recent: list[Claim], said: Attribution, own: list[Figure]) -> list[Figure]:
    """Mark the claims ``said`` contests; return the rival figures it gives."""
    others = [c for c in recent if c.claimant != said.actor]
    if not others:
        return []
    numbers = own or _counter_numbers(said.sentence.text, others[-1].figure)
    if numbers:
        targets = [c for c in others if any(_rival(c.figure, n) for n in numbers)]
        counter = numbers[0].text
    else:
        last_paragraph = others[-1].sentence.paragraph
        words = content_words(said.sentence.text)
        targets = [
            c
            for c in others
            if c.sentence.paragraph == last_paragraph and words & content_words(c.sentence.text)
        ]
        counter = None
    clause = _clip(said.clause)
    for claim in targets:
        claim.contest(said.actor, clause or counter, said.sentence)
    return numbers if targets else []


def _apply_rivals(recent: list[Claim], said: Attribution, own: list[Figure]) -> None:
    for figure in own:
        if _bound(said.sentence.text, figure):
            continue
        for claim in recent:
            if (
                claim.claimant != said.actor
                and _rival(claim.figure, figure)
                and _same_measure(claim.figure, figure)
                and not _bound(claim.sentence.text, claim.figure)
            ):
                claim.contest(said.actor, f"{figure.text} ({said.actor})", said.sentence)


def _bound(text: str, figure: Figure) -> bool:
    """True for "up to 40" or "at least 12": a limit, not a rival count."""
    return _BOUND.search(text, max(0, figure.start - 16), figure.start) is not None


def _counter_numbers(text: str, target: Figure) -> list[Figure]:
    """Bare numbers in a contest ("put the figure at 12,000") take the unit they contest."""
    return [Figure(t, v, target.unit, target.measure, 0) for t, v in bare_numbers(text)]


def _rival(claim: Figure, other: Figure) -> bool:
    return claim.unit == other.unit and claim.value != other.value


def _same_measure(first: Figure, second: Figure) -> bool:
    return bool(content_words(first.measure) & content_words(second.measure))


def _clip(clause: str, limit: int = 30) -> str:
    words = clause.replace('"', "").replace("“", "").replace("”", "").split()
    text = " ".join(words[:limit]).rstrip(".,;:")
    return text + ("…" if len(words) > limit else "")


def _report(claims: list[Claim]) -> list[DisputedFigure]:
    seen: set[tuple[str, str]] = set()
    report: list[DisputedFigure] = []
    for claim in claims:
        key = (claim.figure.text, claim.claimant)
        if not claim.disputers or key in seen:
            continue
        seen.add(key)
        report.append(
            DisputedFigure(
                figure=claim.figure.text,
                value=claim.figure.value,
                unit=claim.figure.unit,
                measure=claim.figure.measure,
                claimed_by=claim.claimant,
                disputed_by=list(claim.disputers),
                counter_claim=claim.counter,
                evidence=[" ".join(e.split()) for e in claim.evidence],
            )
        )
    return report
