"""Sanity checks on page metadata: a byline names people, an outlet names an outlet.

A page's author and site-name fields are whatever its template put there:
"Hosted", "Username", "admin", "Log in", an e-mail address, a news agency. They go
into the prompt and onto the briefing as *who wrote this, and where*, so a value
that is no such thing is dropped rather than shown. A byline keeps only the parts
that read as a person's name ("By Jo Park, Staff Reporter" gives "Jo Park"); an
outlet must not be a login or navigation label or a generic word, and a single
lower-case word must at least look like a domain.
"""

from __future__ import annotations

import re

from summarizer.inputs.furniture_patterns import (
    CONTROL,
    CTA,
    NAME_PARTICLES,
    NOT_NAMES,
    NOTICE,
    OUTLET_WORDS,
)

__all__ = ["outlet_name", "person_byline", "person_name"]

# Words that make a name an organisation's, not a person's ("Associated Press").
_ORGANISATION = OUTLET_WORDS | frozenset(
    "associated agency agence media group network newsroom team services service online "
    "digital magazine wires syndicate international".split()
)
# Template and interface words that are no outlet's name.
_NOT_OUTLETS = frozenset(
    "hosted host username user users login log in sign signin register account admin "
    "administrator author authors editor staff guest anonymous unknown untitled none null "
    "undefined default home homepage index main menu search page website site web blog "
    "news article articles story stories post posts content comments loading error a the "
    "example".split()
)
_EMAIL = re.compile(r"<[^>]*>|\S+@\S+")
_HOSTNAME = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_BYLINE_SPLIT = re.compile(r";|,|&|\band\b|\||/|\n", re.IGNORECASE)


def _is_name_token(token: str, *, edge: bool) -> bool:
    if not edge and token in NAME_PARTICLES:
        return True
    core = token.strip(".,")
    return (
        bool(core)
        and core[0].isupper()
        and all(ch.isalpha() or ch in "'’.-" for ch in core)
        and core.lower() not in NOT_NAMES
    )


def person_name(text: str) -> bool:
    """True for two to five capitalised name words ("Ana María de la Cruz")."""
    tokens = text.split()
    return 2 <= len(tokens) <= 5 and all(
        _is_name_token(t, edge=i in (0, len(tokens) - 1)) for i, t in enumerate(tokens)
    )


def _tidy(value: str) -> str:
    return " ".join(CONTROL.sub(" ", value).split())


def person_byline(value: str | None) -> str | None:
    """The people a byline names, joined with "and", or None when it names nobody."""
    if not value:
        return None
    text = _EMAIL.sub(" ", _tidy(value))
    text = re.sub(r"^by\s+", "", text.strip(), flags=re.IGNORECASE)
    names = []
    for part in _BYLINE_SPLIT.split(text):
        part = " ".join(part.split())
        words = {w.strip(".,").lower() for w in part.split()}
        if person_name(part) and not words & _ORGANISATION and part not in names:
            names.append(part)
    return " and ".join(names) or None


def outlet_name(value: str | None) -> str | None:
    """``value`` when it can be an outlet's name, else None."""
    if not value:
        return None
    text = _tidy(value).strip(" |-–—:·•")
    words = text.split()
    if not words or len(words) > 8 or len(text) > 80 or "@" in text:
        return None
    if CTA.match(text) or NOTICE.match(text):
        return None
    if all(w.strip(".,:;!?").lower() in _NOT_OUTLETS for w in words):
        return None
    if len(words) == 1 and text.islower() and not _HOSTNAME.fullmatch(text):
        return None
    return text
