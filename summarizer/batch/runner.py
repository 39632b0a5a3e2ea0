"""Briefing many articles: bounded async concurrency, results appended as they finish.

``brief_batch`` is the one entry point. Live (``via="live"``) it runs
``concurrency`` workers that pull items from one lazy iterator, so memory holds
only the articles in flight; each result is appended to the output (see
``output``) the moment it is done. The HTTP stack under the engine is, outermost
first: the shared rate gate (``gate``), the call log and cache (``calllog``), the
network. ``via="batch-api"`` hands the requests to the provider's Batch API
instead (see ``batchapi``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import httpx2

from summarizer.api import Summarizer
from summarizer.batch.gate import GatedTransport, RateGate
from summarizer.batch.inputs import BatchItem, check_inputs, iter_items, load_local
from summarizer.batch.options import BatchOptions, BatchSummary, OnResult, Status
from summarizer.batch.output import GroupCommit, ResultFile, error_line, ok_line, writable
from summarizer.config import Settings
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.inputs.article import Article
from summarizer.inputs.fetch import DEFAULT_TIMEOUT, fetch_article
from summarizer.llm.cachetransport import AsyncCachingTransport
from summarizer.llm.calllog import CallLog, Tally
from summarizer.llm.retry import RetryPolicy
from summarizer.results import BriefingResult

# Inline article text up to this length is cleaned on the event loop: handing it
# to a thread cost more CPU (about half a millisecond an article) than the work.
INLINE_TEXT_CHARS = 100_000
# A page is fetched as `brief` fetches it (5 redirects, 5 MB, content type and
# charset checked), with the same deadline for the whole fetch.
FETCH_DEADLINE = DEFAULT_TIMEOUT


def count_items(inputs: Sequence[Path]) -> int:
    """How many items the inputs hold (one streaming pass; nothing kept)."""
    return sum(1 for _ in iter_items(inputs))


def brief_batch(
    inputs: Sequence[Path],
    output: Path,
    settings: Settings,
    *,
    options: BatchOptions | None = None,
    log: CallLog | None = None,
    policy: RetryPolicy | None = None,
    on_result: OnResult | None = None,
    http_transport: httpx2.AsyncBaseTransport | None = None,
) -> BatchSummary:
    """Brief every article of ``inputs`` into the JSONL file ``output``.

    Rerunning with the same output skips the ids already in it.

    Args:
        inputs: Article files, folders and JSONL manifests.
        output: The JSONL output, appended to.
        settings: Engine, endpoint, model, mode.
        options: Concurrency, live or Batch API, cache use.
        log: The call log and cache; None logs nothing and caches nothing.
        policy: The transport retry policy.
        on_result: Called with each item's outcome (a progress bar).
        http_transport: The network transport (default ``httpx2.AsyncHTTPTransport``).

    Returns:
        Counts, tokens and cost of this run.

    Raises:
        InputError: An input is missing, or the output cannot be used.
        ConfigurationError: The engine cannot run (no endpoint for ``llm``).
    """
    options = options or BatchOptions()
    check_inputs(inputs)
    if options.via == "batch-api":
        from summarizer.batch.batchapi import run_batch_api

        if settings.resolved_engine() != "llm":
            raise ConfigurationError(
                "--via batch-api needs the llm engine and a configured endpoint"
            )
        started = time.perf_counter()
        summary = BatchSummary()
        before = dataclasses.replace(log.tally) if log else Tally()
        with ResultFile.open(output, retry_errors=options.retry_errors) as out:
            run_batch_api(
                iter_items(inputs),
                out,
                settings,
                summary=summary,
                options=options,
                log=log,
                policy=policy,
                on_result=on_result,
            )
        _add_calls(summary, settings, log, before)
        summary.elapsed_s = time.perf_counter() - started
        return summary
    return asyncio.run(
        abrief_batch(
            inputs,
            output,
            settings,
            options=options,
            log=log,
            policy=policy,
            on_result=on_result,
            http_transport=http_transport,
        )
    )


async def abrief_batch(
    inputs: Sequence[Path],
    output: Path,
    settings: Settings,
    *,
    options: BatchOptions | None = None,
    log: CallLog | None = None,
    policy: RetryPolicy | None = None,
    on_result: OnResult | None = None,
    http_transport: httpx2.AsyncBaseTransport | None = None,
) -> BatchSummary:
    """Async twin of ``brief_batch`` for live runs (``via="live"``)."""
    options = options or BatchOptions()
    check_inputs(inputs)
    started = time.perf_counter()
    summary = BatchSummary()
    before = dataclasses.replace(log.tally) if log else Tally()
    gate = RateGate()
    transport: httpx2.AsyncBaseTransport = http_transport or httpx2.AsyncHTTPTransport(
        limits=httpx2.Limits(
            max_connections=options.concurrency, max_keepalive_connections=options.concurrency
        )
    )
    if log is not None:
        transport = AsyncCachingTransport(transport, log, use_cache=options.use_cache)
    client = httpx2.AsyncClient(transport=GatedTransport(transport, gate), timeout=settings.timeout)
    try:
        with ResultFile.open(output, retry_errors=options.retry_errors) as out:
            summarizer = Summarizer(settings, policy=policy, async_http_client=client)
            try:
                brief = _briefer(summarizer)
                await _run_workers(
                    iter_items(inputs),
                    out,
                    brief,
                    options.concurrency,
                    summary,
                    on_result,
                    allow_private=options.allow_private_urls,
                )
            finally:
                await summarizer.aclose()
    finally:
        await client.aclose()
    _add_calls(summary, settings, log, before)
    summary.elapsed_s = time.perf_counter() - started
    return summary


def _add_calls(
    summary: BatchSummary, settings: Settings, log: CallLog | None, before: Tally
) -> None:
    """Add this run's calls from the call log; the cost is unknown without a price."""
    if log is None:
        return
    summary.add_tally(before, log.tally)
    tokens = summary.prompt_tokens + summary.completion_tokens
    if tokens and settings.resolved_engine() == "llm":
        if log.prices.price(settings.resolved_model()) is None:
            summary.cost_usd = None


