"""The service's one request path: article in, ``BriefingResult`` out, through ``Summarizer``.

A request may choose the engine and the model; the endpoint and its key are the
server's alone (a client naming an endpoint could point the server anywhere,
and could read the key back from the request it made). One ``Summarizer`` is
kept per engine and model. LLM calls go through the call log and its cache, as
the CLI's do.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import httpx2

from summarizer.api import Summarizer
from summarizer.config import EngineName, Settings
from summarizer.inputs.article import Article
from summarizer.llm.calllog import DB_NAME, CallLog, Tally
from summarizer.llm.retry import RetryPolicy
from summarizer.results import BriefingResult

# Summarizers kept at once (one per engine and model a client asked for).
MAX_SUMMARIZERS = 16
CPU_THREADS = 2

T = TypeVar("T")


class Briefer:
    """Briefs articles for the service.

    Args:
        settings: The server's engine, endpoint, model and mode.
        data_dir: Where the call log lives.
        use_cache: Answer repeated model requests from the call log.
        policy: The transport retry policy (tests shorten it).
        cpu_threads: Threads for the offline engine's CPU work. Few: the work holds
            the GIL, and more threads only fight over it with the event loop.
    """

    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        *,
        use_cache: bool = True,
        policy: RetryPolicy | None = None,
        cpu_threads: int = CPU_THREADS,
    ) -> None:
        self.settings = settings
        self.data_dir = data_dir
        self.use_cache = use_cache
        self.policy = policy
        self._log: CallLog | None = None
        self._summarizers: dict[tuple[str, str | None], Summarizer] = {}
        self._retired: list[Summarizer] = []
        self._cpu: ThreadPoolExecutor | None = None
        self.cpu_threads = cpu_threads
        self._lock = threading.Lock()

    @property
    def log(self) -> CallLog:
        """The call log (opened on first use: the offline engine never needs it)."""
        with self._lock:
            if self._log is None:
                self._log = CallLog(self.data_dir / DB_NAME)
            return self._log

    def tally(self) -> Tally:
        """What the model calls made through this process cost so far."""
        return dataclasses.replace(self._log.tally) if self._log is not None else Tally()

    def settings_for(self, engine: EngineName | None, model: str | None) -> Settings:
        """The server's settings with a request's engine and model.

        Raises:
            ConfigurationError: The engine cannot run here (``llm`` with no endpoint).
        """
        return dataclasses.replace(
            self.settings,
            engine=engine or self.settings.engine,
            model=model or self.settings.model,
        )

    def summarizer(self, engine: EngineName | None, model: str | None) -> Summarizer:
        """The summarizer for this engine and model (made once, then kept).

        Raises:
            ConfigurationError: The engine cannot run here.
        """
        settings = self.settings_for(engine, model)
        resolved = settings.resolved_engine()
        key = (resolved, settings.model if resolved == "llm" else None)
        with self._lock:
            found = self._summarizers.get(key)
        if found is not None:
            return found
        client = None
        if resolved == "llm":
            from summarizer.llm.cachetransport import AsyncCachingTransport

            transport = AsyncCachingTransport(
                httpx2.AsyncHTTPTransport(), self.log, use_cache=self.use_cache
            )
            client = httpx2.AsyncClient(transport=transport, timeout=settings.timeout)
        made = Summarizer(settings, policy=self.policy, async_http_client=client)
        with self._lock:
            if len(self._summarizers) >= MAX_SUMMARIZERS:
                # Forget the oldest; its client is closed when the server stops.
                self._retired.append(self._summarizers.pop(next(iter(self._summarizers))))
            return self._summarizers.setdefault(key, made)

    async def brief(
        self, article: Article, engine: EngineName | None = None, model: str | None = None
    ) -> BriefingResult:
        """Brief one article.

        Raises:
            ConfigurationError: The engine cannot run here.
            ModelError: The model call failed.
        """
        summarizer = self.summarizer(engine, model)
        if summarizer.engine == "llm":
            return await summarizer.asummarize(article)
        # The offline engine is CPU work: off the event loop, so requests keep flowing.
        return await self.run_cpu(summarizer.summarize, article)

    async def run_cpu(self, func: Callable[..., T], *args: object) -> T:
        """Run ``func(*args)`` on the CPU threads."""
        with self._lock:
            if self._cpu is None:
                self._cpu = ThreadPoolExecutor(
                    self.cpu_threads, thread_name_prefix="summarizer-cpu"
                )
            pool = self._cpu
        return await asyncio.get_running_loop().run_in_executor(pool, func, *args)

    async def aclose(self) -> None:
        """Close every summarizer's clients and the call log."""
        with self._lock:
            kept = [*self._summarizers.values(), *self._retired]
            self._summarizers.clear()
            self._retired = []
            pool, self._cpu = self._cpu, None
        if pool is not None:
            pool.shutdown(wait=False)
        for summarizer in kept:
            await summarizer.aclose()
        if self._log is not None:
            self._log.close()
            self._log = None
