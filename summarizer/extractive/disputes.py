"""Which figures are disputed, by whom, and what the other side says.

Every figure an actor states is a claim. A claim is disputed when, within the
next paragraphs, another actor

- gives a rival value of the same unit for the same matter ("police estimated
  about 11,000" after "organisers said 35,000"): both figures are then disputed,
  each by the other side;
- repeats the figure to doubt it ("the $17 million figure counts land the city
  already owns", "11,000 is a joke");
- contests it without a number ("the union rejected the company's figure",
  "Okafor rejected that framing"): the owner named, else the latest figure of
  another actor, is disputed;
- calls a rise in percentage points what the other calls a percent increase.

A figure the narrator states belongs to the first actor who later repeats it
without doubt ("Ecclestone said the $12.4 million estimate was complete"). A
figure nobody contests is not reported. Every comparison looks back a fixed
number of paragraphs, so the cost is linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.contrast import Resolver, find_contrast
from summarizer.extractive.cues import (
    contests,
    doubts,
    figure_owner,
    is_change,
    refers_to_figure,
    rival_cue,
    speakers,
)
from summarizer.extractive.figures import Figure, bare_numbers
from summarizer.extractive.lexicon import STOPWORDS
from summarizer.extractive.prose import clip_words
from summarizer.extractive.sentences import Sentence
from summarizer.models import DisputedFigure

# How many paragraphs back a contest or a rival figure may reach.
_WINDOW = 3
# ... and how many sentences, for text that never breaks its paragraphs.
_WINDOW_SENTENCES = 16
# A repeated figure is specific enough to be recognised further back.
_ECHO_WINDOW = 8
_ECHO_SENTENCES = 40
# Rival counts differ by less than this factor; beyond it they measure different things.
_MAX_RATIO = 20.0
_COUNTED = frozenset("percent|percentage points".split("|"))
_MONEY = frozenset("USD EUR GBP JPY CNY SEK crowns kroner francs rupees pesos".split())
_MAX_EVIDENCE = 3
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_BOUND = re.compile(r"\b(?:up to|at most|as many as)\s*$")
_NAMED = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?: (?:of |for )?[A-Z][\w’'\-]*){0,5}")


Allied = Callable[[str, str], bool]


def _same(first: str, second: str) -> bool:
    return first == second


@dataclass
class Claim:
    """A figure, its sentence, who asserts it, and who contests it."""

    figure: Figure
    sentence: Sentence
    claimant: str | None
    disputers: list[str] = field(default_factory=list)
    counter: str | None = None
    evidence: list[str] = field(default_factory=list)
    # Claims whose rival figure this one is: they learn its owner when it is known.
    rivals: list[Claim] = field(default_factory=list)

    def contest(
        self, actor: str, counter: str | None, sentence: Sentence, allied: Allied = _same
    ) -> None:
        """Record that ``actor`` contests this claim in ``sentence``."""
        if self.claimant is not None and allied(actor, self.claimant):
            return
        if actor not in self.disputers:
            self.disputers.append(actor)
        if self.counter is None and counter:
            self.counter = counter
        if sentence.text not in self.evidence and len(self.evidence) < _MAX_EVIDENCE:
            self.evidence.append(sentence.text)


# Key points, stances and disputes each ask ``content_words`` of the same
# sentences; within one briefing (``remembered_words``) the answers are kept.
_MEMO: ContextVar[dict[str, frozenset[str]] | None] = ContextVar("content_words", default=None)


@contextmanager
def remembered_words() -> Iterator[None]:
    """Keep ``content_words``' answers for the length of this block (one briefing)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` that carry meaning."""
    memo = _MEMO.get()
    if memo is not None and text in memo:
        return memo[text]
    lower = text.lower()
    found = set(_WORD.findall(lower))
    if "'" in lower or "’" in lower:  # "council's" -> "council"; most text has no apostrophe
        marked = [w for w in found if "'" in w or "’" in w]
        found.difference_update(marked)
        found.update(_POSSESSIVE.sub("", w) for w in marked)
    words = frozenset(found - STOPWORDS)
    if memo is not None:
        memo[text] = words
    return words


def is_contest(attribution: Attribution) -> bool:
    """True when the statement contests something rather than merely reporting it."""
    return contests(attribution)


