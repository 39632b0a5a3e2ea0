"""Shortening a sentence for a headline or a key point, without changing what it says.

A news sentence carries its claim in the main clause and decorates it: a time
or place opener ("On Monday, ..."), a parenthesis, an appositive that says who
someone is (", the chief executive of the palace,"), a non-restrictive relative
clause (", who was arrested on Saturday,"), a trailing participle or relative
clause (", saying the plan was a mistake."), a second clause joined by "and" or
a semicolon. :func:`shorten` drops these, least informative first, until the
sentence fits; the words it keeps are the article's, in the article's order.

Rules that keep the meaning:

- Nothing inside quotation marks is cut: a quotation with a hole in it
  misquotes its speaker. A sentence that only fits by cutting a quotation does
  not fit.
- An attribution ("police said", "according to the ministry") is never dropped:
  a claim without its source reads as the briefing's own assertion.
- A negation or a verb of denial is never dropped: the cuts remove whole
  modifiers and whole trailing clauses, never a word of the main clause.

The evidence of a key point stays the verbatim sentence; only its text is shortened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from summarizer.checks.asciire import Twin, twin_re
from summarizer.extractive.lexicon import (
    ED_NOT_VERBS,
    IRREGULAR_PAST,
    MONTHS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLES,
)
from summarizer.extractive.memo import per_briefing_call
from summarizer.extractive.prose import splits_number

# Words that may make up a time opener: "On Monday,", "Late on Sunday,",
# "The previous day,", "Back in 2017,", "On Thursday local time,".
_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december yesterday today tonight
    earlier later last this next previous following same day days week weeks month months
    year years morning afternoon evening night weekend local time
    """.split()
)
_TIME_FILLERS = frozenset("on in at the a late early back of by during".split())
_OPENER = twin_re(r"((?:[\w’'\-]+ ){0,5}[\w’'\-]+), ")
_YEAR_OR_DATE = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")
# A parenthesis of at most this many characters is a gloss ("(B.C.)", "(1430 UTC)").
_PAREN = re.compile(r" ?\([^()\"“”]{0,80}\)")
# "After a long debate, ", "Amid protests at the gates, ": up to twelve words.
# Not "Before ...," or "Under ...,": "Before the election, the party had 318 seats" and
# "Under the plan, fares would rise" say when or whether the claim holds; without the
# opening it would read as true today.
_OPENING_ADJUNCT = twin_re(
    r"(?:After|Following|Despite|Amid|During|Within|Throughout|Ahead of"
    r"|In the wake of|In response to|Earlier|Later"
    # "In an advisory issued late Sunday night, ": the document the news came in.
    # (Up to three words before the document: "In a brief but official statement, ".)
    r"|In (?:a|an|its|their|his|her) (?:[a-z]+ ){0,3}(?:statement|advisory|report|letter"
    r"|interview|release|speech|post|tweet|bulletin|message)"
    r"|(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Some|\d+) (?:hours?"
    r"|days?|weeks?|months?|years?|decades?) (?:after|since))"
    r"\b[^,;:\"“”()]{0,80}?, (?=[A-Za-z])"
)
# " on Friday", " last week", ", in December," inside a sentence.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_INNER_TIME = twin_re(
    r" (?:(?:late |early )?(?:on |last |this |next )?" + _DAY + r"(?: (?:morning|afternoon"
    r"|evening|night))?"
    r"|(?:in |last |this |next |early |late )" + _MONTH + r"(?: \d{1,2})?(?:,? \d{4})?"
    r"|(?:last|this|next) (?:week|month|year|weekend)"
    r"|(?:yesterday|today)(?: (?:morning|afternoon|evening))?|tonight|earlier today"
    r")(?=[ ,.;])"
)
# Any time phrase: a headline may drop even the day of the event ("will vote on
# Thursday"), as headlines do.
_NEEDS_OBJECT = frozenset("than since until from by of to before after between".split())
_ANY_TIME = twin_re(
    r"(?:,? |^)(?:(?:[Ll]ate |[Ee]arly )?(?:[Oo]n |[Ll]ast |[Tt]his |[Nn]ext )?"
    + _DAY
    + r"(?: (?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next) (?:week|month|year|weekend)"
    r"|(?:yesterday|today)(?: (?:morning|afternoon|evening))?|tonight"
    # "this morning", "last night", "overnight": the hour of a day's news.
    r"|(?:this|last) (?:morning|afternoon|evening|night)|overnight"
    r")(?=[ ,.;])"
)
# Words that place a time phrase within its day or year: "later today", "earlier this
# year", "late last night"; without it they are left hanging.
_TIME_LEANS = frozenset("earlier later late early".split())
# Verbs after which a time phrase dates the saying, not the claim: "said on Friday that".
_DATED_VERBS = frozenset(
    """
    said says told announced reported stated confirmed revealed wrote added claimed
    declared warned argued insisted noted explained
    """.split()
)
# ", 34," after a name: an age, also written ", age 34,", ", aged 34," or ", now 34,".
_AGE = twin_re(r"(?<=[A-Za-z]), (?:age |aged |now )?\d{1,3},(?= )")
# ", who was arrested on the day of the theft,", ", which opened in 1990," and the
# reduced forms ", known to fans as the I-Man,", ", based in Leeds,".
_RELATIVE = twin_re(
    r", (?:who|which|whose|where|known|named|called|based|located|aged|born|nicknamed)"
    r" [^,;:\"“”()]{2,120},(?= )"
)
# ", the chief executive of the palace," / ", a cybersecurity firm," after a name.
_APPOSITIVE = twin_re(
    r"(?<=[\w.’')]), ((?:the |a |an |former |then |[a-z][\w\-]* )"
    r"[^,;:\"“”()]{1,80}),(?= [a-z])"
)
_DASH_ASIDE = re.compile(r" (?:—|–|--) ((?:the|a|an) [^—–;:\"“”()]{2,80}) (?:—|–|--)(?= )")
# "the suspension — prorogation — of the parliament": one lower-case word between
# dashes, another name for the noun before it.
_DASH_GLOSS = re.compile(r"(?<=[a-z]) (?:—|–|--) ([a-z][a-z\-]+) (?:—|–|--)(?= [a-z])")
# "revoke Article 50 — the treaty clause — and EU flags": after an aside, "and" may
# join the next item of a list to the noun before the aside, not to the aside.
_LIST_GOES_ON = re.compile(r" (?:and|or|nor)\b")
# A participle with its agent: "the illness carried by river midges" is a noun and a
# reduced relative clause, not a clause of its own.
_REDUCED_RELATIVE = re.compile(r" ([a-z]+) by ")
_RELATIVE_WORD = re.compile(r" (?:who|whose|which|that|where) ")
# A relative clause right after an appositive may be about the appositive's noun: it
# would pass to the name before it if the appositive went.
_RELATIVE_NEXT = re.compile(r" (?:who|whose|whom|which)\b")
# ... when the appositive holds a second noun the clause may be about: "the son of Ada
# Holm", "a lawyer at the firm" ("a family's charitable trust" renames the name, so
# the clause is about the same one).
_INNER_NOUN = re.compile(r" (?:of|in|at|from|for|with|to) |[A-Z][\w’'.\-]*$")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'.\-]*$")
# A description closing the sentence: "..., said Lena Holt, a teacher at the school."
_FINAL_APPOSITIVE = twin_re(r"(?<=[\w.’')]), (?:the|a|an|former) [^;:\"“”()]{1,120}$")
# An opening phrase that is not the subject: "According to a report by UpGuard, ...".
_INTRODUCTORY = frozenset(
    "according in on at after before by from with for during under as following since".split()
)
# A trailing modifier that runs to the end of the sentence.
_TRAILING = twin_re(
    r"(?:,| —| –| -) (?:which|who|whose|saying|claiming|adding|arguing|citing|including|while"
    r"|whereas|after|before|despite|although|though|with|where|when|amid|following|as well as"
    r"|leaving|making|prompting|causing|bringing|in what|a move|a step|a project|a decision"
    r"|(?:an?|the) [a-z]+ (?:that|which|who|whose))\b"
)
_AUXILIARIES = frozenset(
    """
    is are was were be been has have had will would can could may might must shall should
    did does do cannot won't can't couldn't wouldn't shouldn't isn't aren't wasn't weren't
    hasn't haven't hadn't didn't doesn't
    """.split()
)
# Verbs of saying that are not also plural nouns ("reports", "claims", "calls").
_SAID = frozenset(
    """
    said says told reported announced stated claimed wrote added warned argued insisted
    noted explained confirmed denied declared
    """.split()
)
_COORDINATED = re.compile(r"(?:; |, (?:and|but|while|yet|so) )")
# ", in a statement on Monday," / ", after a long debate," between a subject and its verb.
_ASIDE = twin_re(
    r"(?<=[\w.’')]), (?:in|during|at|via|through|after|before|following|despite|amid|with)"
    r" [^,;:\"“”()]{2,80},(?= [a-z]+ )"
)
# A closing attribution: ", the council said.", ", according to the ministry.",
# ", police told reporters.".
_TRAILING_SOURCE = twin_re(
    r", ((?:according to [^,;:\"“”]{2,60})|(?:[^,;:\"“”]{2,60} (?:said|says|reported|reports"
    r"|announced|stated|confirmed|added|told [^,;:\"“”]{2,30}|wrote)))[.!?]?[\"'”’)]*\s*$"
)
# A cut must leave a clause of at least this many words.
_MIN_KEPT = 6
_TERMINAL = ".!?"
_CLOSERS = "\"'”’)]"
_WORDS = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")


@dataclass(frozen=True)
class Shortened:
    """A sentence's shortened text.

    Attributes:
        text: The text, at most the limit's words when ``fits``.
        fits: The rules brought the sentence within the limit.
        words: The text's word count.
    """

    text: str
    fits: bool
    words: int


def word_count(text: str) -> int:
    """Words in ``text``, split on whitespace (as a reader, and the eval, counts them)."""
    return len(text.split())


def has_verb(text: str) -> bool:
    """True when ``text`` holds a word that looks like a finite verb: a clause, not a list.

    "Radio host, television host" is a list; "The toilet has not been recovered"
    and "Police arrested a man" are clauses. Without a part-of-speech tagger this
    is a guess from auxiliaries, verbs of saying and past-tense endings.
    """
    words = text.split()
    return any(_is_verb(word) for word in _WORDS.findall(text)) or any(
        _present_at(words, index) for index in range(1, len(words))
    )


def _is_verb(word: str) -> bool:
    if not word.islower():
        return False  # "United States", "Said Ahmed": names, not verbs
    if word in _AUXILIARIES or word in _SAID or word in IRREGULAR_PAST or word in _PRESENT_S:
        return True
    return len(word) >= 4 and word.endswith("ed") and word not in ED_NOT_VERBS


# Present-tense verbs common in news leads. The "-s" forms are no nouns, so each is a
# verb wherever it stands ("continues", "warns"); "remains" is also a noun (the
# "human remains") and is read as a verb only after a singular subject.
_PRESENT_S = frozenset(
    """
    continues includes warns insists believes seems appears becomes suggests denies admits
    argues agrees intends knows expects accuses describes considers refuses
    """.split()
)
_PRESENT_S_NOUNS = frozenset("remains".split())
# Their bare forms, none a noun either: a verb unless after "to" or a determiner ("the
# plan to remain open" is an infinitive). The subject may stand far back ("fears about
# the old crossing continue"). "say" is a noun after an adjective ("the final say") and
# is a verb only after a plural subject.
_PRESENT_BARE = frozenset(
    """
    continue remain include believe think want expect seem appear become insist
    suggest deny admit argue agree intend know warn accuse describe consider
    """.split()
)
_PRESENT_BARE_NOUNS = frozenset("say".split())
# Words after which, with an object between, a bare form is an infinitive.
_BARE_INFINITIVE_BEFORE = frozenset(
    "to help helps helped helping let lets letting make makes made making".split()
)
_PLURAL_SUBJECTS = frozenset("they we you i police people children men women".split())
_SINGULAR_PRONOUNS = frozenset("he she it".split())
# What may follow a present "-s" verb at once: its object, a pronoun or a determiner.
_OBJECT_STARTS = frozenset("it him her them he she they we".split())
# "-s" verbs that take "to" or "that" ("Kell wants to ...", "the Program estimates
# that ..."): after a name, a plural noun is as often followed by "to" ("Kell members
# to belong"). Read off fresh sentences.
_S_WITH_CLAUSE = frozenset(
    "wants plans hopes seeks claims vows promises threatens aims tries needs estimates"
    " fears reckons maintains".split()
)
# Endings of plural nouns for people: "farmers", "supervisors", "astronauts".
_AGENT_PLURALS = ("ers", "ors", "nauts", "ists", "ians")
_BARE_PUNCTUATION = "\"“”'‘’(),;:."


def _present_at(words: list[str], index: int) -> bool:
    """True when ``words[index]`` reads as a present-tense verb from the word before it.

    Without a tagger the subject decides:
    - any word but an adverb after a subject pronoun (:func:`_after_pronoun`);
    - a bare form of a common verb ("remain", "continue"), not after a determiner
      nor within three words of "to", "help", "let" or "make" ("the plan to remain
      open", "to help farmers remain": infinitives); "say" only after a plural subject: a
      plural in "-s", "they", "police", a name ("officials say", "the talks say");
    - an "-s" form after "he", "she", "it" or a name, when a determiner or a
      pronoun follows at once ("Ann Roe backs the plan", "she wants a vote"), or
      "to" or "that" after a verb that takes them ("Kell wants to"). Not after a
      lower-case noun ("flood defences the council built", "the union claims the
      right"), where the "-s" word is as often a plural noun; not before a time
      ("Pay rises this year") nor a verb ("Union claims were rejected"), and not a
      plural for people ("US astronauts", "Kell farmers to").
    """
    word = words[index].strip(_BARE_PUNCTUATION)
    if index == 0 or not word.islower() or "'" in word or "’" in word:
        return False
    raw_previous = words[index - 1]
    if raw_previous[-1:] in ",;:":
        return False
    previous = raw_previous.strip(_BARE_PUNCTUATION)
    lower = previous.lower()
    if not previous or lower in _DETERMINERS or lower == "to":
        return False
    name = previous[:1].isupper() and lower not in STOPWORDS
    if lower in _PRONOUN_SUBJECTS:
        return _after_pronoun(word, lower)
    if word in _PRESENT_BARE:
        # "to help farmers remain", "letting schools continue": a bare infinitive after
        # its verb's object, within three words (read off fresh sentences).
        return not any(
            w.strip(_BARE_PUNCTUATION).lower() in _BARE_INFINITIVE_BEFORE
            for w in words[max(0, index - 3) : index]
        )
    if word in _PRESENT_BARE_NOUNS:
        plural_noun = (
            previous.islower()
            and len(previous) > 3
            and previous.endswith("s")
            and not previous.endswith(("ss", "us", "is"))
            and previous not in STOPWORDS
            and not _is_verb(previous)
        )
        return lower in _PLURAL_SUBJECTS or plural_noun or name
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    if word in STOPWORDS or _is_verb(word):
        return False
    if lower not in _SINGULAR_PRONOUNS and not name:
        return False
    if word in _PRESENT_S_NOUNS:
        return True
    if index + 1 >= len(words) or words[index][-1:] in ",;:" or word.endswith(_AGENT_PLURALS):
        return False  # "Kell farmers, they ...", "US astronauts": plural nouns
    following = words[index + 1].strip(_BARE_PUNCTUATION)
    low = following.lower()
    if low in ("this", "last", "next") and index + 2 < len(words):
        if words[index + 2].strip(_BARE_PUNCTUATION).lower() in _TIME_UNITS:
            return False  # "pay rises this year"
    if low in ("to", "that"):
        return word in _S_WITH_CLAUSE  # "Kell wants to ...", not "Kell members to ..."
    return low in _DETERMINERS or low in _OBJECT_STARTS


