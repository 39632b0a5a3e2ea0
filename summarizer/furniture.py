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

__all__ = [
    "MAX_FURNITURE_CHARS",
    "Page",
    "byline_name",
    "furniture_kind",
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

# Characters that break lines or pages: kept as line breaks so that words on either
# side do not run together.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 and C1 control characters except tab and newline (\r is handled before).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_QUOTE_MARKS = re.compile(r"[\"“”„«»‘]")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according\s+to|added|asked|urged|warned|wrote|announced|"
    r"explained|insisted)\b",
    re.IGNORECASE,
)
_READER = re.compile(r"\byou(?:r|rs)?\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")

_LEAD = r"^[\s>»›•·*#|+\-–—]*"
_END = r"[\s.!:>»›…|]*$"
_WORD = r"[\w'’&.-]+"


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(_LEAD + "(?:" + "|".join(patterns) + ")", re.IGNORECASE)


# Calls to action, membership pitches, ads, sharing and navigation labels.
_CTA = _any(
    [
        r"(?:please\s+)?(?:subscribe|sign\s*-?\s*(?:up|in)|log\s*-?\s*(?:in|out)|login)\b",
        r"register(?:\s+(?:now|here|today|for\s+free|free))?" + _END,
        r"already\s+(?:a\s+)?(?:member|subscriber|registered|signed\s+up)\b",
        r"already\s+have\s+an\s+account\b",
        r"not\s+a\s+(?:member|subscriber)\b",
        r"(?:don['’]t|do\s+not)\s+have\s+an\s+account\b",
        r"create\s+(?:a\s+|an\s+|your\s+)?(?:free\s+)?account\b",
        r"forgot\s+(?:your\s+)?password\b",
        rf"(?:download|get|install|open|try)\s+(?:the|our)\s+(?:{_WORD}\s+){{0,3}}app\b",
        rf"(?:read|continue)\s+(?:this\s+|the\s+full\s+)?(?:story|article)s?\s+(?:in|on)\s+"
        rf"(?:the|our)\s+(?:{_WORD}\s+){{0,3}}app\b",
        rf"(?:{_WORD}\s+){{0,6}}(?:in|on|with)\s+(?:the|our)\s+(?:{_WORD}\s+){{0,2}}app" + _END,
        r"(?:get|turn\s+on|enable|allow)\s+(?:breaking\s+news|push|news)\s+(?:alerts|notifications)\b",
        r"(?:available|get\s+it)\s+on\s+(?:the\s+)?(?:app\s+store|google\s+play)\b",
        r"start\s+(?:reading|(?:your|a)\s+(?:free\s+)?trial|(?:your\s+)?subscription)\b",
        r"(?:start|begin|try|claim|get)\s+(?:your\s+|a\s+)?(?:[\w-]+[\s-]+days?\s+)?free\s+trial\b",
        r"free\s+trial" + _END,
        r"[\w-]+[\s-]+(?:days?|weeks?|months?)\s+(?:free|for\s+free|on\s+us)"
        r"(?:[,;]?\s+then\s+[^!?]{0,40})?" + _END,
        r"(?:cancel|pause)\s+any\s*time\b",
        r"(?:read|continue)\s+(?:reading|more|next|the\s+full\s+(?:story|article))\b",
        r"read\s+(?:news|stories|articles)\s+from\b",
        r"get\s+all\s+(?:of\s+)?(?:your|the)\s+news\b",
        r"[\d,.]+\s*(?:['’]s|\+|k\+?|m\+?)?\s+(?:of\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:titles|sources|publications|publishers|magazines|newspapers)" + _END,
        r"one\s+(?:app|membership|subscription|account|login)(?:[.!]?\s+one\s+[\w-]+){0,3}" + _END,
        r"become\s+a\s+(?:member|subscriber|supporter|patron)\b",
        r"(?:support|fund)\s+(?:our|independent|quality)\s+journalism\b",
        r"(?:get|unlock|enjoy)\s+(?:unlimited|full|instant|digital|premium)\s+access\b",
        r"(?:unlimited|full|instant|digital|premium)\s+access" + _END,
        r"(?:this|the\s+full)\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to|"
        r"reserved\s+for)\s+(?:paying\s+)?(?:subscribers|members)\b",
        r"(?:for\s+)?(?:subscribers?|members?)[\s-]+only" + _END,
        r"join\s+(?:us|now|today|the\s+conversation|our\s+(?:community|newsletter|mailing\s+list))\b",
        rf"(?:get|receive|sign\s+up\s+for|subscribe\s+to)\s+(?:our|the)\s+(?:{_WORD}\s+){{0,3}}"
        r"newsletters?\b",
        rf"(?:{_WORD}\s+){{0,3}}newsletters?" + _END,
        r"newsletter\s+sign[\s-]*up\b",
        r"(?:advertisement|advert|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?|"
        r"paid\s+(?:content|post)|partner\s+content)" + _END,
        r"(?:story|article)\s+continues\s+(?:below|after)\b",
        r"share\s+(?:this|on|via|the\s+(?:article|story))\b",
        r"share" + _END,
        r"follow\s+(?:us|@)",
        r"(?:like|find|join)\s+us\s+on\b",
        r"(?:(?:share\s+(?:on|via)\s+)?(?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|"
        r"pinterest|telegram|copy\s+link|print|flipboard|bluesky|threads)\b[\s|,/·•]*){1,12}$",
        r"skip\s+to\s+(?:main\s+)?(?:content|navigation)\b",
        r"back\s+to\s+top\b",
        r"(?:open|close|toggle)\s+(?:the\s+)?(?:menu|navigation|search)\b",
        r"(?:menu|search|home|navigation|main\s+menu|next|previous|prev|close|print|comments?)"
        + _END,
        r"(?:print|email)\s+(?:this\s+)?(?:article|story|page)\b",
        r"(?:listen\s+to|watch)\s+(?:this\s+)?(?:article|story)\b",
        r"\d+\s*-?\s*min(?:ute)?s?\s+read" + _END,
        r"(?:view|show|load|see)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?comments\b",
        r"\d+\s+comments?" + _END,
        r"comments?\s*\(\d+\)" + _END,
    ]
)