def find_disputes(
    sentences: list[Sentence],
    figures: dict[int, list[Figure]],
    attributions: dict[int, Attribution],
    resolve: Resolver | None = None,
    allied: Allied = _same,
) -> list[DisputedFigure]:
    """Return the disputed figures of the article, in order of first mention.

    Args:
        sentences: The article's sentences.
        figures: The figures of each sentence, by sentence index.
        attributions: The statement of each attributed sentence, by index.
        resolve: Turns a name or description into a canonical actor, for the owner
            of a figure contested in passing ("not the $11 million the authority
            has used") or by reference ("the company's figure").
        allied: True for two actors of the same side (a body and its spokesperson):
            they never dispute each other.
    """
    spoken = speakers(sentences, attributions)
    ledger = _Ledger(allied)
    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        ledger.advance(sentence)
        said = spoken.get(sentence.index)
        own = figures.get(sentence.index, [])
        if said is not None and resolve is not None and len(own) > 1:
            rest = _apply_contrast(ledger, said, own, resolve)
            if rest is not None:
                own = rest
        fresh = ledger.echoes(sentence, said, own)
        if said is not None and not own and ledger.recent and contests(said):
            # "Police put the figure at 12,000": bare numbers take the contested unit.
            fresh = _counter_numbers(sentence.text, ledger.recent[-1].figure)
        # A denial ("never disputed the figure") points at a number and doubts nothing.
        pointed = not said.negated and refers_to_figure(said.clause) if said else False
        if said is not None and not own and (contests(said) or pointed):
            _apply_reference(ledger, said, resolve)
        for figure in fresh:
            ledger.add(Claim(figure, sentence, said.actor if said else None), said)
    return _report(ledger.claims, resolve, allied, {s.actor for s in spoken.values()})


class _Ledger:
    """The claims made so far, and which of them are recent enough to compare."""

    def __init__(self, allied: Allied) -> None:
        self.allied = allied
        self.claims: list[Claim] = []
        self.by_value: dict[tuple[float, str], Claim] = {}
        self._first = 0
        self._first_echo = 0
        self._sentence: Sentence | None = None

    def advance(self, sentence: Sentence) -> None:
        """Move the windows to end at ``sentence``."""
        self._sentence = sentence
        self._first = _slide(self.claims, self._first, sentence, _WINDOW, _WINDOW_SENTENCES)
        self._first_echo = _slide(
            self.claims, self._first_echo, sentence, _ECHO_WINDOW, _ECHO_SENTENCES
        )

    @property
    def recent(self) -> list[Claim]:
        """Claims within the comparison window."""
        return self.claims[self._first :]

    def echoes(
        self, sentence: Sentence, said: Attribution | None, own: list[Figure]
    ) -> list[Figure]:
        """Handle figures that repeat an earlier claim; return the new ones."""
        fresh: list[Figure] = []
        for figure in own:
            earlier = next(
                (
                    c
                    for c in reversed(self.claims[self._first_echo :])
                    if _same_value(c.figure, figure) and c.sentence.index != sentence.index
                ),
                None,
            )
            if earlier is None:
                fresh.append(figure)
                continue
            if said is None or _allies(self.allied, said.actor, earlier.claimant):
                continue
            if earlier.claimant is None and not rival_cue(sentence.text):
                earlier.claimant = said.actor  # the narrator's figure, now someone's word
                earlier.disputers = [d for d in earlier.disputers if d != said.actor]
                for rival in earlier.rivals:
                    counter = f"{earlier.figure.text} ({said.actor})"
                    rival.contest(said.actor, counter, sentence, self.allied)
            elif earlier.claimant is not None and (
                contests(said) if said.negated else doubts(sentence.text)
            ):
                earlier.contest(said.actor, _clip(said.clause), sentence, self.allied)
        return fresh

    def add(self, claim: Claim, said: Attribution | None) -> None:
        """Record ``claim`` and mark the rivals it has among recent claims."""
        text = claim.sentence.text
        bounded = _bound(text, claim.figure)
        cue = said is not None and (contests(said) or rival_cue(text))
        for other in self.recent:
            if other.sentence.index == claim.sentence.index:
                continue
            if _allies(self.allied, other.claimant, claim.claimant):
                continue
            if bounded or _bound(other.sentence.text, other.figure):
                continue
            if _rivals(other, claim, cue) or _framing(other, claim):
                if not cue and (claim.claimant is None or other.claimant is None):
                    # Two numbers of one unit are a dispute only between two parties:
                    # the narrator's fact ("the ferry carried 410,000 passengers") is
                    # no party, and a rival without a cue has no one to contest.
                    continue
                if claim.claimant is not None:
                    counter = f"{claim.figure.text} ({claim.claimant})"
                    other.contest(claim.claimant, counter, claim.sentence, self.allied)
                if other.claimant is not None:
                    counter = f"{other.figure.text} ({other.claimant})"
                    claim.contest(other.claimant, counter, other.sentence, self.allied)
                else:
                    other.rivals.append(claim)
        self.claims.append(claim)
        self.by_value.setdefault((claim.figure.value, claim.figure.unit), claim)


