"""Which sentences can stand alone as a key point.

A key point is read without the article around it, so it must name what it is
about and who says it. These are not key points:

- a quotation whose speaker the sentence does not name (the reader cannot tell
  who is talking), and a sentence that only continues a quotation;
- a question, and a sentence that opens with a pronoun nobody resolved ("They
  released him", "This was the third time", "Its engine failed"); but not an "it"
  that only announces a report ("It was later reported the fire began ..."), nor
  "This year, ...", a time;
- a sentence pointing back at what the reader has not read ("most of those
  jobs", "such a levy", "could not do so", "the aforementioned film"), or whose
  subject is a pronoun after an opening phrase ("After a week in hospital, she
  ..."); not one whose "those" or "these" refers to its own earlier clause
  ("nine were flooded, and four of those were empty"), says who they are
  ("those who live near the river") or gives an example ("such as");
- page furniture that slipped into the text: a photo caption or credit, a
  sub-head glued to the paragraph below it;
- a line about how a study or poll was made (its sample, its margin of error)
  rather than what it found;
- a sentence that introduces a list (ending in a colon);
- a quotation that is only the opening clause of what the speaker said ('"Whenever
  the council promises to listen," wrote Ada Lund.'): its main clause is in the next
  sentence.

Each rule reads only the sentence and what the attribution pass found in it.
"""

from __future__ import annotations

import re

from summarizer.checks.asciire import twin_re
from summarizer.extractive.compress import has_verb
from summarizer.extractive.keytext import names_after_role

