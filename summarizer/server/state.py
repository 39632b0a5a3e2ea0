"""What one service process holds: configuration, storage, briefer, limits, metrics, jobs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.server.briefer import Briefer
from summarizer.server.config import ServerConfig
from summarizer.server.limits import RateLimiter
from summarizer.server.metrics import Metrics
from summarizer.server.storage import Storage

if TYPE_CHECKING:
    from summarizer.server.jobs import JobRunner


@dataclass
class ServiceState:
    """The service's parts, shared by every request of one process.

    Attributes:
        config: How it runs.
        storage: Briefings, jobs and keys.
        briefer: The one request path to a briefing.
        limiter: Per-key rate and concurrency limits.
        metrics: Counters for ``/metrics``.
        jobs: The batch job runner (started with the app).
        draining: Set when a SIGTERM came: new requests get 503, those in flight finish.
        in_flight: Requests being answered now.
    """

    config: ServerConfig
    storage: Storage
    briefer: Briefer
    limiter: RateLimiter
    metrics: Metrics = field(default_factory=Metrics)
    jobs: JobRunner | None = None
    draining: threading.Event = field(default_factory=threading.Event)
    in_flight: int = 0