def _slide(claims: list[Claim], first: int, sentence: Sentence, paragraphs: int, count: int) -> int:
    while first < len(claims) and (
        sentence.paragraph - claims[first].sentence.paragraph > paragraphs
        or sentence.index - claims[first].sentence.index > count
    ):
        first += 1
    return first


def _same_value(first: Figure, second: Figure) -> bool:
    return first.unit == second.unit and abs(first.value - second.value) <= 1e-9 * max(
        1.0, abs(first.value)
    )


def _rivals(earlier: Claim, later: Claim, cue: bool) -> bool:
    """Two values of the same unit that answer the same question."""
    first, second = earlier.figure, later.figure
    if first.unit != second.unit or _same_value(first, second):
        return False
    low, high = sorted((abs(first.value), abs(second.value)))
    if low == 0 or high / low > _MAX_RATIO:
        return False
    if not cue and _UPDATE.search(later.sentence.text):
        return False  # "by Wednesday the ministry said 19 had died": a later count, not a rival
    if first.unit in _COUNTED:
        changes = is_change(earlier.sentence.text, first) and is_change(later.sentence.text, second)
        return changes or cue or _same_measure(first, second)
    if first.unit in _MONEY:
        return cue  # sums of money measure many things; a rival says it is one
    # "340 households" against "62 households": a count of the same thing, unless the
    # article says what happened to each and it differs ("40 passengers were rescued",
    # "25 passengers were treated in hospital": two measures, not two answers).
    return cue or _same_event(earlier, later)


# How many words after a count, up to the clause's end, say what happened to the
# counted things. Twelve: a clause with its place ("households in two villages draw
# water from wells"). Six split a fiction dispute (340 against 62 households with
# wells); twelve keeps it and still parts "were rescued" from "were treated in
# hospital" in fresh sentences. Chosen on fiction and fresh sentences only.
_EVENT_WORDS = 12
_EVENT_END = re.compile(r"[.,;:!?]")
# Units of physical quantity (a closed class): not counts of things.
_PHYSICAL_UNITS = frozenset(
    """
    litres liters gallons barrels tonnes tons kilograms kg pounds grams metres meters
    kilometres kilometers km miles feet hectares acres megawatts gigawatts mw gw kwh
    degrees ppm
    """.split()
) | frozenset(("parts per million", "cubic metres", "square metres", "square kilometres"))


def _event_words(claim: Claim) -> frozenset[str]:
    """Content words of what the article says happened to a count's things."""
    text = claim.sentence.text[claim.figure.start + len(claim.figure.text) :]
    stop = _EVENT_END.search(text)
    words = (text[: stop.start()] if stop else text).split()[:_EVENT_WORDS]
    return content_words(" ".join(words)) - content_words(claim.figure.unit)


def _same_event(earlier: Claim, later: Claim) -> bool:
    """False when both counts say what happened to their things, and it differs.

    Only counts of things ("passengers", "homes"): a volume, a weight or a length
    is one measure whatever verb carries it ("litres escaped", "litres were
    released").
    """
    if earlier.figure.unit.lower() in _PHYSICAL_UNITS:
        return True
    first, second = _event_words(earlier), _event_words(later)
    return not first or not second or bool(first & second)


# A count given later in time: the toll as it stood then, an update of the earlier one.
_UPDATE = re.compile(
    r"\b(?:later|now|since then|subsequently|updated|as of|rose|risen|climbed|increased"
    r"|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|the end"
    r"|the next|nightfall|evening|morning|afternoon|late))\b",
    re.IGNORECASE,
)


def _framing(earlier: Claim, later: Claim) -> bool:
    """A rise told in percentage points against the same rise told in percent."""
    units = {earlier.figure.unit, later.figure.unit}
    if units != {"percent", "percentage points"}:
        return False
    return is_change(earlier.sentence.text, earlier.figure) and is_change(
        later.sentence.text, later.figure
    )


