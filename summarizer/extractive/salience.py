"""What a news editor looks for in a sentence, beyond its position and centrality.

An editor keeps the claims (a figure someone asserts, a position someone
contests), the counter-claims and what happens next, and drops colour: scene
setting, background history, bare quotations and short reactions that lean on
the sentence before them. Each rule is a small bonus or penalty on a sentence's
score; the rules read only the sentence itself, so they hold on any news story.
"""

from __future__ import annotations

import re

from summarizer.checks.asciire import twin_re
from summarizer.extractive.lexicon import CONTEST_PHRASES, CONTEST_VERBS, MEDIA_NAMES, MEDIA_WORDS

# Words by which a sentence reports that a claim is contested or corrected.
_CONTEST_WORDS = CONTEST_VERBS | frozenset(
    """
    misleading wrong false disagree disagrees disagreed deny rejects reject dispute
    instead overstates overstated understates understated exaggerates ignores ignored
    accused accuses criticised criticized opposes opposed
    """.split()
)
# What happens next: decisions, deadlines, votes, plans, demands.
_NEXT_STEP = twin_re(
    r"\b(?:will|would|is to|are to|plans? to|is due to|are due to|is expected to|"
    r"are expected to|is scheduled to|are scheduled to|intends? to|must|should)\s+"
    r"(?:\w+\s+){0,2}?"
    r"(?:vote|votes|decide|decision|rule|ruling|report|review|ask|seek|appeal|challenge|"
    r"begin|start|open|close|meet|consider|approve|reject|publish|sign|file|ballot|strike|"
    r"petition|table|submit|hold|take effect|examine|investigate)\b"
)
# Words one of which every next step or background pattern needs: a cheap test
# that spares the regexes most sentences.
_STEP_WORDS = frozenset(
    """
    vote votes decide decision rule ruling report review ask seek appeal challenge begin
    start open close meet consider approve reject publish sign file ballot strike
    petition table submit hold effect examine investigate
    """.split()
)
_BACKGROUND_WORDS = frozenset("built founded established opened operated represented".split())
_DEADLINE = twin_re(r"\b(?:by the end of|deadline|until|from (?:next )?[A-Z][a-z]+ \d)")
# A sentence that opens on a place or a time and names no claim is scene setting.
_SCENE_OPENERS = frozenset(
    """
    under inside outside at in on for across along beneath behind beside above below
    near among amid around through during as when while
    """.split()
)
_WORD = re.compile(r"[A-Za-z’'\-]+")

# Words that restate the past: a sentence of history is background, not news.
_BACKGROUND = twin_re(
    r"\b(?:was built|was founded|was established|was opened|has operated|has been in|"
    r"has represented|since (?:1[89]|20)\d\d|last (?:raised|rose|changed|increased|cut|"
    r"held|opened|closed)\b[^.]{0,40}\b(?:1[89]|20)\d\d|in the (?:1[89]|20)\d0s)"
)
_SHORT_WORDS = 10

# Editorial bonuses and penalties on a sentence's score: a contest, a next step and
# a reported claim are news; a scene, background history and a short sentence are
# not. Set on the fiction set before the real-news eval existed (f03e022: key-point
# recall 0.37 -> 0.40, precision 0.39 -> 0.44 there) and not tuned on real news; a
# sentence under _SHORT_WORDS words is rarely a whole fact.
CONTEST_BONUS = 0.2
NEXT_STEP_BONUS = 0.5
CLAIM_BONUS = 0.1
SCENE_PENALTY = 0.45
BACKGROUND_PENALTY = 0.45
SHORT_PENALTY = 0.6


