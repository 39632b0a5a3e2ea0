"""The ASGI layer in front of every route: draining, body limits, counting.

It is plain ASGI rather than Starlette's ``BaseHTTPMiddleware`` so a body is
never buffered here: its size is checked as it streams in, and a request over
the limit is answered 413 without reading the rest.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.server import problems
from summarizer.server.state import ServiceState

# Routes a draining server still answers (load balancers and scrapers ask these).
_ALWAYS = frozenset({"/healthz", "/metrics"})


class BodyTooLarge(Exception):  # noqa: N818 - reads as what happened
    """The request body went past its limit while it was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is over the {limit:,}-byte limit")
        self.limit = limit


async def send_problem(
    send: Send, status: int, error_type: str, detail: str, headers: dict[str, str] | None = None
) -> None:
    """Answer with a problem detail from plain ASGI."""
    payload = problems.body(status, error_type, detail)
    raw = [
        (b"content-type", problems.MEDIA_TYPE.encode()),
        (b"content-length", str(len(payload)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


class ServiceMiddleware:
    """Drains on shutdown, limits bodies, and counts requests by route and status.

    Args:
        app: The application.
        state: The service's state (its config, metrics and draining flag).
    """

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app = app
        self.state = state

    def _limit(self, path: str) -> int:
        config = self.state.config
        return config.max_batch_bytes if path.startswith("/v1/batches") else config.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = self.state
        path: str = scope["path"]
        method: str = scope["method"]
        status_seen = 500
        started = False

        async def counting_send(message: Message) -> None:
            nonlocal status_seen, started
            if message["type"] == "http.response.start":
                status_seen = int(message["status"])
                started = True
            await send(message)

        if state.draining.is_set() and path not in _ALWAYS:
            await send_problem(
                counting_send,
                503,
                "ShuttingDown",
                "the server is shutting down; try again shortly",
                {"Retry-After": "5", "Connection": "close"},
            )
            state.metrics.request("(draining)", method, 503)
            return

        limit = self._limit(path)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await send_problem(
                counting_send,
                413,
                "BodyTooLarge",
                f"the request body is {declared:,} bytes, over the {limit:,}-byte limit",
                {"Connection": "close"},
            )
            state.metrics.request(_route(scope), method, 413)
            return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        state.in_flight += 1
        try:
            await self.app(scope, limited_receive, counting_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await send_problem(
                counting_send, 413, "BodyTooLarge", str(exc), {"Connection": "close"}
            )
        finally:
            state.in_flight -= 1
            state.metrics.request(_route(scope), method, status_seen)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _route(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    return "(static)" if scope["path"].startswith("/static/") else "(unmatched)"
