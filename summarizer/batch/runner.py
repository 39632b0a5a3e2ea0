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
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import httpx2

from summarizer.api import Summarizer
from summarizer.batch.gate import GatedTransport, RateGate
from summarizer.batch.inputs import BatchItem, check_inputs, fetch, iter_items, load_local
from summarizer.batch.options import BatchOptions, BatchSummary, OnResult, Status
from summarizer.batch.output import GroupCommit, ResultFile, error_line, ok_line
from summarizer.config import Settings
from summarizer.errors import ConfigurationError, SummarizerError
from summarizer.inputs.article import Article
from summarizer.llm.cachetransport import AsyncCachingTransport
from summarizer.llm.calllog import CallLog, Tally
from summarizer.llm.retry import RetryPolicy
from summarizer.results import BriefingResult

# Inline article text up to this length is cleaned on the event loop: handing it
# to a thread cost more CPU (about half a millisecond an article) than the work.
INLINE_TEXT_CHARS = 100_000


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
        if log is not None:
            summary.add_tally(before, log.tally)
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
    fetcher = httpx2.AsyncClient(timeout=settings.timeout)
    try:
        with ResultFile.open(output, retry_errors=options.retry_errors) as out:
            summarizer = Summarizer(settings, policy=policy, async_http_client=client)
            try:
                brief = _briefer(summarizer)
                await _run_workers(
                    iter_items(inputs),
                    out,
                    brief,
                    fetcher,
                    options.concurrency,
                    summary,
                    on_result,
                )
            finally:
                await summarizer.aclose()
    finally:
        await client.aclose()
        await fetcher.aclose()
    if log is not None:
        summary.add_tally(before, log.tally)
    summary.elapsed_s = time.perf_counter() - started
    return summary


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
    fetcher: httpx2.AsyncClient,
    concurrency: int,
    summary: BatchSummary,
    on_result: OnResult | None,
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
                line = await _brief_item(item, brief, fetcher)
                await writer.append(line)
            finally:
                in_flight.discard(item.id)
            report("ok" if line["status"] == "ok" else "error")

    async with asyncio.TaskGroup() as group:
        for _ in range(concurrency):
            group.create_task(worker())


async def _brief_item(
    item: BatchItem,
    brief: Callable[[Article], Awaitable[BriefingResult]],
    fetcher: httpx2.AsyncClient,
) -> dict[str, Any]:
    try:
        if item.url is not None:
            article = await fetch(item.url, fetcher)
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
