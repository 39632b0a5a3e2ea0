"""Cleaning derived prose: the fields a reader reads as the briefing's own words.

Headline, summary, key-point text and stance positions are built from article
sentences, but a dateline ("SALTMERE, March 12 (Coastline Daily) - "), a byline
("By Ines Marlowe - ") or an agency tag ("(Reuters) - ") at their start is page
furniture, not content. Evidence quotes keep them: they stay verbatim.
"""

from __future__ import annotations

import re

_DASH = r"(?: ?(?:—|–|--|\|) ?| - )"
_AGENCY = re.compile(r"\([A-Z][^()\n]{1,30}\)" + _DASH)
_BYLINE = re.compile(
    r"By [A-Z][\w'’.\-]{1,30}(?: [A-Z][\w'’.\-]{1,30}){0,3}"
    r"(?:,? (?:and )?[A-Z][\w'’.\-]{1,30}(?: [A-Z][\w'’.\-]{1,30}){0,3})?" + _DASH
)
_DATELINE = re.compile(
    r"[A-Z][A-Z'.\-]{1,30}(?: [A-Z][A-Z'.\-]{1,30}){0,3}"
    r"(?:, [A-Z][\w.\-]{1,30}(?:,? [A-Z\d][\w.\-]{0,30}){0,3})?"
    r"(?: \([^()\n]{1,30}\))?" + _DASH
)
_CAPS_WORD = re.compile(r"[A-Z]{3,}")
# Words that belong to a number: "nine hundred", "$3", "12.4 million", "70 percent".
_NUMBERISH = re.compile(
    r"[$€£¥]?\d[\d,.]*\w*|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|bn|m|k|"
    r"percent|per|cent|%|a\.?m\.?|p\.?m\.?)(?:-\w+)?[.,;:]?",
    re.IGNORECASE,
)


def clip_words(words: list[str], limit: int) -> tuple[str, bool]:
    """The first ``limit`` words joined, and whether any were cut.

    A cut never splits a number from its scale or unit ("nine | hundred jobs",
    "$12.4 | million"): the number goes too, since alone it would say another one.
    """
    if len(words) <= limit:
        return " ".join(words), False
    kept = words[:limit]
    if _NUMBERISH.fullmatch(words[limit]):
        while kept and _NUMBERISH.fullmatch(kept[-1]):
            kept.pop()
    return " ".join(kept), True


def splits_number(last: str, following: str) -> bool:
    """True when a cut between ``last`` and ``following`` parts a number from its unit.

    "£1.1 | billion" would leave a number the article never states.
    """
    return bool(_NUMBERISH.fullmatch(last) and _NUMBERISH.fullmatch(following))


def clean_prose(text: str) -> str:
    """``text`` without a leading dateline, byline or agency tag, capitalised."""
    text = " ".join(text.split())
    for _ in range(3):
        stripped = _strip_once(text)
        if stripped == text:
            break
        text = stripped
    return text[:1].upper() + text[1:]


def _strip_once(text: str) -> str:
    for pattern in (_AGENCY, _BYLINE, _DATELINE):
        match = pattern.match(text)
        if match is None or match.end() >= len(text) - 8:
            continue
        if pattern is _DATELINE and not _CAPS_WORD.search(match.group()):
            continue
        return text[match.end() :]
    return text
