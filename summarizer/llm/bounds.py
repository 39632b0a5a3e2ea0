"""Bounds on every model exchange: a total deadline and a cap on the answer's size.

``httpx2``'s timeouts bound each phase and each socket read, so a server that
sends a byte a second never trips them; and a response is read whole into
memory however large it is. ``BoundedTransport`` wraps a real transport so
that one request, from connecting to the last byte of the answer, ends within
its deadline, and an answer stops being read at ``max_bytes`` (decoded, so a
compressed bomb is caught too).

The deadline is the request's own timeout (``--timeout``, which the ``openai``
client sets on every request it sends): the largest of its phase timeouts. Past
it the request fails as ``httpx2.ReadTimeout``, which the SDK reports as a
timeout and the retry policy treats as one. Over the cap it fails as
``ResponseTooLarge``, which is not retried.

The answer comes back already read, with its content decoded, so whatever sits
above (the call log, the SDK) never reads past the cap. Sync requests run in a
worker thread the caller stops waiting for at the deadline (a blocking socket
read cannot be interrupted otherwise); the worker stops at its next chunk.
"""

from __future__ import annotations

import asyncio
import threading
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

import httpx2

from summarizer.errors import ResponseTooLarge

T = TypeVar("T")

# The most bytes read from one answer. A briefing is a few kilobytes of JSON and
# a model listing rarely a megabyte; anything near this is not an answer.
MAX_RESPONSE_BYTES = 8_000_000

# Headers that describe the body as sent, not as handed on (decoded, in full).
_BODY_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def request_deadline(request: httpx2.Request) -> float | None:
    """Seconds the whole of ``request`` may take: the largest of its phase timeouts."""
    timeouts = request.extensions.get("timeout") or {}
    values = [
        float(v)
        for v in timeouts.values()
        if isinstance(v, int | float) and not isinstance(v, bool) and v > 0
    ]
    return max(values) if values else None


def timed_out(request: httpx2.Request, seconds: float) -> httpx2.ReadTimeout:
    """The error of a request that had no complete answer within ``seconds``."""
    return httpx2.ReadTimeout(f"no complete answer within {seconds:g} s", request=request)


def within(
    seconds: float,
    work: Callable[[Callable[[], bool]], T],
    *,
    late: Callable[[], BaseException],
    name: str,
) -> T:
    """``work(stop)`` in a worker thread, given up at ``seconds``: then ``late()`` is raised.

    A blocking socket read cannot be interrupted, so the caller stops waiting for
    the worker instead; ``stop()`` turns true then, for the worker to end at its
    next chunk. What ``work`` raises is raised here.
    """
    stopped = threading.Event()
    outcome: list[Any] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(work(stopped.is_set))
        except BaseException as exc:  # handed to the caller, raised there
            outcome.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    if not done.wait(seconds):
        stopped.set()
        raise late()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return cast(T, result)


def _too_large(response: httpx2.Response, limit: int) -> bool:
    declared = response.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > limit


def _answer(request: httpx2.Request, response: httpx2.Response, body: bytes) -> httpx2.Response:
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _BODY_HEADERS]
    extensions = {
        k: v for k, v in response.extensions.items() if k in ("http_version", "reason_phrase")
    }
    return httpx2.Response(
        response.status_code,
        headers=headers,
        content=body,
        extensions=extensions,
        request=request,
    )


def _collect(chunks: Iterator[bytes], limit: int, stop: Callable[[], bool]) -> bytes:
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise ResponseTooLarge(limit)
        if stop():  # the caller gave up at the deadline: stop reading
            raise TimeoutError("the caller stopped waiting")
    return bytes(body)