def _apply_reference(ledger: _Ledger, said: Attribution, resolve: Resolver | None) -> None:
    """Dispute the latest claim of the owner a statement names ("the company's figure")."""
    others = [
        c
        for c in ledger.recent
        if c.claimant is not None and not ledger.allied(c.claimant, said.actor)
    ]
    if not others:
        return
    owner_phrase = figure_owner(said.sentence.text)
    owner = resolve(owner_phrase) if owner_phrase and resolve is not None else None
    owned = [c for c in others if owner is not None and c.claimant == owner]
    if owner is not None and ledger.allied(owner, said.actor):
        return  # "our figure": the speaker's own number
    if owned:
        targets = _last_sentence(owned)
    elif owner_phrase is not None or refers_to_figure(said.clause):
        targets = _last_sentence(others)[-1:]
    elif contests(said):
        last_paragraph = others[-1].sentence.paragraph
        words = content_words(said.sentence.text)
        targets = [
            c
            for c in others
            if c.sentence.paragraph == last_paragraph and words & content_words(c.sentence.text)
        ]
    else:
        targets = []
    clause = _clip(said.clause)
    for claim in targets:
        claim.contest(said.actor, clause, said.sentence, ledger.allied)


def _last_sentence(claims: list[Claim]) -> list[Claim]:
    last = claims[-1].sentence.index
    return [c for c in claims if c.sentence.index == last]


def _apply_contrast(
    ledger: _Ledger,
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
    earlier = ledger.by_value.get((contested.value, contested.unit))
    if (
        earlier is not None
        and not _allies(ledger.allied, earlier.claimant, said.actor)
        and owner in (None, earlier.claimant)
    ):
        earlier.contest(said.actor, counter, said.sentence, ledger.allied)
    elif owner is not None and owner != said.actor:
        claim = Claim(contested, said.sentence, owner, evidence=[said.sentence.text])
        claim.contest(said.actor, counter, said.sentence, ledger.allied)
        ledger.claims.append(claim)
    else:
        return None
    return [f for f in own if f.start != contested.start]


def _counter_numbers(text: str, target: Figure) -> list[Figure]:
    """Bare numbers in a contest take the unit of the figure they contest."""
    found: list[Figure] = []
    for written, value in bare_numbers(text):
        found.append(Figure(written, value, target.unit, target.measure, text.find(written)))
    return found


def _bound(text: str, figure: Figure) -> bool:
    """True for "up to 40": a limit, not a rival count."""
    return _BOUND.search(text, max(0, figure.start - 16), figure.start) is not None


def _same_measure(first: Figure, second: Figure) -> bool:
    return bool(content_words(first.measure) & content_words(second.measure))


def _clip(clause: str, limit: int = 30) -> str:
    words = clause.replace('"', "").replace("“", "").replace("”", "").split()
    text, cut = clip_words(words, limit)
    return text.rstrip(".,;:") + ("…" if cut else "")


def _allies(allied: Allied, first: str | None, second: str | None) -> bool:
    return first is not None and second is not None and allied(first, second)


def _report(
    claims: list[Claim], resolve: Resolver | None, allied: Allied, speakers: set[str]
) -> list[DisputedFigure]:
    seen: set[tuple[str, str]] = set()
    report: list[DisputedFigure] = []
    for claim in claims:
        claimant = claim.claimant or _named_in(claim, resolve, speakers)
        disputers: list[str] = []
        for name in claim.disputers:
            if not _allies(allied, name, claimant) and not any(allied(name, d) for d in disputers):
                disputers.append(name)
        if claimant is None or not disputers or (claim.figure.text, claimant) in seen:
            continue
        seen.add((claim.figure.text, claimant))
        evidence = [claim.sentence.text, *claim.evidence]
        report.append(
            DisputedFigure(
                figure=claim.figure.text,
                value=claim.figure.value,
                unit=claim.figure.unit,
                measure=claim.figure.measure,
                claimed_by=claimant,
                disputed_by=disputers,
                counter_claim=claim.counter,
                evidence=list(dict.fromkeys(" ".join(e.split()) for e in evidence))[:_MAX_EVIDENCE],
            )
        )
    return report


def _named_in(claim: Claim, resolve: Resolver | None, speakers: set[str]) -> str | None:
    """For a narrator's figure, the actor its sentence names before the figure.

    Only an actor the article quotes somewhere is a party that can claim a figure:
    "sales of the Ridgeback SUV rose 2.6 percent" is the narrator's fact, not the car's.
    """
    if resolve is None:
        return None
    before = claim.sentence.text[: claim.figure.start]
    for run in _NAMED.findall(before):
        actor = resolve(run)
        if actor is not None and actor not in claim.disputers and actor in speakers:
            return actor
    return None
