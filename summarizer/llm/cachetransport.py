"""The caching transports: the call log and cache, seen from ``httpx2``.

``CachingTransport`` and ``AsyncCachingTransport`` wrap a real ``httpx2``
transport; pass them to ``Summarizer`` through ``httpx2.Client(transport=...)``.
Every call, cached or not, is logged (see ``summarizer.llm.calllog``), with the
secrets a server echoes back scrubbed first.

A chat request whose URL and body match an earlier answer that produced an
accepted briefing is answered from the log without touching the network, but
only as the first request of a model call: a retry or a re-ask in the same call
(see ``answers``) always goes to the network, so a cached answer that fails
today's checks is never met twice. Each 200 answer is noted in the call's
``answers`` so the engine's caller can accept it once its briefing is final.

What is sent is bounded (``bounds``): a total deadline per request and a cap on
the answer's size, so the log never holds more than the cap of any answer.
"""

from __future__ import annotations

import base64
import binascii
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx2

from summarizer.config import redact_text, url_secrets
from summarizer.llm import answers
from summarizer.llm.bounds import abounded, bounded
from summarizer.llm.calllog import CallLog, cache_key, canonical_body, json_object


@dataclass(frozen=True)
class _Chat:
    """A chat request on its way through a caching transport."""

    key: str
    body: dict[str, Any]
    text: str  # canonical_body(body)


class _Exchange:
    """The transport-independent half of the caching transports."""

    def __init__(self, log: CallLog, use_cache: bool) -> None:
        self.log = log
        self.use_cache = use_cache
        # Failed sends per request, so a retried request is logged as attempt 2, 3, ...
        self._failures: dict[str, int] = {}

    def lookup(self, request: httpx2.Request) -> _Chat | httpx2.Response | None:
        """What to do with a read request, the same for both transports.

        Returns:
            None to pass it through untouched (not a chat call), the cached
            response to answer with, or the chat request to send and log.
        """
        body = self.chat_body(request)
        if body is None:
            return None
        text = canonical_body(body)
        chat = _Chat(cache_key(request.url, body, canonical=text), body, text)
        call = answers.current()
        first = call is None or call.requests == 0
        if call is not None:
            call.requests += 1
        if not first:
            return chat  # a retry or a re-ask: the network, never the cache
        try:
            return self.cached(request, chat)
        except LookupError:
            return chat

    def chat_body(self, request: httpx2.Request) -> dict[str, Any] | None:
        if request.method != "POST" or not request.url.path.endswith("/chat/completions"):
            return None
        return json_object(request.content.decode("utf-8", "replace"))

    def cached(self, request: httpx2.Request, chat: _Chat) -> httpx2.Response:
        answer = self.log.lookup(chat.key) if self.use_cache else None
        if answer is None:
            raise LookupError(chat.key)
        self.log.record(
            key=chat.key,
            url=str(request.url),
            request=chat.body,
            request_text=chat.text,
            status=200,
            response=answer,
            latency_s=0.0,
            attempt=1,
            cache_hit=True,
        )
        _answered(None)  # already accepted: nothing to mark
        headers = {"content-type": "application/json", "x-summarizer-cache": "hit"}
        return httpx2.Response(200, headers=headers, content=answer.encode(), request=request)

    def logged(
        self,
        request: httpx2.Request,
        chat: _Chat,
        response: httpx2.Response | None,
        latency: float,
        error: BaseException | None = None,
    ) -> None:
        attempt = self._failures.pop(chat.key, 0) + 1
        if response is None or response.status_code != 200:
            self._failures[chat.key] = attempt
        # A server may echo the key back in an error ("Incorrect API key provided:
        # sk-..."); the log keeps what was said, without the key.
        secrets = _credentials(request)
        call_id = self.log.record(
            key=chat.key,
            url=str(request.url),
            request=chat.body,
            request_text=chat.text,
            status=None if response is None else response.status_code,
            response=None if response is None else _scrubbed(response.text, secrets),
            latency_s=round(latency, 6),
            attempt=attempt,
            cache_hit=False,
            error=None
            if error is None
            else redact_text(f"{type(error).__name__}: {error}", secrets),
        )
        if response is not None and response.status_code == 200:
            _answered(functools.partial(self.log.accept, call_id))


def _answered(accept: answers.Accept | None) -> None:
    call = answers.current()
    if call is not None:
        call.answers.append(accept)


def _credentials(request: httpx2.Request) -> list[str]:
    """The secrets a request carries: bearer token, api-key, a password in the URL."""
    found = list(url_secrets(str(request.url)))
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() in ("bearer", "basic"):
        found.append(token.strip())
    if scheme.lower() == "basic":
        try:
            user_pass = base64.b64decode(token.strip(), validate=True).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            user_pass = ""
        found.append(user_pass.partition(":")[2])
    found.append(request.headers.get("api-key", "").strip())
    return sorted((s for s in found if len(s) >= 8), key=len, reverse=True)


def _scrubbed(text: str, secrets: list[str]) -> str:
    # Exactly the secrets: an answer is stored as it came (a cache hit replays it),
    # and the article it quotes may hold user@host URLs of its own.
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return text


Inner = TypeVar("Inner", httpx2.BaseTransport, httpx2.AsyncBaseTransport)


class _Caching(Generic[Inner]):
    """What the two caching transports hold: the real transport, the clock, the exchange."""

    def __init__(
        self,
        inner: Inner,
        log: CallLog,
        *,
        use_cache: bool = True,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.inner: Inner = inner
        self.clock = clock
        self._exchange = _Exchange(log, use_cache)


class CachingTransport(_Caching[httpx2.BaseTransport], httpx2.BaseTransport):
    """A sync transport that answers repeated chat requests from the log and logs every call.

    Args:
        inner: The transport that really sends (``httpx2.HTTPTransport()``); its
            requests are bounded (``bounds.BoundedTransport``) unless they already are.
        log: The call log.
        use_cache: False logs every call but never answers from the log (``--no-cache``).
        clock: Monotonic seconds, for latency.
    """

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Answer from the cache, or send, read and log."""
        request.read()
        sender = bounded(self.inner)
        found = self._exchange.lookup(request)
        if found is None:
            return sender.handle_request(request)
        if isinstance(found, httpx2.Response):
            return found
        chat = found
        started = self.clock()
        try:
            response = sender.handle_request(request)
            response.read()
        except Exception as exc:
            self._exchange.logged(request, chat, None, self.clock() - started, exc)
            raise
        self._exchange.logged(request, chat, response, self.clock() - started)
        return response

    def close(self) -> None:
        """Close the inner transport (the log belongs to the caller)."""
        self.inner.close()


class AsyncCachingTransport(_Caching[httpx2.AsyncBaseTransport], httpx2.AsyncBaseTransport):
    """Async twin of ``CachingTransport``."""

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Answer from the cache, or send, read and log."""
        await request.aread()
        sender = abounded(self.inner)
        found = self._exchange.lookup(request)
        if found is None:
            return await sender.handle_async_request(request)
        if isinstance(found, httpx2.Response):
            return found
        chat = found
        started = self.clock()
        try:
            response = await sender.handle_async_request(request)
            await response.aread()
        except Exception as exc:
            self._exchange.logged(request, chat, None, self.clock() - started, exc)
            raise
        self._exchange.logged(request, chat, response, self.clock() - started)
        return response

    async def aclose(self) -> None:
        """Close the inner transport (the log belongs to the caller)."""
        await self.inner.aclose()
