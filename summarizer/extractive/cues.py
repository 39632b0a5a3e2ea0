"""Signals that a statement contests a number, and who speaks in quoted follow-ups.

A news article marks a contested figure with a small vocabulary: a verb of
contest ("disputed", "rejected"), a rival estimate ("closer to", "the real
cost", "much lower"), a reference to someone else's number ("the company's
figure", "that estimate"), or plain negation ("11,000 is a joke", "we do not
accept the figure of ..."). The checks here are substring and short regex tests
on one sentence, so they cost linear time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.checks.asciire import twin_re
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.figures import Figure
from summarizer.extractive.lexicon import CONTEST_PHRASES, CONTEST_VERBS
from summarizer.extractive.memo import per_briefing_call
from summarizer.extractive.sentences import Sentence

# Words that, beside a number, say another number is the right one.
_RIVAL_PHRASES = (
    "closer to",
    "nearer to",
    "instead",
    "rather than",
    "misleading",
    "wrong",
    "a joke",
    "nonsense",
    "left out",
    "leaves out",
    "ignores",
    "ignored",
    "do not accept",
    "does not accept",
    "did not accept",
    "not accept",
    "much lower",
    "much higher",
    "much larger",
    "much smaller",
    "much bigger",
    "far more",
    "far less",
    "far fewer",
    "far higher",
    "far lower",
    "a fraction of",
    "only ",
    "real ",
    "true ",
    "actual",
    "realistic",
    "in fact",
)
# Nouns by which a statement points at a number someone gave.
_REFERENCE = twin_re(
    r"\b(?:figure|figures|number|numbers|estimate|estimates|calculation|calculations|count"
    r"|total|tally|framing|reading|claim|claims|conclusions|forecast|projection|arithmetic)\b"
)
# "the company's figure", "the police estimate", "that figure": whose number is meant.
_OWNED_FIGURE = twin_re(
    r"\b(?:the|that|this|its|their) ((?:[a-z][\w\-]* ){0,2}?[a-z][\w\-]*?)(?:’s|'s|s’|s')? "
    r"(?:own |latest |new |official |headline )?"
    r"(?:figure|figures|number|numbers|estimate|estimates|calculation|calculations|count"
    r"|total|tally|conclusions|claim|claims|analysis|forecast|projection)s?\b"
)
_DEICTIC = frozenset("that this those these the its their".split())
_QUOTE_OPENERS = "\"“'‘"
# A percent that measures a change ("a 50 percent increase", "rise by 14 percent").
_CHANGE_AFTER = re.compile(
    r"\s*(?:increase|rise|hike|jump|drop|fall|decline|cut|reduction|change|gain|more|less)\b"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rise|rises|rising|rose|risen|increase|increases|increased|fall|falls|fell|fallen"
    r"|drop|drops|dropped|grow|grows|grew|cut|up|down|jump|jumped|climb|climbed)"
    r" (?:by |of )?(?:about |around |roughly |nearly |almost |some |an average of )?$"
)


# The disputes ask it of one statement up to four times: answered once a briefing.
@per_briefing_call
def contests(said: Attribution) -> bool:
    """True when the statement contests something: a verb or phrase of contest.

    A negated verb turns it around: "never disputed the count" contests
    nothing, and "does not believe the figures" contests them.
    """
    verb = said.verb.lower()
    if said.negated:
        return verb in _DOUBTED_WHEN_DENIED
    if verb in CONTEST_VERBS and aims_at_claim(said.sentence.text, said.verb):
        return True
    lowered = said.sentence.text.lower()
    return any(map(lowered.__contains__, CONTEST_PHRASES))


# What a verb of contest must be aimed at to contest a claim: "denied that ...",
# "rejected the review", "disputes the price", "questioned the 3,100 figure". "Denied
# funding", "rejected the plan" and "challenged the law" refuse or oppose; they
# contest nobody's number.
_CLAIM_OBJECTS = frozenset(
    """
    figure figures number numbers estimate estimates claim claims count counts total totals
    tally calculation calculations analysis review reviews report reports finding findings
    conclusion conclusions account accounts assessment assessments forecast forecasts
    projection projections framing arithmetic data statistics study studies survey surveys
    model models price prices cost costs amount toll allegation allegations charge charges
    suggestion suggestions assertion assertions characterisation characterization version
    reading interpretation evidence method methodology sums valuation
    """.split()
)
_AIM_REACH = 7
_AIM_WORD = twin_re(r"[\w’'$€£%]+|[\"“]")


def aims_at_claim(text: str, verb: str) -> bool:
    """True when the verb of contest ``verb`` in ``text`` is aimed at a claim.

    Its object, within a few words, is "that ...", a quotation, a number, or a
    noun that names a claim or a measure ("the review", "the price", "its figure").
    A verb with nothing after it ("..., which the union disputes.") points back at
    the claim before it.
    """
    found = re.search(rf"\b{re.escape(verb)}\b", text)
    if found is None:
        return True
    following = _AIM_WORD.findall(text[found.end() :])[:_AIM_REACH]
    if not following:
        return True
    if following[0].lower() in ("that", "it", "this", "them", "these", "those", "claims"):
        return True
    for word in following:
        lower = word.lower().strip("’'")
        if word in ('"', "“") or lower[:1].isdigit() or lower[:1] in "$€£":
            return True
        if _possessive_free(lower) in _CLAIM_OBJECTS:
            return True
    return False


def _possessive_free(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


# Verbs of belief: denied, they doubt ("does not believe the jobs numbers").
_DOUBTED_WHEN_DENIED = frozenset("believe believes accept accepts agree agrees trust".split())


def rival_cue(text: str) -> bool:
    """True when ``text`` offers its number against another ("closer to", "the real cost")."""
    lowered = text.lower()
    return any(map(lowered.__contains__, CONTEST_PHRASES)) or any(
        phrase in lowered for phrase in _RIVAL_PHRASES
    )


def doubts(text: str) -> bool:
    """True when ``text`` casts doubt on a number it repeats: a rival cue or a reference."""
    lowered = text.lower()
    return rival_cue(text) or bool(_REFERENCE.search(lowered))


def refers_to_figure(text: str) -> bool:
    """True when ``text`` points at a number by a noun ("that figure", "the estimate")."""
    return _REFERENCE.search(text.lower()) is not None


def figure_owner(text: str) -> str | None:
    """Who owns the number a statement points at: "the company's figure" -> "company"."""
    found = _OWNED_FIGURE.search(text)
    if found is None:
        return None
    words = [w for w in found.group(1).split() if w.lower() not in _DEICTIC]
    return " ".join(words) or None


def is_change(sentence: str, figure: Figure) -> bool:
    """True for a percent that measures a change: "a 50 percent increase", "rise by 14%"."""
    end = figure.start + len(figure.text)
    if _CHANGE_AFTER.match(sentence, end):
        return True
    return _CHANGE_BEFORE.search(sentence, max(0, figure.start - 40), figure.start) is not None


def speakers(
    sentences: list[Sentence], attributions: dict[int, Attribution]
) -> dict[int, Attribution]:
    """The attributed statements plus the quotations that continue them.

    A sentence that opens with a quotation mark and names no speaker, in the
    same paragraph as the statement before it, is that speaker still talking:
    ``"Our estimate of about 11,000 people is consistent ...", said right after
    the inspector was quoted``.
    """
    found = dict(attributions)
    previous: Sentence | None = None
    for sentence in sentences:
        if (
            sentence.index not in found
            and sentence.is_sentence
            and previous is not None
            and previous.index in found
            and previous.paragraph == sentence.paragraph
            and sentence.text[:1] in _QUOTE_OPENERS
        ):
            said = found[previous.index]
            found[sentence.index] = replace(
                said, sentence=sentence, verb="said", clause=sentence.text
            )
        previous = sentence
    return found
