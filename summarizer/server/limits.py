"""Per-key limits: requests per minute (a token bucket) and briefings in flight.

Each worker process keeps its own buckets; with ``--workers N`` a key may make
up to N times the rate, so set the rate for one worker's share.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from summarizer.server.problems import ProblemError


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Requests per minute and concurrent briefings, per key.

    Args:
        per_minute: Requests a key may make per minute, in bursts up to that many (0: no limit).
        concurrent: Briefings a key may have in flight (0: no limit).
        clock: Monotonic seconds.
    """

    def __init__(
        self, per_minute: int, concurrent: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.concurrent = concurrent
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._in_flight: dict[str, int] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> None:
        """Count one request of ``key``.

        Raises:
            ProblemError: 429 with ``Retry-After`` when the key is over its rate.
        """
        if self.per_minute <= 0:
            return
        rate = self.per_minute / 60.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.setdefault(key, _Bucket(float(self.per_minute), now))
            bucket.tokens = min(self.per_minute, bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = math.ceil((1.0 - bucket.tokens) / rate)
        raise ProblemError(
            429,
            "RateLimited",
            f"over the limit of {self.per_minute} requests a minute for this key; "
            f"try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )

    @contextmanager
    def briefing(self, key: str) -> Iterator[None]:
        """Hold one of ``key``'s concurrent briefings while the block runs.

        Raises:
            ProblemError: 429 with ``Retry-After`` when the key has as many in flight as allowed.
        """
        if self.concurrent <= 0:
            yield
            return
        with self._lock:
            held = self._in_flight.get(key, 0)
            if held >= self.concurrent:
                raise ProblemError(
                    429,
                    "TooManyBriefings",
                    f"this key already has {held} briefings in flight (the limit is "
                    f"{self.concurrent}); wait for one to finish",
                    headers={"Retry-After": "1"},
                )
            self._in_flight[key] = held + 1
        try:
            yield
        finally:
            with self._lock:
                self._in_flight[key] -= 1