# Headings of link lists: the short lines right under them are links, not story.
_LIST_HEADING = _any(
    [
        r"(?:related|recommended|suggested)(?:\s+(?:stories|articles|news|content|reading|links|"
        r"topics|coverage|for\s+you))?" + _END,
        r"(?:most|top)\s+(?:read|popular|viewed|shared|commented|recent)\b",
        r"top\s+(?:stories|news|picks|headlines|reads)\b",
        r"(?:our|editor['’]?s['’]?|staff)\s+picks\b",
        r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)\b",
        r"more\s+(?:stories|news|articles|coverage)\b",
        r"more\s+(?:from|on)\s+(?:this\s+story|\S+" + _END + ")",
        r"(?:see|read)\s+also\b",
        r"also\s+read\b",
        r"trending(?:\s+(?:now|stories|today))?" + _END,
        r"(?:latest|breaking)\s+(?:news|stories|headlines)" + _END,
        r"in\s+other\s+news\b",
        r"(?:around|from)\s+the\s+web\b",
    ]
)

# "Related: Council delays vote" -- a link with a label.
_LABELLED_LINK = _any(
    [r"(?:related|read\s+more|read\s+also|also\s+read|see\s+also|more|watch|listen|read)\s*:\s*\S"]
)

# Cookie, privacy and copyright notices: longer, but never news.
_NOTICE = _any(
    [
        r"we\s+(?:use|value)\s+(?:cookies|your\s+privacy)\b",
        r"(?:this|our)\s+(?:site|website)\s+uses\s+cookies\b",
        r"(?:accept|reject|allow|manage|decline)\s+(?:all\s+)?(?:cookies|preferences|consent|"
        r"settings|tracking)\b",
        r"(?:cookies?\s+(?:policy|settings|preferences|notice|consent)|privacy\s+(?:policy|"
        r"notice|settings|centre|center)|terms\s+(?:of\s+(?:use|service)|(?:&|and)\s+conditions))"
        + _END,
        r"by\s+(?:continuing\s+to\s+(?:browse|use)|using\s+(?:this|our)\s+(?:site|website)|"
        r"clicking)\b",
        r"(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})",
        r".{0,120}\ball\s+rights\s+reserved\b",
    ]
)

_CAPTION_PAREN = re.compile(
    r"\(\s*(?:photo(?:graph)?s?|image|picture|pic|credit|photo\s+credit|illustration|"
    r"file\s+photo|video)\s*:\s*[^()]{1,80}\)\s*$",
    re.IGNORECASE,
)
# Case-sensitive on purpose: "Photograph: Jane Doe/Reuters" is a credit line.
_CAPTION_LABEL = re.compile(
    r"(?:^|[\s.|–—-])(?:Photograph|Photo|Photos|Photo credit|Image|Images|Picture|"
    r"Illustration|Credit|Composite)\s*:\s*[^.!?\"“”]{1,80}$"
)
_CAPTION_AGENCY = re.compile(r"\([^()]{0,40}\b(?:Images|Photos?|Pictures)\b[^()]{0,40}\)\s*$")

