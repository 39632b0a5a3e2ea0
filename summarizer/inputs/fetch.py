"""Fetching an article from an http(s) URL.

``fetch_page`` GETs the page with a timeout, follows a capped number of
redirects, reads at most ``max_bytes`` (streaming, and stopping there), and
accepts only what can be briefed: ``text/html`` and ``application/xhtml+xml``
are read as pages, ``text/plain`` as text. ``fetch_article`` turns the page into
an ``Article`` the same way a saved file is turned into one.

Only public addresses are fetched unless ``allow_private`` is set: the host of the
URL and of every redirect is resolved and checked (``summarizer.inputs.addresses``),
and the request goes to the address that passed, so a page cannot point the
summarizer at this machine, its network or a cloud metadata service.

Errors are one line each. The user's side (a malformed URL or one that is not
http(s), a non-public address, a 4xx, a page that is not HTML or text, a page over
the cap) is an ``InputError`` (exit code 2); the page server's side (unreachable,
timed out, a 5xx, a redirect loop or a malformed redirect) is a ``FetchError``
(exit code 1).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import httpx2

from summarizer.errors import FetchError, InputError
from summarizer.inputs.addresses import Resolver, public_addresses, system_resolver
from summarizer.inputs.article import (
    DEFAULT_MAX_BYTES,
    Article,
    article_from_html,
    article_from_text,
    codec_problem,
    decode_bytes,
)
from summarizer.llm.bounds import within

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
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
) -> FetchedPage:
    """GET ``url``: redirects followed up to a cap, the body read up to a cap.

    By default only public addresses are fetched: before each request (the first
    and every redirect) the host is resolved, refused if any of its addresses is
    loopback, private, link-local or otherwise not public, and the request is sent
    to the address that was checked (``Host`` header and TLS name unchanged).

    Args:
        url: An http(s) URL.
        client: The HTTP client to use (proxies, tests); by default a new one,
            closed before returning.
        timeout: Seconds for the whole fetch: connecting, redirects, headers and body.
        max_bytes: The largest body accepted; reading stops just past it.
        max_redirects: Redirects followed before giving up.
        clock: Monotonic seconds, for the whole-download deadline.
        allow_private: Also fetch loopback, private and link-local addresses (pages
            on this machine or its network); the client then resolves names itself.
        resolver: Resolves host names to addresses (the system's by default).

    Returns:
        The page, whatever its content type (``fetch_article`` checks that).

    Raises:
        InputError: The URL is malformed or not http(s), the server answered 4xx,
            or the body is over ``max_bytes``.
        PrivateAddressError: The URL or a redirect leads to a non-public address
            (an ``InputError``).
        FetchError: The server cannot be reached or resolved, timed out, answered
            5xx, redirected too often or to a malformed URL.
    """
    target = _parse_url(url)
    own = client is None
    http = client if client is not None else httpx2.Client(trust_env=True)
    guard = None if allow_private else resolver

    def fetch() -> FetchedPage:
        try:
            return _fetch(http, target, timeout, max_bytes, max_redirects, clock, guard)
        finally:
            if own:
                http.close()

    # httpx2 times each socket read, so a server that sends its status line, its
    # headers or its body a byte at a time is never timed out by it: the whole
    # fetch runs within one deadline.
    shown = str(target)
    return within(
        timeout,
        lambda _stop: fetch(),
        late=lambda: FetchError(
            f"the page server for {shown} did not send the whole page within {timeout:g} s",
            url=shown,
        ),
        name="summarizer-fetch",
    )


# Labels of letters, digits, hyphens and underscores, none empty, none over 63 characters.
_HOST_NAME = re.compile(
    r"(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?"
)


class _Malformed(ValueError):
    """A URL that cannot be fetched as written; the message says why."""


def _parse(url: str) -> httpx2.URL:
    try:
        parsed = httpx2.URL(url)
        host = parsed.raw_host.decode("ascii")
        port = parsed.port
    except (httpx2.InvalidURL, ValueError) as exc:
        raise _Malformed(f"not a valid URL ({exc})") from None
    if parsed.scheme in ("http", "https"):
        if not host:
            raise _Malformed("the URL has no host")
        if _literal_ip(host) is None and not _HOST_NAME.fullmatch(host):
            raise _Malformed(f"{host!r} is not a valid host name")
        if port is not None and not 0 < port < 65536:
            raise _Malformed(f"port {port} is out of range")
    return parsed


def _check_scheme(url: httpx2.URL, asked: str) -> httpx2.URL:
    if url.scheme not in ("http", "https"):
        where = "" if str(url) == asked else f" (redirected from {asked})"
        raise InputError(
            f"cannot fetch {str(url)!r}{where}: only http:// and https:// URLs are read"
        )
    return url


def _parse_url(url: str) -> httpx2.URL:
    """Parse the URL a user gave, refusing one that is malformed or of another scheme."""
    try:
        return _check_scheme(_parse(url), url)
    except _Malformed as exc:
        raise InputError(f"cannot fetch {url!r}: {exc}") from None


def _literal_ip(host: str) -> str | None:
    import ipaddress

    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def _fetch(
    http: httpx2.Client,
    url: httpx2.URL,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    clock: Callable[[], float],
    guard: Resolver | None,
) -> FetchedPage:
    deadline = clock() + timeout
    asked = str(url)
    current = url
    for _ in range(max_redirects + 1):
        response = _send(http, current, timeout, guard, asked)
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                current = _redirect(current, location, asked)
                continue
            _check_status(response, str(current))
            content = _read_capped(response, str(current), max_bytes, deadline, clock)
        finally:
            response.close()
        media, charset = _content_type(response.headers.get("content-type", ""))
        return FetchedPage(
            url=str(current),
            status_code=response.status_code,
            content_type=media,
            charset=charset or _meta_charset(content, media),
            content=content,
        )
    raise FetchError(f"{asked} redirected more than {max_redirects} times; giving up", url=asked)


def _redirect(current: httpx2.URL, location: str, asked: str) -> httpx2.URL:
    """The URL a redirect leads to; a malformed one is the page server's fault."""
    try:
        target = _parse(str(current.join(location)))
    except (httpx2.InvalidURL, ValueError) as exc:
        reason = str(exc) if isinstance(exc, _Malformed) else f"not a valid URL ({exc})"
        raise FetchError(
            f"the page server for {current} redirected to a malformed URL {location!r}: {reason}",
            url=str(current),
        ) from None
    return _check_scheme(target, asked)


def _send(
    http: httpx2.Client,
    target: httpx2.URL,
    timeout: float,
    guard: Resolver | None,
    asked: str,
) -> httpx2.Response:
    """Send one GET for ``target``; with a guard, only to the public addresses it checked."""
    headers = {"Accept": _ACCEPT, "User-Agent": _user_agent()}
    shown = str(target)
    if guard is None:
        return _send_to(http, target, headers, {}, timeout, shown)
    host = target.raw_host.decode("ascii")
    port = target.port or (443 if target.scheme == "https" else 80)
    addresses = public_addresses(
        host,
        port,
        url=shown,
        resolver=guard,
        redirected_from=None if shown == asked else asked,
    )
    if _literal_ip(host) is not None:
        return _send_to(http, target, headers, {}, timeout, shown)
    # Connect to the address just checked, not to whatever the name resolves to
    # next (DNS rebinding); the server still sees its name, and TLS checks it.
    headers["Host"] = target.netloc.decode("ascii")
    extensions = {"sni_hostname": host} if target.scheme == "https" else {}
    unreachable: list[FetchError] = []
    for address in addresses:  # never empty: public_addresses refuses that
        try:
            return _send_to(
                http, target.copy_with(host=address), headers, extensions, timeout, shown
            )
        except _Unreachable as exc:
            unreachable.append(exc)
    raise unreachable[-1]


class _Unreachable(FetchError):
    """No connection could be made to one address (the next one may do)."""


def _send_to(
    http: httpx2.Client,
    url: httpx2.URL,
    headers: dict[str, str],
    extensions: dict[str, str],
    timeout: float,
    shown: str,
) -> httpx2.Response:
    request = http.build_request(
        "GET", url, headers=headers, timeout=timeout, extensions=extensions
    )
    try:
        return http.send(request, stream=True, follow_redirects=False)
    except httpx2.TimeoutException:
        raise FetchError(
            f"the page server for {shown} did not answer within {timeout:g} s", url=shown
        ) from None
    except httpx2.ConnectError as exc:
        raise _Unreachable(
            f"cannot reach the page server for {shown}: {_reason(exc)}", url=shown
        ) from None
    except httpx2.RequestError as exc:
        raise FetchError(
            f"cannot reach the page server for {shown}: {_reason(exc)}", url=shown
        ) from None


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
                raise FetchError(
                    f"the page server for {url} did not send the whole page within the deadline",
                    url=url,
                )
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
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
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
        allow_private: Also fetch loopback, private and link-local addresses
            (refused by default; see ``fetch_page``).
        resolver: Resolves host names to addresses (the system's by default).

    Raises:
        InputError: A bad URL, a non-public address (``PrivateAddressError``), a
            4xx, a page that is not HTML or text, over the cap, not decodable, or
            with no story in it.
        FetchError: The page server cannot be reached, timed out or failed.
    """
    page = fetch_page(
        url,
        client=client,
        timeout=timeout,
        max_bytes=max_bytes,
        allow_private=allow_private,
        resolver=resolver,
    )
    kind: PageKind = page_kind(page) if input_format == "auto" else input_format
    text = decode_bytes(page.content, page.url, encoding or _known(page.charset, page.url))
    if kind == "html":
        return article_from_html(text, page.url)
    return article_from_text(text, page.url)


def _known(charset: str | None, url: str) -> str | None:
    """The page's declared charset, if Python knows it.

    A charset Python does not know is read as UTF-8 rather than refused: the
    declaration is often a typo of "utf-8". One that Python knows but that is no
    character set (``base64``, ``rot13``, ``zlib``...) is refused.
    """
    import codecs

    if charset is None:
        return None
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):
        return None
    if codec_problem(charset) is None:
        return charset
    raise InputError(
        f"the page {url} declares charset {charset!r}, which is not a text encoding; "
        "pass --encoding to read it with another one"
    )
