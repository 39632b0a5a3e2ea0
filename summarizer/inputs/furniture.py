"""Page furniture: the lines around a story that are not the story.

A page copied from a news site carries app promos, subscribe prompts, the outlet's
name, a byline, photo captions and, after the story, a block of "Most read" links and
membership pitches. None of it may reach the prompt, and none of it may be lost
silently: every line taken out is kept, in order, in ``Page.removed``.

The rules are general, not a list of one site's lines:

* A **call to action** or navigation label is a short line (at most
  ``CTA_MAX_WORDS`` words) that starts with a known pattern ("Sign up", "Download
  the app", "Most read", "14 days free", "Advertisement", ...) and reads as no
  reported sentence: it has no quotation marks and no reporting verb ("said",
  "told", "according to"). "Residents can sign up at the town hall, the council
  said." therefore stays.
* A **caption** ends in a photo credit: "(Credit: AFP)", "(Photo: ...)",
  "Photograph: ...".
* Cookie, privacy and copyright notices may be longer and are still furniture.
* In the **head** (before the first prose paragraph): a byline ("By Jane Doe",
  AFP-style "Shaun TANDON"), the outlet (a line repeated there, or a short
  newspaper-like name among other furniture), and one- or two-word section labels
  sitting in a block of furniture ("World").
* A **list heading** ("Related stories", "Top stories") takes the short lines
  directly under it (no blank line between) with it.
* The **tail**: once the story has ended and a run of furniture begins (two or more
  furniture lines with only short lines among them, to the end of the page), the
  short lines inside that run go too.

Regexes only ever see lines of at most ``MAX_FURNITURE_CHARS`` characters: a
longer line is story text, and a 10 MB line without breaks costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.inputs.furniture_patterns import (
    CAPTION_AGENCY,
    CAPTION_LABEL,
    CAPTION_PAREN,
    CONTACT,
    CONTACT_LEAD,
    CONTACT_MAX_WORDS,
    CONTACT_WHO,
    CONTROL,
    CREDIT_AGENCY,
    CREDIT_BY,
    CREDIT_BY_MAX_WORDS,
    CREDIT_LABEL,
    CREDIT_SLASH,
    CTA,
    DOMAIN,
    EMAIL,
    HANDLE,
    LABELLED_LINK,
    LANGUAGE_GLOSS,
    LINE_BREAKS,
    LIST_HEADING,
    NOTICE,
    NOTICE_NO_RIGHTS,
    OUTLET_WORDS,
    QUOTE_MARKS,
    READER,
    REPORTING,
    SENTENCE_END,
    STANDALONE,
)
from summarizer.inputs.metadata import outlet_name, person_byline, person_name

__all__ = [
    "MAX_FURNITURE_CHARS",
    "Page",
    "byline_name",
    "furniture_kind",
    "long_headline",
    "looks_like_prose",
    "normalise_lines",
    "parse_page",
    "split_furniture",
    "word_count",
]

MAX_FURNITURE_CHARS = 300
CTA_MAX_WORDS = 10
LINK_MAX_WORDS = 25
NOTICE_MAX_WORDS = 40
CAPTION_MAX_WORDS = 60
SHORT_MAX_WORDS = 15
# How far into the page a byline, outlet or section label may sit.
HEAD_MAX_LINES = 15


@dataclass(frozen=True)
class Page:
    """A page split into story text and furniture.

    Attributes:
        text: The clean story text.
        removed: The furniture lines taken out, stripped, in page order.
        byline: The author line's name(s), when the head carried one.
        outlet: The outlet's name, when the head carried it.
    """

    text: str
    removed: tuple[str, ...]
    byline: str | None = None
    outlet: str | None = None


def normalise_lines(raw: str) -> list[str]:
    r"""Split ``raw`` into lines with endings, control characters and trailing blanks fixed.

    ``\r\n`` and ``\r`` become ``\n``, and so do the other line and page breaks
    (form feed, vertical tab, NEL, U+2028, U+2029); other control characters except
    tab are dropped; a leading byte-order mark is dropped; a wiki's rendered language
    gloss marker ("((pl))Polish language: ") is dropped; every line loses its
    trailing whitespace.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = LINE_BREAKS.sub("\n", text)
    text = CONTROL.sub("", text).removeprefix("\ufeff")
    if "((" in text:
        text = LANGUAGE_GLOSS.sub("", text)
    return [line.rstrip() for line in text.split("\n")]


