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
from collections.abc import Callable
from dataclasses import dataclass, field

from summarizer.checks.asciire import twin_re
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.contrast import Resolver, find_contrast
from summarizer.extractive.cues import (
    contests,
    doubts,
    figure_owner,
    is_change,
    refers_to_figure,
    rival_cue,
)
from summarizer.extractive.figures import Figure, bare_numbers
from summarizer.extractive.lexicon import STOPWORDS
from summarizer.extractive.memo import per_briefing
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
# ``_WORD`` for ASCII text: the same matches, read faster from ranges of characters.
_ASCII_WORD = re.compile(r"[a-zA-Z][a-zA-Z0-9_'\-]*")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_BOUND = re.compile(r"\b(?:up to|at most|as many as)\s*$")
_NAMED = twin_re(r"(?<![\w’'])[A-Z][\w’'\-]*(?: (?:of |for )?[A-Z][\w’'\-]*){0,5}")


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
# sentences; within one briefing (``memo.remembered``) the answers are kept.
@per_briefing
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` that carry meaning."""
    lower = text.lower()
    found = set((_ASCII_WORD if lower.isascii() else _WORD).findall(lower))
    if "'" in lower or "’" in lower:  # "council's" -> "council"; most text has no apostrophe
        marked = [w for w in found if "'" in w or "’" in w]
        found.difference_update(marked)
        found.update(_POSSESSIVE.sub("", w) for w in marked)
    return frozenset(found - STOPWORDS)


def is_contest(attribution: Attribution) -> bool:
    """True when the statement contests something rather than merely reporting it."""
    return contests(attribution)


def find_disputes(
    sentences: list[Sentence],
    figures: dict[int, list[Figure]],
    statements: dict[int, Attribution],
    resolve: Resolver | None = None,
    allied: Allied = _same,
) -> list[DisputedFigure]:
    """Return the disputed figures of the article, in order of first mention.

    Args:
        sentences: The article's sentences.
        figures: The figures of each sentence, by sentence index.
        statements: The statement of each attributed sentence, by index, with the
            quotations that continue them (``cues.speakers``).
        resolve: Turns a name or description into a canonical actor, for the owner
            of a figure contested in passing ("not the $11 million the authority
            has used") or by reference ("the company's figure").
        allied: True for two actors of the same side (a body and its spokesperson):
            they never dispute each other.
    """
    ledger = _Ledger(allied)
    for sentence in sentences:
        if sentence.kind == "heading":
            continue
        ledger.advance(sentence)
        said = statements.get(sentence.index)
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
        if said is not None and (contests(said) or pointed):
            if not own or (contests(said) and _names_other_owner(ledger, said, resolve)):
                # "The federation, which represents 4,800 boats, rejected the institute's
                # estimate": its own figure describes it; the contest still reaches back.
                _apply_reference(ledger, said, resolve)
        for figure in fresh:
            ledger.add(Claim(figure, sentence, said.actor if said else None), said)
    return _report(ledger.claims, resolve, allied, {s.actor for s in statements.values()})


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
    # "25 passengers were treated in hospital": two measures, not two answers). A
    # contest elsewhere in the sentence does not change that ("ignored the cost of
    # busing 450 pupils" contests a saving, and offers no rival for a fall in
    # enrolment); a number offered in place of another ("put the total at 3,000",
    # "closer to 2,500") is a rival whatever else the sentence says.
    return _offered_in_place(later) or _same_event(earlier, later)


# Words just before a number that offer it in place of another one.
_IN_PLACE = twin_re(
    r"\b(?:put (?:the |its |their )?[a-z]+ at|closer to|nearer to|no more than|rather than"
    r"|instead|really|in fact|actually)\s+(?:about |around |roughly |nearly |some |only )?"
    r"[$€£¥]?$",
    re.IGNORECASE,
)


def _offered_in_place(claim: Claim) -> bool:
    start = claim.figure.start
    return _IN_PLACE.search(claim.sentence.text, max(0, start - 40), start) is not None


# How many words after a count, up to the clause's end, say what happened to the
# counted things. Twelve: a clause with its place ("households in two villages draw
# water from wells"). Six split a fiction dispute (340 against 62 households with
# wells); twelve keeps it and still parts "were rescued" from "were treated in
# hospital" in fresh sentences. Chosen on fiction and fresh sentences only.
_EVENT_WORDS = 12
_EVENT_END = re.compile(r"[.,;:!?]")
# ... and how many words before it: the verb that governs it ("would create 800 jobs",
# "shot 3,900 deer"). Two: a modal and its verb. Chosen on fresh sentences; fiction
# disputes unchanged by it.
_EVENT_WORDS_BEFORE = 2
_SAYING = frozenset(
    "said says say told tells estimated estimates estimate put puts reported reports "
    "claimed claims counted counts only about some around nearly almost roughly closer "
    "nearer lower higher fewer more less real true actual total figure".split()
)
# Units of physical quantity (a closed class): not counts of things.
_PHYSICAL_UNITS = frozenset(
    """
    litres liters gallons barrels tonnes tons kilograms kg pounds grams metres meters
    kilometres kilometers km miles feet hectares acres megawatts gigawatts mw gw kwh
    degrees ppm
    """.split()
) | frozenset(("parts per million", "cubic metres", "square metres", "square kilometres"))


def _event_words(claim: Claim) -> frozenset[str]:
    """Content words of what the article says happened to a count's things.

    The clause after the count ("... jobs had been lost at the quay") and the verb just
    before it ("would create 800 jobs"), but not a speaker's name or verb of saying.
    """
    sentence = claim.sentence.text
    text = sentence[claim.figure.start + len(claim.figure.text) :]
    stop = _EVENT_END.search(text)
    words = (text[: stop.start()] if stop else text).split()[:_EVENT_WORDS]
    before = _EVENT_END.split(sentence[max(0, claim.figure.start - 60) : claim.figure.start])[-1]
    verbs = [
        w
        for w in before.split()[-_EVENT_WORDS_BEFORE:]
        if w[:1].islower() and w.lower() not in _SAYING
    ]
    return content_words(" ".join(words + verbs)) - content_words(claim.figure.unit)


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
_UPDATE = twin_re(
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


# The noun by which a statement points at a number ("that figure", "the group's
# estimates", "an average"), read from the sentence; ``summarizer.extractive.cues``
# decides whether it points at all, this says which number it points at.
_REFERENCE_NOUN = twin_re(
    r"\b(figures?|numbers?|estimates?|calculations?|counts|totals?|tally|tallies|averages?"
    r"|forecasts?|projections?|arithmetic|sums|claims?|conclusions?|framing|accounts?"
    r"|analysis|findings?|reading|review|report)\b",
    re.IGNORECASE,
)
# Nouns that name what kind of number is meant: the figure pointed at must be one the
# article gave as such ("an estimate" is a number someone estimated, not the latest one).
# Not "count" or "total": as verbs and adjectives they name nothing.
_NAMED_KINDS = {
    "estimate": "estimat",
    "average": "average",
    "forecast": "forecast",
    "projection": "project",
    "tally": "tall",
}
# Nouns that name a number; the rest ("conclusions", "account") name a claim or a report.
_NUMBER_NOUNS = frozenset(
    "figure number estimate calculation count total tally average forecast projection "
    "arithmetic sum".split()
)
_PLURALS = {"tallies": "tally", "analysis": "analysis", "sums": "sum", "counts": "count"}
_DEICTIC_REFERENCE = re.compile(r"\b(?:that|this)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "the city's estimate", "Brannock's figure": a number its owner's name marks.
_POSSESSED = twin_re(
    r"[\w\-]+(?:’s|'s|s’|s') (?:[a-z][\w\-]* )?(?:figure|number|estimate|average|forecast"
    r"|projection|tally|total|count|calculation)s?\b"
)
# "the number that looks smallest": one number, pointed at; "the number of young fish"
# is a measure, not a reference.
_DEFINITE = twin_re(r"\bthe (?:figure|number|estimate)\b(?! of\b)", re.IGNORECASE)
_BOTH = twin_re(r"\b(?:both|all)\b", re.IGNORECASE)
# A statement that opens on a number in words ("Sixty-two is the number ...", "Eighteen
# billion crowns is a sound figure") is about its own number.
_OPENS_ON_NUMBER = twin_re(
    r"[\"“‘']?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|a million)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Reference:
    """How a statement points at a number: by which noun, and how many it means."""

    noun: str  # singular, lower case
    plural: bool
    deictic: bool  # "that figure", "this estimate": the number just given


def _reference(text: str) -> _Reference | None:
    found = _REFERENCE_NOUN.search(text)
    if found is None:
        return None
    word = found.group(1).lower()
    if word in _PLURALS:
        noun = _PLURALS[word]
    else:
        noun = word[:-1] if word.endswith("s") else word
    before = text[max(0, found.start() - 24) : found.start()]
    plural = noun != word and word != "analysis" or _BOTH.search(before) is not None
    deictic = _DEICTIC_REFERENCE.search(before) is not None
    return _Reference(noun, plural, deictic)


def _definite(text: str) -> bool:
    return _DEFINITE.search(text) is not None


def _names_other_owner(ledger: _Ledger, said: Attribution, resolve: Resolver | None) -> bool:
    """True when a statement names another party's number ("the institute's estimate")."""
    phrase = figure_owner(said.sentence.text)
    owner = resolve(phrase) if phrase and resolve is not None else None
    return owner is not None and not ledger.allied(owner, said.actor)


def _apply_reference(ledger: _Ledger, said: Attribution, resolve: Resolver | None) -> None:
    """Dispute the claim a statement points at ("the company's figure", "that estimate").

    Which claim, by named rules:

    - *the owner named*: "the company's figure" is the company's latest claim;
    - *that figure is the one just given*: "that figure" is the latest claim of anyone
      but the speaker's side, the narrator's too (it is reported once someone owns it);
    - *a kind named is a kind given*: "an estimate", "the average" (no owner named) is a
      claim whose sentence gave it as an estimate or an average, never merely the
      latest number;
    - *a bare noun without a contest points at nothing*: "not all of the arithmetic
      agrees", "a sound figure", "the number of young fish" name no one's number and
      contest none; "the number that looks smallest" is one number, pointed at;
    - *a statement that opens on its number is about its own*: "Sixty-two is the
      number of households ...";
    - *a report is disputed on its figures at issue*: "rejected the auditor's
      conclusions" disputes those of the auditor's figures someone already contests
      ("the claim", "that reading", one claim, is the latest);
    - *one noun, one figure*: "the group's figure" is the first figure of that
      sentence ("14 percent, from £58 to £66" is one figure spelt out); "the figures",
      "both numbers" are all of them.

    The end of a range ("15 to 25 percent") is never the figure pointed at.
    """
    others = [
        c
        for c in ledger.recent
        if c.claimant is not None and not ledger.allied(c.claimant, said.actor)
    ]
    text = said.sentence.text
    contested = contests(said) or rival_cue(text)
    reference = _reference(text)
    owner_phrase = figure_owner(text)
    owner = resolve(owner_phrase) if owner_phrase and resolve is not None else None
    if owner is not None and ledger.allied(owner, said.actor):
        return  # "our figure": the speaker's own number
    owned = [c for c in others if owner is not None and c.claimant == owner]
    named_kind = reference is not None and reference.noun in _NAMED_KINDS
    pool: list[Claim]
    if owned:
        pool = owned
    elif reference is not None and reference.deictic and owner_phrase is None:
        pool = [
            c
            for c in ledger.recent
            if c.claimant is None or not ledger.allied(c.claimant, said.actor)
        ]
    elif not contested and (
        _OPENS_ON_NUMBER.match(text) or not (owner_phrase or named_kind or _definite(text))
    ):
        pool = []
    elif owner_phrase is not None or refers_to_figure(said.clause):
        pool = others
    elif contests(said) and others:
        last_paragraph = others[-1].sentence.paragraph
        words = content_words(text)
        pool = [
            c
            for c in others
            if c.sentence.paragraph == last_paragraph and words & content_words(c.sentence.text)
        ]
        reference = None  # a contest without a noun of number: every figure it shares words with
    else:
        pool = []
    pool = [c for c in pool if not _range_end(c.sentence.text, c.figure)]
    if reference is not None:
        stem = _NAMED_KINDS.get(reference.noun) if not _POSSESSED.search(text) else None
        if stem is not None:
            pool = [c for c in pool if stem in c.sentence.text.lower()]
        if reference.noun not in _NUMBER_NOUNS and reference.plural and not reference.deictic:
            pool = [c for c in pool if c.disputers or c.rivals]
    if not pool:
        return
    targets = _last_sentence(pool)
    if reference is not None and not reference.plural:
        targets = targets[:1]
    clause = _clip(said.clause)
    for claim in targets:
        claim.contest(said.actor, clause, said.sentence, ledger.allied)


# "15 to 25 percent", "between $2 million and $3 million": either end of a range.
_RANGE_BEFORE = re.compile(r"\d\s*(?:%|percent|per cent)?\s*(?:to|and|-|–)\s*[$€£¥]?$")
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–)\s*(?:about\s+)?[$€£¥]?\d")


def _range_end(text: str, figure: Figure) -> bool:
    """True for either end of a range: the range is one claim, not a figure and a rival."""
    if _RANGE_BEFORE.search(text, max(0, figure.start - 24), figure.start):
        return True
    return _RANGE_AFTER.match(text, figure.start + len(figure.text)) is not None


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
    seen: set[tuple[float, str]] = set()
    report: list[DisputedFigure] = []
    for claim in claims:
        claimant = claim.claimant or _named_in(claim, resolve, speakers)
        disputers: list[str] = []
        for name in claim.disputers:
            if not _allies(allied, name, claimant) and not any(allied(name, d) for d in disputers):
                disputers.append(name)
        # One figure, one entry: a number already reported under its first claimant is
        # not reported again under whoever repeats it later.
        key = (round(claim.figure.value, 6), claim.figure.unit)
        if claimant is None or not disputers or key in seen:
            continue
        seen.add(key)
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
