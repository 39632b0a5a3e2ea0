"""Splitting cleaned article text into paragraphs and sentences.

Every sentence is a span of the original text, so anything quoted from it is
verbatim by construction. The splitter is a single left-to-right pass of
linear-time regexes; runs of text without a break are cut into bounded chunks
so that no later rule ever works on an unbounded string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer.extractive.lexicon import (
    ABBREVIATIONS,
    SENTENCE_OPENERS,
    TERMINAL_ABBREVIATIONS,
)

# A sentence longer than this is cut into chunks; chunks never become key points.
MAX_SENTENCE_CHARS = 1200
_CHUNK_CHARS = 600
# A quotation may hold a sentence open across at most this many boundaries.
_MAX_QUOTE_MERGE = 5

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
# The lookbehind starts a match only at the first mark of a run, which keeps a
# line of ten million dots linear instead of quadratic. It follows the first mark
# so that the pattern starts with a character class, which re skips to quickly
# (both branches follow the mark: a branch opening on a lookbehind would be tried
# at every character, ten times slower on an article).
_BOUNDARY = re.compile(
    r"[.!?…](?:(?<![.!?…].)[.!?…]*+[\"'”’)\]]*+(?=\s)"
    # "... Professor Berg said.Professor Berg does not ...": a space lost between two
    # sentences, as text pasted from a page often loses it; a lower-case word ends the
    # first and a capitalised word of three letters or more opens the next.
    r"|(?<=[a-z][a-z]\.)(?=[A-Z][a-z]{2}))"
)
_WORD_BEFORE = re.compile(r"([\w.]{1,12})\.$")
_DATELINE = re.compile(
    r"[A-Z][A-Z'.\-]{1,30}(?: [A-Z][A-Z'.\-]{1,30}){0,3}"
    r"(?:, [A-Z][\w.\-]{1,30}(?:,? [A-Z\d][\w.\-]{0,30}){0,3})?"
    r"(?: \([^()\n]{1,30}\))?"
    r"(?: ?(?:—|–|--) ?| - )"
)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# ``_WORDS`` for ASCII text: the same matches, read faster from ranges of characters.
_ASCII_WORDS = re.compile(r"[a-zA-Z][a-zA-Z0-9_'-]*")


@dataclass(frozen=True)
class Sentence:
    """One sentence, or a heading, as a span of the article.

    Attributes:
        text: The verbatim text of the span.
        start: Offset of the span in the article.
        paragraph: Index of the paragraph the span belongs to.
        index: Index of the span among all spans of the article.
        kind: ``"sentence"``, ``"heading"`` (a line without closing punctuation:
            title, byline, caption) or ``"chunk"`` (a piece of an overlong run).
        dateline: The dateline stripped from the start of the span, if any.
    """

    text: str
    start: int
    paragraph: int
    index: int
    kind: str
    dateline: str = ""

    @property
    def is_sentence(self) -> bool:
        """True for a complete sentence (not a heading or a chunk)."""
        return self.kind == "sentence"


def inside_quotations(sentences: list[Sentence]) -> set[int]:
    """Indices of the sentences that begin inside a quotation opened before them.

    'Bartlett tweeted: "He was a rebel. ... My heart breaks for his family. ..."':
    every sentence after the first is the speaker's words with no speaker in it.
    A quotation ends with its paragraph.
    """
    inside: set[int] = set()
    paragraph = -1
    open_ = False
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, open_ = sentence.paragraph, False
        if open_:
            inside.add(sentence.index)
        for mark in _QUOTE_MARK.findall(sentence.text):
            open_ = mark == "“" or (mark == '"' and not open_)
    return inside


_QUOTE_MARK = re.compile('[“”"]')


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the paragraphs of ``text``.

    Blank lines separate paragraphs. Inside a block, a line that ends a sentence
    (or is short, like a heading) ends its paragraph; a line that stops mid-sentence
    is hard-wrapped text and continues into the next line.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for sep in _BLANK_LINE.finditer(text):
        spans.extend(_block_paragraphs(text, pos, sep.start()))
        pos = sep.end()
    spans.extend(_block_paragraphs(text, pos, len(text)))
    return spans


def _block_paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    para_start = -1
    para_end = -1
    for line in _LINE.finditer(text, start, end):
        body = line.group().strip()
        if not body:
            continue
        if para_start < 0:
            para_start = line.start()
        para_end = line.end()
        if len(body) < 60 or _TERMINAL.search(body[-24:]):
            yield para_start, para_end
            para_start = -1
    if para_start >= 0:
        yield para_start, para_end


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentence spans, paragraph by paragraph."""
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(split_paragraphs(text)):
        for s_start, s_end, kind in _paragraph_spans(text, start, end):
            _append(sentences, text, s_start, s_end, number, kind)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, para: int, kind: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    dateline = ""
    if kind == "sentence" and (not out or out[-1].paragraph != para):
        match = _DATELINE.match(text, start, end)
        if match and match.end() < end and _is_dateline(match.group()):
            dateline = match.group().strip()
            start = match.end()
    out.append(Sentence(text[start:end], start, para, len(out), kind, dateline))