def word_count(line: str) -> int:
    """Count the words of a short line; lines over the furniture cap count as long."""
    if len(line) > MAX_FURNITURE_CHARS:
        return MAX_FURNITURE_CHARS
    return len(line.split())


# REPORTING is case-blind, so re tries it slowly at every place of a line. On ASCII
# text the same words are found at the same places in the lower-cased line by the
# case-sensitive pattern, and only when one of them occurs there as a substring.
_REPORTING_LOWER = re.compile(REPORTING.pattern)
_REPORTING_WORDS = (
    "said says told according added asked urged warned wrote announced explained insisted"
).split()
# CAPTION_LABEL (case-sensitive) needs one of these words.
_CAPTION_WORDS = ("Photo", "Image", "Picture", "Illustration", "Credit", "Composite")


def _reports(line: str) -> bool:
    """``REPORTING.search(line)``, as a bool: is there a reporting verb in the line?"""
    if not line.isascii():
        return REPORTING.search(line) is not None
    low = line.lower()
    found = [at for at in map(low.find, _REPORTING_WORDS) if at >= 0]
    if not found:
        return False
    # A match starts where one of the words does; \b still sees the character before.
    return _REPORTING_LOWER.search(low, min(found)) is not None


def _caption_label(line: str) -> bool:
    """``CAPTION_LABEL.search(line)``, as a bool, skipped when none of its words occurs."""
    return any(word in line for word in _CAPTION_WORDS) and bool(CAPTION_LABEL.search(line))


def _notice(line: str) -> bool:
    """``NOTICE.match(line)``, as a bool."""
    if line.isascii() and "rights" not in line.lower():
        return NOTICE_NO_RIGHTS.match(line) is not None
    return NOTICE.match(line) is not None


def _is_reported(line: str) -> bool:
    return bool(QUOTE_MARKS.search(line)) or _reports(line)


def looks_like_prose(line: str) -> bool:
    """True for a line that reads as a story paragraph rather than a label or heading."""
    words = word_count(line)
    return words >= 12 or (words >= 6 and bool(SENTENCE_END.search(line)))


# A headline may run long ("Council votes to approve harbour dredging plan despite
# objections from fishing groups"); past this it is a paragraph whatever its ending.
LONG_HEADLINE_MAX_WORDS = 25