def editorial_bonus(
    text: str, vocabulary: frozenset[str], *, figures: bool, attributed: bool, words: int
) -> float:
    """The editor's adjustment to a sentence's score.

    Args:
        text: The sentence, verbatim.
        vocabulary: The sentence's lower-cased content words.
        figures: The sentence states a figure with a unit.
        attributed: The article attributes the sentence to a speaker.
        words: How many words the sentence has.
    """
    lower = text.lower()
    bonus = 0.0
    if figures and attributed:
        bonus += CLAIM_BONUS  # an attributed claim with a figure: the core of a dispute
    if contests(lower, vocabulary):
        bonus += CONTEST_BONUS
    step = not vocabulary.isdisjoint(_STEP_WORDS) and _NEXT_STEP.search(lower) is not None
    if step or _DEADLINE.search(text):
        bonus += NEXT_STEP_BONUS
    if not figures and not attributed and is_scene_setting(text):
        bonus -= SCENE_PENALTY
    if not attributed and _background(lower, vocabulary):
        bonus -= BACKGROUND_PENALTY
    if words < _SHORT_WORDS and not figures:
        bonus -= SHORT_PENALTY  # "The union rejected the figure.": leans on what came before
    return bonus


def is_colour(text: str, vocabulary: frozenset[str], *, figures: bool, attributed: bool) -> bool:
    """True for scene setting, history or the reporting itself: not what the story says."""
    if not figures and not attributed and is_scene_setting(text):
        return True
    return not attributed and (
        _background(text.lower(), vocabulary) or _reporting_process(text, vocabulary)
    )


# "did not respond to a request for comment", "could not be reached": the outlet's
# questions went unanswered, which says nothing of the story.
_NO_COMMENT = twin_re(
    r"\b(?:(?:a |our |repeated |several )?requests? for comment"
    r"|(?:did|does|has|have|had) not (?:yet |immediately )?(?:respond|reply|replied|responded)"
    r"(?: to (?:a |an |our |repeated |multiple |several )?(?:requests?|calls?|e-?mails?"
    r"|messages?|questions|inquiries|enquiries)\b|\s*[.,;]|$)"
    r"|(?:did|has|had) not returned? (?:calls|messages|e-?mails|requests)"
    r"|could not (?:immediately )?be reached|not (?:immediately )?available for comment)",
    re.IGNORECASE,
)
# The outlet or its reporters asking someone: "The Gazette contacted the board".
_CONTACT = twin_re(
    r"\b(?:contacted|approached|reached out to|e-?mailed|sought comment from|asked)\b"
)
_CONTACT_WORDS = frozenset("contacted approached reached emailed e-mailed sought asked".split())
_REPORTERS = frozenset("reporters journalists we wikinews".split())
# The subject before the verb: a short name ("The Harlow Gazette"), not a clause.
_SUBJECT_WORDS = 5


def _reporting_process(text: str, vocabulary: frozenset[str]) -> bool:
    """True for how the outlet got its story rather than the story.

    "Wikinews contacted Boeing", "the board did not respond to a request for comment".
    Not what someone told the outlet ("Dahl told the Gazette the pier is unsafe"),
    which is news.
    """
    if _NO_COMMENT.search(text):
        return True
    if vocabulary.isdisjoint(_CONTACT_WORDS):
        return False
    found = _CONTACT.search(text)
    if found is None:
        return False
    subject = text[: found.start()].lower().replace(",", " ").split()
    if not subject or len(subject) > _SUBJECT_WORDS:
        return False
    named = " ".join(w for w in subject if w != "the")
    return (
        subject[-1] in _REPORTERS
        or subject[-1] in MEDIA_WORDS
        or named in MEDIA_NAMES
        or any(w in MEDIA_NAMES for w in subject)
    )


def _background(lower: str, vocabulary: frozenset[str]) -> bool:
    if vocabulary.isdisjoint(_BACKGROUND_WORDS) and not any(
        word in lower for word in ("since ", "last ", "0s", "has been in")
    ):
        return False
    return _BACKGROUND.search(lower) is not None


def contests(lower: str, vocabulary: frozenset[str]) -> bool:
    """True when the lower-cased sentence reports that a claim is contested or corrected."""
    if not vocabulary.isdisjoint(_CONTEST_WORDS):
        return True
    return any(map(lower.__contains__, CONTEST_PHRASES))


def is_scene_setting(text: str) -> bool:
    """True for a sentence that opens on a place or time phrase ("Under its glass roof, ...")."""
    first = _WORD.match(text.lstrip("\"“'‘"))
    return first is not None and first.group().lower() in _SCENE_OPENERS