def _briefer(summarizer: Summarizer) -> Callable[[Article], Awaitable[BriefingResult]]:
    if summarizer.engine == "llm":
        return summarizer.asummarize

    async def extractive(article: Article) -> BriefingResult:
        # CPU-bound rules: off the event loop, so the progress bar keeps moving.
        return await asyncio.to_thread(summarizer.summarize, article)

    return extractive


async def _run_workers(
    items: Iterable[BatchItem],
    out: ResultFile,
    brief: Callable[[Article], Awaitable[BriefingResult]],
    concurrency: int,
    summary: BatchSummary,
    on_result: OnResult | None,
    *,
    allow_private: bool = False,
) -> None:
    iterator = iter(items)
    in_flight: set[str] = set()
    writer = GroupCommit(out)

    def report(status: Status) -> None:
        summary.count(status)
        if on_result is not None:
            on_result(status)

    async def worker() -> None:
        # All workers pull from one lazy iterator: next() never awaits, so no
        # item is taken twice, and only the items in flight are held in memory.
        for item in iterator:
            if item.id in out.done or item.id in in_flight:
                report("skipped")
                continue
            in_flight.add(item.id)
            try:
                line = writable(await _brief_item(item, brief, allow_private=allow_private))
                await writer.append(line)
            finally:
                in_flight.discard(item.id)
            report("ok" if line["status"] == "ok" else "error")

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(worker())
    except BaseExceptionGroup as failed:
        # One cause, said once: the first of ours (a full disk), else the first at all.
        raise _first(failed) from failed


def _first(group: BaseExceptionGroup[BaseException]) -> BaseException:
    leaves: list[BaseException] = []
    pending: list[BaseException] = [group]
    while pending:
        exc = pending.pop(0)
        if isinstance(exc, BaseExceptionGroup):
            pending[:0] = list(exc.exceptions)
        else:
            leaves.append(exc)
    ours = [exc for exc in leaves if isinstance(exc, SummarizerError)]
    return (ours or leaves)[0]


async def fetch_url(
    url: str, deadline: float | None = None, *, allow_private: bool = False
) -> Article:
    """Fetch and read a page exactly as ``summarizer brief URL`` does, within a deadline.

    Raises:
        InputError: A 4xx, a page that is not HTML or text, over the size cap, ...
        FetchError: The server cannot be reached or failed, or the deadline passed.
    """
    limit = FETCH_DEADLINE if deadline is None else deadline
    fetch = functools.partial(fetch_article, url, timeout=limit, allow_private=allow_private)
    return await asyncio.to_thread(fetch)


async def _brief_item(
    item: BatchItem,
    brief: Callable[[Article], Awaitable[BriefingResult]],
    *,
    allow_private: bool = False,
) -> dict[str, Any]:
    try:
        if item.problem is not None:
            article = load_local(item)  # raises the problem as an error line
        elif item.url is not None:
            article = await fetch_url(item.url, allow_private=allow_private)
        elif item.text is not None and len(item.text) <= INLINE_TEXT_CHARS:
            article = load_local(item)  # a fraction of a millisecond: cheaper than a thread hop
        else:
            article = await asyncio.to_thread(load_local, item)  # file reads, long texts
        result = await brief(article)
    except SummarizerError as exc:
        return error_line(item.id, type(exc).__name__, str(exc))
    except Exception as exc:  # one broken article must not sink a batch of thousands
        return error_line(item.id, "InternalError", f"{type(exc).__name__}: {exc}")
    return ok_line(item.id, result)