class BoundedTransport(httpx2.BaseTransport):
    """A sync transport whose requests end by their deadline and whose answers are capped.

    Args:
        inner: The transport that sends (``httpx2.HTTPTransport()``).
        max_bytes: The most bytes of one answer read (decoded).
        default_deadline: Seconds for a request that carries no timeout of its own.
    """

    def __init__(
        self,
        inner: httpx2.BaseTransport,
        *,
        max_bytes: int = MAX_RESPONSE_BYTES,
        default_deadline: float | None = None,
    ) -> None:
        self.inner = inner
        self.max_bytes = max_bytes
        self.default_deadline = default_deadline

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request`` and read its answer, within the deadline and the cap."""
        seconds = request_deadline(request) or self.default_deadline
        if seconds is None:
            return self._exchange(request, lambda: False)
        return within(
            seconds,
            lambda stop: self._exchange(request, stop),
            late=lambda: timed_out(request, seconds),
            name="summarizer-request",
        )

    def _exchange(self, request: httpx2.Request, stop: Callable[[], bool]) -> httpx2.Response:
        response = self.inner.handle_request(request)
        try:
            if _too_large(response, self.max_bytes):
                raise ResponseTooLarge(self.max_bytes)
            body = _collect(response.iter_bytes(), self.max_bytes, stop)
        finally:
            response.close()
        return _answer(request, response, body)

    def close(self) -> None:
        """Close the inner transport."""
        self.inner.close()


class AsyncBoundedTransport(httpx2.AsyncBaseTransport):
    """Async twin of ``BoundedTransport`` (the deadline is an ``asyncio.timeout``)."""

    def __init__(
        self,
        inner: httpx2.AsyncBaseTransport,
        *,
        max_bytes: int = MAX_RESPONSE_BYTES,
        default_deadline: float | None = None,
    ) -> None:
        self.inner = inner
        self.max_bytes = max_bytes
        self.default_deadline = default_deadline

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request`` and read its answer, within the deadline and the cap."""
        seconds = request_deadline(request) or self.default_deadline
        try:
            async with asyncio.timeout(seconds):
                return await self._exchange(request)
        except TimeoutError:
            assert seconds is not None
            raise timed_out(request, seconds) from None

    async def _exchange(self, request: httpx2.Request) -> httpx2.Response:
        response = await self.inner.handle_async_request(request)
        try:
            if _too_large(response, self.max_bytes):
                raise ResponseTooLarge(self.max_bytes)
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise ResponseTooLarge(self.max_bytes)
        finally:
            await response.aclose()
        return _answer(request, response, bytes(body))

    async def aclose(self) -> None:
        """Close the inner transport."""
        await self.inner.aclose()


def env_proxy(url: str) -> str | None:
    """The proxy the environment names for ``url`` (``HTTPS_PROXY``, ``NO_PROXY`` ...).

    A client given its own transport ignores those variables, so the transports
    made here are given the proxy explicitly, as a client without one would use it.
    """
    proxies = urllib.request.getproxies_environment()
    parts = urlsplit(url)
    if not proxies or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxies.get(parts.scheme) or proxies.get("all")


def http_transport(url: str) -> BoundedTransport:
    """A bounded real transport for requests to ``url`` (through the environment's proxy)."""
    return BoundedTransport(httpx2.HTTPTransport(proxy=env_proxy(url)))


def async_http_transport(url: str) -> AsyncBoundedTransport:
    """Async twin of ``http_transport``."""
    return AsyncBoundedTransport(httpx2.AsyncHTTPTransport(proxy=env_proxy(url)))


def bounded(inner: httpx2.BaseTransport) -> BoundedTransport:
    """``inner`` bounded (unchanged if it already is)."""
    return inner if isinstance(inner, BoundedTransport) else BoundedTransport(inner)


def abounded(inner: httpx2.AsyncBaseTransport) -> AsyncBoundedTransport:
    """Async twin of ``bounded``."""
    return inner if isinstance(inner, AsyncBoundedTransport) else AsyncBoundedTransport(inner)


def client(url: str, timeout: float) -> httpx2.Client:
    """A plain ``httpx2.Client`` for requests to ``url``, each bounded (for ``doctor``)."""
    return httpx2.Client(timeout=timeout, transport=http_transport(url))
