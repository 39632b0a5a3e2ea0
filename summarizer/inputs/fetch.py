"""Fetching an article from an http(s) URL.

``fetch_page`` GETs the page with a timeout, follows a capped number of
redirects, reads at most ``max_bytes`` (streaming, and stopping there), and
accepts only what can be briefed: ``text/html`` and ``application/xhtml+xml``
are read as pages, ``text/plain`` as text. ``fetch_article`` turns the page into
an ``Article`` the same way a saved file is turned into one.

Errors are one line each. The user's side (a URL that is not http(s), a 4xx, a
page that is not HTML or text, a page over the cap) is an ``InputError``
(exit code 2); the page server's side (unreachable, timed out, a 5xx, a
redirect loop) is a ``FetchError`` (exit code 1).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import httpx2

from summarizer.errors import FetchError, InputError
from summarizer.inputs.article import (
    DEFAULT_MAX_BYTES,
    Article,
    article_from_html,
    article_from_text,
    decode_bytes,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "FetchError",
    "FetchedPage",
    "fetch_article",
    "fetch_page",
    "is_url",
]

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5

PageKind = Literal["html", "text"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_URL = re.compile(r"^https?://", re.I)


@dataclass(frozen=True)
class FetchedPage:
    """A page as it was served.

    Attributes:
        url: The URL finally served, after redirects.
        status_code: The HTTP status.
        content_type: The media type, lower-cased and without parameters ("" when absent).
        charset: The charset the header or a ``<meta>`` tag declared, if any.
        content: The body.
    """

    url: str
    status_code: int
    content_type: str
    charset: str | None
    content: bytes


def is_url(source: str) -> bool:
    """True when ``source`` is an http:// or https:// URL rather than a path."""
    return bool(_URL.match(source.strip()))


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"summarizer/{version('summarizer')}"
    except PackageNotFoundError:
        return "summarizer"


def fetch_page(
    url: str,
    *,
    client: httpx2.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    clock: Callable[[], float] = time.monotonic,
) -> FetchedPage:
    """GET ``url``: redirects followed up to a cap, the body read up to a cap.

    Args:
        url: An http(s) URL.
        client: The HTTP client to use (proxies, tests); by default a new one,
            closed before returning.
        timeout: Seconds for each network operation, and for the whole download.
        max_bytes: The largest body accepted; reading stops just past it.
        max_redirects: Redirects followed before giving up.
        clock: Monotonic seconds, for the whole-download deadline.

    Returns:
        The page, whatever its content type (``fetch_article`` checks that).

    Raises:
        InputError: The URL is not http(s), the server answered 4xx, or the body
            is over ``max_bytes``.
        FetchError: The server cannot be reached, timed out, answered 5xx, or
            redirected too often.
    """
    _check_url(url, url)
    own = client is None
    http = client if client is not None else httpx2.Client(trust_env=True)
    try:
        return _fetch(http, url, timeout, max_bytes, max_redirects, clock)
    finally:
        if own:
            http.close()


