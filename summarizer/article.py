"""Loading an article: bytes from a file or stdin, to clean text plus metadata.

``read_article`` refuses what is not an article (a missing path, a directory, an
image, bytes in an unknown encoding, a file over the size cap) with one of the
typed errors from ``summarizer.errors``. ``article_from_text`` strips page furniture
(see ``summarizer.furniture``) and finds the title, byline and outlet when the page
carries them. The clean text is what gets briefed and what every evidence quote is
checked against; the furniture removed is kept in ``Article.removed``.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from summarizer.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    InputError,
)
from summarizer.furniture import (
    MAX_FURNITURE_CHARS,
    long_headline,
    looks_like_prose,
    parse_page,
    split_furniture,
    word_count,
)

if TYPE_CHECKING:
    import httpx2

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_FORMATS",
    "SOURCE_FORMATS",
    "Article",
    "article_from_html",
    "article_from_text",
    "clean_text",
    "load_article",
    "read_article",
    "split_furniture",
]

DEFAULT_MAX_BYTES = 5_000_000
STDIN_SOURCE = "<stdin>"
TEXT_SOURCE = "<text>"

_CHUNK = 1 << 20
# When stdin is over the cap, count at most this many times the cap before giving up.
_DRAIN_FACTOR = 16
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
# What ``load_article`` accepts: the input formats, plus ``url`` to insist on fetching.
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
    from summarizer.webpage import extract

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


def read_article(
    path: str | os.PathLike[str] | None,
    *,
    stdin: BinaryIO | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: InputFormat = "auto",
) -> Article:
    """Read an article from a text file or from stdin.

    Args:
        path: The file to read; ``"-"`` or None reads stdin.
        stdin: The byte stream standing for stdin (default ``sys.stdin.buffer``).
        encoding: The text encoding; by default UTF-8, with or without a BOM (a
            UTF-16 or UTF-32 BOM is honoured too).
        max_bytes: The largest input accepted, in bytes.
        input_format: ``text``, ``html``, or ``auto``: HTML when the file is named
            ``.html``/``.htm`` or the text starts like an HTML document.

    Raises:
        ArticleNotFoundError: The path does not exist, is a directory or cannot be read.
        ArticleTooLargeError: The input is over ``max_bytes``.
        BinaryInputError: The input is not text, or not valid UTF-8 when no encoding
            was given.
        InputError: The given encoding is unknown or does not decode the bytes.
        EmptyArticleError: Nothing is left once the furniture is stripped.
    """
    if path is None or os.fspath(path) == "-":
        source = STDIN_SOURCE
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, source, max_bytes)
    else:
        source = os.fspath(path)
        data = _read_file(Path(source), source, max_bytes)
    text = decode_bytes(data, source, encoding)
    if input_format == "auto":
        from summarizer.webpage import looks_like_html

        suffix = Path(source).suffix.lower() if source != STDIN_SOURCE else ""
        input_format = "html" if suffix in (".html", ".htm") or looks_like_html(text) else "text"
    if input_format == "html":
        return article_from_html(text, source)
    return article_from_text(text, source)


def load_article(
    source: str,
    *,
    encoding: str | None = None,
    input_format: SourceFormat = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    http_client: httpx2.Client | None = None,
) -> Article:
    """Load an article from an http(s) URL, a file, or stdin (``-``).

    An argument starting with ``http://`` or ``https://`` is fetched (see
    ``summarizer.fetch``); anything else is read by ``read_article``.

    Args:
        source: The URL, the path, or ``-`` for stdin.
        encoding: The text encoding, instead of the declared or default one.
        input_format: ``auto`` detects the kind; ``text`` or ``html`` reads the
            file or the fetched page that way; ``url`` insists on a URL.
        max_bytes: The largest input accepted, in bytes.
        stdin: The byte stream standing for stdin.
        http_client: The client that fetches URLs (proxies, tests).

    Raises:
        InputError: As ``read_article``, or the URL cannot be used (see
            ``summarizer.fetch.fetch_article``).
        FetchError: The page server cannot be reached or failed.
    """
    from summarizer.fetch import fetch_article, is_url

    if is_url(source):
        kind: InputFormat = "auto" if input_format == "url" else input_format
        return fetch_article(
            source.strip(),
            input_format=kind,
            encoding=encoding,
            client=http_client,
            max_bytes=max_bytes,
        )
    if input_format == "url":
        raise InputError(f"{source!r} is not an http:// or https:// URL")
    return read_article(
        source, stdin=stdin, encoding=encoding, max_bytes=max_bytes, input_format=input_format
    )


def _read_file(path: Path, source: str, max_bytes: int) -> bytes:
    if path.is_dir():
        raise ArticleNotFoundError(source, "is a directory")
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise ArticleTooLargeError(source, size, max_bytes)
            return _read_capped(stream, source, max_bytes)
    except FileNotFoundError:
        raise ArticleNotFoundError(source, "no such file") from None
    except IsADirectoryError:
        raise ArticleNotFoundError(source, "is a directory") from None
    except OSError as exc:
        raise ArticleNotFoundError(source, exc.strerror or str(exc)) from None


def _read_capped(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; over that, count what follows (within reason) and refuse."""
    data = stream.read(max_bytes + 1)
    if len(data) <= max_bytes:
        return data
    size = len(data)
    while size < _DRAIN_FACTOR * max_bytes:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
    raise ArticleTooLargeError(source, size, max_bytes)


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


def _decode_as(data: bytes, source: str, encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"cannot read article {source}: unknown encoding {encoding!r}") from None
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode article {source} as {encoding}: {exc.reason} at byte {exc.start}"
        ) from None


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
