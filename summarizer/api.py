"""The Python API: ``Summarizer``, ``summarize`` and ``asummarize``.

A ``Summarizer`` holds the configuration (engine, endpoint, model, mode, retry
policy, HTTP client) for repeated calls; the two functions are shortcuts that
build one from the environment and the keyword arguments given.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import httpx2
from typing_extensions import Unpack

from summarizer.config import EngineName, ModeName, Settings
from summarizer.errors import ConfigurationError
from summarizer.inputs.article import Article, article_from_text
from summarizer.inputs.load import read_article
from summarizer.llm.prompts import RenderedPrompt, render
from summarizer.llm.retry import RetryPolicy
from summarizer.models import Briefing
from summarizer.pipeline.longdoc import Part, article_parts, assemble
from summarizer.results import BriefingResult

if TYPE_CHECKING:
    # Imported when an LLM engine is made: the offline engine never needs the
    # openai and instructor packages, which take most of the start-up time.
    from summarizer.llm.engine import CallStats, LLMEngine

# Parts of one long article briefed at once by asummarize.
PART_CONCURRENCY = 4


class SummarizeOptions(TypedDict, total=False):
    """The keyword options of ``summarize``, ``asummarize`` and ``Summarizer.from_env``.

    A misspelt option is a type-checker error. Each ``Settings`` field given here
    wins over the environment; see ``summarizer.config.Settings`` for what each does.
    """

    model: str
    base_url: str
    api_key: str
    mode: ModeName
    engine: EngineName
    max_reasks: int
    timeout: float
    datamark: bool
    max_article_tokens: int
    policy: RetryPolicy
    http_client: httpx2.Client
    async_http_client: httpx2.AsyncClient


_CONSTRUCTOR_OPTIONS = frozenset({"policy", "http_client", "async_http_client"})


class Summarizer:
    """Briefs articles with one configuration.

    Args:
        settings: Engine, endpoint, model, mode and limits; default: from the
            process environment.
        policy: Transport retry policy.
        http_client: ``httpx2.Client`` for the LLM engine (proxies, tests).
        async_http_client: ``httpx2.AsyncClient`` for ``asummarize``.

    Example:
        ```python
        with Summarizer.from_env(base_url="http://localhost:11434/v1", model="qwen2.5") as s:
            for text in articles:
                print(s.summarize(text).briefing.headline)
        ```
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        policy: RetryPolicy | None = None,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        self.settings = settings if settings is not None else Settings.from_env(os.environ)
        self.engine = self.settings.resolved_engine()
        self._llm: LLMEngine | None = None
        if self.engine == "llm":
            if not self.settings.endpoint_configured:
                raise ConfigurationError(
                    "the llm engine needs a model endpoint: set OPENAI_API_KEY, or base_url "
                    "or OPENAI_BASE_URL for a local or other OpenAI-compatible server",
                    settings=("base_url",),
                )
            from summarizer.llm.engine import LLMEngine

            self._llm = LLMEngine(
                self.settings,
                policy,
                http_client=http_client,
                async_http_client=async_http_client,
            )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **options: Unpack[SummarizeOptions]
    ) -> Summarizer:
        """Build a summarizer from the environment and explicit options.

        Args:
            environ: The environment to read; default ``os.environ``.
            **options: See ``SummarizeOptions``: ``Settings`` fields, which win over the
                environment, and the constructor's ``policy`` and HTTP clients.
        """
        unknown = sorted(set(options) - set(SummarizeOptions.__annotations__))
        if unknown:
            raise TypeError(f"unknown option(s) {', '.join(map(repr, unknown))}")
        settings_fields = {k: v for k, v in options.items() if k not in _CONSTRUCTOR_OPTIONS}
        settings = Settings.from_env(os.environ if environ is None else environ, **settings_fields)
        return cls(
            settings,
            policy=options.get("policy"),
            http_client=options.get("http_client"),
            async_http_client=options.get("async_http_client"),
        )

    def __repr__(self) -> str:
        return f"Summarizer(engine={self.engine!r}, settings={self.settings!r})"

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the HTTP client."""
        if self._llm is not None:
            self._llm.close()

    async def aclose(self) -> None:
        """Release both HTTP clients."""
        if self._llm is not None:
            await self._llm.aclose()

    def prompt(self, article: str | Path | Article) -> RenderedPrompt:
        """Render the exact messages the LLM engine would send for ``article``."""
        return render(_as_article(article), mark=self.settings.datamark)

    def summarize(self, article: str | Path | Article) -> BriefingResult:
        """Brief one article.

        An article over ``max_article_tokens`` is split on paragraph boundaries,
        each part briefed, and the part briefings merged and re-validated against
        the whole article.

        Args:
            article: The article's text (a ``str`` is always text), a
                ``pathlib.Path`` to read it from, or an ``Article``.

        Returns:
            The briefing, how it was made, and where the article came from.

        Raises:
            InputError: The article is empty or unusable.
            ModelError: The model call failed (transport, invalid or ungrounded answer).
        """
        art = _as_article(article)
        if self._llm is None:
            return _extractive(art)
        started = time.perf_counter()
        runs = []
        for part in self._parts(art):
            prompt = render(part.article, mark=self.settings.datamark, part=part.position)
            briefing, stats = self._llm.brief(part.article.text, prompt)
            runs.append((prompt, briefing, stats))
        latency = time.perf_counter() - started
        return assemble(art, runs, settings=self.settings, model=self._llm.model, latency=latency)

    async def asummarize(self, article: str | Path | Article) -> BriefingResult:
        """Async twin of ``summarize``; the parts of a long article are briefed concurrently."""
        art = _as_article(article)
        if self._llm is None:
            return _extractive(art)
        llm = self._llm
        started = time.perf_counter()
        gate = asyncio.Semaphore(PART_CONCURRENCY)

        async def one(part: Part) -> tuple[RenderedPrompt, Briefing, CallStats]:
            prompt = render(part.article, mark=self.settings.datamark, part=part.position)
            async with gate:
                briefing, stats = await llm.abrief(part.article.text, prompt)
            return prompt, briefing, stats

        runs = await asyncio.gather(*(one(p) for p in self._parts(art)))
        latency = time.perf_counter() - started
        return assemble(art, list(runs), settings=self.settings, model=llm.model, latency=latency)

    def _parts(self, article: Article) -> list[Part]:
        return article_parts(article, self.settings.max_article_tokens)


def _as_article(article: str | Path | Article) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, Path):
        return read_article(article)
    return article_from_text(article)


def _extractive(article: Article) -> BriefingResult:
    from summarizer.extractive import brief_result

    return brief_result(article)


def summarize(article: str | Path | Article, **options: Unpack[SummarizeOptions]) -> BriefingResult:
    """Brief one article with a one-off ``Summarizer``.

    Args:
        article: The article's text (a ``str`` is always text, never a file name),
            a ``pathlib.Path`` to read it from (furniture stripped, HTML
            extracted, as ``read_article`` does), or an ``Article``.
        **options: See ``SummarizeOptions``; as for ``Summarizer.from_env``.
    """
    with Summarizer.from_env(**options) as summarizer:
        return summarizer.summarize(article)


async def asummarize(
    article: str | Path | Article, **options: Unpack[SummarizeOptions]
) -> BriefingResult:
    """Async twin of ``summarize``."""
    summarizer = Summarizer.from_env(**options)
    try:
        return await summarizer.asummarize(article)
    finally:
        await summarizer.aclose()