# Adverbs without "-ly" that stand between a pronoun and its verb: "we often get".
_ADVERBS = frozenset(
    "often always never soon once already even ever again still also just now then too"
    " rarely seldom almost".split()
)
# Pronouns that are only ever subjects, or nearly: the word after one is its verb.
_PRONOUN_SUBJECTS = frozenset("they we i he she it".split())


def _after_pronoun(word: str, pronoun: str) -> bool:
    """True when ``word``, right after the subject ``pronoun``, reads as its verb.

    "they dress", "we hope" (plural: a bare form); "it stands", "he arrives"
    (singular: an "-s" form). Not an adverb ("they also", "he quickly"), a
    participle or a time ("delayed it months").
    """
    if word in STOPWORDS or word in _TIME_UNITS or word in _ADVERBS or word.endswith(("ly", "ing")):
        return False
    if pronoun in _SINGULAR_PRONOUNS:
        return len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return word.endswith("ss") or not word.endswith(("s", "ed"))


def _verb_at(words: list[str], index: int) -> bool:
    """True when ``words[index]`` looks like a finite verb: by its form or its subject."""
    word = words[index].strip(_BARE_PUNCTUATION)
    return _is_verb(word) or _present_at(words, index)


class QuoteMask:
    """Which characters of a text sit inside a quotation (its quote marks included).

    Built in one pass over the quote marks only, so a sentence without quotations
    costs one scan: most sentences are checked many times while being shortened.
    """

    __slots__ = ("_spans",)

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        start = -1
        for match in _QUOTE_MARK.finditer(text):
            char = match.group()
            if start < 0 and char != "”":
                start = match.start()
            elif start >= 0 and char != "“":
                spans.append((start, match.end()))
                start = -1
        if start >= 0:
            spans.append((start, len(text)))
        self._spans = spans

    def __getitem__(self, position: int) -> bool:
        if not self._spans:
            return False  # most sentences: no quotation, asked at every gap
        return any(start <= position < end for start, end in self._spans)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The quotations, as (start, end) with their marks, in order."""
        return self._spans

    def any_in(self, start: int, end: int) -> bool:
        """True when a character of ``[start, end)`` is inside a quotation."""
        return any(s < end and start < e for s, e in self._spans)


_QUOTE_MARK = re.compile('["“”]')


def quoted_mask(text: str) -> QuoteMask:
    """For each character of ``text``, whether it sits inside a quotation."""
    return QuoteMask(text)


def _outside(mask: QuoteMask, start: int, end: int) -> bool:
    return not mask.any_in(start, end)


def _cut(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` without the spans outside quotation marks, tidied; itself when none."""
    found = list(spans)
    if not found:
        return text
    return _tidy(_cut_spans(text, iter(found)))


def _cut_spans(text: str, spans: Iterator[tuple[int, int]]) -> str:
    """``text`` without the spans outside quotation marks."""
    mask = quoted_mask(text)
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos or not _outside(mask, start, end):
            continue
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


# The end of a sentence inside a quotation: ". ", "? ", "! " (after an optional
# "[...]" the article itself put there) before a capital or a bracket.
_QUOTED_SENTENCE_END = re.compile(r"[.!?](?:\s*\[(?:\.\.\.|…)\])?(?= [A-Z\[])")


def quotation_ends(text: str) -> list[str]:
    """``text`` with its longest quotation ended after one of its sentences, longest first.

    '... said: "We will appeal. The ruling ignores the evidence."' may become
    '... said: "We will appeal."': the speaker said that sentence, whole, so
    nothing is misquoted (no hole is cut inside a quoted sentence, and the
    quotation keeps its marks). Empty when no quotation holds two sentences.
    """
    spans = quoted_mask(text).spans
    if not spans:
        return []
    start, end = max(spans, key=lambda span: span[1] - span[0])
    closing = text[end - 1]
    if closing not in '"”':
        return []  # a quotation left open: where it ends is unknown
    tail = text[end:]
    # '"We will appeal. ...," she said': the attribution follows, so the quoted
    # sentence closes as the quotation did, on its comma ('"We will appeal," she said').
    attributed = tail.lstrip()[:1].isalpha() or tail.startswith(",")
    comma = "," if attributed and text[end - 2] == "," else ""
    if not attributed and tail[:1] in _TERMINAL:
        tail = tail[1:]  # '... dung. We ...".': the quoted sentence's own stop ends it
    found = []
    for match in _QUOTED_SENTENCE_END.finditer(text, start + 1, end - 1):
        stop = match.start() + 1  # keep the full stop, drop a trailing "[...]"
        if attributed and text[match.start()] == ".":
            stop -= 1
        found.append(_tidy(text[:stop] + comma + closing + tail))
    return found[::-1]


def drop_parentheses(text: str) -> str:
    """``text`` without short parenthetical glosses: "(B.C.)", "(1430 UTC)"."""
    if "(" not in text:
        return text
    for _ in range(3):  # "((pl))": nested glosses, innermost first
        shorter = _cut_spans(text, ((m.start(), m.end()) for m in _PAREN.finditer(text)))
        shorter = shorter.replace("()", "")
        if shorter == text:
            break
        text = shorter
    return _tidy(text)


def drop_time_opener(text: str) -> str:
    """``text`` without an opening time phrase: "Yesterday, ...", "On Monday, ..."."""
    if "," not in text:
        return text
    match = _OPENER.match(text)
    if match is None:
        return text
    original = match.group(1).split()
    if any(w.lower() in MONTHS and not w[:1].isupper() for w in original):
        return text  # "The march, called by the union, ...": a noun, not the month
    words = [w.lower() for w in original]
    if not any(w in _TIME_WORDS or _YEAR_OR_DATE.fullmatch(w) for w in words):
        return text
    if not all(w in _TIME_WORDS or w in _TIME_FILLERS or _YEAR_OR_DATE.fullmatch(w) for w in words):
        return text
    rest = text[match.end() :]
    if len(rest.split()) < 4:
        return text
    return _capitalise(rest)


def drop_opening_adjunct(text: str) -> str:
    """``text`` without an opening phrase of time or circumstance.

    "After a debate that ran past midnight, the council voted ..." keeps "the
    council voted ...". An opening attribution ("According to police, ...") and
    an opening condition ("If the board agrees, ...") are kept: without them the
    claim says something else.
    """
    if "," not in text:
        return text
    match = _OPENING_ADJUNCT.match(text)
    if match is None or quoted_mask(text).any_in(match.start(), match.end()):
        return text
    rest = text[match.end() :]
    if word_count(rest) < _MIN_KEPT or not has_verb(rest):
        return text
    return _capitalise(rest)


def drop_inner_time(text: str) -> str:
    """``text`` without a time phrase that dates the telling: "said on Friday that".

    A time phrase in the claim itself ("dredging would begin in September") is
    kept: it is part of what is claimed.
    """

    def spans() -> Iterator[tuple[int, int]]:
        for match in _INNER_TIME.finditer(text):
            start, end = match.start(), match.end()
            before = text[:start]
            previous = before.rsplit(" ", 1)[-1].lower()
            if before.endswith(",") and text.startswith(",", end):
                yield start - 1, end  # ", on Tuesday," set off by commas
            elif previous in _DATED_VERBS:
                yield start, end  # "said on Friday that": when it was said
            elif previous == "that" and text.startswith(",", end):
                yield start, end + 1  # "revealed that in December, the prince ..."

    return _cut(text, spans())


def drop_any_time(text: str) -> str:
    """``text`` without day names and "last week": for a headline, where the day is colour."""

    def spans() -> Iterator[tuple[int, int]]:
        for match in _ANY_TIME.finditer(text):
            previous_word = text[: match.start()].rsplit(" ", 1)[-1]
            previous = previous_word.lower()
            if previous in _NEEDS_OBJECT:
                continue  # "greater than last year" keeps its year
            if previous in _TIME_LEANS:
                continue  # "later today", "earlier this year": "later" alone is no time
            if previous in _DETERMINERS or previous.endswith(("'s", "’s")):
                continue  # "the overnight crash", "Monday's storm": part of a noun phrase
            end = match.end()
            if _RELATIVE_NEXT.match(text, end):
                continue  # "networks today, which marks": "which" would pass to "networks"
            if previous_word[:1].isupper() and match.group().lstrip(", ")[:1].isupper():
                continue  # "on Super Tuesday", "Black Friday": a name, not the date
            if text.startswith(",", end) and _dates_an_opening_participle(text[: match.start()]):
                continue  # "In an advisory issued late Sunday night, ...": its only words
            # ", on Monday," goes with both its commas; "released by X on Monday, scientists
            # report" keeps the comma that closes the opening phrase.
            if text.startswith(",", end) and not match.group().startswith(","):
                yield match.start(), end
            elif text.startswith(",", end) and match.start() > 0:
                yield match.start(), end + 1 if _starts_lower(text, end + 1) else end
            else:
                yield match.start(), end

    return _capitalise(_cut(text, spans()))


def _dates_an_opening_participle(before: str) -> bool:
    """True for "In an advisory issued": an opening phrase that ends on a participle.

    A time phrase after it is all the participle says ("issued late Sunday night,");
    dropping it leaves "In an advisory issued, the coast guard ...".
    """
    words = before.split()
    if len(words) < 3 or "," in before or words[0].lower() not in _OPENING_PREPOSITIONS:
        return False
    return _is_verb(words[-1])


_OPENING_PREPOSITIONS = frozenset("in on at after before with from under during".split())


def _starts_lower(text: str, at: int) -> bool:
    rest = text[at:].lstrip()
    return rest[:1].islower()


# "X also announced ...": the addition refers to a sentence the reader has not read.
_ALSO = re.compile(r"(?<=[a-z]) also(?= [a-z])")


def drop_also(text: str) -> str:
    """``text`` without an "also" that leans on an earlier sentence: "Rouhani also said"."""
    if " also " not in text:
        return text
    return _cut(text, (m.span() for m in _ALSO.finditer(text)))


def drop_ages(text: str) -> str:
    """``text`` without ages set off after a name: "Lena Holt, 34, said".

    The age's closing comma goes with it ("Lena Holt said") unless an aside follows
    that the comma still opens ("Petra Lusk, who crosses ...", "Ann Lee, a nurse, ...").
    """
    if "," not in text:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _AGE.finditer(text):
            following = text[match.end() :].split(None, 1)[:1]
            aside = bool(following) and following[0].lower() in _ASIDE_OPENERS
            yield match.start(), match.end() - 1 if aside else match.end()

    return _cut(text, spans())


# Words that open an aside after a comma: "Petra Lusk, 58, who ...", ", a nurse, ...".
_ASIDE_OPENERS = frozenset(
    "who whose which a an the of from and now then former formerly known".split()
)


def drop_appositives(text: str) -> str:
    """``text`` without descriptions of a named actor: "Dominic Hare, chief executive, said"."""
    if "," not in text and "—" not in text and "–" not in text and "--" not in text:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _APPOSITIVE.finditer(text):
            before = text[: match.start()]
            if not _NAME_BEFORE.search(before) or not _is_description(match.group(1)):
                continue
            relative = _RELATIVE_NEXT.match(text, match.end()) is not None
            if relative and _INNER_NOUN.search(match.group(1)):
                continue  # "Piet Holm, the son of Ada Holm, who ran ...": whose is the clause?
            # Inside an opening phrase the closing comma still ends that phrase; before
            # a relative clause it still opens it ("the Orrin Trust, which paid ...").
            opener = before.split(" ", 1)[0].lower() in _INTRODUCTORY and "," not in before
            yield match.start(), match.end() - 1 if opener or relative else match.end()

    text = _cut(text, spans())
    text = _drop_long_subject_description(text)
    # "The Court — the supreme court on EU law — ruled": a description between dashes.
    dashes = (
        (m.start(), m.end())
        for m in _DASH_ASIDE.finditer(text)
        if _is_description(m.group(1)) and not _LIST_GOES_ON.match(text, m.end())
    )
    text = _cut(text, dashes)
    text = _cut(text, (m.span() for m in _DASH_GLOSS.finditer(text) if _is_gloss(text, m)))
    final = _FINAL_APPOSITIVE.search(text)
    mask = quoted_mask(text)
    if (
        final is not None
        and _NAME_BEFORE.search(text, 0, final.start())
        and not mask[final.start()]
        and _is_description(final.group()[2:])
    ):
        return _close(text[: final.start()], text)
    return text


# ", the Welsh novelist best known for ...," after the name that opens a sentence, and
# before its verb. Up to 200 characters: longer than any appositive :data:`_APPOSITIVE`
# takes (80), as long as a lead's description of its subject runs (read off fresh
# sentences, not tuned).
_SUBJECT_DESCRIPTION = twin_re(
    r"^((?:[A-Z][\w’'.\-]* ){0,5}[A-Z][\w’'.\-]*), ((?:the|a|an|former) [^,;:\"“”()—–]{2,200}),"
    r"(?= ([a-z]+) )"
)
# Words that make an aside a clause of its own, or a claim: kept whole.
_NOT_IN_DESCRIPTION = (
    _AUXILIARIES
    | _SAID
    | SPEECH_VERBS
    | frozenset("who whom whose which that where when any every each all only few".split())
)