# The kinds ``furniture_kind`` gives: furniture by itself, without context.
_STANDALONE = frozenset({"call to action", "list heading", "link", "notice", "caption"})
_NAME_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "la", "le", "bin", "al"})
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december news live breaking update "
    "updated exclusive watch opinion analysis world politics business sport sports video "
    "home menu the "
    # job titles after a byline's name: "By Ilse Marrant, Regional Affairs Correspondent"
    "correspondent correspondents editor editors reporter reporters writer writers staff "
    "columnist contributor contributing bureau chief desk affairs senior special".split()
)
_OUTLET_WORDS = frozenset(
    "news times post herald gazette tribune journal chronicle courier telegraph guardian "
    "observer express mirror standard independent daily press wire review record ledger "
    "dispatch examiner sentinel inquirer globe mail sun star today weekly bulletin monitor "
    "reporter insider digest".split()
)
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|news|co\.uk|com\.au)$", re.I)


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
    tab are dropped; a leading byte-order mark is dropped; every line loses its
    trailing whitespace.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text).removeprefix("\ufeff")
    return [line.rstrip() for line in text.split("\n")]


def word_count(line: str) -> int:
    """Count the words of a short line; lines over the furniture cap count as long."""
    if len(line) > MAX_FURNITURE_CHARS:
        return MAX_FURNITURE_CHARS
    return len(line.split())


def _is_reported(line: str) -> bool:
    return bool(_QUOTE_MARKS.search(line) or _REPORTING.search(line))


def looks_like_prose(line: str) -> bool:
    """True for a line that reads as a story paragraph rather than a label or heading."""
    words = word_count(line)
    return words >= 12 or (words >= 6 and bool(_SENTENCE_END.search(line)))


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
        or _SENTENCE_END.search(line)
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
        _CAPTION_PAREN.search(s) or _CAPTION_LABEL.search(s) or _CAPTION_AGENCY.search(s)
    ):
        return "caption"
    if _is_reported(s):
        return None
    if words <= CTA_MAX_WORDS and _LIST_HEADING.match(s):
        return "list heading"
    if words <= CTA_MAX_WORDS and _CTA.match(s):
        return "call to action"
    if words <= LINK_MAX_WORDS and _LABELLED_LINK.match(s):
        return "link"
    if words <= NOTICE_MAX_WORDS and _NOTICE.match(s):
        return "notice"
    return None


def _is_name_token(token: str, *, edge: bool) -> bool:
    if not edge and token in _NAME_PARTICLES:
        return True
    core = token.strip(".,")
    return (
        bool(core)
        and core[0].isupper()
        and all(ch.isalpha() or ch in "'’.-" for ch in core)
        and core.lower() not in _NOT_NAMES
    )


def _person_name(text: str) -> bool:
    tokens = text.split()
    return 2 <= len(tokens) <= 5 and all(
        _is_name_token(t, edge=i in (0, len(tokens) - 1)) for i, t in enumerate(tokens)
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
        names = [p for p in parts if _person_name(p)]
        if parts and names and names[0] == parts[0]:
            return " and ".join(names)
        return None
    tokens = s.split()
    last = tokens[-1] if tokens else ""
    if _person_name(s) and len(last) >= 2 and last.isupper():
        return s
    return None


def _outlet_like(line: str) -> bool:
    if _DOMAIN.match(line):
        return True
    tokens = line.split()
    return (
        1 <= len(tokens) <= 5
        and all(t[0].isupper() or t.lower() in ("of", "the", "&", "and") for t in tokens)
        and tokens[-1].lower().strip(".") in _OUTLET_WORDS
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
    quoted_speech = bool(_QUOTE_MARKS.search(line)) and bool(_REPORTING.search(line))
    attributed = bool(_REPORTING.search(line)) and bool(_SENTENCE_END.search(line))
    return not (quoted_speech or attributed)


def _tail_filler(line: str) -> bool:
    """A line that may sit inside the furniture after the story: short, and no story sentence.

    A story sentence here is six words or more ending in sentence punctuation and not
    addressed to the reader ("curated for you." is a pitch; "The council meets on
    June 17." is the story's last line).
    """
    if not _is_short(line):
        return False
    sentence = word_count(line) >= 6 and bool(_SENTENCE_END.search(line))
    return not sentence or bool(_READER.search(line))


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
                self.byline = self.byline or name
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
                self.outlet = self.outlet or s
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
                    self.outlet = s
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
        furniture = [i for i in range(start, len(self.lines)) if self.kinds[i] in _STANDALONE]
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
