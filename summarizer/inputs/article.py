"""An article in memory: text (or a saved page) to clean text plus metadata.

``decode_bytes`` refuses bytes that are not text (an image, an unknown encoding)
with one of the typed errors from ``summarizer.errors``; reading files, stdin and
URLs is ``summarizer.inputs.load``. ``article_from_text`` strips page furniture
(see ``summarizer.inputs.furniture``) and finds the title, byline and outlet when the page
carries them. The clean text is what gets briefed and what every evidence quote is
checked against; the furniture removed is kept in ``Article.removed``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

from summarizer.errors import (
    BinaryInputError,
    EmptyArticleError,
    InputError,
)
from summarizer.inputs.furniture import (
    MAX_FURNITURE_CHARS,
    long_headline,
    looks_like_prose,
    parse_page,
    split_furniture,
    word_count,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_FORMATS",
    "SOURCE_FORMATS",
    "Article",
    "article_from_html",
    "article_from_text",
    "clean_text",
    "split_furniture",
]

DEFAULT_MAX_BYTES = 5_000_000
STDIN_SOURCE = "<stdin>"
TEXT_SOURCE = "<text>"

_SNIFF_BYTES = 65_536
# Share of control bytes above which a file is binary rather than text.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document; save it as text first"),
    (b"PK\x03\x04", "a ZIP archive or an Office document; save it as text first"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
)
_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is of on or over the to up vs with".split()
)
_TITLE_MAX_LINES = 8
# "Published 4 June 2024", "Updated: Tue 12 Mar 09.30 GMT": a timestamp, not a headline.
_DATE_LINE = re.compile(
    r"^(?:published|updated|posted|last\s+updated)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,4}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{1,2}[:.]\d{2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Article:
    """An article ready to brief.

    Attributes:
        text: The clean text: what gets briefed and what quotes are checked against.
        source: A human label for where it came from: the path, ``<stdin>`` or ``<text>``.
        title: A headline-like line near the top, when there is one; it stays in ``text``.
        byline: The author name(s) from a byline line, which is removed from ``text``.
        outlet: The outlet's name when the page carried it, removed from ``text``.
        removed: The furniture lines stripped from the page, in order, so that nothing
            the user gave is lost silently.
    """

    text: str
    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    removed: tuple[str, ...] = ()
    published: str | None = None


InputFormat = Literal["auto", "text", "html"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "html")
# What ``read_article`` accepts: the input formats, plus ``url`` to insist on fetching.
SourceFormat = Literal["auto", "text", "html", "url"]
SOURCE_FORMATS: tuple[str, ...] = ("auto", "text", "html", "url")


def clean_text(raw: str) -> str:
    r"""Return the story text of ``raw`` without page furniture.

    Line endings become ``\n``, trailing whitespace and control characters (other
    than tab and newline) go, runs of blank lines collapse to one blank line, and
    leading and trailing blank lines are dropped.
    """
    return split_furniture(raw)[0]


def article_from_text(raw: str, source: str = TEXT_SOURCE) -> Article:
    """Build an ``Article`` from text already in memory.

    Args:
        raw: The page or article text.
        source: The label used in messages and provenance.

    Raises:
        EmptyArticleError: Nothing is left once the furniture is stripped.
    """
    page = parse_page(raw)
    if not page.text.strip():
        raise EmptyArticleError(source)
    return Article(
        text=page.text,
        source=source,
        title=find_title(page.text),
        byline=page.byline,
        outlet=page.outlet,
        removed=page.removed,
    )


def article_from_html(html: str, source: str = TEXT_SOURCE) -> Article:
    """Build an ``Article`` from a saved web page: the story, without page furniture.

    Raises:
        EmptyArticleError: No story text was found.
        InputError: The page cannot be parsed.
    """
    from summarizer.inputs.webpage import extract

    page = extract(html, source)
    cleaned = parse_page(page.text)
    if not cleaned.text.strip():
        raise EmptyArticleError(source)
    return Article(
        text=cleaned.text,
        source=source,
        title=page.title or find_title(cleaned.text),
        byline=page.byline or cleaned.byline,
        outlet=page.outlet or cleaned.outlet,
        removed=cleaned.removed,
        published=page.published,
    )


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode the bytes of an article, refusing what is not text.

    Args:
        data: The raw bytes.
        source: The label used in messages.
        encoding: The encoding to use (strictly); by default UTF-8, or UTF-16/32
            when the bytes start with their byte-order mark.

    Raises:
        BinaryInputError: The bytes are an image or other binary data, or are not
            valid UTF-8 when no encoding was given.
        InputError: ``encoding`` is unknown or does not decode the bytes.
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryInputError(source, f"it looks like {what}")
    if encoding is not None:
        text = _decode_as(data, source, encoding)
        if "\x00" in text:
            raise BinaryInputError(source, f"it contains NUL characters when read as {encoding}")
        return text.removeprefix("\ufeff")
    for bom, codec in _UTF16_32_BOMS:
        if data.startswith(bom):
            text = _decode_as(data, source, codec)
            if "\x00" in text:
                raise BinaryInputError(source, "it contains NUL characters")
            return text.removeprefix("\ufeff")
    if b"\x00" in data:
        raise BinaryInputError(source, "it contains NUL bytes")
    sample = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(
            source, f"{controls / len(sample):.0%} of its first bytes are control bytes"
        )
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BinaryInputError(
            source,
            f"not valid UTF-8 at byte {exc.start + offset}; "
            "re-save it as UTF-8 or pass an encoding",
        ) from None


# Python's own text codecs that are no character set a file or page is written in.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"})


def codec_problem(encoding: str) -> str | None:
    """Why ``encoding`` cannot decode an article, or None when it is a character set.

    Python's codec registry also holds byte transforms (``rot13``, ``base64``,
    ``zlib``, ``hex``...) and escape codecs (``unicode_escape``, ``idna``...); an
    article is never written in one of them.
    """
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError):
        return f"unknown encoding {encoding!r}"
    try:
        b"x".decode(name)
    except LookupError:
        return f"{encoding!r} is not a text encoding"
    except (UnicodeError, ValueError):
        pass
    if name in _NOT_CHARSETS:
        return f"{encoding!r} is not a text encoding"
    return None


def _decode_as(data: bytes, source: str, encoding: str) -> str:
    problem = codec_problem(encoding)
    if problem is not None:
        raise InputError(
            f"cannot read article {source}: {problem} "
            "(give a character set such as utf-8, latin-1 or cp1252)"
        )
    try:
        return data.decode(codecs.lookup(encoding).name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode article {source} as {encoding}: {exc.reason} at byte {exc.start}"
        ) from None
    except (UnicodeError, ValueError) as exc:
        raise InputError(f"cannot decode article {source} as {encoding}: {exc}") from None


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W_][\w'’-]*", line) if w.lower() not in _TITLE_SMALL_WORDS]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised / len(words) >= 0.7


def _headline_like(line: str) -> bool:
    if len(line) > MAX_FURNITURE_CHARS or not 3 <= word_count(line) <= 20:
        return False
    first = line.lstrip("\"'“‘")[:1]
    return (
        (first.isupper() or first.isdigit())
        and not re.search(r"[.,;:]$", line)
        and not _DATE_LINE.search(line)
    )


def find_title(text: str) -> str | None:
    """Find a headline near the top of clean text.

    A headline stands on its own line (no terminal period, 3 to 20 words) before
    the first prose paragraph. A Title-Case line is preferred; failing that, the
    first line counts when it stands alone as its own paragraph. A first line of
    12 to 25 words that would otherwise read as prose is the headline when it
    stands alone without a sentence's ending (see ``furniture.long_headline``).
    """
    lines = text.split("\n")
    long = long_headline(lines)
    if long is not None:
        return lines[long].strip()
    top: list[int] = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if looks_like_prose(s) or len(top) >= _TITLE_MAX_LINES:
            break
        top.append(i)
    for i in top:
        s = lines[i].strip()
        if _headline_like(s) and _title_case(s):
            return s
    if top and top[0] == 0:
        first = lines[0].strip()
        alone = len(lines) == 1 or not lines[1].strip()
        if alone and _headline_like(first):
            return first
    return None