def long_headline(lines: list[str]) -> int | None:
    """Index of a headline at the top that is long enough to pass for prose, if any.

    The first non-empty line is one when it has 12 to 25 words, starts with a
    capital, a digit or a quote mark, ends without a sentence's punctuation,
    stands as its own paragraph, and a story follows it.
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = lines[first].strip()
    lead = line.lstrip("\"'“‘")[:1]
    if (
        not 12 <= word_count(line) <= LONG_HEADLINE_MAX_WORDS
        or SENTENCE_END.search(line)
        or line.endswith((",", ";", ":"))
        or not (lead.isupper() or lead.isdigit())
        or (first + 1 < len(lines) and lines[first + 1].strip())
    ):
        return None
    rest = (s.strip() for s in lines[first + 1 :])
    return first if any(looks_like_prose(s) for s in rest if s) else None


def furniture_kind(line: str) -> str | None:
    """Classify one line on its own, without context.

    Args:
        line: A line of the page; surrounding whitespace is ignored.

    Returns:
        ``"call to action"``, ``"list heading"``, ``"link"``, ``"notice"`` or
        ``"caption"`` when the line is furniture by itself, else None.
    """
    s = line.strip()
    if not s or len(s) > MAX_FURNITURE_CHARS:
        return None
    words = len(s.split())
    if words <= CAPTION_MAX_WORDS and (
        CAPTION_PAREN.search(s) or _caption_label(s) or CAPTION_AGENCY.search(s)
    ):
        return "caption"
    if _is_reported(s):
        return None
    if _credit(s, words):
        return "caption"
    if words <= CONTACT_MAX_WORDS and _contact(s):
        return "contact"
    if words <= CTA_MAX_WORDS and LIST_HEADING.match(s):
        return "list heading"
    if words <= CTA_MAX_WORDS and CTA.match(s):
        return "call to action"
    if words <= LINK_MAX_WORDS and LABELLED_LINK.match(s):
        return "link"
    if words <= NOTICE_MAX_WORDS and _notice(s):
        return "notice"
    return None


def _credit(line: str, words: int) -> bool:
    """A photo credit standing on its own line."""
    if words <= CAPTION_MAX_WORDS and CREDIT_LABEL.match(line):
        return True
    if words <= CREDIT_BY_MAX_WORDS and CREDIT_BY.match(line) and not SENTENCE_END.search(line):
        return True
    return words <= 10 and bool(CREDIT_AGENCY.match(line) or CREDIT_SLASH.match(line))


def _contact(line: str) -> bool:
    """A line giving the reporter's or the newsroom's e-mail address to the reader.

    It is the address with little else ("Email: jo@example.com"), or a contact
    verb a few words before the address that is addressed to the reader (the
    line starts with it: "Reach Owen Fitch at ..."), names the reporter or a
    pronoun ("Contact her at ...", "E-mail the author at ..."), or says the
    person "can be reached at" it. "Residents can email complaints to ..." stays.
    """
    if "@" not in line or not EMAIL.search(line):
        return False
    rest = HANDLE.sub(" ", EMAIL.sub(" ", line))
    left = [w for w in re.findall(r"[\w'’-]+", rest) if w.lower() not in _CONTACT_LABELS]
    if not left:
        return True
    found = CONTACT.search(line)
    if found is None:
        return False
    return bool(
        found.group("reached")
        or CONTACT_LEAD.match(line)
        or CONTACT_WHO.search(found.group("who") or "")
    )


_CONTACT_LABELS = frozenset(
    "email e-mail mail contact contacts twitter x or and on at via reach write to".split()
)


def byline_name(line: str) -> str | None:
    """Return the author name(s) when ``line`` is a byline, else None.

    Two shapes count: "By Jane Doe" (optionally "and John Roe", ", Reuters") and the
    wire style "Shaun TANDON" (a name whose surname is in capitals).
    """
    s = line.strip()
    if len(s) > 120 or _is_reported(s):
        return None
    if s[:3].lower() == "by ":
        rest = s[3:].strip()
        if len(rest.split()) > 12:
            return None
        parts = [p.strip() for p in re.split(r",|&|\band\b|\|", rest) if p.strip()]
        names = [p for p in parts if person_name(p)]
        if parts and names and names[0] == parts[0]:
            return " and ".join(names)
        return None
    tokens = s.split()
    last = tokens[-1] if tokens else ""
    if person_name(s) and len(last) >= 2 and last.isupper():
        return s
    return None


def _outlet_like(line: str) -> bool:
    if DOMAIN.match(line):
        return True
    tokens = line.split()
    return (
        1 <= len(tokens) <= 5
        and all(t[0].isupper() or t.lower() in ("of", "the", "&", "and") for t in tokens)
        and tokens[-1].lower().strip(".") in OUTLET_WORDS
    )


def _clusters(lines: list[str], start: int, stop: int) -> list[range]:
    """Runs of consecutive non-blank lines between ``start`` and ``stop``."""
    runs: list[range] = []
    i = start
    while i < stop:
        if not lines[i]:
            i += 1
            continue
        j = i
        while j < stop and lines[j]:
            j += 1
        runs.append(range(i, j))
        i = j
    return runs


def _is_short(line: str) -> bool:
    """A short line that is not a reported sentence: a link, a teaser, a pitch."""
    if word_count(line) > SHORT_MAX_WORDS:
        return False
    reports = _reports(line)
    quoted_speech = bool(QUOTE_MARKS.search(line)) and reports
    attributed = reports and bool(SENTENCE_END.search(line))
    return not (quoted_speech or attributed)


def _tail_filler(line: str) -> bool:
    """A line that may sit inside the furniture after the story: short, and no story sentence.

    A story sentence here is six words or more ending in sentence punctuation and not
    addressed to the reader ("curated for you." is a pitch; "The council meets on
    June 17." is the story's last line).
    """
    if not _is_short(line):
        return False
    sentence = word_count(line) >= 6 and bool(SENTENCE_END.search(line))
    return not sentence or bool(READER.search(line))


class _Marker:
    """The per-line kinds of one page, filled in rule by rule."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = [line.strip() for line in lines]
        # Pages repeat lines ("Already a member? Sign in here"); classify each once.
        seen: dict[str, str | None] = {}
        self.kinds: list[str | None] = []
        for s in self.lines:
            if s not in seen:
                seen[s] = furniture_kind(s)
            self.kinds.append(seen[s])
        self.byline: str | None = None
        self.outlet: str | None = None
        self._head_end: int | None = None
        self._headline = long_headline(self.lines)

    def head_end(self) -> int:
        """Index of the first prose line that is not furniture (the story's start)."""
        if self._head_end is None:
            self._head_end = len(self.lines)
            for i, (s, kind) in enumerate(zip(self.lines, self.kinds, strict=True)):
                if s and kind is None and looks_like_prose(s) and i != self._headline:
                    self._head_end = i
                    break
        return self._head_end

    def mark_lists(self) -> None:
        in_list = False  # under a list heading, with no blank line since
        for i, s in enumerate(self.lines):
            kind = self.kinds[i]
            if not s:
                in_list = False
            elif kind == "list heading":
                in_list = True
            elif in_list and kind is None and _is_short(s):
                self.kinds[i] = "link"
            elif kind is None:
                in_list = False

    def mark_head(self) -> None:
        candidates: list[int] = []
        for i in range(self.head_end()):
            if len(candidates) == HEAD_MAX_LINES:
                break
            if self.lines[i]:
                candidates.append(i)
        for i in candidates:
            name = byline_name(self.lines[i]) if self.kinds[i] is None else None
            if name is not None:
                self.kinds[i] = "byline"
                self.byline = self.byline or person_byline(name)
        for i in candidates:
            # A masthead printed twice in a row ("International Business Times" x 2); a
            # headline repeated further down the head is not one.
            s = self.lines[i]
            if (
                self.kinds[i] is None
                and word_count(s) <= 6
                and i + 1 < len(self.lines)
                and self.lines[i + 1] == s
            ):
                self.kinds[i] = self.kinds[i + 1] = "outlet"
                self.outlet = self.outlet or outlet_name(s)
        limit = candidates[-1] + 1 if candidates else 0
        for run in _clusters(self.lines, 0, limit):
            if not any(self.kinds[i] is not None for i in run):
                continue
            for i in run:
                s = self.lines[i]
                if self.kinds[i] is not None:
                    continue
                if self.outlet is None and _outlet_like(s):
                    self.kinds[i] = "outlet"
                    self.outlet = outlet_name(s)
                elif word_count(s) <= 2 and not re.search(r"[\d.!?]", s):
                    self.kinds[i] = "section label"

    def mark_tail(self) -> None:
        story = self.head_end()
        if story == len(self.lines):
            return  # no prose, so no story whose end could be found
        start = len(self.lines)
        while start > story + 1:
            s = self.lines[start - 1]
            if s and self.kinds[start - 1] is None and not _tail_filler(s):
                break
            start -= 1
        furniture = [i for i in range(start, len(self.lines)) if self.kinds[i] in STANDALONE]
        if len(furniture) < 2:
            return
        for i in range(furniture[0], len(self.lines)):
            if self.lines[i] and self.kinds[i] is None:
                self.kinds[i] = "tail"


def parse_page(raw: str) -> Page:
    """Split a plain-text page into clean story text, furniture and metadata.

    Args:
        raw: The page as the user gave it.

    Returns:
        The clean text (line endings normalised, control characters dropped, runs
        of blank lines collapsed to one, no leading or trailing blank lines), every
        removed line, and the byline and outlet when the head carried them.
    """
    lines = normalise_lines(raw)
    marker = _Marker(lines)
    marker.mark_lists()
    marker.mark_head()
    marker.mark_tail()
    kept: list[str] = []
    removed: list[str] = []
    for line, stripped, kind in zip(lines, marker.lines, marker.kinds, strict=True):
        if kind is not None:
            removed.append(stripped)
        elif stripped:
            kept.append(line)
        elif kept and kept[-1]:
            kept.append("")
    while kept and not kept[-1]:
        kept.pop()
    return Page("\n".join(kept), tuple(removed), marker.byline, marker.outlet)


def split_furniture(raw: str) -> tuple[str, tuple[str, ...]]:
    """Return the clean text of ``raw`` and the furniture lines removed from it, in order."""
    page = parse_page(raw)
    return page.text, page.removed
