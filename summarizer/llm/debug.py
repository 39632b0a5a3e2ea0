"""``SUMMARIZER_DEBUG_HTTP=1``: print every HTTP request and response to stderr.

The hooks sit on the ``httpx2`` client the ``openai`` client sends through, so
what is printed is what went over the wire: method, URL, headers and JSON body
of each request, and status, headers and body of each response. Credentials
never appear: ``Authorization``, ``api-key`` and similar headers are shown as
``[redacted]``, URLs lose their user information and key parameters
(``config.redact_url``), and every secret is scrubbed from everything else
printed (a server that echoes the key in an error message, say).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

import httpx2

from summarizer.config import REDACTED, redact_text, redact_url, url_secrets

__all__ = [
    "ENV_VAR",
    "async_debug_client",
    "debug_client",
    "enabled",
    "format_request",
    "format_response",
    "install",
    "install_async",
]

ENV_VAR = "SUMMARIZER_DEBUG_HTTP"

_SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "api-key",
        "x-api-key",
        "openai-api-key",
        "cookie",
        "set-cookie",
    }
)
_MIN_SECRET = 6
_MAX_BODY = 20_000

Stream = Callable[[], TextIO]


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``SUMMARIZER_DEBUG_HTTP`` is set to something other than 0/false/empty."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, "")
    return value.strip().lower() not in ("", "0", "false", "no", "off")


def _secrets(request: httpx2.Request) -> list[str]:
    found = list(url_secrets(str(request.url)))
    for name, value in request.headers.items():
        if name.lower() in _SECRET_HEADERS:
            found.append(value)
            scheme, _, token = value.partition(" ")
            if token and scheme.lower() in ("bearer", "basic", "token"):
                found.append(token)
            if token and scheme.lower() == "basic":
                try:
                    found.append(base64.b64decode(token, validate=True).decode("utf-8", "replace"))
                except (binascii.Error, ValueError):
                    pass
    return sorted((s for s in found if len(s) >= _MIN_SECRET), key=len, reverse=True)


def _scrub(text: str, secrets: list[str]) -> str:
    return redact_text(text, secrets)


def _url(url: httpx2.URL) -> str:
    return redact_url(str(url))


def _headers(headers: httpx2.Headers) -> list[str]:
    return [
        f"  {name}: {REDACTED if name.lower() in _SECRET_HEADERS else value}"
        for name, value in headers.items()
    ]


def _body(content: bytes, content_type: str) -> str:
    if not content:
        return ""
    text = content.decode("utf-8", "replace")
    if "json" in content_type:
        try:
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            pass
    if len(text) > _MAX_BODY:
        text = text[:_MAX_BODY] + f"\n  … ({len(text) - _MAX_BODY:,} more characters)"
    return text


def format_request(request: httpx2.Request) -> str:
    """The request as printed: method, URL, redacted headers, body."""
    secrets = _secrets(request)
    lines = [
        f"summarizer: http: > {request.method} {_url(request.url)}",
        *_headers(request.headers),
    ]
    try:
        body = _body(request.content, request.headers.get("content-type", ""))
    except httpx2.RequestNotRead:
        body = "(streamed body not shown)"
    if body:
        lines.append(body)
    return _scrub("\n".join(lines), secrets) + "\n"


def format_response(response: httpx2.Response) -> str:
    """The response as printed (its body must have been read): status, headers, body."""
    request = response.request
    secrets = _secrets(request)
    head = (
        f"summarizer: http: < {response.status_code} {response.reason_phrase} "
        f"({request.method} {_url(request.url)})"
    )
    lines = [head, *_headers(response.headers)]
    body = _body(response.content, response.headers.get("content-type", ""))
    if body:
        lines.append(body)
    return _scrub("\n".join(lines), secrets) + "\n"


def _reads_body(response: httpx2.Response) -> bool:
    # A streamed answer (server-sent events) must reach the caller chunk by chunk.
    return "text/event-stream" not in response.headers.get("content-type", "")


def _stderr() -> TextIO:
    return sys.stderr


def _emit(stream: Stream, text: str) -> None:
    out = stream()
    out.write(text)
    out.flush()


_HOOK_NAME = "summarizer_debug_request"


def _installed(hooks: Mapping[str, list[Callable[..., object]]]) -> bool:
    return any(getattr(h, "__name__", "") == _HOOK_NAME for h in hooks.get("request", []))


def install(client: httpx2.Client, stream: Stream = _stderr) -> httpx2.Client:
    """Add the printing hooks to ``client`` (once) and return it."""
    hooks = client.event_hooks
    if _installed(hooks):
        return client

    def summarizer_debug_request(request: httpx2.Request) -> None:
        _emit(stream, format_request(request))

    def on_response(response: httpx2.Response) -> None:
        if _reads_body(response):
            response.read()
            _emit(stream, format_response(response))
        else:
            _emit(stream, format_response_head(response))

    client.event_hooks = {
        "request": [*hooks.get("request", []), summarizer_debug_request],
        "response": [*hooks.get("response", []), on_response],
    }
    return client


def install_async(client: httpx2.AsyncClient, stream: Stream = _stderr) -> httpx2.AsyncClient:
    """Async twin of ``install``."""
    hooks = client.event_hooks
    if _installed(hooks):
        return client

    async def summarizer_debug_request(request: httpx2.Request) -> None:
        _emit(stream, format_request(request))

    async def on_response(response: httpx2.Response) -> None:
        if _reads_body(response):
            await response.aread()
            _emit(stream, format_response(response))
        else:
            _emit(stream, format_response_head(response))

    client.event_hooks = {
        "request": [*hooks.get("request", []), summarizer_debug_request],
        "response": [*hooks.get("response", []), on_response],
    }
    return client


def format_response_head(response: httpx2.Response) -> str:
    """A streamed response as printed: status and headers, the body left to the caller."""
    request = response.request
    head = (
        f"summarizer: http: < {response.status_code} {response.reason_phrase} "
        f"({request.method} {_url(request.url)}; streamed body not shown)"
    )
    return _scrub("\n".join([head, *_headers(response.headers)]), _secrets(request)) + "\n"


def debug_client(
    client: httpx2.Client | None, environ: Mapping[str, str] | None = None
) -> httpx2.Client | None:
    """The HTTP client for an ``openai.OpenAI``: ``client`` with the hooks when debugging is on.

    With debugging off, ``client`` is returned untouched (None lets openai build
    its own). With it on and no client given, one with openai's own defaults is
    made so the hooks have somewhere to sit.
    """
    if not enabled(environ):
        return client
    if client is None:
        import openai

        client = openai.DefaultHttpxClient()
    return install(client)


def async_debug_client(
    client: httpx2.AsyncClient | None, environ: Mapping[str, str] | None = None
) -> httpx2.AsyncClient | None:
    """Async twin of ``debug_client``, for an ``openai.AsyncOpenAI``."""
    if not enabled(environ):
        return client
    if client is None:
        import openai

        client = openai.DefaultAsyncHttpxClient()
    return install_async(client)
