"""Stances: one per actor and topic, built from the statements attributed to them.

The position is the reported clause, trimmed and stripped of quotation marks:
the article's own words, so nothing is invented. The topic is the two or three
words the actor's statements share most with the rest of the article.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.disputes import content_words
from summarizer.models import Stance

_MAX_EVIDENCE = 3
# One stance per actor: an actor's statements in one article are nearly always
# about one matter, and splitting on word overlap split them wrongly.
_MAX_TOPICS_PER_ACTOR = 1
_POSITION_WORDS = 30
_TOPIC_WORDS = 3


@dataclass
class _Group:
    actor: str
    role: str | None
    statements: list[Attribution] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def build_stances(attributions: list[Attribution], frequencies: Counter[str]) -> list[Stance]:
    """Group statements by actor and topic, in order of the actor's first statement."""
    groups: list[_Group] = []
    by_actor: dict[str, list[_Group]] = {}
    for said in attributions:
        own = {w.lower() for w in said.actor.split()}
        words = content_words(said.clause) - own
        mine = by_actor.setdefault(said.actor, [])
        group = next((g for g in mine if g.words & words), None)
        if group is None and len(mine) >= _MAX_TOPICS_PER_ACTOR:
            group = mine[0]
        if group is None:
            group = _Group(said.actor, said.role)
            mine.append(group)
            groups.append(group)
        group.statements.append(said)
        group.words |= words
    return [_stance(g, frequencies) for g in groups]


def _stance(group: _Group, frequencies: Counter[str]) -> Stance:
    first = group.statements[0]
    evidence: list[str] = []
    for said in group.statements:
        quote = " ".join(said.sentence.text.split())
        if quote not in evidence and len(evidence) < _MAX_EVIDENCE:
            evidence.append(quote)
    return Stance(
        actor=group.actor,
        role=group.role,
        topic=_topic(group, frequencies),
        position=position_text(first.clause),
        evidence=evidence,
    )


def position_text(clause: str) -> str:
    """The reported clause as a short, clean sentence."""
    words = clause.replace('"', "").replace("“", "").replace("”", "").split()
    text = " ".join(words[:_POSITION_WORDS]).rstrip(".,;:")
    if len(words) > _POSITION_WORDS:
        text += "…"
    else:
        text += "."
    return text[:1].upper() + text[1:]


def _topic(group: _Group, frequencies: Counter[str]) -> str:
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    own = {w.lower() for w in group.actor.split()}
    for said in group.statements[:_MAX_EVIDENCE]:
        for key, word in _ordered_words(said.clause):
            if key in own or len(key) < 3 or key == said.verb.lower():
                continue
            counts[key] += 1
            display.setdefault(key, word)
    if not counts:
        return "statement"
    order = list(display)
    ranked = sorted(
        counts, key=lambda w: (-counts[w] * math.log(1 + frequencies[w]), order.index(w))
    )
    chosen = sorted(ranked[:_TOPIC_WORDS], key=order.index)
    return ", ".join(display[w] for w in chosen)


def _ordered_words(text: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for word in text.replace("’s", " ").replace("'s", " ").split():
        cleaned = word.strip(".,;:!?\"“”'‘’()…")
        key = cleaned.lower()
        if key and key in content_words(key):
            seen.setdefault(key, cleaned)
    return list(seen.items())
