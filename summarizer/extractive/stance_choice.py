"""Which stances a briefing reports: the positions of the story's actors, not every voice.

An article quotes many people; a reader wants the positions of those the story
is about. A statement earns its actor a stance by what it is, weighed as:

- the actor is someone the article names as a person, or gives a role;
- the actor speaks more than once, or in a quotation;
- the statement takes a position ("urged", "rejected", "called for", "warned")
  rather than passing on a fact ("reported", "announced", "confirmed");
- the actor is in the title or the lead;
- the actor is a party to a disputed figure the briefing reports (always kept);

and loses for being a bare collective ("Police", "Scientists") or a fragment.
Only stances that score at least ``THRESHOLD`` are reported: precision first,
since a wrong or idle stance misleads more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.checks.asciire import twin_re
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.figures import find_figures
from summarizer.extractive.lexicon import DIRECTIVE_VERBS, GROUP_HEADS, PURE_SPEECH_VERBS, TITLES
from summarizer.extractive.memo import per_briefing, per_briefing_call

# Verbs by which a speaker takes a position.
STANCE_VERBS = frozenset(
    """
    urged urges warned warns argued argues insisted insists rejected rejects denied denies
    disputed disputes contested contests questioned criticized criticised criticizes
    criticises accused accuses claimed claims vowed vows promised pledged predicted predicts
    called calls dismissed dismisses objected conceded asserted declared believes believe
    countered counters complained cautioned pressed stressed contended contends condemned
    welcomed praised demanded opposed defended spoke blamed blames alleged alleges ruled
    concluded concludes decided ordered disagreed disagrees agreed
    """.split()
)
# ... and by asking someone to do something: "advised skippers to stay in port".
STANCE_VERBS |= DIRECTIVE_VERBS
# Verbs by which a speaker passes on a fact.
REPORTING_VERBS = frozenset(
    """
    reported reports announced announces confirmed confirms acknowledged estimated
    estimates noted notes stated states according
    """.split()
)
_QUOTE_MARKS = ('"', "“", "”")
# Verbs by which a body only passes on what happened: a body that speaks only so is
# a source the article cites, not a party with a position.
SOURCE_VERBS = frozenset("reported reports according".split())
_PRESENT_SAYING = frozenset("says say argues argue insists insist".split())
_STANCE_OR_SAYING = STANCE_VERBS | _PRESENT_SAYING  # made once, not per verb
_PRESCRIBES = twin_re(
    r"\b(?:should|must|ought to|needs? to|has to|have to|cannot|can't|won't|will not"
    r"|would not|shouldn't|mustn't)\b",
    re.IGNORECASE,
)


# The weights. Chosen on the real-news tuning split and the fiction set, never on
# the validation split: the threshold was swept over 1, 1.5 and 2 and each weight over
# 0.5 and 1. A threshold of 2 gave the most precision on real news (0.79 at a recall
# of 0.65) but dropped a fiction trustee's stance; 1.5 keeps every fiction stance
# (precision 0.76, recall 0.68 on real news). Beyond these, no setting of the
# weights raised real-news precision past 0.8: the stances the gold leaves out are
# mostly quoted reactions (a tribute, a bystander's joke) that look like positions.
PERSON = 1.0
ROLE = 1.0
MULTI = 1.0
QUOTE = 1.0
POSITION = 0.5
PROMINENT = 0.5
BODY = 1.0
FIGURE = 0.5
PRESENT = 0.5
PRESCRIPTIVE = 0.5
COLLECTIVE = 1.0
REPORTING = 1.0
THRESHOLD = 1.5
# A party to a reported dispute always clears the threshold.
DISPUTANT = THRESHOLD


# Titles that name no one on their own ("MP" is no title word of the cast's: there
# it would split "MP Ann Holt" differently for every other rule).
_TITLE_WORDS = TITLES | frozenset("mp mps mep lawmaker legislator spokesman".split())

# A stance whose every statement takes no position scores this: below any threshold.
IDLE = -10.0


def takes_no_position(
    said: Attribution, people: frozenset[str] = frozenset(), disputant: bool = False
) -> bool:
    """True for a statement that reports no position, however it is attributed.

    - an account of the speaker's own experience: "I was not expecting this", "At
      first I thought it was a prank" (first person, past, nothing that ought to be);
    - a portrait of a person: "He was a rebel", "Munk has been a treasure to
      science" (a tribute or a description, not a view on a question);
    - a reaction: sympathy, thanks, grief, pride or congratulation ("Our thoughts
      are with the crew", "Heartbroken", "Congratulations to the team"): how the
      speaker says they feel about the news, not where they stand on a question
      (only a thing said: "ordered a day of mourning" is an act);
    - a feeling: the speaker's own joy, grief or hardship ("This week is hard for
      us", "I am so happy I feel numb"); not anger or disappointment at someone,
      which is a criticism ("I am angry that the board cut the route");
    - a tribute: praise of a person ("a heart of gold", "will be missed", "one of
      the greatest"), and biography ("she had taught there since 1990");
    - a figure passed on in indirect speech, as a past or present fact ("said only
      12% of the staff were women"): a number the speaker reports, not a view. A
      forecast ("would fall to 3%"), a quotation, an estimate or a reason keeps it a
      statement, and so does being a ``disputant``: a party to a disputed figure
      holds its figure as its position;
    - a verb with no content, only its circumstance: "tweeted after hearing the
      news", "spoke during the vigil";
    - a fact passed on by a service that reports facts (police, fire, rescue,
      coast guard, a hospital), in indirect speech, without a reason, a judgement or a
      request or a verb that takes a side: "a fire service spokesman said the driver was in
      intensive care" is the incident, not the service's position. A quotation
      of a sentence or more is kept: what a service says in its own words is often
      its view.

    A statement that judges ("wrong", "unlawful", "I think") or prescribes ("should")
    is a position whatever else it is. (A third kind, a fact passed on in indirect
    speech, "police said they had arrested a second man", was tried on the real-news
    tuning split and left out: it dropped as many stances the gold lists, experts'
    findings told in indirect speech, as it dropped stances the gold leaves out.)
    """
    if said.negated or _takes_stand(said.clause):
        return False
    if _idle_remark(said, people, disputant):
        return True
    if _only_circumstance(said.clause):
        return True
    if _service_fact(said):
        return True
    if _act(said):
        return True
    # "According to the agency's Holt, the goal was 90 percent": a sourced figure. A
    # quotation after "according to" is the speaker's own words, a view as often as not.
    if said.clause.lstrip().startswith(_QUOTE_MARKS):
        return False
    return said.verb.lower() == "according" and bool(find_figures(said.clause))


def idle_remark(
    said: Attribution, people: frozenset[str] = frozenset(), disputant: bool = False
) -> bool:
    """True for a remark that says nothing of where the speaker stands, whoever they are.

    The kinds of :func:`takes_no_position` that read the words alone: an account of
    the speaker's experience, a reaction, a feeling or a quip, a tribute, a portrait or a
    biography, a figure passed on. (The others, a service's fact, an act, a bare
    circumstance, a sourced figure, depend on who speaks and how, and are only weighed
    for the stance as a whole.) A judgement, a prescription or a negation is never one.
    """
    if said.negated or _takes_stand(said.clause):
        return False
    return _idle_remark(said, people, disputant)


# Asked of each statement when its stance is scored and again when its position is
# chosen: answered once a briefing.
@per_briefing
def _takes_stand(clause: str) -> bool:
    """True for a clause that prescribes ("should") or judges ("wrong", "I think")."""
    return _PRESCRIBES.search(clause) is not None or _JUDGES.search(clause) is not None


# Asked of the same statement when its stance is scored and again when its position
# is chosen: answered once a briefing.
@per_briefing_call
def _idle_remark(said: Attribution, people: frozenset[str], disputant: bool) -> bool:
    clause = said.clause.lstrip("[.…] \"“'")
    opening = " ".join(clause.split()[:_EXPERIENCE_WORDS])
    if _EXPERIENCE.search(opening) and not _takes_side(said.clause):
        return True
    if said.verb.lower() in PURE_SPEECH_VERBS and _REACTION.search(opening):
        return True
    if _feeling(opening) or _tribute(said.clause):
        return True
    if _portrait(clause, people) or _biography(clause, people):
        return True
    return not disputant and _figure_passed_on(said)


# Verbs that also name an act done by saying it: declaring a holiday, announcing a
# withdrawal, admitting a charge, confirming a death. ("ordered" is not one: what a
# court or a government orders is the side it takes, and a stance verb above.)
_ACT_VERBS = frozenset(
    "declared declares announced announces admitted admits confirmed confirms".split()
)
# Words that show a clause of its own after the verb ("announced the subsidy will end"):
# auxiliaries and modals, a complementiser, a verb of saying.
_CLAUSE_WORDS = frozenset(
    """
    is are was were be been will would can could should must may might shall has have had
    do does did that saying
    """.split()
)


def _act(said: Attribution) -> bool:
    """True for an act done by a verb of saying, with a noun phrase for its object.

    "has declared Monday a day of remembrance", "admitted its liability for the
    spill", "announced a review of every site": the speaker did something; they did not
    say where they stand. With a clause of its own ("announced the subsidy will
    end", "admitted that the figures were wrong") or a quotation, it is a statement.
    """
    if said.verb.lower() not in _ACT_VERBS or said.negated:
        return False
    clause = said.clause
    if any(m in clause for m in _QUOTE_MARKS):
        return False
    words = [w.lower().strip(".,;:") for w in clause.split()]
    if words and words[0] == said.verb.lower():
        words = words[1:]
    return not any(w in _CLAUSE_WORDS or w.endswith("n't") for w in words)


@dataclass(frozen=True)
class Context:
    """What the article says about its actors.

    Attributes:
        people: Canonical names of the named persons.
        prominent: Lower-cased words of the title and the lead sentence.
        disputants: Who claims or contests a disputed figure the briefing reports.
    """

    people: frozenset[str] = frozenset()
    prominent: frozenset[str] = frozenset()
    disputants: frozenset[str] = frozenset()


def stance_score(
    actor: str, role: str | None, statements: list[Attribution], context: Context
) -> float:
    """How clearly the article reports ``actor``'s position."""
    if actor in context.disputants:
        return DISPUTANT  # a party to a reported dispute: its stance is part of the story
    if all(w.lower().strip(".") in _TITLE_WORDS for w in actor.split()):
        return IDLE  # "One MP told the BBC": a title alone names no one
    if all(takes_no_position(s, context.people) for s in statements):
        return IDLE
    if actor not in context.people and {s.verb.lower() for s in statements} <= SOURCE_VERBS:
        return IDLE  # "Orbis reported", "according to Orbis": a source of facts, not a side
    score = 0.0
    if actor in context.people:
        score += PERSON
    elif _named_body(actor):
        score += BODY
    if role:
        score += ROLE
    if len({s.sentence.index for s in statements}) >= 2:
        score += MULTI
    if any(any(m in s.sentence.text for m in _QUOTE_MARKS) for s in statements):
        score += QUOTE
    verbs = {s.verb.lower() for s in statements}
    if verbs & STANCE_VERBS:
        score += POSITION
    elif verbs <= REPORTING_VERBS:
        score -= REPORTING
    if any(find_figures(s.sentence.text) for s in statements):
        score += FIGURE  # a claim with a number: what disputes are made of
    if any(v.endswith("s") and v in _STANCE_OR_SAYING for v in verbs):
        score += PRESENT  # "the club says", "opponents argue": a position held, not a remark
    if any(_PRESCRIBES.search(s.clause) for s in statements):
        score += PRESCRIPTIVE  # "should have waited", "must not": what ought to happen
    names = {w.lower() for w in actor.split() if len(w) > 2}
    if names & context.prominent:
        score += PROMINENT
    if _collective(actor):
        score -= COLLECTIVE
    return score


def _named_body(actor: str) -> bool:
    """A body the article names: "Wisconsin Supreme Court", "World Health Organization", "CIA"."""
    words = actor.split()
    if len(words) == 1:
        return len(actor) >= 2 and actor.isupper()  # an acronym: "WHO", "CIA"
    if words[-1].lower() in BODY_HEADS and words[0][:1].isupper():
        return True
    # "Corvane Minerals", "Halvic Federation of Fishing Associations": a proper name.
    return all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in words)


BODY_HEADS = GROUP_HEADS | frozenset(
    """
    court government ministry department organization organisation office embassy service
    forces army navy administration senate congress parliament assembly
    """.split()
)


def _collective(actor: str) -> bool:
    """A bare collective: "Police", "Local officials", "Scientists" (not "Dockworkers' union")."""
    words = actor.lower().split()
    if words[-1] not in GROUP_HEADS or actor.split()[-1][:1].isupper() and len(words) > 1:
        return False
    return len(words) == 1 or (len(words) == 2 and words[0] in _VAGUE)


_VAGUE = frozenset("local government state federal city senior other some many several".split())


# "I was", "I always knew", "We received the call": the speaker tells what happened to
# them, or what they did ("We sent four boats"). Events only: a verb of taking a side
# ("we warned", "we asked") makes it a position (``_takes_side``).
_EXPERIENCE = twin_re(
    r"(?<![\w’'])(?<!what )(?<!that )(?<!which )(?:I|[Ww]e) "
    r"(?:\w+ly |always |never |just |already |still |first )?"
    r"(?:was|wasn't|were|weren't|thought|knew|felt|had|never|did not|didn't"
    r"|have been \w+ing|received|went|saw|heard|met|arrived|got|came|spent|worked|sent"
    r"|noticed|remember|remembered"
    r"|grew up)\b"
)
# The opening words in which such an account must start.
_EXPERIENCE_WORDS = 15
# A judgement or a view: what ought to be, or how good or right something is.
# A denial ("I don't believe it", "that is false") is a position too.
_JUDGES = twin_re(
    r"\b(?:I think|we think|I believe|we believe|wrong|right to|unlawful|illegal|unfair"
    r"|unacceptable|justified|mistake|fail(?:ed|s)? to"
    r"|(?:don't|do not|don’t) believe|not true|untrue|false|fake|a lie|lies|lying)\b",
    re.IGNORECASE,
)
# "He was a rebel", and "He was calm." (a bare quality, the sentence ending on it).
_PORTRAIT = re.compile(
    r"^(\S+) (?:was|has been|had been|is) (?:(?:a|an|the|one)\b|(?:so |very )?[a-z]+[.,;])"
)


def _portrait(clause: str, people: frozenset[str]) -> bool:
    """True for "He was a rebel", "Munk has been a world treasure": who someone was."""
    found = _PORTRAIT.match(clause)
    if found is None:
        return False
    subject = found.group(1)
    names = {w for name in people for w in name.split()}
    return subject in ("He", "She") or subject in names


# A reaction: how the speaker feels about the news. Read in the opening words only,
# so a statement that reacts and then argues ("Sad news. The council must act") is
# kept by ``_PRESCRIBES``/``_JUDGES`` first.
_REACTION = twin_re(
    r"\b(?:condolences?|sympath(?:y|ies)|prayers?|pray(?:ing)?|thoughts (?:are|go) with"
    r"|hearts? (?:\w+ly )?(?:goes|go|is|are) (?:out|with)|heartbroken|heartbreaking"
    r"|saddened|sad (?:to|loss|day|news)"
    r"|devastated|deeply shocked|thank (?:you|all|everyone)|thanks to|grateful|congratulat\w*"
    r"|mourn(?:s|ing)?|tragedy|proud (?:moment|day|of)|(?:honou?red|humbled)(?: and| by)"
    r"|rest in peace|(?:great|terrible|huge|sad) loss|we are with (?:you|him|her|them)"
    r"|(?:am|are) with (?:him|her|them|you)|it was (?:incredible|amazing|surreal|unbelievable))",
    re.IGNORECASE,
)
# A clause that is only the circumstance of the verb: "after hearing the news".
_CIRCUMSTANCE = re.compile(r"^(?:after|before|upon|following|during)\b", re.IGNORECASE)


def _only_circumstance(clause: str) -> bool:
    """True for "tweeted after hearing the news": when, not what, the speaker said."""
    if any(m in clause for m in _QUOTE_MARKS) or " that " in clause:
        return False
    return _CIRCUMSTANCE.match(clause.strip()) is not None


# Services whose statements report an incident: police, fire, rescue, hospitals.
_SERVICE_WORDS = frozenset(
    """
    police fire rescue emergency sheriff coroner ambulance paramedics hospital constable
    detective superintendent firefighters guard gendarmerie
    """.split()
)
# A quotation of this many words is the service's own statement; a shorter one
# ("in intensive care with "severe burns"") is a phrase of the report. Four: the
# shortest sentence a spokesperson speaks ("We will find them"); set by reading the
# quotations of the 72 wikinews articles that are not eval cases, not by a sweep.
_OWN_WORDS = 4
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
# How many words before the verb may describe the speaker: a name and a short
# apposition ("Tomas Kubik, a fire service spokesman,"); read off the wikinews
# articles that are not eval cases.
_SPEAKER_WORDS = 7
# Verbs by which even a service takes a side: it urges, warns, denies, blames.
_SIDE_VERBS = frozenset(
    """
    urged urges warned warns argued argues insisted insists rejected rejects denied denies
    disputed disputes contested contests questioned criticized criticised criticizes
    criticises accused accuses blamed blames condemned opposed defended demanded called
    calls dismissed objected complained cautioned appealed appeals
    """.split()
)
# A reason given is an explanation, a view of why ("because it was potent"); a
# request is a position ("asking the embassy to waive immunity").
_REASON = re.compile(
    r"\b(?:because|due to|caused|causes|led to|leads to|drove|driven by|as a result|blamed"
    r"|asking|asked|urging|calling for|appealing)\b",
    re.IGNORECASE,
)


def _service_fact(said: Attribution) -> bool:
    """True for a service's report of an incident in indirect speech (see above)."""
    text = said.sentence.text
    at = text.find(f" {said.verb} ")
    # Who the speaker is: the name, the role, and the words just before the verb
    # ("Tomas Kubik, a fire service spokesman, said").
    before = text[:at].split()[-_SPEAKER_WORDS:] if at > 0 else []
    said_by = [*said.actor.split(), *(said.role or "").split(), *before]
    words = {w.lower().strip(".,").removesuffix("'s").removesuffix("’s") for w in said_by}
    if not words & _SERVICE_WORDS:
        return False
    if any(len(q.split()) >= _OWN_WORDS for q in _QUOTED.findall(said.sentence.text)):
        return False
    if said.verb.lower() in _SIDE_VERBS:
        return False
    return _REASON.search(said.clause) is None


def _takes_side(clause: str) -> bool:
    """True when a verb in ``clause`` takes a side: "we warned them", "I asked the board"."""
    words = {w.lower().strip('.,;:!?"“”') for w in clause.split()}
    return bool(words & _SIDES)


_ASKS = frozenset("asked asking ask refused refuses oppose supported support".split())
_SIDES = _SIDE_VERBS | _ASKS

# A feeling: the speaker's own hardship, joy or grief, or their sympathy with others'
# ("We understand the frustration"). An apology is left out (it admits a fault), and so
# are anger and disappointment: "I am angry
# that the league moved the final" is a criticism. A feeling with its cause after it
# ("happy that the court ruled ...", "shocked by the ruling") is a view of that cause.
_FEELING = twin_re(
    r"\b(?:is|was|has been|have been|are|were|'s|’s) (?:\w+ )?(?:hard|difficult|tough"
    r"|painful|emotional|heartbreaking) (?:for|on) (?:me|us|my|our)\b"
    r"|\b(?:I|we) (?:am|'m|’m|are|'re|’re|feel|felt|was|were) "
    r"(?:so |very |really |just |absolutely |deeply |truly |completely )*(?:happy|thrilled"
    r"|delighted|overjoyed|excited|ecstatic|numb|heartbroken|devastated|overwhelmed|sad"
    r"|shocked|stunned|speechless|emotional|relieved|blessed|lucky)\b(?! (?:that|by|with)\b)"
    r"|\b(?:I|we) (?:have |'ve |’ve )?lost (?:not only )?(?:a|my|our)\b"
    r"|\b(?:I|we) (?:\w+ly |really |truly |very much |do )*(?:understand|share|feel)"
    r" (?:the|your|their|people's|people’s) (?:\w+ )?"
    r"(?:frustration|inconvenience|anger|pain|concern|difficult(?:y|ies)|hardship)",
    re.IGNORECASE,
)
# A quip: a remark on the moment ("That's pretty neat", "Imagine flying one of those").
_QUIP = re.compile(
    r"^(?:(?:that's|that’s|that is|this is|it's|it’s|it is) (?:\w+ )?(?:cool|neat|awesome"
    r"|amazing|incredible|surreal|unbelievable|crazy|wild|funny|hilarious)\b|imagine\b|wow\b)",
    re.IGNORECASE,
)


def _feeling(opening: str) -> bool:
    """True for "This week is hard for us", "I am so happy", "That's pretty neat" (see above).

    The patterns first: most openings hold no feeling, and then the words need no look.
    """
    if _FEELING.search(opening) is None and _QUIP.match(opening) is None:
        return False
    return not _takes_side(opening)


# Praise of a person, wherever it stands in the statement.
_TRIBUTE = twin_re(
    r"\b(?:will|'ll|’ll) be (?:\w+ly |so |very )*missed\b|\bheart of gold\b"
    r"|\b(?:a|the) (?:true |real |living )?legend\b|\brest in peace\b|\bgone too soon\b"
    r"|\b(?:wonderful|lovely|dear|loyal|kind|generous|gentle|great|good|true) "
    r"(?:friend|colleague|man|woman|person|soul|guy|teacher|mentor|father|mother)\b",
    re.IGNORECASE,
)


def _tribute(clause: str) -> bool:
    """True for "a heart of gold", "He will be missed", "a wonderful colleague"."""
    return _TRIBUTE.search(clause) is not None and not _takes_side(clause)


_BIOGRAPHY = re.compile(
    r"^(\S+) (?:had |has )?(?:\w+ly )?(?:worked|served|lived|taught|studied|played|joined"
    r"|grew up|was born|began|started|spent)\b"
)


def _biography(clause: str, people: frozenset[str]) -> bool:
    """True for "he had worked at the harbour since 1987": a life story, not a view."""
    found = _BIOGRAPHY.match(clause)
    if found is None or _takes_side(clause):
        return False
    subject = found.group(1)
    names = {w for name in people for w in name.split()}
    return subject.lower() in ("he", "she") or subject in names


# A figure stated as a past fact: "were women", "was 75 cents". A forecast is a view.
_COPULA = re.compile(r"\b(?:was|were)\b")
_FORECAST = re.compile(
    r"\b(?:will|would|could|might|may|expects?|expected|forecasts?|predicts?|likely)\b",
    re.IGNORECASE,
)


def _figure_passed_on(said: Attribution) -> bool:
    """True for "said only 12% of the staff were women": a number passed on (see above)."""
    verb = said.verb.lower()
    if verb not in PURE_SPEECH_VERBS or verb.endswith("s"):
        return False  # "the council says its reading shows ...": a finding it holds now
    clause = said.clause
    if any(m in said.sentence.text for m in _QUOTE_MARKS) or not _COPULA.search(clause):
        return False
    if _FORECAST.search(clause) or _REASON.search(clause) or _takes_side(clause):
        return False
    return bool(find_figures(clause))
