"""Batch briefing at scale, against the loopback server running in its own process.

Prints four figures:

1. throughput: 500 articles at concurrency 50, the server answering after a fixed
   100 ms, against the same 500 requests sent as raw ``httpx2`` POSTs at the same
   concurrency (no SDK, instructor, validation or output): the floor the HTTP
   client and the loopback server set on this machine (target <= 2x that floor).
   Beside it, the same requests through ``instructor.from_openai`` alone (the
   stack's own floor: SDK and instructor, none of our code);
2. client overhead: one briefing (render, call, parse, validate) against a raw HTTP
   POST of the same request to the same server at zero latency (target <= 3), the
   two timed in alternation and compared by their medians; beside it the stack
   alone (instructor + openai with the same request and response model);
3. a fully cached rerun: HTTP calls made (target 0) and time per article;
4. memory: peak RSS of ``summarizer batch`` with 1,000 and 10,000 queued articles.

Run: python bench/bench_batch.py [--quick]
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2
import instructor
import openai

from summarizer import Summarizer
from summarizer.batch.options import BatchOptions
from summarizer.batch.runner import brief_batch
from summarizer.config import Settings
from summarizer.inputs.article import Article, article_from_text
from summarizer.llm.cachetransport import CachingTransport
from summarizer.llm.calllog import CallLog
from summarizer.llm.capture import RequestShaper
from summarizer.llm.prompts import render
from summarizer.llm.request import create_arguments
from summarizer.models import Briefing

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from briefings import ARTICLE, GOOD  # noqa: E402

SERVER = """
import sys, time
from summarizer.testing.loopback import LoopbackServer, Reply
answer = Reply.answer({good}, delay={delay})
def fallback(request):
    server.requests.clear()  # the bench sends thousands; keep the server's memory flat
    return answer
server = LoopbackServer(fallback=fallback)
server.start()
print(server.base_url, flush=True)
sys.stdin.read()
server.stop()
"""


@contextmanager
def loopback(delay: float) -> Iterator[str]:
    """A loopback server in a child process, so it does not share our GIL."""
    code = SERVER.format(good=repr(GOOD), delay=delay)
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def manifest(path: Path, count: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = f"{ARTICLE}\nReference {tag}-{i}.\n"
            out.write(json.dumps({"id": f"{tag}{i}", "text": text}) + "\n")
    return path


def throughput_and_cache(work: Path) -> None:
    count, concurrency, latency = 500, 50, 0.1
    with loopback(latency) as url, CallLog(work / "calls.db") as log:
        settings = Settings(base_url=url, model="loopback-model", engine="llm")
        options = BatchOptions(concurrency=concurrency)
        warm = manifest(work / "warm.jsonl", concurrency, "w")
        brief_batch([warm], work / "warm.out.jsonl", settings, options=options, log=log)
        items = manifest(work / "in.jsonl", count, "a")
        started = time.perf_counter()
        summary = brief_batch([items], work / "out.jsonl", settings, options=options, log=log)
        elapsed = time.perf_counter() - started
        ideal = math.ceil(count / concurrency) * latency
        assert summary.done == count, summary
        raw = asyncio.run(raw_posts(settings, count, concurrency))
        stack = asyncio.run(stack_calls(settings, count, concurrency))
        print(
            f"throughput: {count} articles, concurrency {concurrency}, {latency * 1000:.0f} ms "
            f"latency: {elapsed:.3f} s (ideal {ideal:.3f} s); raw httpx2 POSTs {raw:.3f} s; "
            f"ours / raw = {elapsed / raw:.2f} (target <= 2); instructor + openai alone "
            f"{stack:.3f} s = {stack / raw:.2f} x raw, so ours / stack = {elapsed / stack:.2f}"
        )
        started = time.perf_counter()
        again = brief_batch([items], work / "again.jsonl", settings, options=options, log=log)
        elapsed = time.perf_counter() - started
        print(
            f"cached rerun: {again.http_calls} HTTP calls (target 0), {again.cache_hits} cache "
            f"hits, {elapsed / count * 1000:.2f} ms per article"
        )


def _stack_arguments(settings: Settings) -> dict[str, Any]:
    """The engine's create arguments, for instructor alone (no grounding, no retries)."""
    prompt = render(article_from_text(ARTICLE))
    return create_arguments(
        settings.resolved_model(), prompt.messages, instructor.response_schema(Briefing), 0
    )


async def stack_calls(settings: Settings, count: int, concurrency: int) -> float:
    """Seconds for ``count`` calls through instructor + openai alone, ``concurrency`` at once."""
    arguments = _stack_arguments(settings)
    sdk = openai.AsyncOpenAI(api_key="no-key-needed", base_url=settings.base_url, max_retries=0)
    client = instructor.from_openai(sdk, mode=instructor.Mode.TOOLS)
    gate = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with gate:
            await client.chat.completions.create_with_completion(**arguments)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    elapsed = time.perf_counter() - started
    await sdk.close()
    return elapsed


