"""What a batch run is told (``BatchOptions``) and what it reports (``BatchSummary``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from summarizer.errors import ConfigurationError
from summarizer.llm.calllog import Tally

Via = Literal["live", "batch-api"]

Status = Literal["ok", "error", "skipped"]
OnResult = Callable[[Status], None]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs.

    Attributes:
        concurrency: Articles briefed at once (live).
        via: ``live`` requests, or the provider's ``batch-api``.
        use_cache: Answer repeated requests from the call log.
        retry_errors: Brief again the articles whose line in the output is an error.
        poll_interval: Seconds between Batch API status checks.
        chunk_size: Requests per Batch API job.
        allow_private_urls: Also fetch URL inputs on loopback, private and link-local
            addresses (refused by default, as for ``brief``).
    """

    concurrency: int = 8
    via: Via = "live"
    use_cache: bool = True
    retry_errors: bool = False
    poll_interval: float = 30.0
    chunk_size: int = 5_000
    allow_private_urls: bool = False

    def __post_init__(self) -> None:
        if self.concurrency < 1:
            raise ConfigurationError("concurrency must be 1 or more")
        if self.chunk_size < 1:
            raise ConfigurationError("chunk size must be 1 or more")


@dataclass
class BatchSummary:
    """What a batch run did.

    Attributes:
        total: Items in the inputs.
        done: Articles briefed in this run.
        failed: Articles that got an error line in this run.
        skipped: Items already in the output (or repeated in the inputs).
        prompt_tokens: Prompt tokens sent over the network in this run.
        completion_tokens: Completion tokens received over the network.
        cost_usd: What those tokens cost; None when the model's price is unknown
            (see ``--prices``).
        http_calls: Model requests sent over the network.
        cache_hits: Model requests answered from the call log.
        resumed_jobs: Batch API jobs an earlier, interrupted run left, collected now.
        elapsed_s: Wall time.
    """

    total: int = 0
    done: int = 0
    failed: int = 0
    skipped: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0
    http_calls: int = 0
    cache_hits: int = 0
    resumed_jobs: int = 0
    elapsed_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain JSON-ready values."""
        data = dataclasses.asdict(self)
        data["cost_usd"] = None if self.cost_usd is None else round(self.cost_usd, 6)
        data["elapsed_s"] = round(self.elapsed_s, 3)
        return data

    def count(self, status: Status) -> None:
        """Count one item's outcome."""
        self.total += 1
        if status == "ok":
            self.done += 1
        elif status == "error":
            self.failed += 1
        else:
            self.skipped += 1

    def add_tally(self, before: Tally, after: Tally) -> None:
        """Add what the call log saw between two snapshots."""
        self.http_calls += after.http_calls - before.http_calls
        self.cache_hits += after.cache_hits - before.cache_hits
        self.prompt_tokens += after.prompt_tokens - before.prompt_tokens
        self.completion_tokens += after.completion_tokens - before.completion_tokens
        if self.cost_usd is not None:
            self.cost_usd += after.cost_usd - before.cost_usd

    def cost_text(self) -> str:
        """The cost for people: ``$0.0123``, or ``unknown`` when a price is missing."""
        return "cost unknown" if self.cost_usd is None else f"${self.cost_usd:.4f}"