def _drop_long_subject_description(text: str) -> str:
    """``text`` without a long description of the name that opens it, before its verb.

    "Ann Roe, the novelist best known for ..., died" becomes "Ann Roe died".
    :data:`_APPOSITIVE` takes descriptions of up to 80 characters with no verb; a
    lead often describes its subject at length, with a participle ("best known
    for", "based in"). Only between the name that opens the sentence and its verb
    (a past, present or auxiliary form right after the closing comma: not a list,
    "Kell Rovers, the club ..., and two others"), and only when the aside holds no
    auxiliary, verb of saying, relative word, negation or quantifier: a clause of its
    own ("whose cattle were taken"), or a claim, is kept.
    """
    match = _SUBJECT_DESCRIPTION.match(text)
    if match is None or match.group(1).split(" ", 1)[0].lower() in _ADJUNCT_OPENERS:
        return text
    aside = [w.strip(".’'").lower() for w in match.group(2).split()]
    if any(w in _NOT_IN_DESCRIPTION or _negates(w) for w in aside):
        return text
    after = text[match.end() :].split(None, 2)[:2]  # the verb, and what follows it
    if not _verb_at([match.group(1).rsplit(" ", 1)[-1], *after], 1):
        return text
    return match.group(1) + text[match.end() :]


def _is_gloss(text: str, match: re.Match[str]) -> bool:
    """True when the word between dashes at ``match`` renames the noun before it.

    "the closure — enclosure — of the land" is a gloss; "had — not — paid" and "was
    — reportedly — sold" are a negation and a hedge, which the claim needs.
    """
    word = match.group(1)
    if word in STOPWORDS or word in _NEGATIONS or word.endswith("ly"):
        return False
    if _LIST_GOES_ON.match(text, match.end()):
        return False
    before = text[: match.start()].rsplit(" ", 1)[-1]
    return before not in _DANGLING and not _is_verb(before)


_NEGATIONS = frozenset("not never no none nor neither nothing".split())


def _is_description(phrase: str) -> bool:
    head = _head_before_reduced_relative(_RELATIVE_WORD.split(phrase, maxsplit=1)[0])
    if has_verb(head):
        return False  # ", the SDF is largely made up of ...": a clause, not a description
    words = phrase.lower().split()
    if words[0] in ("the", "a", "an", "former", "then"):
        return True
    # A lower-case appositive must name a role: "chief executive of the palace".
    return any(w.strip(".,") in TITLES for w in words) or " of " in f" {phrase} "


def _head_before_reduced_relative(phrase: str) -> str:
    """``phrase`` up to a participle with its agent: "the illness | carried by midges".

    A verb of saying is no participle here: "the ministry confirmed by letter" is a
    clause, and the source of the claim around it.
    """
    for match in _REDUCED_RELATIVE.finditer(phrase):
        word = match.group(1)
        if word in _SAID or word in SPEECH_VERBS or word in ("died", "dies"):
            return phrase
        if (word.endswith("ed") and word not in ED_NOT_VERBS) or word in IRREGULAR_PAST:
            return phrase[: match.start()]
        return phrase
    return phrase


# ", a program related to the pandemic," between a noun and its verb: an aside that
# renames the noun ("CERB payments, a program related to the pandemic, presented").
# At most 90 characters, as a parenthesis of :data:`_PAREN` (80) and a little more.
_RENAMING_ASIDE = twin_re(r"(?<=[a-z]), ((?:a|an|the) [^,;:\"“”()—–]{2,90}),(?= ([a-z]+) )")


def drop_renaming_asides(text: str) -> str:
    """``text`` without an aside that renames the noun before it, ahead of its verb.

    "CERB payments, a program related to the pandemic, presented a new factor ..."
    keeps "CERB payments presented a new factor ...": what the aside says of the
    payments is description, and cutting it may leave room for the news at the end.
    An aside after a name is :func:`drop_appositives`'; one that is a clause of its
    own ("the council said") or is followed by no verb (a list) stays.
    """
    if text.count(",") < 2:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _RENAMING_ASIDE.finditer(text):
            following = match.group(2)
            if not _appositive(match.group(1).split()) or not _is_verb(following):
                continue
            yield match.start(), match.end()

    return _cut(text, spans())


def drop_adjunct_asides(text: str) -> str:
    """``text`` without an adjunct set off by commas inside the clause.

    "Trump, in a statement delivered via the press secretary, announced ..." and
    "The council, after a long debate, voted ..." keep their subject and verb.
    """
    if text.count(",") < 2:
        return text
    spans = ((m.start(), m.end()) for m in _ASIDE.finditer(text) if _resumes(text, m.end()))
    return _cut(text, spans)


def _resumes(text: str, at: int) -> bool:
    """True when the word at ``at`` goes on with the clause the aside interrupted.

    A verb ("The council, after a debate, voted") or a phrase of the clause ("turned
    out, with flags, in the capital") does. "The race, after three boats pulled out
    overnight, one of them ..." goes on with another phrase: the phrase before it is
    no aside, and cutting it would run "race" into "one of them".
    """
    word = text[at:].split(None, 1)[0] if text[at:].strip() else ""
    return _is_verb(word) or word in SPEECH_VERBS or word in _BOUNDARIES or word == "to"


def drop_relatives(text: str) -> str:
    """``text`` without non-restrictive relative clauses: ", who was bailed,".

    Also one set off by dashes: "the 2004 gale - in which nine walkers died - has ...".
    """
    if " -" in text or "—" in text or "–" in text:
        text = _cut(text, (m.span() for m in _DASH_RELATIVE.finditer(text)))
    if "," not in text:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _RELATIVE.finditer(text):
            # "..., which will cost jobs, the company said.": the comma before the
            # attribution stays.
            closing = match.end() - 1
            tail = _TRAILING_SOURCE.match(text, closing)
            yield match.start(), closing if tail is not None else match.end()

    return _cut(text, spans())


# " - in which nine walkers died -", " — who ran the ferry —": a relative clause between
# dashes, at most 100 characters (as a parenthesis of :data:`_PAREN`, and a little more).
_DASH_RELATIVE = re.compile(
    r" (?:—|–|--|-) (?:who|whom|whose|which|where|(?:in|of|during|at|from) which)"
    r" [^—–;:\"“”()]{2,100}? (?:—|–|--|-)(?= )"
)


def drop_trailing(text: str) -> str:
    """``text`` without a trailing modifier: ", saying the plan was a mistake."."""
    if "," not in text and " —" not in text and " –" not in text and " -" not in text:
        return text
    return _cut_from(text, _TRAILING)


def drop_coordinated(text: str) -> str:
    """``text`` without a second clause: "; the toilet has not been recovered."."""
    if "," not in text and ";" not in text:
        return text
    return _cut_from(text, _COORDINATED, lists=True)


def _ends_list_item(text: str, at: int) -> bool:
    """True when the comma at ``at`` follows a list item: "reduce silt, green algae, | and oil".

    The words back to the comma before are few, open on no preposition ("in 2022, by
    4 percent, and the board ...") and hold no verb, and the words after "and" hold
    none before a new phrase starts: a list's last item, not a second clause.
    """
    comma = text.rfind(", ", 0, at)
    if comma < 0:
        return False
    item = text[comma + 2 : at].split()
    if not item or len(item) > _LIST_ITEM_WORDS or item[0].lower() in _BOUNDARIES:
        return False
    if any(_is_verb(word) for word in item):
        return False
    for word in text[at:].split(None, _LIST_ITEM_WORDS + 2)[2 : _LIST_ITEM_WORDS + 2]:
        lower = word.lower().strip(",.;")
        if lower in _BOUNDARIES or lower in _SUBORDINATORS:
            break
        if lower == "that" or _is_verb(word):
            return False  # "and the board has said", "and that the cut would"
    return True


# A closing "according to" whose source runs on into how and when it appeared:
# ", according to a study published on Jan. 9 by researchers at ...". The source is
# named by its head ("a study", "the agency's annual report"); what follows the
# participle, when a phrase of time, place or agent follows it, is detail ("the
# operator's published tables" is a head, not a head and its detail).
_SOURCE_DETAIL = twin_re(
    r"(, according to (?:an?|the|its|their|his|her|[A-Z][\w’'.-]*(?:’s|'s)) [^,;:\"“”]{1,40}?)"
    r" (?:published|released|issued|conducted|carried out|commissioned|presented|posted"
    r"|made public|obtained|seen|filed|prepared|compiled)"
    r" (?:on|in|by|at|last|this|earlier|late|early|yesterday|today|for|to|from|during|after)"
    r"\b[^,;:\"“”]*"
    r"(?=[.!?][\"'”’)]*\s*$)"
)


# "a report by a team from the University of Hawaii, saying ...": who wrote a report,
# between the report and what it says (at most 160 characters: the longest list of
# authors on the tuning split ran to about 110).
_AUTHORS = twin_re(
    r"\b([a-z]+)( (?:by|from) [^,;:\"“”()—–]{3,160}?),? "
    r"(?=(?:saying|finding|showing|concluding|stating|suggesting|that) )"
)


def drop_report_authors(text: str) -> str:
    """``text`` with a report's authors dropped when what it says follows them.

    "Science published a report by a team from the University of Hawaii and the
    University of Southern California, saying the eruption was followed by ..."
    keeps "Science published a report saying the eruption was followed by ...":
    the source stays (the report, and who published it), and the news is reached.
    Only after a light noun (a report, a study, a ruling, a statement).
    """
    if " by " not in text and " from " not in text:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _AUTHORS.finditer(text):
            if match.group(1) in _LIGHT_NOUNS and not has_verb(match.group(2)):
                yield match.start(2), match.end() - 1  # the space before "saying" stays

    return _cut(text, spans())


def drop_source_detail(text: str) -> str:
    """``text`` with a closing source cut to its head: ", according to a study."."""
    if "according to" not in text:
        return text
    match = _SOURCE_DETAIL.search(text)
    if match is None or not _outside(quoted_mask(text), match.start(), match.end()):
        return text
    return text[: match.start()] + match.group(1) + text[match.end() :]


def _cut_from(text: str, pattern: re.Pattern[str] | Twin, *, lists: bool = False) -> str:
    """``text`` cut at the first match of ``pattern`` outside quotes that leaves a clause.

    With ``lists``, not at ", and" or ", or" closing a list (:func:`_ends_list_item`).
    """
    mask = quoted_mask(text)
    for match in pattern.finditer(text):
        kept = text[: match.start()]
        if mask[match.start()] or word_count(kept) < _MIN_KEPT or not has_verb(kept):
            continue
        if lists and match.group().startswith(", ") and _ends_list_item(text, match.start()):
            continue
        if text.count("(", 0, match.start()) != text.count(")", 0, match.start()):
            continue
        if _aside_before_verb(text, match.end()):
            continue  # "by which an official, including the president, | can be removed"
        if _subject_goes_on(text[match.start() + 1 :].lstrip(" —–-")):
            continue  # "Rita Osei, | as well as Piet Vos were accused": the verb is after
        if cuts_the_news(kept):
            continue  # "published a report | , saying ...": the news is what it says
        return _close(text[: match.start()], text)
    return text


def _aside_before_verb(text: str, start: int) -> bool:
    """True when the phrase at ``start`` closes on a comma before the main clause's verb.

    ", including the president, can be removed": the phrase is an aside inside the
    clause, and cutting from it would leave the clause without its verb.
    """
    comma = text.find(", ", start)
    if comma < 0 or any(mark in text[start:comma] for mark in ';:"“”'):
        return False
    following = text[comma + 2 :].split(" ", 1)[0].lower()
    return following in _AUXILIARIES


def _close(kept: str, original: str) -> str:
    """End ``kept`` as ``original`` ends: with its attribution and its full stop.

    A cut never drops who said it: when ``original`` ends on ", the council
    said." or ", according to the ministry." and the cut removed it, it is put back.
    """
    kept = kept.rstrip(" ,;:—–-")
    end = original.rstrip(_CLOSERS + " ")
    mark = end[-1] if end and end[-1] in _TERMINAL else "."
    source = _TRAILING_SOURCE.search(original)
    if source is not None and source.group(1) not in kept:
        kept = f"{kept}, {source.group(1)}"
    if kept.endswith(mark):
        return kept  # "... until 6 p.m." already ends on a full stop
    return kept + mark


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return " ".join(text.split())


def _capitalise(text: str) -> str:
    first = text.split(" ", 1)[0]
    if text[:1].islower() and not any(c.isupper() for c in first[1:]):
        return text[:1].upper() + text[1:]
    return text


# Words before which a sentence may end as a shorter, still true, clause: the
# start of an adjunct (a place, a time, a reason) or of a coordinated clause.
# "and", "or" and "but" join names and noun phrases as often as clauses: they end a
# clause only after a comma. Conditions and limits ("if", "unless", "until", "once")
# are never cut off: without them the claim says something else.
_STRONG_BOUNDARIES = frozenset(
    """
    after before when while because since during amid following including although
    though whereas despite
    """.split()
)
_CONDITIONS = frozenset("if unless until once provided".split())
_BOUNDARIES = _STRONG_BOUNDARIES | frozenset(
    "in at on for with from by near across over under against about into through within".split()
)
# After a bare past verb, only these start an adjunct for sure: "Don Imus died | at
# ..." ends, but "called | on the councils" and "hosted | by two presenters" do not
# (a verb's particle, a passive's agent).
_PLACE_AFTER_VERB = frozenset("at near".split())
_GAP = re.compile(r"([ ]*[,;]?)[ ]+([^\s,;]+)")
_PARTICIPLE = re.compile(r"[a-z]{2,}ing")
# Words that measure the phrase after them: "shortly after", "just before", "long since".
_DEGREE = frozenset("shortly soon just long right immediately even only well directly".split())
# A preposition that opens a restrictive relative clause: "in which", "for whom".
# (A preposition only: "an eight-year-old | schoolgirl whose death ..." is a noun and its
# relative clause, and a cut before the noun splits its phrase.)
_RELATIVE_AFTER = re.compile(
    r"(?:in|on|at|for|by|to|with|from|of|under|through|during|after|before|against|among"
    r"|over|into|upon|within|without|behind|beyond) (?:which|whom|whose)\b"
)
# A ranking whose noun phrase is still open at the end of the kept words: "the first
# state in the United States", "the only airline" (no comma or verb after it).
_RANKING = (
    r"\b(?:the|its|their|his|her) (?:first|last|only|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|next|latest"
    r"|largest|biggest|highest|lowest|oldest|youngest|longest|most|least)"
)
_OPEN_RANKING = twin_re(_RANKING + r"\b[^,;:]*$")
# ... and the same ranking word right before a comma: "the next, public phase".
_RANKING_END = re.compile(_RANKING + "$")
_NUMBER_AFTER = re.compile(r" (?:least |most |about |around |nearly |almost )?[$€£¥]?\d")
# A last-resort cut keeps at least this many words.
_MIN_HARD = 8


