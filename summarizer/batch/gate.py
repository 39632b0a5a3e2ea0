"""One rate gate for a whole batch: a 429 slows every worker, not only the one that met it.

The retry policy (``summarizer.llm.retry``) still decides when the task that met the
429 tries again; the gate only makes every *other* request wait as long. It
lives in the HTTP transport rather than in a tenacity hook because the transport
sees every request the batch sends (first tries, retries, instructor's re-asks)
and every answer with its headers, without a second retry loop and without
changing the engine.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx2

from summarizer.llm import retry

# A 429 without a hint pauses everyone this long.
DEFAULT_PAUSE = 1.0
MAX_PAUSE = 60.0


class RateGate:
    """The earliest time any worker may send its next request.

    Args:
        clock: Monotonic seconds.
        sleep: Async sleep; None means the retry policy's sleep, looked up at call
            time so tests that replace it never wait.
        default_pause: Seconds everyone waits after a 429 that gives no hint.
        max_pause: Cap on one pause.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        default_pause: float = DEFAULT_PAUSE,
        max_pause: float = MAX_PAUSE,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self.default_pause = default_pause
        self.max_pause = max_pause
        self.pauses = 0
        self.waits = 0
        self._open_at = float("-inf")

    async def wait(self) -> None:
        """Return once requests may be sent again."""
        target = self._open_at
        while target > self.clock():
            self.waits += 1
            sleep = self.sleep or retry._async_sleep
            await sleep(target - self.clock())
            # Sleep again only when another 429 pushed the gate further meanwhile;
            # never poll, so a fake sleep in tests cannot spin.
            if self._open_at <= target:
                break
            target = self._open_at

    def pause(self, seconds: float | None) -> None:
        """Hold every request for ``seconds`` (default ``default_pause``) from now."""
        wait = self.default_pause if seconds is None else min(max(seconds, 0.0), self.max_pause)
        self._open_at = max(self._open_at, self.clock() + wait)
        self.pauses += 1


def retry_after(headers: httpx2.Headers, now: Callable[[], datetime] | None = None) -> float | None:
    """Seconds a response asks the client to wait (``retry-after-ms`` or ``Retry-After``)."""
    return retry.retry_after(headers, now or (lambda: datetime.now(UTC)))


class GatedTransport(httpx2.AsyncBaseTransport):
    """Waits at the gate before each request; a 429 answer pauses the gate.

    Args:
        inner: The transport that sends.
        gate: The gate all workers share.
    """

    def __init__(self, inner: httpx2.AsyncBaseTransport, gate: RateGate) -> None:
        self.inner = inner
        self.gate = gate

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Wait for the gate, send, and pause the gate on a 429."""
        await self.gate.wait()
        response = await self.inner.handle_async_request(request)
        if response.status_code == 429:
            self.gate.pause(retry_after(response.headers))
        return response

    async def aclose(self) -> None:
        """Close the inner transport."""
        await self.inner.aclose()
