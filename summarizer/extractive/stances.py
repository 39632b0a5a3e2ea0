"""Stances: one per actor and topic, built from the statements attributed to them.

The position is the reported clause, trimmed and stripped of quotation marks:
the article's own words, so nothing is invented. The topic is a short noun
phrase (see :mod:`summarizer.extractive.topics`). An actor that is only a
pronoun or a pronoun's possession ("Its critics") names no one: it is dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from summarizer.checks.asciire import twin_re
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.disputes import content_words
from summarizer.extractive.keytext import strip_marker
from summarizer.extractive.lexicon import DOCUMENT_HEADS, SPEECH_VERBS, STOPWORDS, TITLES
from summarizer.extractive.prose import clean_prose, clip_words
from summarizer.extractive.stance_choice import (
    THRESHOLD,
    Context,
    idle_remark,
    stance_score,
)
from summarizer.extractive.standalone import opening_clause
from summarizer.extractive.topics import topic_of
from summarizer.models import Stance

_MAX_EVIDENCE = 3
# One stance per actor: an actor's statements in one article are nearly always
# about one matter, and splitting on word overlap split them wrongly.
_MAX_TOPICS_PER_ACTOR = 1
_POSITION_WORDS = 40
# Join a second clause of the same actor only to a first clause shorter than this.
_SHORT_CLAUSE_WORDS = 20
_JOINED_CLAUSES = 2
_MIN_CLAUSE_WORDS = 4
_BARE_VERB_WORDS = 8
_PRONOUNS = frozenset(
    "its their his her our my your this these those they he she it we i you them".split()
)


@dataclass
class _Group:
    actor: str
    role: str | None
    statements: list[Attribution] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def build_stances(
    attributions: list[Attribution],
    frequencies: Counter[str],
    context: Context | None = None,
) -> list[Stance]:
    """Group statements by actor and topic, in order of the actor's first statement.

    With a ``context``, only the stances that score at least the threshold of
    ``summarizer.extractive.stance_choice`` are kept.
    """
    groups: list[_Group] = []
    by_actor: dict[str, list[_Group]] = {}
    for said in _with_joint_speakers(attributions):
        if not said.actor or said.actor.split()[0].lower() in _PRONOUNS:
            continue
        if said.actor.split()[-1].lower() in DOCUMENT_HEADS:
            continue  # "The Halden Plan calls for ...": its authors hold it, not the plan
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
    if context is not None:
        groups = [
            g for g in groups if stance_score(g.actor, g.role, g.statements, context) >= THRESHOLD
        ]
    context = context or Context()
    return [_stance(g, frequencies, context) for g in groups]


def _with_joint_speakers(attributions: list[Attribution]) -> list[Attribution]:
    """Each statement, then the same statement as its joint speaker's ("Osei and Vos said")."""
    out: list[Attribution] = []
    for said in attributions:
        out.append(said)
        if said.joint is not None:
            name, role = said.joint
            out.append(replace(said, actor=name, role=role, joint=None))
    return out


def _stance(group: _Group, frequencies: Counter[str], context: Context) -> Stance:
    disputant = group.actor in context.disputants
    statements, taking = positions_first(group.statements, context.people, disputant)
    evidence: list[str] = []
    for said in statements:
        quote = " ".join(said.sentence.text.split())
        if quote not in evidence and len(evidence) < _MAX_EVIDENCE:
            evidence.append(quote)
    return Stance(
        actor=group.actor,
        role=group.role,
        topic=topic_of([s.clause for s in statements], frequencies),
        position=joined_position([s.clause for s in statements[:taking]]),
        evidence=evidence,
    )


def positions_first(
    statements: list[Attribution], people: frozenset[str], disputant: bool = False
) -> tuple[list[Attribution], int]:
    """The actor's statements, those that take a position first, and how many do.

    A quip, a feeling or a figure passed on ("That's pretty neat", "only 12% of the staff
    were women") says nothing of where the speaker stands: when the same speaker also
    takes a position ("urged the marchers to write to their deputies"), that is what
    the stance reports and what its first evidence quotes. Each kind keeps article
    order; when none or all take a position, the count is all of them.
    """
    idle = [idle_remark(s, people, disputant) for s in statements]
    if all(idle) or not any(idle):
        return statements, len(statements)
    taking = [s for s, i in zip(statements, idle, strict=True) if not i]
    return taking + [s for s, i in zip(statements, idle, strict=True) if i], len(taking)