def _check_url(url: str, asked: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        where = "" if url == asked else f" (redirected from {asked})"
        raise InputError(f"cannot fetch {url!r}{where}: only http:// and https:// URLs are read")


def _fetch(
    http: httpx2.Client,
    url: str,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    clock: Callable[[], float],
) -> FetchedPage:
    headers = {"Accept": _ACCEPT, "User-Agent": _user_agent()}
    deadline = clock() + timeout
    current = url
    for _ in range(max_redirects + 1):
        request = http.build_request("GET", current, headers=headers, timeout=timeout)
        try:
            response = http.send(request, stream=True, follow_redirects=False)
        except httpx2.TimeoutException:
            raise FetchError(
                f"the page server for {current} did not answer within {timeout:g} s", url=current
            ) from None
        except httpx2.RequestError as exc:
            raise FetchError(
                f"cannot reach the page server for {current}: {_reason(exc)}", url=current
            ) from None
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                current = str(response.url.join(location))
                _check_url(current, url)
                continue
            _check_status(response, current)
            content = _read_capped(response, current, max_bytes, deadline, clock)
        finally:
            response.close()
        media, charset = _content_type(response.headers.get("content-type", ""))
        return FetchedPage(
            url=current,
            status_code=response.status_code,
            content_type=media,
            charset=charset or _meta_charset(content, media),
            content=content,
        )
    raise FetchError(f"{url} redirected more than {max_redirects} times; giving up", url=url)


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _check_status(response: httpx2.Response, url: str) -> None:
    status = response.status_code
    if status < 400:
        return
    phrase = response.reason_phrase or ""
    said = f"HTTP {status} {phrase}".rstrip()
    if status >= 500:
        raise FetchError(
            f"the page server for {url} failed ({said}); try again later",
            url=url,
            status_code=status,
        )
    hint = {
        401: "the page needs a login; save it from your browser and brief the file",
        403: "the site refused the request; save the page from your browser and brief the file",
        404: "check the URL",
        410: "the page was removed",
        429: "the site is rate limiting; try again later",
    }.get(status, "check the URL")
    raise InputError(f"cannot fetch {url}: the server answered {said} ({hint})")


def _read_capped(
    response: httpx2.Response,
    url: str,
    max_bytes: int,
    deadline: float,
    clock: Callable[[], float],
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(
            f"the page {url} is {int(declared):,} bytes, over the {max_bytes:,}-byte limit"
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise InputError(
                    f"the page {url} is over the {max_bytes:,}-byte limit; stopped reading there"
                )
            chunks.append(chunk)
            if clock() > deadline:
                raise FetchError(f"the page {url} took too long to download", url=url)
    except httpx2.TimeoutException:
        raise FetchError(f"the page server for {url} stopped sending the page", url=url) from None
    except httpx2.HTTPError as exc:
        raise FetchError(f"the download of {url} failed: {_reason(exc)}", url=url) from None
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _meta_charset(content: bytes, media: str) -> str | None:
    if media in _TEXT_TYPES:
        return None
    found = _META_CHARSET.search(content[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def page_kind(page: FetchedPage) -> PageKind:
    """How to read a fetched page, from its content type (sniffed when there is none).

    Raises:
        InputError: The page is neither HTML nor plain text (a PDF, an image, JSON...).
    """
    if page.content_type in _HTML_TYPES:
        return "html"
    if page.content_type in _TEXT_TYPES:
        return "text"
    if not page.content_type:
        from summarizer.inputs.webpage import looks_like_html

        head = page.content[:4096].decode("utf-8", "replace")
        return "html" if looks_like_html(head) else "text"
    raise InputError(
        f"the page {page.url} is {page.content_type}, not an HTML page or plain text; "
        "save it as text, or pass --input-format html or text to read it anyway"
    )


def fetch_article(
    url: str,
    *,
    input_format: Literal["auto", "text", "html"] = "auto",
    encoding: str | None = None,
    client: httpx2.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Fetch ``url`` and read it as an article.

    Args:
        url: An http(s) URL.
        input_format: ``auto`` goes by the content type; ``html`` or ``text``
            reads the body that way whatever the server says it is.
        encoding: Decode the body with this encoding instead of the declared one.
        client: The HTTP client to use (proxies, tests).
        timeout: Seconds for each network operation, and for the whole download.
        max_bytes: The largest body accepted.

    Raises:
        InputError: A bad URL, a 4xx, a page that is not HTML or text, over the
            cap, not decodable, or with no story in it.
        FetchError: The page server cannot be reached, timed out or failed.
    """
    page = fetch_page(url, client=client, timeout=timeout, max_bytes=max_bytes)
    kind: PageKind = page_kind(page) if input_format == "auto" else input_format
    text = decode_bytes(page.content, page.url, encoding or _known(page.charset))
    if kind == "html":
        return article_from_html(text, page.url)
    return article_from_text(text, page.url)


def _known(charset: str | None) -> str | None:
    # A page that declares a charset Python does not know is read as UTF-8
    # rather than refused: the declaration is often a typo of "utf-8".
    import codecs

    if charset is None:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    return charset
