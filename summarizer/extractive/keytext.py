"""A key point's text: its sentence, cleaned so the claim stands on its own.

The text is the sentence with page furniture (dateline, byline, agency tag)
and a leading discourse marker ("But", "However,", "Meanwhile,") removed, and
a pronoun speaker ("He said ...", "..., she said, ...") replaced by the name
the attribution resolved. Nothing else is added; the evidence stays verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.memo import per_briefing_call
from summarizer.extractive.prose import clean_prose

# A connective that ties the sentence to the one before it; without it the claim
# reads the same and stands alone.
_MARKER = re.compile(
    r"(?:But|However|Meanwhile|And|Yet|Still|Also|Instead|Nonetheless|Nevertheless|"
    r"Moreover|Furthermore|In addition|In turn|At the same time|For (?:its|their|his|her) part"
    r"|Rather|Thus|Therefore|Hence|Consequently|Similarly|Likewise|Indeed|Besides|Otherwise)"
    r"(?:,\s*|\s+(?=[a-z]*[A-Za-z]))"
)
# Markers that only count with a comma after them: "Still, the council..." but
# never "Still more residents...", nor "However it is dressed up" (in whatever way).
_COMMA_ONLY = frozenset(
    """
    Still Also Instead Yet However Rather Thus Therefore Hence Consequently Similarly Likewise
    Indeed Besides Otherwise
    """.split()
)
_PRONOUN_START = re.compile(r"(?:He|She) (?=[a-z])")
_POSSESSIVE_START = re.compile(r"(?:His|Her) (?=[a-z0-9])")
_PRONOUN_INSIDE = re.compile(r"(, )(?:he|she) (said|says|added|argued|told \w+)(,)")
_OPENING_QUOTE = "\"“'‘"
_PRONOUN_CLOSING = re.compile(r"([,!?][\"”] )(?:he|she) (said|says|added|told \w+)([.,])")
# "Its president, Tomas Reyland, said ...": the role leans on the sentence before;
# the name stands alone.
_LEANING_ROLE = re.compile(
    r"(?:Its|Their|His|Her) [a-z][\w\-]*(?: [a-z][\w\-]*){0,3}, "
    r"([A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}), (?=[a-z])"
)


def point_text(evidence: str, said: Attribution | None, subject: str | None = None) -> str:
    """The self-contained text of a key point whose evidence is ``evidence``.

    Args:
        evidence: The sentence, verbatim.
        said: Its attribution, if any: a pronoun speaker becomes the speaker's name.
        subject: The person a leading "He", "She", "His" or "Her" refers to, if resolved.
    """
    return _point_text(evidence, None if said is None else said.actor, subject)


# The key points, the headline and the summary each clean the sentences they read,
# and the best sentences are read by all three: within one briefing
# (``memo.remembered``) each is cleaned once. Only the speaker's name is read of
# the attribution, so it is all the answer is kept by.
@per_briefing_call
def _point_text(evidence: str, actor: str | None, subject: str | None) -> str:
    text = clean_prose(evidence)
    text = strip_marker(text)
    role = _LEANING_ROLE.match(text)
    if role is not None:
        text = role.group(1) + " " + text[role.end() :]
    if subject and _PRONOUN_START.match(text) and (actor is None or actor == subject):
        return subject + text[text.index(" ") :]
    if subject and actor is None and _POSSESSIVE_START.match(text):
        return f"{subject}'s" + text[text.index(" ") :]  # "Her campaign" -> "Ada Voss's campaign"
    if not actor or actor[:1].islower():
        return text
    text = _full_name(text, actor)
    if _PRONOUN_START.match(text):
        # "He said ..." names no one; the attribution knows who "he" is.
        text = actor + text[text.index(" ") :]
    elif text[:1] not in _OPENING_QUOTE:
        text = _PRONOUN_INSIDE.sub(lambda m: f"{m[1]}{actor} {m[2]}{m[3]}", text, count=1)
    else:
        # '"We will appeal," she said.': the speaker closes the quotation.
        text = _PRONOUN_CLOSING.sub(lambda m: f"{m[1]}{actor} {m[2]}{m[3]}", text, count=1)
    return text


def names_after_role(text: str) -> bool:
    """True when ``text`` opens on "Its president, Tomas Reyland, ...": the point names him."""
    return _LEANING_ROLE.match(text) is not None


def _full_name(text: str, actor: str) -> str:
    """The speaker's full name where the sentence gives the surname alone.

    "Reyland also questioned ..." becomes "Tomas Reyland also questioned ...",
    and '"...," Vasko told reporters' becomes '"...," Mirela Vasko told
    reporters': the reader of one point has not met Reyland or Vasko. Only the
    first mention outside quotation marks, followed by a lower-case word.
    """
    names = actor.split()
    if len(names) < 2 or not all(n[:1].isupper() for n in names):
        return text  # a person's name, not "According to government"
    for start, end in _mentions(text, names[-1]):
        before = text[:start]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue  # inside a quotation: the speaker's own words
        if before.rstrip().endswith(names[-2]):
            return text  # the full name is already there
        courtesy = _COURTESY_BEFORE.search(before, max(0, len(before) - 6))
        if courtesy is not None:
            before = before[: courtesy.start()]  # "Mr Bush" -> "George W Bush", not "Mr George"
        return before + actor + text[end:]
    return text


# A courtesy title right before a surname: the full name replaces it.
_COURTESY_BEFORE = re.compile(r"(?<![\w’'])(?:Mr|Mrs|Ms|Miss|Mx)\.? $")


def _mentions(text: str, surname: str) -> Iterator[tuple[int, int]]:
    r"""Where ``surname`` stands as a word of its own before a lower-case word.

    What ``(?<![\w’'\-])SURNAME(?= [a-z])`` finds, found with ``str.find``: the
    pattern differs by name, and compiling one per speaker cost more than the search.
    """
    size = len(surname)
    at = text.find(surname)
    while at >= 0:
        end = at + size
        before = text[at - 1] if at else ""
        if (
            not (before and (before.isalnum() or before in "_’'-"))
            and text[end : end + 1] == " "
            and "a" <= text[end + 1 : end + 2] <= "z"
        ):
            yield at, end
            at = text.find(surname, end)
        else:
            at = text.find(surname, at + 1)


def strip_marker(text: str) -> str:
    """``text`` without a leading "But", "However," or "Meanwhile,", capitalised."""
    match = _MARKER.match(text)
    if match is None:
        return text
    word = match.group().rstrip(", ")
    if word in _COMMA_ONLY and "," not in match.group():
        return text
    rest = text[match.end() :]
    if len(rest.split()) < 4 or not rest[:1].isalpha() and rest[:1] not in _OPENING_QUOTE:
        return text
    if rest[:1].islower() and not _keeps_case(rest):
        rest = rest[:1].upper() + rest[1:]
    return rest


def _keeps_case(rest: str) -> bool:
    # "But iPhone sales ..." keeps its brand's case; a plain word is capitalised.
    first = rest.split(" ", 1)[0]
    return any(c.isupper() for c in first[1:])
