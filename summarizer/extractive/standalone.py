"""Which sentences can stand alone as a key point.

A key point is read without the article around it, so it must name what it is
about and who says it. These are not key points:

- a quotation whose speaker the sentence does not name (the reader cannot tell
  who is talking), and a sentence that only continues a quotation;
- a question, and a sentence that opens with a pronoun nobody resolved ("They
  released him", "This was the third time");
- page furniture that slipped into the text: a photo caption or credit, a
  sub-head glued to the paragraph below it;
- a line about how a study or poll was made (its sample, its margin of error)
  rather than what it found;
- a sentence that introduces a list (ending in a colon).

Each rule reads only the sentence and what the attribution pass found in it.
"""

from __future__ import annotations

import re

_QUOTE_OPENERS = "\"“‘'"
# "most of those jobs", "these figures": a determiner that points back at a sentence
# the reader of one point has not read.
_POINTING_BACK = re.compile(r"\b(?:those|these|such) [a-z]|\bthe (?:same|latter|former)\b", re.I)
_LEANING_PRONOUNS = frozenset("they them it this these those that such".split())
_PERSON_PRONOUNS = frozenset(("he", "she"))
_CAPTION = re.compile(
    r"\((?:photo|picture|image|file photo|credit|pictured)\b|^(?:photo|picture|image|file photo"
    r"|pictured|above|top|left|right|credit|caption|video|watch|listen)\s*[:|\-—–]",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image|picture)s? (?:credit|courtesy|by)\b|\bcredit: |/getty\b"
    r"|\bgetty images\b",
    re.IGNORECASE,
)
_METHOD = re.compile(
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
_POINTING_HINT = re.compile("those |these |such |the same|the latter|the former")
# "Counting the cost The authority says ...": a short run of words with no verb and
# no closing mark, then a capitalised sentence opener.
_GLUED_HEAD = re.compile(
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
        resolved_subject: A leading "He" or "She" was resolved to a named person.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if is_bare_quote(stripped, attributed=attributed):
        return False
    if stripped.rstrip("\"'”’)").endswith(("?", ":")):
        return False
    first = stripped.split(" ", 1)[0].strip(",").lower()
    if first in _LEANING_PRONOUNS:
        return False
    if first in _PERSON_PRONOUNS and not (resolved_subject or attributed):
        return False
    if points_back(stripped):
        return False
    return not (is_caption(stripped) or is_method(stripped) or glued_heading(stripped))


def points_back(text: str) -> bool:
    """True when ``text``, outside its quotations, points at something said before it."""
    lower = text.lower()
    if not any(
        word in lower for word in ("those ", "these ", "such ", "the same", "the lat", "the for")
    ):
        return False
    outside = re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)
    return _POINTING_BACK.search(outside) is not None


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
    if not any(w in lower for w in _CAPTION_WORDS) and not lower.startswith(_CAPTION_OPENERS):
        return False  # the common case, decided without the full patterns
    return _CAPTION.search(text) is not None or _CREDIT.search(text) is not None


def is_method(text: str) -> bool:
    """True for a line on how a poll or study was made: its sample, dates, margin of error."""
    lower = text.lower()
    if not any(word in lower for word in _METHOD_WORDS):
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