# A cut that keeps the procedure and loses the news. "The court issued a ruling.",
# "The mayor said at a press conference." and "A judge sentenced the two men." are
# true and say nothing: what the ruling found, what the mayor said and the sentence
# were in the words the cut dropped. :func:`cuts_the_news` refuses such a cut; the
# sentence is then cut elsewhere, or not at all (a headline then falls back to
# another sentence of the opening, or to the lead cut with "…").
#
# Light nouns: a procedure, a document or a vague generic whose news is what it
# holds ("a ruling that ...", "a report saying ...", "a factor in ..."). A named list,
# but the rule is where the noun stands: the head of the last noun phrase kept, after
# the verb, with no complement but who made it or who got it.
_LIGHT_NOUNS = frozenset(
    """
    ruling rulings opinion opinions judgment judgement verdict decision statement
    statements report reports study survey review warning order announcement declaration
    request proposal plan bill motion resolution lawsuit suit complaint petition appeal
    letter speech factor factors role
    """.split()
)
# Phrases that name only who made it or who got it: "a report by a team from ...",
# "a bill to the congress", "the request of Prime Minister ...".
_PARTICIPANT = frozenset("by from to at of".split())
# After a light noun, these say what it holds or is about: "a ruling against the
# company", "a report on the fares", "a factor in the rise".
_TOPIC = frozenset("against about on over concerning regarding into".split())
# A verb whose content is what follows it: said at a press conference | "...". Only
# forms that are no plural noun ("states", "comments", "reports" are nouns as often).
_BARE_SAYING = frozenset(
    """
    said says say added stated noted wrote commented explained remarked tweeted spoke
    speaks speaking commenting saying adding testified responded replied
    """.split()
)
# Verbs whose object is a listener or a source, not what was said: "told reporters",
# "paraphrased the first man in space".
_TELLING = frozenset("told tells tell quoted paraphrased echoed".split())
# A light noun after these is not the verb's object but a source or a circumstance:
# "according to a statement", "confirmed the deaths in a statement".
_NOT_OBJECT = frozenset(
    "in to under per through via by after before during following amid despite at from of as"
    " into within".split()
)
_ADJUNCT_START = frozenset(
    "at on in to during before after with via through from for outside inside".split()
)
# Verbs whose news is their second complement: "sentenced two men | to nine years".
_SENTENCING = frozenset("sentenced charged convicted".split())
_SENTENCE_TERMS = frozenset("to with of for".split())
# Calling the authorities is the setting of the news; why they were called is the news.
_ALERTING = frozenset("called phoned rang contacted alerted notified".split())
_AUTHORITIES = frozenset(
    "police authorities 911 999 ambulance firefighters paramedics coastguard".split()
)
_POSSESSIVES = frozenset("its their his her our".split())
# How many of the last words kept are read: enough for a light noun and who made it
# ("a report by engineers from the Orrin institute of coastal studies and the Delft
# marine laboratory" is fifteen), and it keeps the check cheap at every gap.
_PROCEDURE_WINDOW = 20
_QUOTES_AND_COLON = '"“”‘’:'


def cuts_the_news(kept: str) -> bool:
    """True when ending a sentence after ``kept`` keeps a procedure and drops its news.

    The kept clause ends on
    - a light noun with no complement but who made it or got it: "issued a ruling",
      "published a report by a team from the university", "the request of the mayor"
      ("a ruling against the company", "a factor in the rise" have theirs);
    - a verb of saying with nothing said: "said at a press conference", "commented
      on the matter", "told reporters";
    - a sentence without its term: "sentenced Tomas and Eli Brink";
    - a call to the authorities without why: "called the police in Dunmore".
    """
    stripped = kept.rstrip(" .,;:—–-")
    if not stripped or stripped[-1] in "\"”’'":
        return False  # a quotation ends it: what was said is there
    words = [w.strip(",;()") for w in stripped.rsplit(None, _PROCEDURE_WINDOW)[-_PROCEDURE_WINDOW:]]
    lower = [w.lower() for w in words]
    if _empty_light_noun(words, lower) or _nothing_said(stripped, words, lower):
        return True
    return _unsentenced(lower) or _only_alerted(lower)


def _light_noun_object(words: list[str], lower: list[str]) -> int | None:
    """The index of the last light noun heading a noun phrase after a verb, if any."""
    for index in range(len(words) - 1, 0, -1):
        if lower[index] not in _LIGHT_NOUNS:
            continue
        if index + 1 < len(words) and not _ends_head(lower[index + 1]):
            continue  # "a study group", "in order to": not the head of its phrase
        opener = _determiner_before(lower, index)
        if opener is None or not any(_is_verb(w) for w in words[:opener]):
            return None  # no determiner, or in the subject: "The ruling was appealed"
        if opener > 0 and lower[opener - 1] in _NOT_OBJECT:
            return None  # "according to a statement": the source, not the news
        verb = max(i for i in range(opener) if _is_verb(words[i]))
        if any(w in _STRONG_BOUNDARIES or w in _SUBORDINATORS for w in lower[verb:opener]):
            return None  # "would consider it before making a decision": not the object
        return index
    return None


def _ends_head(following: str) -> bool:
    # What may follow the head of a noun phrase: a preposition, a relative word, a
    # participle, or a conjunction.
    return (
        following in _DANGLING
        or following in _BOUNDARIES
        or following in _TOPIC
        or following.endswith("ing")
        or following in ("and", "or", "but")
    )


# How many words may stand between a light noun and its determiner: "a planned
# two-day national shutdown" (four, read off fresh sentences and the tuning split).
_MODIFIERS = 4


def _determiner_before(lower: list[str], index: int) -> int | None:
    """The index of the determiner opening the noun phrase headed at ``index``."""
    for back in range(index - 1, max(index - _MODIFIERS - 1, -1), -1):
        word = lower[back]
        if word in ("a", "an", "the") or word in _POSSESSIVES:
            return back
        if word in _DANGLING or word in _NP_BREAKERS or word in _BOUNDARIES:
            return None
    return None


def _empty_light_noun(words: list[str], lower: list[str]) -> bool:
    """True for "issued a ruling", "a report by a team from X": no content kept."""
    index = _light_noun_object(words, lower)
    if index is None:
        return False
    after = lower[index + 1 :]
    opener = _determiner_before(lower, index)
    definite = opener is not None and lower[opener] == "the"
    if not after:
        return not definite  # "criticised the decision" points back; "a decision" is empty
    head = after[0]
    if head not in _PARTICIPANT:
        return False  # "a ruling against ...", "a factor in ...": the complement is kept
    if any(
        low == "to" and not _names_a_party(word)
        for low, word in zip(after, words[index + 2 :], strict=False)
    ):
        return False  # "a request (of the mayor) to suspend parliament": its content
    if head == "of":
        named = [w for w in words[index + 2 : index + 4] if w.lower() != "the"]
        if not named or not named[0][:1].isupper():
            return False  # "a review of the timetable": its subject, not who made it
    return not _says_something(words[index + 1 :], lower[index + 1 :])


