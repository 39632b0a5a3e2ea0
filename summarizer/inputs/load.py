"""Loading an article: from a file, stdin or a URL, to an ``Article``.

``read_article`` is the one loader. It refuses what is not an article (a missing
path, a directory, an image, bytes in an unknown encoding, a file over the size
cap) with one of the typed errors from ``summarizer.errors``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

import httpx2

from summarizer.errors import ArticleNotFoundError, ArticleTooLargeError, InputError
from summarizer.inputs.article import (
    DEFAULT_MAX_BYTES,
    STDIN_SOURCE,
    Article,
    InputFormat,
    SourceFormat,
    article_from_html,
    article_from_text,
    decode_bytes,
)
from summarizer.inputs.fetch import fetch_article, is_url
from summarizer.inputs.webpage import looks_like_html

__all__ = ["read_article"]

_CHUNK = 1 << 20
# When stdin is over the cap, count at most this many times the cap before giving up.
_DRAIN_FACTOR = 16


def read_article(
    source: str | os.PathLike[str] | None,
    *,
    encoding: str | None = None,
    input_format: SourceFormat = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    http_client: httpx2.Client | None = None,
    allow_private: bool = False,
) -> Article:
    """Load an article from a file, stdin (``-`` or None), or an http(s) URL.

    A ``str`` starting with ``http://`` or ``https://`` is fetched (see
    ``summarizer.inputs.fetch``); a ``Path`` is always a file. Page furniture is
    stripped and kept on ``Article.removed``; a saved HTML page is extracted.

    Args:
        source: The path, the URL, or ``-``/None for stdin.
        encoding: The text encoding, instead of the declared or default one (by
            default UTF-8, with or without a BOM; a UTF-16 or UTF-32 BOM is honoured).
        input_format: ``auto`` detects the kind (HTML when the file is named
            ``.html``/``.htm`` or the text starts like an HTML document); ``text``
            or ``html`` reads the file or the fetched page that way; ``url``
            insists on a URL.
        max_bytes: The largest input accepted, in bytes.
        stdin: The byte stream standing for stdin (default ``sys.stdin.buffer``).
        http_client: The client that fetches URLs (proxies, tests).
        allow_private: Also fetch URLs on loopback, private and link-local addresses
            (this machine, its network, cloud metadata). Off by default: a URL, or a
            redirect, to such an address is refused with ``PrivateAddressError``.

    Raises:
        ArticleNotFoundError: The path does not exist, is a directory or cannot be read.
        ArticleTooLargeError: The input is over ``max_bytes``.
        BinaryInputError: The input is not text, or not valid UTF-8 when no encoding
            was given.
        InputError: The given encoding is unknown or does not decode the bytes, or
            the URL cannot be used (see ``summarizer.inputs.fetch.fetch_article``).
        PrivateAddressError: The URL or a redirect leads to a non-public address.
        EmptyArticleError: Nothing is left once the furniture is stripped.
        FetchError: The page server cannot be reached or failed.
    """
    if isinstance(source, str) and is_url(source):
        kind: InputFormat = "auto" if input_format == "url" else input_format
        return fetch_article(
            source.strip(),
            input_format=kind,
            encoding=encoding,
            client=http_client,
            max_bytes=max_bytes,
            allow_private=allow_private,
        )
    if input_format == "url":
        raise InputError(
            f"{os.fspath(source) if source is not None else '-'!r} is not an "
            "http:// or https:// URL"
        )
    if source is None or os.fspath(source) == "-":
        name = STDIN_SOURCE
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, name, max_bytes)
    else:
        name = os.fspath(source)
        data = _read_file(Path(name), name, max_bytes)
    text = decode_bytes(data, name, encoding)
    fmt: InputFormat = input_format
    if fmt == "auto":
        suffix = Path(name).suffix.lower() if name != STDIN_SOURCE else ""
        fmt = "html" if suffix in (".html", ".htm") or looks_like_html(text) else "text"
    if fmt == "html":
        return article_from_html(text, name)
    return article_from_text(text, name)


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