_QUOTE_OPENERS = "\"“‘'"
# "most of those jobs", "these figures": a determiner that points back at a sentence
# the reader of one point has not read.
_POINTING_BACK = twin_re(
    r"\b(?:(those|these|such) ([a-z][\w’'\-]*|[,.;:])|the (?:same|latter|former)\b"
    r"|(?:do|does|did|doing|done) so\b|(?:afore|above)[\- ]?mentioned\b)",
    re.I,
)
# "such as Facebook", "such that a year lasts 33 days": an example or a result.
_SUCH_NOT_POINTING = frozenset(("as", "that"))
# Words after "those"/"these" that show it stands for a noun rather than qualifying
# one ("four of those were empty", "run these consecutively", "those of last year").
_PRONOUN_FOLLOWERS = frozenset(
    """
    of in at on with from for to by as than and or but were was are is be been have has had
    will would can could may might must should did do does not also all
    """.split()
)
# "those who live near the river": the pronoun says whom it means.
_DESCRIBED = frozenset("who whom whose".split())
_LEANING_PRONOUNS = frozenset("they them it this these those that such its their".split())
# "It was later reported the fire began ...": an "it" with no referent, announcing
# the clause after it.
_EMPTY_IT = twin_re(
    r"It (?:is|was|has been|had been)(?: (?:\w+ly|also|now|not|still|widely|later))*"
    r" (?:reported|known|announced|confirmed|believed|thought|understood|expected|estimated"
    r"|feared|alleged|claimed|said|discovered|revealed|suspected|unclear|clear|likely"
    r"|unlikely|possible)\b"
)
# An opening phrase before the subject: "After a week in hospital, she returned".
_OPENING_PHRASE = frozenset(
    """
    after following before during despite when while as since although though because
    once upon with without amid in on at
    """.split()
)
_SUBJECT_AFTER_OPENER = re.compile(r"[^,\"“”]{2,100}, (?:he|she|they|it|this) (?=[a-z])")
# "This year, ...": a time of the story, not a pointer to the sentence before.
_THIS_TIME = frozenset(
    "year week month morning afternoon evening weekend season spring summer autumn winter".split()
)
_PERSON_PRONOUNS = frozenset(("he", "she"))
_PERSON_POSSESSIVES = frozenset(("his", "her"))
_CAPTION = twin_re(
    r"\((?:photo|picture|image|file photo|credit|pictured)\b|^(?:photo|picture|image|file photo"
    r"|pictured|above|top|left|right|credit|caption|video|watch|listen)\s*[:|\-—–]",
    re.IGNORECASE,
)
_CREDIT = twin_re(
    r"\b(?:photo(?:graph)?|image|picture)s? (?:credit|courtesy|by)\b|\bcredit: |/getty\b"
    r"|\bgetty images\b",
    re.IGNORECASE,
)
_METHOD = twin_re(
    r"\bmargin of (?:sampling )?error\b"
    r"|\b(?:was|were) conducted (?:online|by telephone|between|from|among|in|on|by)\b"
    r"|\bsample (?:size )?of \d"
    r"|\b(?:were|was) (?:interviewed|surveyed|polled) (?:between|from|on|in|online|by)\b"
    r"|\bmethodology\b|\bweighted to\b|\bdata (?:was|were) collected\b"
    r"|\bconfidence interval\b",
    re.IGNORECASE,
)
# Words one of which each pattern needs (a cheap test before the regexes).
_CAPTION_WORDS = ("photo", "image", "picture", "credit", "getty", "pictured")
_CAPTION_OPENERS = ("above", "top", "left", "right", "caption", "video", "watch", "listen")
_METHOD_WORDS = (
    "margin of",
    "conducted",
    "sample",
    "interviewed",
    "surveyed",
    "polled",
    "methodology",
    "weighted to",
    "collected",
    "confidence interval",
)
_POINTING_WORDS = (
    "those ",
    "these ",
    "such ",
    "the same",
    "the lat",
    "the for",
    " so",
    "mentioned",
)
_POINTING_HINT = re.compile("those |these |such |the same|the latter|the former")
# "Counting the cost The authority says ...": a short run of words with no verb and
# no closing mark, then a capitalised sentence opener.
_GLUED_HEAD = twin_re(
    r"^((?:[A-Z][\w’'\-]*|and|of|the|a|an|in|on|for|to|at|with)(?: (?:[A-Za-z][\w’'\-]*)){0,5})"
    r" (?=(?:The|A|An|In|On|At|After|When|While|Police|Officials|It|He|She|They|This|But"
    r"|However|By) [a-z]|According to )"
)
_OPENERS_NOT_HEADS = frozenset(
    """
    the a an in on at according after when while it he she they last this next early late
    earlier later
    """.split()
)
_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday year week month day morning
    evening night weekend
    """.split()
)


def stands_alone(text: str, *, attributed: bool, resolved_subject: bool = False) -> bool:
    """True when ``text`` can be a key point on its own.

    Args:
        text: The sentence, verbatim.
        attributed: The attribution pass found its speaker in this sentence.
        resolved_subject: A leading "He", "She", "His" or "Her" was resolved to a named
            person.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if is_bare_quote(stripped, attributed=attributed):
        return False
    if stripped.rstrip("\"'”’)").endswith(("?", ":")):
        return False
    first = stripped.split(" ", 1)[0].strip(",").lower()
    if first in _LEANING_PRONOUNS and not _leans_on_nothing(stripped, first):
        return False
    if first in _PERSON_PRONOUNS and not (resolved_subject or attributed):
        return False
    if first in _PERSON_POSSESSIVES and not resolved_subject and not names_after_role(stripped):
        return False  # "His decision to run ...": whose, the reader of one point cannot tell
    if not attributed and _pronoun_after_opener(stripped, first):
        return False
    if points_back(stripped) or opening_clause_quote(stripped):
        return False
    return not (is_caption(stripped) or is_method(stripped) or glued_heading(stripped))


# Words that open a subordinate clause: a quotation made of one says nothing yet.
_SUBORDINATORS = frozenset(
    "when whenever if although though because while unless since until once whereas".split()
)
_ONLY_QUOTATION = re.compile(r"^[\"“]([^\"“”]+)[\"”]([^\"“”]*)$")


def opening_clause_quote(text: str) -> bool:
    """True for '"Whenever the council promises to listen," wrote Ada Lund.'.

    The sentence's one quotation opens on a subordinating word and ends at its first
    comma: the clause it depends on is in the next sentence. A quotation with its
    main clause ('"If the ferry stops, the island dies," she said') is whole.
    """
    found = _ONLY_QUOTATION.match(text)
    if found is None:
        return False
    quoted = found.group(1).strip()
    return quoted.endswith(",") and opening_clause(quoted[:-1])