def _is_dateline(candidate: str) -> bool:
    # "AP -" or "U.S. -" style all-caps openers are not places; a real dateline
    # has a word of at least three capital letters.
    return any(len(w) >= 3 and w.isalpha() and w.isupper() for w in _WORDS.findall(candidate))


def _paragraph_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    tail = text[max(start, end - 24) : end]
    if end - start < 300 and not _TERMINAL.search(tail):
        yield start, end, "heading"
        return
    for s_start, s_end in _merge_quotes(text, _raw_spans(text, start, end)):
        if s_end - s_start <= MAX_SENTENCE_CHARS:
            yield s_start, s_end, "sentence"
        else:
            for c_start, c_end in _chunks(text, s_start, s_end):
                yield c_start, c_end, "chunk"


def _raw_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if _is_boundary(text, match, end):
            yield pos, cut
            pos = cut
    if pos < end:
        yield pos, end


# Before a stop glued to the next sentence, a whole lower-case word: "said.Professor".
_GLUED_AFTER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}\.$")


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    nxt = match.end()
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    following = text[nxt]
    if following.islower():
        return False
    if nxt == match.end() and not _GLUED_AFTER_WORD.search(text, max(0, nxt - 30), nxt):
        return False  # "One.Tel", "Amazon.Com": a name with a stop inside, not two sentences
    if match.group()[0] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start() + 1)
    if before is None:
        return True
    word = before.group(1).lower().lstrip(".")
    if len(word) == 1 and word.isalpha():
        return False  # an initial, as in "John F. Kennedy"
    dotted = _DOTTED.fullmatch(word) is not None  # "b.c", "n.y", "u.s.a": initials
    if word not in ABBREVIATIONS and not dotted:
        return True
    if word in TERMINAL_ABBREVIATIONS or dotted:
        opener = re.match(r"[A-Za-z]+", text[nxt : nxt + 12])
        return opener is not None and opener.group().lower() in SENTENCE_OPENERS
    return False


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _quote_open(text: str, start: int, end: int) -> bool:
    if text.count('"', start, end) % 2 == 1:
        return True
    return text.count("“", start, end) > text.count("”", start, end)


def _merge_quotes(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Join spans while a quotation opened in them is still open."""
    open_start = -1
    open_end = -1
    merged = 0
    for start, end in spans:
        if open_start < 0:
            open_start, merged = start, 0
        open_end = end
        merged += 1
        if merged < _MAX_QUOTE_MERGE and _quote_open(text, open_start, open_end):
            continue
        yield open_start, open_end
        open_start = -1
    if open_start >= 0:
        yield open_start, open_end


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while end - pos > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", pos + _CHUNK_CHARS // 2, pos + _CHUNK_CHARS)
        if cut < 0:
            cut = pos + _CHUNK_CHARS
        yield pos, cut
        pos = cut
    yield pos, end


def word_count(text: str) -> int:
    """Count the words (runs of letters) in ``text``."""
    return len((_ASCII_WORDS if text.isascii() else _WORDS).findall(text))
