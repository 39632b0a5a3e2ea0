"""A key point's text: its sentence, cleaned so the claim stands on its own.

The text is the sentence with page furniture (dateline, byline, agency tag)
and a leading discourse marker ("But", "However,", "Meanwhile,") removed, and
a pronoun speaker ("He said ...", "..., she said, ...") replaced by the name
the attribution resolved. Nothing else is added; the evidence stays verbatim.
"""

from __future__ import annotations

import re

from summarizer.extractive.attribution import Attribution
from summarizer.extractive.prose import clean_prose

# A connective that ties the sentence to the one before it; without it the claim
# reads the same and stands alone.
_MARKER = re.compile(
    r"(?:But|However|Meanwhile|And|Yet|Still|Also|Instead|Nonetheless|Nevertheless|"
    r"Moreover|Furthermore|In addition|In turn|At the same time|For (?:its|their|his|her) part)"
    r"(?:,\s*|\s+(?=[a-z]*[A-Za-z]))"
)
# Markers that only count with a comma after them: "Still, the council..." but
# never "Still more residents...".
_COMMA_ONLY = frozenset("Still Also Instead Yet".split())
_PRONOUN_START = re.compile(r"(?:He|She) (?=[a-z])")
_PRONOUN_INSIDE = re.compile(r"(, )(?:he|she) (said|says|added|argued|told \w+)(,)")
_OPENING_QUOTE = "\"“'‘"


def point_text(evidence: str, said: Attribution | None) -> str:
    """The self-contained text of a key point whose evidence is ``evidence``."""
    text = clean_prose(evidence)
    text = strip_marker(text)
    if said is None or not said.actor or said.actor[:1].islower():
        return text
    if _PRONOUN_START.match(text):
        # "He said ..." names no one; the attribution knows who "he" is.
        text = said.actor + text[text.index(" ") :]
    elif text[:1] not in _OPENING_QUOTE:
        text = _PRONOUN_INSIDE.sub(lambda m: f"{m[1]}{said.actor} {m[2]}{m[3]}", text, count=1)
    return text


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