def opening_clause(text: str) -> bool:
    """True for "Whenever they send a palm branch": a subordinate clause, no main clause."""
    return text.split(" ", 1)[0].lower() in _SUBORDINATORS and "," not in text


def _pronoun_after_opener(text: str, first: str) -> bool:
    """True for "After a week in hospital, she returned ...": the subject is a pronoun."""
    if first not in _OPENING_PHRASE:
        return False
    match = _SUBJECT_AFTER_OPENER.match(text)
    return match is not None


def _leans_on_nothing(text: str, first: str) -> bool:
    """True when the opening pronoun-like word refers to nothing before the sentence.

    "It was reported the fire began ..." (an empty "it"), "This year, ..." (a
    time), "Its chief executive, Mara Quist, said ..." (the point names her).
    """
    if first == "it":
        return _EMPTY_IT.match(text) is not None
    if first == "this":
        second = text.split(" ", 2)[1:2]
        return bool(second) and second[0].strip(",").lower() in _THIS_TIME
    if first in ("its", "their"):
        return names_after_role(text)
    return False


def points_back(text: str) -> bool:
    """True when ``text``, outside its quotations, points at something said before it.

    "those" or "these" standing for a noun ("four of those were empty") after a
    clause of the same sentence refers to that clause; "those who ..." says whom it
    means; "such as" and "such that" point at nothing.
    """
    lower = text.lower()
    if not any(map(lower.__contains__, _POINTING_WORDS)):
        return False
    outside = re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)
    for match in _POINTING_BACK.finditer(outside):
        word, after = (match.group(1) or "").lower(), (match.group(2) or "").lower()
        if word == "such" and after in _SUCH_NOT_POINTING:
            continue
        if word in ("those", "these"):
            if after in _DESCRIBED or (after.endswith("ing") and word == "those"):
                continue
            pronoun = after in _PRONOUN_FOLLOWERS or after.endswith("ly") or not after.isalpha()
            if (pronoun or _verb_like(after)) and has_verb(outside[: match.start()]):
                continue  # its referent is in the clause before it
        return True
    return False


def _verb_like(word: str) -> bool:
    """True for "involved", "stayed": a past form after the pronoun, not a noun."""
    return has_verb(word)


def is_bare_quote(text: str, *, attributed: bool) -> bool:
    """True for a quotation, or the rest of one, whose speaker the sentence does not name."""
    if attributed:
        return False
    if text[:1] in _QUOTE_OPENERS:
        return True
    # The tail of a quotation split from its opening: an odd number of straight quote
    # marks, or a closing curly one before any opening one.
    if text.count('"') % 2 == 1:
        return True
    close, opening = text.find("”"), text.find("“")
    return close >= 0 and (opening < 0 or close < opening)


def is_caption(text: str) -> bool:
    """True for a photo caption or credit line ("(Photo: ...)", "Image courtesy of ...")."""
    lower = text.lower()
    if not any(map(lower.__contains__, _CAPTION_WORDS)) and not lower.startswith(_CAPTION_OPENERS):
        return False  # the common case, decided without the full patterns
    return _CAPTION.search(text) is not None or _CREDIT.search(text) is not None


def is_method(text: str) -> bool:
    """True for a line on how a poll or study was made: its sample, dates, margin of error."""
    lower = text.lower()
    if not any(map(lower.__contains__, _METHOD_WORDS)):
        return False
    return _METHOD.search(text) is not None


def glued_heading(text: str) -> bool:
    """True when a sub-head with no closing mark runs into the sentence after it.

    "Counting the cost The authority says the quay ..." starts with a few words
    that hold no verb and end without punctuation before a new capitalised
    sentence; a sentence's own opening ("On Monday the council ...") is never
    followed by a sentence opener like "The".
    """
    match = _GLUED_HEAD.match(text)
    if match is None:
        return False
    head = match.group(1).split()
    if head[0].lower() in _OPENERS_NOT_HEADS or len(head) < 2:
        return False
    if any(w.lower() in _TIME_WORDS for w in head):
        return False
    return all(not w.endswith(("ed", "s")) or w[:1].isupper() for w in head[1:])