def joined_position(clauses: list[str]) -> str:
    """What an actor holds: their first substantive clause, joined with the next if short.

    A clause that only reports the act of contesting ("Rejected the claim.")
    says nothing about what the actor holds; a clause that repeats most of the
    one already taken adds nothing.
    """
    texts = [_clean_clause(c) for c in clauses]
    texts = [t for t in texts if t]
    if not texts:
        return position_text(clauses[0]) if clauses else ""
    substantive = [t for t in texts if _substantive(t)] or texts
    parts = [substantive[0]]
    words = len(parts[0].split())
    seen = content_words(parts[0])
    for text in substantive[1:]:
        if len(parts) == _JOINED_CLAUSES or words >= _SHORT_CLAUSE_WORDS:
            break
        count = len(text.split())
        mine = content_words(text)
        if words + count > _POSITION_WORDS or len(mine & seen) > len(mine) // 2:
            continue
        parts.append(text)
        words += count
        seen |= mine
    if len(parts) == 1:
        return position_text(parts[0])
    first = parts[0].rstrip(".;:,… ")
    # '"Whenever they send a palm branch," ... "they tighten their grip"': one sentence.
    joint = ", " if opening_clause(first) and clauses[0].rstrip("\"”’' ").endswith(",") else "; "
    return first[:1].upper() + first[1:] + joint + _continued(parts[1])


def _continued(clause: str) -> str:
    """``clause`` as the second half of a position: "; if the plan ...", "; cuts would ...".

    It keeps its capital only where the article gives it one that is not the start
    of a sentence: a name ("; Saltmere will ...") or "I".
    """
    text = position_text(clause)
    first = clause.split(" ", 1)[0]
    if not (first[:1].islower() or _sentence_capital(first)):
        return text
    return text[:1].lower() + text[1:]


# Words that open a spoken sentence and are no name: "Well,", "Soon", "Certainly",
# "It's", "We're". A closed list of discourse words and pronoun contractions; any
# other capital may be a name ("Saltmere", "Kestrel") and stays.
_SPOKEN_OPENERS = frozenset(
    """
    well so now yes no yeah oh okay ok soon still also indeed perhaps maybe then
    there's it's we're they're that's what's let's here's you're we've they've we'll
    """.split()
)


def _sentence_capital(word: str) -> bool:
    """True for a capital that only starts a sentence: "The", "Well,", "Certainly".

    "I", a title ("Mr Reid") and anything that may be a name keep theirs.
    """
    bare = word.rstrip(",;:").replace("’", "'").lower()
    if word == "I" or word.startswith(("I'", "I’")) or bare.rstrip(".") in TITLES:
        return False
    return bare in STOPWORDS or bare in _SPOKEN_OPENERS or (len(bare) > 4 and bare.endswith("ly"))


# "... would be seasonal and that the authority has not said ...": the second
# "that" of a reported pair opens the second clause, and reads as a stray once the
# first "that" has gone with the verb of saying. Kept before a verb: "and that is
# why ..." is a pronoun.
_SECOND_THAT = twin_re(
    r"(,? (?:and|but|or)) that (?!(?:is|was|are|were|has|had|have|will|would|could|can|may"
    r"|might|must|should|did|does|do|made|makes|means|meant)\b)"
)


# ", he continued,", ", she added,": the attribution again, inside what was said.
_INNER_ATTRIBUTION = twin_re(
    r",? (?:he|she|they|[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?) (?:\w+ly )?"
    r"(?:said|says|added|adds|continued|noted|explained|insisted|argued|wrote|stressed),(?= )"
)


def _clean_clause(clause: str) -> str:
    text = _SECOND_THAT.sub(r"\1 ", _INNER_ATTRIBUTION.sub("", clause))
    text = text.replace('"', "").replace("“", "").replace("”", "").strip(" ,;:")
    return strip_marker(text) if text else ""


def _substantive(text: str) -> bool:
    words = text.split()
    if len(words) < _MIN_CLAUSE_WORDS:
        return False
    first = words[0].lower()
    # "rejected the company's figure": the act of disputing, not a position.
    return not (first in SPEECH_VERBS and len(words) < _BARE_VERB_WORDS)


def position_text(clause: str) -> str:
    """The reported clause as a short, clean sentence."""
    clause = _SECOND_THAT.sub(r"\1 ", clause)
    words = clause.replace('"', "").replace("“", "").replace("”", "").split()
    text, cut = clip_words(words, _POSITION_WORDS)
    text = text.rstrip(".,;:")
    if cut:
        text += "…"
    else:
        text += "."
    return clean_prose(text)