def _names_a_party(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _DETERMINERS or word[:1].isdigit()


def _says_something(words: list[str], lower: list[str], *, topic: bool = True) -> bool:
    """True when the words after a noun or a verb hold a clause, a quotation or a topic.

    A topic ("on the matter") counts after a noun, not after a verb of saying: "a
    ruling on the fares" is about something; "commented on the matter" said nothing.
    """
    for word, low in zip(words, lower, strict=True):
        if any(mark in word for mark in _QUOTES_AND_COLON) or low in ("that", "which", "who"):
            return True
        if (topic and low in _TOPIC) or _is_verb(word):
            return True
        if low.endswith("ing") and len(low) > 4 and low not in _TIME_WORDS:
            return True  # "a warning covering ...", "said, adding ..."
    return False


def _nothing_said(kept: str, words: list[str], lower: list[str]) -> bool:
    """True for "said at a press conference", "commented on the matter", "told NPR"."""
    said = [i for i, w in enumerate(lower) if w in _BARE_SAYING or w in _TELLING]
    if not said:
        return False
    index = said[-1]
    if not words[index].islower():
        return False  # "Said Ahmed": a name
    if any(mark in kept for mark in _QUOTES_AND_COLON):
        return False  # '"We will appeal," Vance told reporters': what was said is kept
    if "that" in lower[:index]:
        return False  # "said that the government has told parliament": inside what was said
    after_words, after = words[index + 1 :], lower[index + 1 :]
    if _says_something(after_words, after, topic=False):
        return False
    if lower[index] in _TELLING or not after:
        return True  # "told reporters", "..., she added."
    return after[0] in _ADJUNCT_START  # "stated his opposition" has said something


def _unsentenced(lower: list[str]) -> bool:
    """True for "sentenced Tomas and Eli Brink": the sentence itself was cut."""
    for index in range(len(lower) - 1, -1, -1):
        if lower[index] in _SENTENCING:
            after = lower[index + 1 :]
            return not any(w in _SENTENCE_TERMS for w in after)
    return False


def _only_alerted(lower: list[str]) -> bool:
    """True for "called the police in Dunmore": who was called, not why."""
    for index in range(len(lower) - 1, -1, -1):
        if lower[index] in _ALERTING:
            if any(w in _STRONG_BOUNDARIES or w in _SUBORDINATORS for w in lower[:index]):
                return False  # "arrested after their daughter phoned 911": not the main clause
            after = [w for w in lower[index + 1 : index + 4] if w not in ("the", "local")]
            if not after or after[0] not in _AUTHORITIES:
                return False
            rest = lower[index + 1 :]
            return "to" not in rest and not _says_something(rest, rest)
    return False


def cut_at_phrase(
    text: str,
    limit: int,
    *,
    weak_cuts: bool = False,
    longest: bool = False,
    keep_news: bool = True,
) -> str | None:
    """The longest start of ``text`` within ``limit`` words that ends before an adjunct.

    "A mother called the police in Kamloops on Sunday after her daughter found a
    bag of drugs" may end before "after" or "on": each prefix is a clause that
    is still true. Never inside quotation marks or parentheses; None when no
    such prefix holds a verb. The end before a subordinate clause is preferred
    to one before a phrase (``weak_cuts``), unless ``longest``. No prefix that keeps
    a procedure and drops its news (:func:`cuts_the_news`), unless not ``keep_news``.
    """
    strongs, weaks, relatives = _cut_ends(text, limit, weak_cuts)
    # Checked only where a cut would be made, longest first, and only until one
    # holds (each check reads the whole cut): "The court issued a ruling | against
    # ..." keeps the procedure and cuts off the news.
    strong = next(
        (
            k
            for k in reversed(strongs)
            if _complete_clause(k) and (not keep_news or not cuts_the_news(k))
        ),
        None,
    )
    weak = next(
        (
            k
            for k in reversed(weaks)
            if _complete_clause(k) and (not keep_news or not cuts_the_news(k))
        ),
        None,
    )
    # The last resort: a relative clause after the object (:func:`_restrictive_relative`).
    relative = next(
        (
            k
            for k in reversed(relatives)
            if _complete_clause(k)
            and (not keep_news or not cuts_the_news(k) or _object_verb(k) in _ACTS_ON)
        ),
        None,
    )
    best = strong or weak or relative
    if longest and strong is not None and weak is not None and len(weak) > len(strong):
        best = weak
    return _close(best, text) if best is not None else None


@per_briefing_call
def _cut_ends(
    text: str, limit: int, weak_cuts: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Where :func:`cut_at_phrase` may end ``text``: strong, weak and relative cuts.

    Each list is shortest first. Kept for the briefing: when no cut keeps its news,
    :func:`shorten` asks again for the same cuts without that check.
    """
    mask = quoted_mask(text)
    # The places a cut may end, shortest first: the longest that keeps its news wins.
    strongs: list[str] = []
    weaks: list[str] = []
    source = _TRAILING_SOURCE.search(text)
    if source is not None:
        limit -= word_count(source.group(1))  # the attribution is put back after the cut
    # The words before each gap, and whether a verb is among them, are carried
    # along the text, so the scan stays linear in the sentence's length.
    relatives: list[str] = []
    words = 1
    verb = has_verb(text.split(" ", 1)[0])
    previous_word = text.split(" ", 1)[0]
    negated = _negates(text.split(" ", 1)[0])
    parentheses = "(" in text or ")" in text
    for match in _GAP.finditer(text):
        if words > limit:
            break
        counted, verb_here, negated_here = words, verb, negated
        following_word = match.group(2)
        words += 1
        verb = verb or any(_is_verb(w) for w in _WORDS.findall(following_word))
        if not verb and following_word.islower():
            after = text[match.end() :].split(None, 1)[:1]
            verb = _present_at([previous_word, following_word, *after], 1)
        previous_word = following_word
        # Read only by the relative-clause cut, which is a weak cut.
        negated = negated or (weak_cuts and _negates(following_word))
        if counted < _MIN_HARD or mask[match.start()]:
            continue
        following = following_word.lower().strip("\"“”'‘’(")
        comma = bool(match.group(1).strip())
        if (
            not comma
            and following not in _STRONG_BOUNDARIES
            and following != "but"
            and (not weak_cuts or not _may_end_weak_cut(following, text, match.start(2)))
        ):
            continue  # no cut can end here: none of the checks below could add one
        kept = text[: match.start()]
        if parentheses and kept.count("(") != kept.count(")"):
            continue
        participle = comma and _PARTICIPLE.fullmatch(following_word)
        if not participle and _NUMBER_AFTER.match(text, match.end()):
            # "over 4,200", "at least 62", ", now 22,": a quantity, not an adjunct. A
            # participle clause after a comma goes whole: ", totaling 365 seats".
            continue
        rest = text[match.start(2) :]
        if not verb_here or not _ends_clause(kept, rest) or rest[:1] in "\"“‘'":
            continue  # never cut off what a speaker said: 'Om Prakash said, "We ...'
        if _opens_on_adjunct(kept, comma) or (comma and _splits_clause(rest)):
            continue
        if comma and _closes_aside(kept):
            continue  # "sentenced Ann Lee, now 41, | to twelve years": the clause goes on
        if comma and _subject_goes_on(rest):
            continue  # "Osei, | as well as Vos were accused": the verb is still to come
        if match.group(1).strip() and _open_subordinate(kept):
            continue  # "said if the goal is peace, | then ...": the main clause is cut off

        if not comma and kept.rsplit(" ", 1)[-1].lower() in _DEGREE:
            continue  # "shortly | after the payments started": the cut goes before "shortly"
        if not comma and _measures_time(kept, following):
            continue  # "has improved, a day | after ...": the measure goes with its phrase
        if comma and _RANKING_END.search(kept):
            continue  # "rules for the next, | public phase": the noun is still to come
        if weak_cuts and not comma and not negated_here and _restrictive_relative(kept, rest):
            relatives.append(kept)  # "scrap a draft bylaw | that would have banned ..."
            continue
        if not comma and (_RELATIVE_AFTER.match(rest) or _OPEN_RANKING.search(kept)):
            # "a session | in which most members were women" says which session; "the
            # first state | to ..." and "the only firm | in ..." are not the news yet.
            continue
        if following == "when" and _modal_clause(kept):
            continue  # "should be safe to return | when the country is secure": a condition
        if (
            following in _STRONG_BOUNDARIES
            or (comma and following not in _CONDITIONS)
            or (following == "but" and _second_clause(rest) and not _reports(kept))
        ):
            strongs.append(kept)
        elif not weak_cuts or _bare_verb_end(kept) or not _whole_phrase(kept):
            continue
        elif (
            _control_pending(kept, rest)
            or (following == "into" and _moved_into(kept))
            or _wants_its_complement(kept, following)
            or _unplaced(kept)
        ):
            continue  # "drove his car | into a crowd", "a sharp rise | in", "put the side | in"
        elif following in _BOUNDARIES and (
            _ends_noun_phrase(kept) or (following in _PLACE_AFTER_VERB and _ends_on_past(kept))
        ):
            weaks.append(kept)  # "... a parking structure | at ...", "... Don Imus died | at ..."
        elif (
            following == "to"
            and (_preposition_to(rest) or not _object_of_control(kept))
            and _purpose_to(kept)
            and _ends_noun_phrase(kept, bare=False)
        ):
            weaks.append(kept)  # "... a shutdown | to make way", "... a bill | to the congress"
    return tuple(strongs), tuple(weaks), tuple(relatives)


def _may_end_weak_cut(following: str, text: str, start: int) -> bool:
    """True when a weak cut may end before ``following``, the word at ``start`` of ``text``.

    Before a phrase (:data:`_BOUNDARIES`), "to", or a relative clause
    (:func:`_restrictive_relative`); a quick test that lets :func:`cut_at_phrase`
    skip its checks at every other gap.
    """
    return (
        following in _BOUNDARIES
        or following == "to"
        or following in _RELATIVE_OPENERS
        or _RELATIVE_AFTER.match(text, start) is not None
    )


def _complete_clause(kept: str) -> bool:
    """True when ``kept`` is a whole clause: a main verb, and one in what it reports.

    A cut that keeps only a subject with its relative clause ("Two guides who
    survived the flood.") or a verb of saying with only the subject of what was
    said ("Quist says a funding scandal.") reads broken or says something else.
    """
    return (
        _has_main_verb(kept) and not _reported_without_verb(kept) and not _ends_on_clause_verb(kept)
    )


def _ends_on_clause_verb(kept: str) -> bool:
    """True when ``kept`` ends on a verb whose object is a clause, with none: "the court decided".

    What was decided, found or announced is the news, often a quotation after an
    attribution ('decided, according to the summary, "that ..."'). A passive
    ("the plan was rejected") ends well.
    """
    words = kept.rstrip(".,;:").split()
    if len(words) < 2 or not words[-1].islower() or words[-1] not in SPEECH_VERBS:
        return False
    return words[-2].lower() not in _AUXILIARIES


# Words that open a relative clause inside a noun phrase.
_RELATIVE_OPENERS = frozenset("who whom whose which that".split())
# Words that may stand inside a verb group: "have not yet been", "was reportedly".
_IN_VERB_GROUP = frozenset("not never also yet still just already n't".split())


def _has_main_verb(kept: str) -> bool:
    """True when ``kept`` holds a verb that is not its subject's relative clause's own.

    "Two guides who survived the flood have denied it" has one ("have denied");
    "Two guides who survived the flood", "The four firemen injured by a wall" and
    "The armed wing of the movement" have none: the first two only a relative
    clause (the second reduced: a participle with its agent), the last only an
    adjective after "the". Without a tagger a guess: a verb after a determiner is
    an adjective; a verb group after "who", "which" or "that" (not after a verb:
    "said that") is the relative clause's, and a verb group after it is the main one.
    """
    raw = kept.split()
    words = [w.strip("\"“”'‘’(),;:.") for w in raw]
    aside = _subject_aside(raw)  # ", the actor best known for ...," after the subject's name
    relative = False  # inside a relative clause that has no verb yet
    relative_done = False  # a relative clause's verb group has been read
    previous = ""
    in_group = False
    for index, word in enumerate(words):
        lower = word.lower()
        if aside[0] <= index < aside[1]:
            previous = word
            continue
        if lower in _RELATIVE_OPENERS and not (previous and _is_verb(previous)):
            relative, relative_done, in_group = True, False, False
            previous = word
            continue
        verb = _verb_at(raw, index) and previous.lower() not in _DETERMINERS
        if verb and not in_group:
            following = words[index + 1].lower() if index + 1 < len(words) else ""
            reduced = following == "by" and not relative and not relative_done
            if reduced and (lower.endswith("ed") or lower in IRREGULAR_PAST):
                relative_done = True  # "the firemen injured by a wall": a reduced relative
            elif relative:
                relative, relative_done = False, True
            else:
                return True
        if not (verb or (in_group and lower in _IN_VERB_GROUP)):
            in_group = False
        else:
            in_group = True
        previous = word
    return False


def _subject_aside(words: list[str]) -> tuple[int, int]:
    """The word span of an appositive after the subject's name: "Sir Ann Roe, the actor ...,".

    The subject is the sentence's opening run of capitalised words, closed by a comma
    and followed by "the", "a", "an" or "former"; the aside runs to the next comma (or
    the end). Its verbs ("best known for") are not the clause's. (0, 0) when none; not
    after an opening phrase ("On Monday, the council ...").
    """
    if not words or words[0].lower() in _ADJUNCT_OPENERS:
        return 0, 0
    for index, word in enumerate(words[:-1]):
        if not word[:1].isupper():
            return 0, 0
        if word.endswith(","):
            if words[index + 1].lower() not in ("the", "a", "an", "former"):
                return 0, 0
            for end in range(index + 1, len(words)):
                if words[end].endswith(","):
                    return index + 1, end + 1
            return index + 1, len(words)
    return 0, 0


# Verbs whose object is a clause, said or thought, often with no "that": "says a
# scandal has damaged ...". Only forms that are no noun ("claims", "hopes" are).
_REPORTING = frozenset(
    "say says said believe believes believed think thinks thought reckons reckoned ruled"
    " rules confident sure certain convinced satisfied".split()
)


def _reported_without_verb(kept: str) -> bool:
    """True when the clause after the last verb of saying in ``kept`` has no verb.

    "Quist says a funding scandal | in the board has damaged ..." kept as "Quist
    says a funding scandal." reports a subject without what was said of it. "that"
    after the verb is :func:`_verbless_complement`'s; "said in a statement" is
    :func:`cuts_the_news`'. An adjective of belief reports a clause too: "is confident
    security at the plant | is adequate".
    """
    words = kept.rstrip(".,;:").split()
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _REPORTING:
            after = words[index + 1 :]
            if not after or after[0].lower() in _NOT_OBJECT or after[0].lower() == "that":
                return False
            if any(w.endswith(",") or w.lower() in _PRONOUNS for w in after):
                return False  # "says the study, it rises", "says he accepts": a clause
            return not _has_finite_verb(after)
    return False


# Units of time that measure a phrase after them: "a day | after the vote", "twelve
# months | on from the crisis", "a few hours | before dawn".
_TIME_UNITS = frozenset(
    "minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# ("since" only after a number: "£2 million a year | since the review" is a rate, "100
# years | since the crash" a measure.)
_MEASURED = frozenset("after before on later earlier ago".split())


def _measures_time(kept: str, following: str) -> bool:
    """True when ``kept`` ends on a measure of time that ``following`` goes on to place.

    "The mayor's condition has improved, a day | after he was admitted" would end on
    "a day.", which says nothing.
    """
    words = kept.rsplit(None, 2)
    if len(words) < 2 or words[-1].lower() not in _TIME_UNITS:
        return False
    if following == "since":
        number = words[-2].lower()
        return number[:1].isdigit() or number in _NUMBER_WORDS
    return following in _MEASURED


# Nouns of change, whose news is what changed: "a sharp rise | in river levels".
_CHANGE_NOUNS = frozenset(
    """
    rise rises increase increases drop drops fall falls decline declines decrease
    decreases jump jumps surge surges spike spikes growth slump cut cuts reduction
    reductions change changes shift
    """.split()
)
# Nouns whose news is the "to" clause after them: "the company's ability | to pay"
# ("time" and "way" are left out: "at the right time | to lay eggs" ends well).
_TO_NOUNS = frozenset(
    """
    ability inability need attempt attempts bid bids effort efforts decision right rights
    chance move call calls push failure refusal willingness intention intent pledge
    promise threat power permission freedom opportunity capacity readiness
    """.split()
)
# How far back "for" may open the subject of a "to" clause: "support for the council
# | to change" (read off fresh sentences).
_FOR_REACH = 4


def _wants_its_complement(kept: str, following: str) -> bool:
    """True when ``kept`` ends on a noun whose news is the phrase ``following`` opens.

    "a sharp rise | in river levels" (what rose), "the company's ability | to pay"
    (to do what), "support for the council | to change its policy" (the council is
    the subject of the "to" clause): each cut says something else or nothing.
    """
    words = kept.rstrip(".,;:").lower().split()
    last = words[-1]
    if following in ("in", "of") and last in _CHANGE_NOUNS:
        return True
    if following not in ("to", "for"):
        return False
    if last in _TO_NOUNS:
        return True  # "accepts the need | for the council to ...", "a bid | for control"
    if following != "to":
        return False
    for word in reversed(words[-_FOR_REACH:-1]):
        if word == "for":
            return True
        if word in _DETERMINERS:
            continue
        if word in _DANGLING or word in _NP_BREAKERS:
            break
    return _for_after_copula(words)


# How far back "be ... for" may open the subject of a "to" clause: "should be safe for
# asylum seekers in the country | to return" (read off fresh sentences).
_COPULA_FOR_REACH = 10


def _for_after_copula(words: list[str]) -> bool:
    """True when ``words`` end on "be ADJECTIVE for NP": "it should be safe for the refugees".

    The noun phrase is the subject of the "to" clause that follows ("... to return
    home"); cut before it, the sentence says only that it is safe for them.
    """
    tail = words[-_COPULA_FOR_REACH:]
    for index in range(len(tail) - 2, 1, -1):
        if tail[index] == "for":
            return tail[index - 2] in _COPULAS or tail[index - 2] == "be"
    return False


def _modal_clause(kept: str) -> bool:
    """True when the last clause of ``kept`` holds a modal: "it should be safe to return".

    A "when" clause after it is the condition the claim holds under, not its time.
    """
    return any(word in _CONDITIONAL_MODALS for word in kept.rsplit(",", 1)[-1].lower().split())


_CONDITIONAL_MODALS = frozenset("should would could can may might must will".split())


def _second_clause(rest: str) -> bool:
    """True when "but" at the start of ``rest`` opens a clause: "but did not accede to ...".

    "agreed to add two members to the council but did not accede to a new inquiry"
    may end before "but": the first clause stands, true, on its own. "but" before a
    noun or "not" ("registering men but not women") joins two nouns, and stays.
    """
    parts = rest.split(None, 2)
    if len(parts) < 2:
        return False
    return parts[1].lower() in _AUXILIARIES or _is_verb(parts[1])


def _reports(kept: str) -> bool:
    """True when ``kept`` holds a verb of saying or thinking: what follows may be its.

    "Vail said she backed the plan | but wanted it phased in" reports a reservation:
    cut off, her position reads as support; so would "are hoping for calm | but are
    predicting storms" read as hope alone.
    """
    return any(word in _REPORTING or word in _HOPING for word in kept.lower().split())


_HOPING = frozenset(
    "hope hopes hoped hoping expect expects expected expecting fear fears feared fearing".split()
)


def _control_pending(kept: str, rest: str) -> bool:
    """True when ``kept`` ends inside the object of "urged", "asked" ... whose "to" follows.

    "The bishop urged delegates at a summit | on rural schools to fund ..." would end
    on whom he urged, dropping what he urged them to do: the "to" clause in ``rest``
    (before any comma) is the news.
    """
    if not _object_of_control(kept, _CONTROL_OBJECT_REACH) and not _for_after_copula(
        kept.lower().split()
    ):
        return False  # (or "safe for the refugees | in the camps to return")
    clause = rest.split(",", 1)[0].split()
    return any(
        word == "to"
        and index + 1 < len(clause)
        and clause[index + 1].islower()
        and clause[index + 1] not in _DETERMINERS
        for index, word in enumerate(clause)
    )


# How far back the verb may be whose object a cut would leave: "urged delegates at a
# major summit on rural schools" (twelve words, read off a fresh sentence).
_CONTROL_OBJECT_REACH = 12


def _moved_into(kept: str) -> bool:
    """True when "into" after ``kept`` says where a verb moved its object: "drove his car".

    "sentenced for driving his car | into a crowd" is another crime once cut. After
    a preposition's noun phrase "into" is that noun's topic ("the inquiry | into the
    collapse"), and the cut keeps a whole phrase.
    """
    words = kept.rstrip(".,;:").lower().split()
    for back in range(2, min(_MODIFIERS + 2, len(words)) + 1):
        word = words[-back]
        if word in _DETERMINERS or word in _POSSESSIVES:
            before = words[-back - 1] if back < len(words) else ""
            return before not in _BOUNDARIES and before not in _PARTICIPANT
        if word in _BOUNDARIES or word in _PARTICIPANT:
            return False
    return True


# Verbs that need where as well as what: "have put the side | in a strong position".
_PLACING = frozenset("put puts putting place places placed placing".split())
# How far back the placing verb may be: "put the home side" (read off fresh sentences).
_PLACING_REACH = 5


def _unplaced(kept: str) -> bool:
    """True when ``kept`` ends after a placing verb's object, before where it was put."""
    for word in reversed(kept.rstrip(".,;:").lower().split()[-_PLACING_REACH:]):
        if word in _PLACING:
            return True
        if word in _BOUNDARIES or word in _TOPIC or word.endswith(","):
            return False
    return False


def _negates(word: str) -> bool:
    """True for a word that negates its clause: "not", "never", "no", "didn't"."""
    lower = word.lower().strip("\"“”'‘’(,;")
    return lower in _NEGATIONS or lower in ("without", "cannot") or lower.endswith(("n't", "n’t"))


# Words that quantify a noun phrase so that a relative clause after it cannot go:
# "any bylaw that ...", "every member who ...", "the only town that ...".
_QUANTIFIERS = frozenset("any no every each all only few none either neither".split())
_COPULAS = frozenset(
    "is are was were be been being become became becomes remain remains remained".split()
)
# How far back the verb that takes the object may be: "will officially scrap a draft
# bylaw", "issued an opinion on the suspension of the Parliament of the United
# Kingdom" (twelve words; read off fresh sentences and the tuning split's leads).
_OBJECT_REACH = 14


def _restrictive_relative(kept: str, rest: str) -> bool:
    """True when ``rest`` opens a relative clause on the object noun phrase ending ``kept``.

    "The council will scrap a draft bylaw | that would have banned buskers" ends as
    "The council will scrap a draft bylaw.": the relative clause says which bylaw,
    and the clause without it is still true of that bylaw. A last resort, and only
    where dropping it keeps the claim true: not in a negated clause ("has not
    scrapped any bylaw that ..." is false of the one it did scrap; the caller tracks
    negation), not after a quantifier or a ranking ("every member who ...", "the
    first state that ..."), not after a copula ("is a town that ..." says nothing
    without it). "who" and "which" open a relative clause; "that" only before a verb
    ("the claim that officials lied" holds what was claimed).
    """
    parts = rest.split(None, 2)
    if len(parts) < 2:
        return False
    opener, after = parts[0].lower(), parts[1]
    if opener == "that":
        if not _is_verb(after) and not _present_verb(parts[1:]):
            return False
    elif opener not in ("who", "which", "whose") and _RELATIVE_AFTER.match(rest) is None:
        return False
    if not _ends_noun_phrase(kept) or _OPEN_RANKING.search(kept):
        return False
    found = _object_of(kept)
    if found is None:
        return False
    verb, determiners = found
    # "reported a new pathway | by which ..." says only that there is one; "will
    # withdraw a proposed bill | that ..." keeps its news, what is done to it, and
    # "reported the invention of a new coating | that ..." names it.
    return verb in _ACTS_ON or determiners not in (("a",), ("an",))


def _present_verb(words: list[str]) -> bool:
    """True when ``words`` open on a verb in the present: "requires all", "bans the".

    A word in "-s" is a plural noun as often ("that officials lied"); it is read as a
    verb when an object follows it at once: a determiner, a name or a number.
    """
    text = " ".join(words)
    parts = text.split(None, 2)
    if len(parts) < 2:
        return False
    word, following = parts[0], parts[1]
    if not word.islower() or not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    if word in STOPWORDS:
        return False
    return following.lower() in _DETERMINERS or following[:1].isupper() or following[:1].isdigit()


def _object_verb(kept: str) -> str | None:
    """The verb that takes the noun phrase ending ``kept`` as its object, lower-cased."""
    found = _object_of(kept)
    return None if found is None else found[0]


def _object_of(kept: str) -> tuple[str, tuple[str, ...]] | None:
    """The verb whose object ends ``kept``, and the object's determiners, last first.

    None when there is no verb within reach, or a quantifier, a ranking or a copula
    comes first ("every member", "the strongest bylaw", "is a town").
    """
    words = kept.rsplit(None, _OBJECT_REACH)[-_OBJECT_REACH:]
    determiners: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        lower = words[index].lower().strip(",")
        if lower in _QUANTIFIERS or lower in _COPULAS:
            return None
        if lower.endswith("est") and index > 0 and words[index - 1].lower() == "the":
            return None  # "the strongest bylaw that ...": a ranking
        if lower in _ACTS_ON:
            return lower, tuple(determiners)
        if _is_verb(words[index]):
            if index > 0 and words[index - 1].lower() in _DETERMINERS:
                continue  # "a proposed bill": an adjective, not the verb
            return lower, tuple(determiners)
        if lower in _DETERMINERS:
            determiners.append(lower)
    return None


# Verbs that do something to a document rather than make it: "will withdraw a
# proposed bill | that would have ..." keeps its news (the withdrawal), where "issued
# a ruling | which found ..." does not (:func:`cuts_the_news`).
_ACTS_ON = frozenset(
    """
    withdraw withdraws withdrew withdrawn scrap scraps scrapped reject rejects rejected
    pass passes passed approve approves approved veto vetoes vetoed block blocks blocked
    sign signs signed repeal repeals repealed overturn overturns overturned suspend
    suspends suspended cancel cancels cancelled canceled revoke revokes revoked shelve
    shelves shelved defeat defeats defeated denounce denounces denounced condemn
    condemns condemned ratify ratifies ratified
    """.split()
)


# Phrases that add a second noun to the one before the comma: when the verb follows
# them, they are part of the subject, and a cut before them drops the clause's verb.
_ADDED_TO_SUBJECT = re.compile(r"(?:as well as|along with|together with)\b", re.IGNORECASE)


def _subject_goes_on(rest: str) -> bool:
    """True when ``rest`` adds to the subject before its verb: "as well as Vos were accused"."""
    if _ADDED_TO_SUBJECT.match(rest) is None:
        return False
    return _has_finite_verb(rest.split(",", 1)[0].split())


def _has_finite_verb(words: list[str]) -> bool:
    """True when ``words`` hold a verb; "the planned tunnel", "the retired master" do not."""
    bare = [w.strip(",;:.") for w in words]
    return any(
        _verb_at(words, k) and (k == 0 or bare[k - 1].lower() not in _DETERMINERS)
        for k in range(len(bare))
    )


# Verbs whose object is what someone said, thought or found: "Hart noted the
# ingredients | in the sprays are safe" has cut their clause in two.
_CLAUSE_VERBS = SPEECH_VERBS | frozenset(
    "commented remarked considered considers found finds showed shows reported reports".split()
)
_DASHES = (" — ", " – ", " -- ")
# After a clause verb a weak cut keeps at least this many words of what was said.
_CLAUSE_WORDS = 4


def _whole_phrase(kept: str) -> bool:
    """True when a weak cut after ``kept`` leaves a whole clause, every phrase closed.

    A weak cut ends before a place, a time or a purpose, where the clause may
    still need what follows; it is refused when ``kept``
    - is all opening phrase: "In findings published Tuesday by a team" (no comma
      yet closed the phrase, so the main clause has not begun);
    - leaves a dash aside open: "the telescope — scheduled";
    - ends on a participle after a noun: "changes in the light coming";
    - ends on a verb of saying or finding with under four words of what was said:
      "Hensman noted the ingredients", "Wei commented".
    """
    words = kept.rstrip(".,;:").split()
    first = words[0].lower()
    opening = first in _ADJUNCT_OPENERS or _fronted_subordinate(words)
    if opening and ("," not in kept or not has_verb(kept.split(",", 1)[1])):
        return False  # the opening phrase never reached its clause's verb
    if _verbless_complement(words):
        return False  # "said that the planned tunnel": the reported clause lost its verb
    if sum(kept.count(dash) for dash in _DASHES) % 2:
        return False
    last = words[-1]
    if last.islower() and last.endswith("ing") and len(words) > 1 and not _measure_of(words):
        before = words[-2].lower()
        if before not in _DETERMINERS and not before.endswith(("'s", "’s")):
            return False
    for back, word in enumerate(reversed(words[-_CLAUSE_WORDS - 1 :])):
        if word.islower() and word in _CLAUSE_VERBS:
            return back >= _CLAUSE_WORDS
    return True


# Words that may measure the time before a fronted "before"/"after" clause: "Two
# weeks before", "Hours after", "Shortly before".
_TIME_LEADS = frozenset(
    """
    a an one two three four five six seven eight nine ten few several some just only
    even shortly soon long minutes hours days weeks months years minute hour day week
    month year moments
    """.split()
)
_FRONTED = frozenset("before after since until when while once".split())
# "Just two weeks before": at most three words before the subordinator.
_FRONTED_REACH = 4
# How far back from "that" a verb of saying may be: "said on Monday that".
_COMPLEMENT_REACH = 4


def _fronted_subordinate(words: list[str]) -> bool:
    """True when ``words`` open on a time clause: "Two weeks before Harlow votes ..."."""
    for k, word in enumerate(words[:_FRONTED_REACH]):
        lower = word.lower()
        if lower in _FRONTED:
            return k > 0
        if lower not in _TIME_LEADS and not lower.isdigit():
            return False
    return False


def _verbless_complement(words: list[str]) -> bool:
    """True when the clause "that" opens after a verb of saying has no verb of its own.

    "The inspector said that the planned pier extension": "planned" after "the" is
    an adjective, so the clause has a subject and no verb. "Whether" opens one too.
    """
    for index in range(len(words) - 1, 0, -1):
        if words[index].lower() not in ("that", "whether"):
            continue
        before = words[max(0, index - _COMPLEMENT_REACH) : index]
        if not any(w.islower() and w.strip(",") in _CLAUSE_VERBS for w in before):
            return False
        return not _has_finite_verb(words[index + 1 :])
    return False


# Verbs whose object is the subject of a "to" clause after it: "encouraged
# Zelensky | to investigate", "allowed the government | to extradite" and
# "considered her best role | to be ..." say something else once cut.
_CONTROL_VERBS = frozenset(
    """
    encourage encourages encouraged allow allows allowed urge urges urged ask asks asked
    force forces forced enable enables enabled persuade persuades persuaded tell tells
    told want wants wanted expect expects expected require requires required permit
    permits permitted invite invites invited help helps helped order orders ordered
    call calls called pressure pressured pressed press lead led prompt prompted cause
    caused authorise authorised authorize authorized instruct instructed advise advised
    get gets got consider considers considered believe believes believed deem deemed
    judge judged declare declared know known think thought
    """.split()
)
# Their -ing forms too: "calls by officials asking the United States | to waive ...".
_DOUBLED = {"get": "getting", "permit": "permitting"}
_CONTROL_VERBS |= frozenset(
    _DOUBLED.get(w) or (w[:-1] if w.endswith("e") else w) + "ing"
    for w in _CONTROL_VERBS
    if (w.endswith("ss") or not w.endswith(("s", "ed")))
    and w not in ("told", "led", "got", "known", "thought")
)
_CONTROL_REACH = 8


def _object_of_control(kept: str, reach: int = _CONTROL_REACH) -> bool:
    """True when the noun phrase ending ``kept`` is the object of a verb like "allowed".

    Not when a "to" stands between: "allowed China to extradite suspects" already has
    its "to" clause.
    """
    for word in reversed(kept.split()[-reach:-1]):
        lower = word.lower().strip(",")
        if lower in _CONTROL_VERBS:
            return True
        if lower in _NP_BREAKERS or lower == "to" or word.endswith(","):
            return False
    return False


def _preposition_to(rest: str) -> bool:
    """True when "to" at the start of ``rest`` is a preposition ("to the congress").

    Before a verb it starts a complement ("encouraged Zelensky | to investigate"),
    and the clause cut before it says something else.
    """
    parts = rest.split(None, 2)
    if len(parts) < 2:
        return False
    after = parts[1].strip("\"“”'‘’(")
    return after.lower() in _DETERMINERS or after[:1].isdigit() or after[:1].isupper()


_DANGLING = _AUXILIARIES | frozenset(
    """
    that which who whom whose to the a an of in on at for with from by as and or but not
    no its their his her our my your this these those than into onto about
    partly largely mainly mostly primarily chiefly solely partially
    """.split()
)
# "Ann Lee, now 41, | to twelve years": a comma closing an aside of at most this many
# words, with no verb, resumes the clause the aside interrupted.
_ASIDE_WORDS = 4
# "CERB payments, a program related to the COVID-19 pandemic, | presented ...": an
# aside that renames a noun may run longer (read off fresh sentences).
_APPOSITIVE_WORDS = 12


_MODALS = frozenset("will would can could may might must shall should to".split())
_ADJUNCT_OPENERS = frozenset(
    """
    according in on at during via through after before with from by for under as amid
    amidst among amongst despite
    """.split()
)
# A gloss opening on one of these, "to" or "not" goes on the sentence: no gloss.
_GLOSS_NOT_OPENERS = _ADJUNCT_OPENERS | {"to", "not"}
# After a comma, a lower-case word that is none of these resumes an interrupted
# clause: "the rationale ..., that women were ineligible ..., no longer applies".
_CLAUSE_AFTER_COMMA = twin_re(
    r", (?!(?:and|but|or|nor|so|yet|which|who|whom|whose|where|when|while|as|with|including"
    r"|after|before|in|on|at|for|from|to|by|of|the|a|an|said|says|told|according|although"
    r"|though|because|since|if|unless|until|such|like|than|its|their|his|her|this|that"
    r"|these|those|some|many|most|all|both|each|not|only|also|even|then|now|however|plus"
    r"|[a-z]+ing|\d)\b)[a-z]"
)


def _bare_verb_end(kept: str) -> bool:
    """True for "... will appear" or "... to make way": a verb that wants what follows.

    "to" before a name or a number is a preposition: "diverted to Boston Airport" ends
    on a place. ("to an area" and "to the region" are left to the rule: they often
    end on a vague noun whose content is still to come.)
    """
    words = kept.split()
    lower = [w.lower() for w in words]
    if len(words) >= 2 and lower[-2] in _MODALS:
        return True
    for index in range(max(len(words) - 3, 0), len(words) - 1):
        if lower[index] == "to":
            after = words[index + 1]
            return not (after[:1].isupper() or after[:1].isdigit())
    return False


# Words after which "to" starts their complement, not a purpose: "plans to", "due to".
_TAKES_TO = frozenset(
    """
    plan plans planned want wants wanted agree agrees agreed decide decides decided refuse
    refuses refused try tries tried able unable going expected due set likely about need
    needs needed begin began begun continue continues continued seek seeks sought aim aims
    aimed hope hopes hoped vote votes voted pledge pledged promise promised threaten
    threatened vow vowed choose chose asked ask told urged called order ordered used
    according close closer next prior similar equal up down back return returned moved
    """.split()
)


def _purpose_to(kept: str) -> bool:
    """True when "to" after ``kept`` starts a purpose ("a shutdown | to make way")."""
    last = kept.split()[-1].lower().strip(",")
    return not (
        last in _TAKES_TO
        or last in _AUXILIARIES
        or last.endswith(("ed", "ing"))
        or not last.isalpha()
    )


_DETERMINERS = frozenset(
    "the a an its his her their our this these those some any no each every".split()
)
_NP_BREAKERS = frozenset("than but not and or nor".split())


def _ends_on_past(kept: str) -> bool:
    """True for a clause ending on a past verb with no object: "Don Imus died"."""
    last = kept.rstrip(".,;:").split()[-1]
    return last.islower() and (last in IRREGULAR_PAST or (last.endswith("ed") and len(last) > 4))


def _ends_noun_phrase(kept: str, *, bare: bool = True) -> bool:
    """True when ``kept`` ends on a noun phrase: "... began a planned two-day shutdown".

    A guess without a tagger: the last word is a name, or a determiner, a number
    or a possessive opens the last few words and nothing after it is a function
    word ("... was 144% greater than", "... registering men but not women" fail).
    A bare noun phrase closes one too after a preposition or a verb after "to"
    (:func:`_bare_noun_phrase`: "ended without final agreement", "to take early wickets");
    not when ``bare`` is False (before "to": "through male | to female" is no end).
    """
    words = kept.rstrip(".,;:").split()
    if not words:
        return False
    if words[-1][:1].isupper() and words[-1].lower() not in _DANGLING:
        return True
    if _is_verb(words[-1].strip(",")):
        return False  # "... Institute commented", "... the increase phased": a verb
    if words[-1].lower() in _TIME_LEANS:
        return False  # "in the second innings late | on day four": when, not a noun
    if bare and _measure_of(words):
        return True  # "has entered two days of official mourning"
    for back in range(1, min(7, len(words))):
        word = words[-1 - back]
        lower = word.lower().strip(",")
        opener = (
            lower in _DETERMINERS
            or lower.endswith(("'s", "’s"))
            or lower[:1].isdigit()
            or lower in _NUMBER_WORDS
        )
        if bare and lower in _BARE_NP_OPENERS and back <= _BARE_NP_WORDS:
            return _bare_noun_phrase(words, back)
        if opener:
            tail = [w.strip(",") for w in words[-back:]]
            return not any(
                w.lower() in _DANGLING or w.lower() in _NP_BREAKERS or w in IRREGULAR_PAST
                for w in tail
            )
        if lower in _DANGLING or lower in _NP_BREAKERS:
            return False
    return False


_SUBORDINATORS = frozenset("if when because although though while unless whether as since".split())
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " sixty seventy eighty ninety hundred dozens hundreds thousands millions several".split()
)
# Prepositions before which a cut may be made after a bare noun phrase ("in prison",
# "without final agreement", "for firefighters"), and "to" before a verb's bare object.
_BARE_NP_OPENERS = frozenset(
    "in at on for with from by near across over under against about through within without"
    " to".split()
)
# A bare noun phrase is at most this many words: "without final agreement", "to take
# early wickets" (read off fresh sentences).
_BARE_NP_WORDS = 3
# Nouns that a preposition takes bare only as part of a longer phrase: "in order | to",
# "in response | to", "in favour | of", "in return | for".
_BOUND_NOUNS = frozenset(
    """
    order addition response regard relation respect spite front search charge favour favor
    terms view line lieu place return exchange contrast comparison accordance case part
    time touch turn fact common particular general
    """.split()
)


def _bare_noun_phrase(words: list[str], back: int) -> bool:
    """True when the last ``back`` words are a bare noun phrase closing a phrase.

    ``words[-1 - back]`` is a preposition ("ended without | final agreement", "in |
    prison") or "to" before a verb and its bare object ("to | take early wickets"). The
    words after it are lower-case content words: no function word, verb, adverb in
    "-ly" or participle, and the last no noun that a longer phrase binds ("in order").
    """
    opener = words[-1 - back].lower()
    tail = [w.strip(",") for w in words[-back:]]
    if opener == "to":
        if back < 2 or not tail[0].islower() or tail[0] in _DETERMINERS:
            return False
        tail = tail[1:]  # the verb: "to take | early wickets"
    if tail[-1].lower() in _BOUND_NOUNS:
        return False
    return all(
        w.islower()
        and w.isalpha()
        and w not in _DANGLING
        and w not in _NP_BREAKERS
        and w not in _STOPWORDS_AS_HEADS
        and not _is_verb(w)
        and not w.endswith(("ly", "ing"))
        for w in tail
    )


def _measure_of(words: list[str]) -> bool:
    """True when ``words`` end on a measure and what it measures: "two days of mourning".

    A number and a noun, "of", and one or two lower-case content words.
    """
    for size in (1, 2):
        if len(words) < size + 3 or words[-size - 1] != "of":
            continue
        number, unit = words[-size - 3].lower(), words[-size - 2]
        if not (number in _NUMBER_WORDS or number[:1].isdigit()) or not unit.isalpha():
            continue
        tail = words[-size:]
        if all(w.isalpha() and w.islower() and w not in _DANGLING for w in tail):
            return not any(_is_verb(w) for w in tail)
    return False


# Words that end no noun phrase: "in place", "at least", "for now", "on time".
_STOPWORDS_AS_HEADS = frozenset("least most now then once all both each more less".split())


def _open_subordinate(kept: str) -> bool:
    """True when the last comma-delimited part of ``kept`` holds a subordinate clause.

    The comma after "if the goal is peace and security" leads to the main clause.
    """
    last = kept.rsplit(",", 1)[-1].lower().split()
    return any(word in _SUBORDINATORS for word in last)


def _closes_aside(kept: str) -> bool:
    """True when the comma after ``kept`` closes a short aside opened inside the clause.

    "Judge Feld sentenced Colin Ashby, now 41" has the aside "now 41" open: what
    follows its closing comma ("to twelve years") is still the clause's. An
    opening phrase ("On Tuesday, ...") is no aside: its comma opened the clause.
    """
    if "," not in kept:
        return False
    head, aside = kept.rsplit(",", 1)
    words = aside.split()
    if not words:
        return False
    if not _appositive(words) and (len(words) > _ASIDE_WORDS or has_verb(aside)):
        return False
    return has_verb(head.rsplit(",", 1)[-1])


def _appositive(words: list[str]) -> bool:
    """True for "a program related to the pandemic": a noun phrase that renames one.

    It opens on an article and holds no auxiliary and no verb of saying, so it is
    no clause of its own ("the council said" is one).
    """
    if words[0].lower() not in ("a", "an", "the") or len(words) > _APPOSITIVE_WORDS:
        return False
    return not any(w.lower() in _AUXILIARIES or w.lower() in SPEECH_VERBS for w in words)


def _opens_on_adjunct(kept: str, comma: bool) -> bool:
    """True when the last comma-delimited part of ``kept`` opens on a preposition.

    "Trump, in a statement delivered via his secretary" and "According to the
    reports by the university" are adjuncts waiting for their clause.
    """
    if "," not in kept:
        # "In a new study by the museum, | scientists report ...": an opening phrase
        # whose clause the comma would cut off; so is "Hours after the storm hit, |".
        opener = kept.split(" ", 1)[0].lower() in _ADJUNCT_OPENERS
        return comma and (opener or _fronted_subordinate(kept.split()))
    last = kept.rsplit(",", 1)[-1].split()
    return bool(last) and last[0].lower() in _ADJUNCT_OPENERS


def _splits_clause(rest: str) -> bool:
    """True when the text after a comma continues the clause the comma interrupted.

    "..., announced US troops would leave" (the verb of the subject before the
    comma) and "..., personified as an avatar, was displayed" (a parenthesis
    inside a clause) must not be cut off.
    """
    first = rest.split(" ", 1)[0]
    if first.islower() and (
        first in _AUXILIARIES or first in SPEECH_VERBS or first in IRREGULAR_PAST
    ):
        return True
    if first.islower() and first.endswith("ed") and not first.endswith("eed"):
        return rest.split(",", 1)[0].count(" ") < 2 or _CLAUSE_AFTER_COMMA.search(rest) is not None
    # A comma inside a quotation ('a "soaring, beautiful" memorial') resumes no clause.
    return _CLAUSE_AFTER_COMMA.search(_QUOTATION.sub('""', rest)) is not None


_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")


def _ends_clause(kept: str, rest: str) -> bool:
    """True when ``kept`` can end a sentence and the cut falls outside a name.

    "... that had, by reports" ends on an auxiliary; "Baylor Scott | and White
    Medical Center" splits a name.
    """
    # Only the last words are read: rsplit finds them without splitting all of ``kept``.
    last = kept.rsplit(None, 1)[-1].strip("\"“”'‘’,;:")
    if last.lower() in _DANGLING or last.lower() in _SAID:
        return False  # "... the outbreak that had" / "an attendee said"
    # "... the outbreak that had, by reports": a parenthesis left open after "had".
    inner = kept.rsplit(",", 1)[0].rsplit(None, 1)[-1:] if "," in kept else []
    if inner and inner[-1].lower() in _DANGLING:
        return False
    following = rest.split(None, 2)
    if not last[:1].isupper() or not following:
        return True
    if following[0][:1].isupper():
        return False  # "College Station | Texas"... is one name running on
    words = kept.rsplit(None, 3)
    before = words[-2] if len(words) > 1 else ""
    if before[:1].isupper() and len(words) > 2:
        before = words[-3]  # "the Marlow Bay | to Dunmere race"
    return not _joins_a_name(following, before)


# Words that join two capitalised words into one name: "Sydney to Hobart", "Bank of
# Melbourne", "Marks and Spencer", "Pablo de Leon" (a cut between them splits the name).
_NAME_JOINERS = frozenset("and of for & to de da del della di du la le van von der y".split())


def _joins_a_name(following: list[str], before: str = "the") -> bool:
    """True when ``following`` opens on a joining word and a capitalised word: "to Hobart".

    Called after a capitalised word: "the Marlow | to Dunmere race" would end the
    sentence on half a name ("... in the Marlow."). After a lower-case word "to" is
    the verb's or the noun's ("a bill | to the congress"). "to" joins a name only
    when a determiner or a number opens it (``before``: "the Marlow to Dunmere",
    "the 30th Marlow to ..."); "the bastion of Kandahar | to Pashtun elders" is no name.
    """
    if len(following) < 2 or following[0] not in _NAME_JOINERS:
        return False
    if not following[1][:1].isupper():
        return False
    lower = before.lower()
    return following[0] != "to" or lower in _DETERMINERS or lower[:1].isdigit()


# ", or military conscription," between a noun and the verb it goes on to: another
# name for the noun (at most 60 characters, as a short parenthesis).
_OR_GLOSS = twin_re(r"(?<=[\w’')]), or ([^,;:\"“”()—–]{2,60}),(?= ([a-z]+) )")


def _inverted_condition(text: str, start: int) -> bool:
    """True when ``text`` at ``start`` opens a condition by inversion: "were a draft to be ..."."""
    parts = text[start:].split(None, 2)
    return (
        len(parts) > 1
        and parts[0] in ("were", "had", "should")
        and (parts[1].lower() in _DETERMINERS or parts[1].lower() in _PRONOUNS)
    )


_PRONOUNS = frozenset("it they he she we i you there".split())
# "Ann Dale, Piet Vos, or Rita Osei,": a list item before ", or" runs at most this
# many words back to the comma before it (a guess, read off fresh sentences).
_LIST_ITEM_WORDS = 3


def drop_or_glosses(text: str) -> str:
    """``text`` without another name for a noun set off by commas: ", or the holiday tax,".

    "the levy on second homes, or the holiday tax, is unlawful" keeps "the levy on
    second homes is unlawful". Only when the clause goes on to its verb after the
    gloss, the gloss has no verb and opens on no preposition ("register online, or by
    post, before" offers an alternative), and ", or" ends no list ("Ann Dale, Piet Vos,
    or Rita Osei, will chair").
    """
    if ", or " not in text:
        return text

    def spans() -> Iterator[tuple[int, int]]:
        for match in _OR_GLOSS.finditer(text):
            gloss = match.group(1)
            if not _is_verb(match.group(2)) or has_verb(gloss):
                continue
            if _inverted_condition(text, match.end()):
                continue  # "for the draft, or conscription, were a draft imposed": a condition
            if gloss.split(" ", 1)[0].lower() in _GLOSS_NOT_OPENERS:
                continue
            comma = text.rfind(",", 0, match.start())
            if comma >= 0 and word_count(text[comma + 1 : match.start()]) <= _LIST_ITEM_WORDS:
                continue
            yield match.start(), match.end()

    return _cut(text, spans())


# "In findings published in Science Advances, ", "In a new study released by the
# museum on Monday, ": where a finding appeared, opening the sentence (the phrase at
# most 120 characters: the longest such opening on the tuning split ran to about 90).
_SOURCE_OPENING = twin_re(
    r"In (?:(?:a|an|the|its|their|his|her|new|recent|latest|[a-z]+ly) ){0,3}"
    r"(?:findings|study|studies|paper|research|report|analysis|survey|article|review)"
    r"\b[^,;:\"“”()]{0,120}?, (?=[A-Za-z])"
)
# Who finds: the subject that makes a finding the subject's own claim.
_FINDERS = frozenset(
    """
    researchers scientists team authors astronomers physicists biologists chemists
    geologists ecologists economists archaeologists palaeontologists paleontologists
    epidemiologists engineers investigators
    """.split()
)
# The finder is the head of the subject: within its first four words ("an
# international team", "the study's authors"), before any verb.
_FINDER_REACH = 4


def drop_source_opening(text: str) -> str:
    """``text`` without where a finding appeared when the finders are the subject.

    "In a paper published in the Journal of Fen Ecology, biologists from the Marlow
    Institute reported ..." keeps "Biologists from the Marlow Institute reported
    ...": the claim stays theirs. When the subject is not who found it ("In a study
    published in X, the new drug halved ...") the opening stays, or the finding would
    read as fact; so does "According to X," (never matched here).
    """
    if not text.startswith("In "):
        return text
    match = _SOURCE_OPENING.match(text)
    if match is None or quoted_mask(text).any_in(match.start(), match.end()):
        return text
    rest = text[match.end() :]
    for word in rest.split(" ", _FINDER_REACH)[:_FINDER_REACH]:
        bare = word.strip(",").lower()
        if bare in _FINDERS:
            break
        if word.endswith(",") or _is_verb(word):
            return text
    else:
        return text
    if word_count(rest) < _MIN_KEPT:
        return text  # (no check for a verb: "scientists report" has one no rule can see)
    return _capitalise(rest)


# How far into the sentence the clause in the subject may open: "A director of a
# defunct ferry company that ..." (its sixth word; read off fresh sentences).
_SUBJECT_REACH = 8
# The aside that may follow the clause before the verb: ", 14 of them children,".
_SUBJECT_ASIDE_WORDS = 5


def drop_subject_clause(text: str) -> str:
    """``text`` without a clause inside its subject closed by a comma before the verb.

    "A director of a defunct ferry company that ran a trip in 1999 that ended with nine
    people dying, six of them children, has denied responsibility." keeps "A director
    of a defunct ferry company has denied responsibility.": the subject and its claim,
    true, for a headline that would otherwise be cut off before its verb. Only when
    the clause ("who", "that", "which" or a participle in "-ing") opens within the
    first words, before any verb, and a comma closes it (with at most one short aside)
    right before the main verb, or "says" follows the clause's own verb ("A rafter who
    raised the alarm after the party was swept into the river says ...").
    """
    words = text.split()
    start = _subject_clause_start(words)
    if start is None:
        return text
    clause_verb = False
    for index in range(start + 1, len(words) - 1):
        if clause_verb and words[index + 1] in ("says", "said"):
            pass  # "A rafter who raised the alarm ... | says": the clause had its verb
        elif not words[index].endswith(","):
            clause_verb = clause_verb or _is_verb(words[index + 1])
            continue
        following = words[index + 1]
        if not _verb_or_saying(following) and following not in ("says", "said"):
            aside = words[index + 1 : index + 1 + _SUBJECT_ASIDE_WORDS]
            close = next((k for k, w in enumerate(aside) if w.endswith(",")), None)
            if close is None or index + close + 2 >= len(words):
                continue
            following = words[index + close + 2]
            if not _verb_or_saying(following):
                continue
            index += close + 1
        kept = " ".join([*words[:start], *words[index + 1 :]])
        if word_count(kept) < _MIN_KEPT or quoted_mask(text).any_in(0, len(text) // 2):
            return text
        return kept if _has_main_verb(kept) else text
    return text


def _subject_clause_start(words: list[str]) -> int | None:
    """Where a clause opens inside the subject: "who", "that", "which", or "-ing"."""
    for index, word in enumerate(words[:_SUBJECT_REACH]):
        lower = word.lower()
        if index == 0 or word.endswith(","):
            if word.endswith(","):
                return None
            continue
        if _is_verb(word) and words[index - 1].lower() not in _DETERMINERS:
            return None  # the main verb came first: the clause is not in the subject
        participle = lower.endswith("ing") and len(lower) > 4 and word.islower()
        if lower in ("who", "that", "which") or (participle and lower not in _TIME_WORDS):
            return index
    return None


def _verb_or_saying(word: str) -> bool:
    bare = word.strip(",;:")
    return bare.islower() and (_is_verb(bare) or bare in SPEECH_VERBS or bare in _AUXILIARIES)


# The cuts, least informative first. Each keeps the claim and its source.
CUTS: tuple[Callable[[str], str], ...] = (
    drop_time_opener,
    drop_opening_adjunct,
    drop_inner_time,
    drop_source_opening,
    drop_ages,
    drop_appositives,
    drop_or_glosses,
    drop_renaming_asides,
    drop_adjunct_asides,
    drop_relatives,
    drop_trailing,
    drop_coordinated,
    drop_source_detail,
    drop_report_authors,
)


def shorten(
    text: str,
    limit: int,
    *,
    always: tuple[Callable[[str], str], ...] = (),
    cuts: tuple[Callable[[str], str], ...] = CUTS,
    hard: bool = True,
    weak_cuts: bool = False,
    fullest: bool = False,
    ellipsis: bool = True,
) -> Shortened:
    """``text`` cut down to at most ``limit`` words by the rules above.

    Args:
        text: The sentence, already cleaned of datelines and discourse markers.
        limit: The most words the result may have.
        always: Cuts applied whatever the length (a headline never opens on
            "Yesterday,"); parentheses are always dropped.
        cuts: The cuts tried, in order, until the text fits.
        hard: As a last resort, end the sentence before a subordinate clause
            (:func:`cut_at_phrase`).
        weak_cuts: Let the last resort also end the sentence before a
            prepositional phrase, after a noun phrase (for a headline).
        fullest: When the cut that makes the text fit takes more than needed,
            use instead the fitting alternative that keeps the most content
            words (:func:`_fullest`): a key point's words are its content.
        ellipsis: When the only last-resort cut that fits keeps a procedure and
            drops its news ("The court issued a ruling."), end the text at the
            limit with "…" instead (:func:`truncated`): its words go on into the
            news. Not when the news is a quotation, which "…" cannot enter.

    Returns:
        The shortened text; ``fits`` is False when the rules could not bring it
        within ``limit`` (the text is then as short as they could make it).
    """
    text = drop_parentheses(text)
    for cut in always:
        text = cut(text)
    count = word_count(text)
    before = text  # the text before the cut that brought it within the limit
    for position, cut in enumerate(cuts):
        if count <= limit:
            break
        shorter = cut(text)
        if shorter != text:
            before = text
            text, count = shorter, word_count(shorter)
            if count <= limit and fullest:
                text = _fullest(text, before, limit, cuts[position + 1 :], weak_cuts=weak_cuts)
                count = word_count(text)
    if count > limit and hard:
        last = cut_at_phrase(text, limit, weak_cuts=weak_cuts)
        if last is not None:
            text, count = last, word_count(last)
        elif ellipsis and '"' not in text and "“" not in text:
            # A quotation is left out: its news is what was said, which a cut with
            # "…" would never reach ('Lamont said at a press conference, "…').
            procedure = cut_at_phrase(text, limit, weak_cuts=weak_cuts, keep_news=False)
            if procedure is not None:
                text = _news_begun(text, word_count(procedure), limit) or truncated(
                    text, limit, whole_phrase=True
                )
                count = word_count(text)
    return Shortened(text, count <= limit, count)


# Words that start a new phrase after a noun phrase: where a cut with "…" may end.
_PHRASE_STARTS = frozenset("that which who whose where when and but or — –".split())


def _news_begun(text: str, procedure: int, limit: int) -> str | None:
    """``text`` ended with "…" once the news has begun, after a cut that kept only a procedure.

    ``procedure`` is the word count of the procedure alone ("The court issued a
    ruling."). The text ends after the first noun phrase past it, within ``limit``
    words, that gives the procedure its complement and closes before a new phrase:
    "The court issued a ruling against the ferry company…". None when there is no
    such place: the text is then cut at the limit.
    """
    words = text.split()
    mask = quoted_mask(text)
    end = 0
    for index, word in enumerate(words[:limit]):
        end = text.index(word, end) + len(word)
        count = index + 1
        if count <= procedure or count >= len(words) or mask[end - 1]:
            continue
        following = words[index + 1].strip("\"“”'‘’(").lower()
        new_phrase = (
            word.endswith(",")
            or following in _PHRASE_STARTS
            or following in _BOUNDARIES
            or _is_verb(following)
            or (following.endswith("ing") and len(following) > 4)
            or (words[index + 1][:1].isupper() and word[:1].islower())
        )
        kept = text[:end].rstrip(",")
        last = word.strip(",").lower()
        if last in _LEADS_ON or last in _BOUNDARIES or last in _TOPIC:
            continue  # "a ruling against…": the phrase has not begun
        if new_phrase and _closes_noun_phrase(words[: index + 1]) and not cuts_the_news(kept):
            return kept + "…"
    return None


def _closes_noun_phrase(words: list[str]) -> bool:
    """True when ``words`` end on a whole noun phrase: "against the state of emergency".

    The last word is a name, or a word of content that a determiner, a possessive
    or a number opens within the last few words, with no verb or comma between.
    """
    last = words[-1].strip(",")
    if last[:1].isupper():
        return True
    if last.lower() in _DANGLING or _is_verb(last):
        return False
    for word in reversed(words[-_NP_REACH:-1]):
        lower = word.lower()
        if word.endswith(",") or _is_verb(word):
            return False
        if lower in _DETERMINERS or lower.endswith(("'s", "’s")) or lower[:1].isdigit():
            return True
    return False


# How far back a noun phrase's determiner may be: "the state of emergency", "a bag
# full of a substance" (read off the tuning split's leads).
_NP_REACH = 6


# Words a "…" cut does not end on: they lead into the words cut off.
_LEADS_ON = frozenset(
    """
    a an the this these those of to in on at for with by from into as and or but that
    which who whose its their his her our is are was were be been has have had will would
    any some no every each all several many
    he she they we i it you even also not only just than so because if when while
    although though whether can could may might must should shall do does did being
    """.split()
)
# (A subject pronoun, "even", "not", a modal or a subordinator leads on as surely: "told
# him he…", "the accountants told the directors that even…".)
# How many words a "…" cut may give back to end on a word that stands (chosen on the
# tuning split's truncated headlines: none ran back more than two).
_LEADS_ON_REACH = 4


def truncated(text: str, limit: int, *, whole_phrase: bool = False) -> str:
    """The first words of ``text`` within ``limit``, and "…".

    The cut never ends inside a quotation or between a number and its scale or unit;
    with ``whole_phrase``, it ends where a phrase ends: before a word that opens the
    next one ("in prison | without the chance", "in Bergen, | her record label"), so
    neither on a word that leads into what is cut off ("in prison without…", "a bill
    to the congress in…") nor inside a name ("her record label Nordlys…"). Where no
    phrase ends near the limit, it ends on the last word that does not lead on.
    """
    mask = quoted_mask(text)
    words = list(re.finditer(r"\S+", text))
    last = min(limit, len(words)) - 1
    fallback: int | None = None
    for index in range(last, -1, -1):
        match = words[index]
        inside = mask[match.start()] or mask[match.end() - 1]
        balanced = text.count("(", 0, match.end()) == text.count(")", 0, match.end())
        parts_number = index + 1 < len(words) and splits_number(
            match.group(0), words[index + 1].group(0)
        )
        if inside or not balanced or parts_number:
            continue
        if not whole_phrase:
            return _cut_after(text, match.end())
        word = match.group(0).lower()
        previous = words[index - 1].group(0) if index > 0 else ""
        leads_on = word.rstrip(",;:") in _LEADS_ON or _demands_more(match.group(0), previous)
        if fallback is None and not leads_on:
            fallback = match.end()
        if index >= last - _PHRASE_REACH:
            ahead = [w.group(0) for w in words[index + 1 : index + 3]]
            ends = word[-1] in ",;:" or _opens_phrase(match.group(0), ahead, previous)
            if not leads_on and ends:
                return _cut_after(text, match.end())
        elif fallback is not None:
            break
    return _cut_after(text, fallback if fallback is not None else words[0].end())


# How many words a "…" cut may give back to end where a phrase ends: a prepositional
# phrase and a little more ("in Bergen, her record label Nordlys Music"). Read off
# fresh sentences, not tuned.
_PHRASE_REACH = 8
# Words that open a phrase of their own after a noun: prepositions ("of" binds its
# noun to the one before: "a bag full of"), conjunctions, relatives. ("than" and "as"
# bind too: "more than half", "as well as"; "and" and "or" join two nouns as often as
# two clauses, "the payment of pensions | and wages", so they open one only after a
# comma.)
_PHRASE_OPENERS = frozenset(
    """
    in on at for with by from into after before during without within under over
    about against between through since until while because although unless
    but who which whose where when that — – --
    """.split()
)
# After "and" or "or", the words that open a clause or a noun phrase of its own ("and
# the army withdrew", "and will raise", "and that it is working"); a bare word goes on
# the pair ("pensions and wages").
_AFTER_AND = frozenset("that then several many more most few".split())
# Verbs whose object is what was said, and words that bind to what follows them: a cut
# with "…" right after one ends on a word that has not yet said anything ("Quist
# says…", "according…").
_WANTS_WHAT_FOLLOWS = _BARE_SAYING | _SAID | frozenset("according calling urging".split())


def _demands_more(word: str, previous: str) -> bool:
    """True when a cut with "…" must not end on ``word``: it wants what follows it.

    A verb of saying ("says…"), a participle opening a clause after a comma
    (", calling…"), or a verb after "to" ("trying to detonate…"): each drops what
    the sentence was about. After "to" a bare word is read as a verb; a name or a
    plural ("to Dunmere", "to workers") is not.
    """
    bare = word.strip("\"“”'‘’(),;:")
    lower = bare.lower()
    if not bare.islower():
        return False
    if lower in _WANTS_WHAT_FOLLOWS:
        return True
    if previous.endswith(",") and lower.endswith("ing") and len(lower) > 4:
        return True
    if previous.lower() != "to":
        return False
    return not lower.endswith("s") and lower not in _LEADS_ON and lower not in _TO_PLACES


# Nouns that follow "to" with no determiner: "sentenced to death", "brought to justice".
_TO_PLACES = frozenset(
    "death life power justice court hospital prison jail safety school church bed trial"
    " office work market date".split()
)


def _opens_phrase(word: str, ahead: list[str], previous: str = "") -> bool:
    """True when the words ``ahead`` of ``word`` begin a new phrase: "without", "which".

    "to" does after a name ("Ada Lund | to close") or before a noun phrase ("a bill |
    to the congress"); after a verb it is the verb's own ("aims to legalise").
    """
    if not ahead:
        return False
    following = ahead[0].lower().strip("\"“”'‘’(")
    if word[:1].isupper() and _joins_a_name([following, *ahead[1:2]], previous):
        return False  # "the Marlow | to Dunmere race": one name
    if following == "to":
        after = ahead[1].lower() if len(ahead) > 1 else ""
        return word[:1].isupper() or after in _NOT_INFINITIVE_AFTER_TO
    if following in ("and", "or") and len(ahead) > 1:
        after = ahead[1].strip("\"“”'‘’(")
        lower = after.lower()
        return (
            lower in _DETERMINERS
            or lower in _PRONOUNS
            or lower in _AFTER_AND
            or lower in _AUXILIARIES
            or (_is_verb(after) and not word[:1].isupper())
        )
    return following in _PHRASE_OPENERS


# Words after "to" that begin a noun phrase: "to the congress", "to its members".
_NOT_INFINITIVE_AFTER_TO = frozenset("a an the this that these those its their his her our".split())


def _cut_after(text: str, end: int) -> str:
    return text[:end].rstrip(",;:—–- ") + "…"


def _fullest(
    fitted: str,
    before: str,
    limit: int,
    later: tuple[Callable[[str], str], ...],
    *,
    weak_cuts: bool,
) -> str:
    """Of the ways to bring ``before`` within ``limit``, the one that keeps most content.

    The cuts run least informative first, but the one that finally makes a
    sentence fit may take far more than needed: a trailing clause of fifteen
    words where the sentence was two over. ``before`` is the text just before
    that cut; each later cut alone, or ending it before a subordinate clause
    (:func:`cut_at_phrase`), may keep more of what it says. Ties go to ``fitted``,
    the least informative cut.
    """
    options = [fitted]
    for cut in later:
        shorter = cut(before)
        if shorter != before and word_count(shorter) <= limit:
            options.append(shorter)
    last = cut_at_phrase(before, limit, weak_cuts=weak_cuts, longest=True)
    if last is not None:
        options.append(last)
    return max(options, key=_content_count)


def _content_count(text: str) -> int:
    """How many words of ``text`` carry meaning (not stop words)."""
    return sum(1 for word in _WORDS.findall(text.lower()) if word not in STOPWORDS)