def shaped_request(settings: Settings) -> tuple[str, bytes]:
    """The URL and body of the chat request the engine sends for the test article."""
    url, body = RequestShaper(settings).shape(article_from_text(ARTICLE))
    return url, json.dumps(body).encode()


async def raw_posts(settings: Settings, count: int, concurrency: int) -> float:
    """Seconds to send ``count`` raw POSTs of the engine's request, ``concurrency`` at once."""
    url, payload = shaped_request(settings)
    headers = {"content-type": "application/json", "authorization": "Bearer no-key-needed"}
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx2.AsyncClient(limits=limits) as client:
        gate = asyncio.Semaphore(concurrency)

        async def post() -> None:
            async with gate:
                response = await client.post(url, content=payload, headers=headers)
                response.raise_for_status()
                response.json()

        await asyncio.gather(*(post() for _ in range(concurrency)))  # warm up
        started = time.perf_counter()
        await asyncio.gather(*(post() for _ in range(count)))
        return time.perf_counter() - started


def overhead(rounds: int = 300) -> None:
    """Per briefing, ours against a raw POST, timed in alternation so drift hits both alike."""
    with loopback(0.0) as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(base_url=url, model="loopback-model", engine="llm")
        articles = [article_from_text(f"{ARTICLE}\nReference o-{i}.\n") for i in range(rounds)]
        request_url, payload = shaped_request(settings)
        headers = {"content-type": "application/json", "authorization": "Bearer no-key-needed"}
        times: dict[str, list[float]] = {"raw": [], "stack": [], "ours": [], "logged": []}
        arguments = _stack_arguments(settings)
        with (
            openai.OpenAI(api_key="no-key-needed", base_url=url, max_retries=0) as sdk,
            httpx2.Client() as raw,
            Summarizer(settings) as ours,
            CallLog(Path(tmp) / "calls.db") as log,
            httpx2.Client(transport=CachingTransport(httpx2.HTTPTransport(), log)) as client,
            Summarizer(settings, http_client=client) as logged,
        ):
            stack = instructor.from_openai(sdk, mode=instructor.Mode.TOOLS)
            steps: dict[str, Callable[[Article], object]] = {
                "raw": lambda _: raw.post(request_url, content=payload, headers=headers).json(),
                "stack": lambda _: stack.chat.completions.create_with_completion(**arguments),
                "ours": ours.summarize,
                "logged": logged.summarize,
            }
            for i, article in enumerate(articles):
                for name, step in steps.items():
                    started = time.perf_counter()
                    step(article)
                    if i >= 20:  # the first rounds warm connections and caches
                        times[name].append(time.perf_counter() - started)
    raw_s, stack_s, ours_s, logged_s = (
        statistics.median(times[n]) for n in ("raw", "stack", "ours", "logged")
    )
    print(
        f"client overhead (medians): briefing {ours_s * 1000:.2f} ms / raw POST "
        f"{raw_s * 1000:.2f} ms = {ours_s / raw_s:.2f} (target <= 3); instructor + openai "
        f"alone {stack_s * 1000:.2f} ms = {stack_s / raw_s:.2f} x raw, so ours / stack = "
        f"{ours_s / stack_s:.2f}; with the call log {logged_s * 1000:.2f} ms = "
        f"{logged_s / raw_s:.2f}"
    )


def peak_rss(work: Path, count: int) -> float:
    """Peak RSS (MiB) of a ``summarizer batch`` process briefing ``count`` articles."""
    items = manifest(work / f"mem{count}.jsonl", count, f"m{count}-")
    with loopback(0.0) as url:
        env = {**os.environ, "SUMMARIZER_HOME": str(work / f"home{count}")}
        args = [
            sys.executable, "-m", "summarizer", "batch", str(items),
            "--out", str(work / f"mem{count}.out.jsonl"), "--concurrency", "50",
            "--base-url", url, "--model", "loopback-model", "--no-progress",
        ]  # fmt: skip
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, proc.returncode
    return usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        throughput_and_cache(work)
        overhead()
        small, large = (200, 2_000) if quick else (1_000, 10_000)
        rss = {n: peak_rss(work, n) for n in (small, large)}
        print(
            f"memory: peak RSS {rss[small]:.0f} MiB at {small:,} articles, "
            f"{rss[large]:.0f} MiB at {large:,} ({rss[large] / rss[small]:.2f}x)"
        )


if __name__ == "__main__":
    main()
