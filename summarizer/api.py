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
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, Literal

import httpx2
from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.article import Article, article_from_text
from summarizer.config import Settings
from summarizer.errors import ConfigurationError, ModelOutputError
from summarizer.grounding import ArticleIndex
from summarizer.longdoc import merge, split_article
from summarizer.models import CONTEXT_KEY, Briefing
from summarizer.prompts import RenderedPrompt, messages_hash, render
from summarizer.retry import RetryPolicy

if TYPE_CHECKING:
    # Imported when an LLM engine is made: the offline engine never needs the
    # openai and instructor packages, which take most of the start-up time.
    from summarizer.llm import CallStats, LLMEngine

# Parts of one long article briefed at once by asummarize.
PART_CONCURRENCY = 4


@cache
def package_version() -> str:
    """The installed summarizer version (read once: it is on every result)."""
    try:
        return version("summarizer")
    except PackageNotFoundError:
        return "0+unknown"


class Provenance(BaseModel):
    """How a briefing was made.

    Attributes:
        engine: ``llm`` or ``extractive``.
        model: The model asked (None for the extractive engine).
        endpoint_kind: ``openai``, ``azure``, ``local`` or ``openai-compatible``.
        mode: The instructor mode (``tools``, ``json_schema``, ``json``, ``md_json``).
        prompt_template: The prompt template's name.
        prompt_version: The version the template declares.
        prompt_hash: SHA-256 of the rendered messages (for a long article briefed in
            parts, of the parts' hashes in order).
        parts: How many parts the article was briefed in (1 unless it was long).
        requests: Answers asked of the model (1 + re-asks).
        reasks: Validation re-asks (an answer was ungrounded or malformed).
        transport_retries: Requests repeated after transport faults.
        prompt_tokens: Prompt tokens over every answer.
        completion_tokens: Completion tokens over every answer.
        total_tokens: Their sum.
        latency_s: Wall time, retries and re-asks included.
        summarizer_version: The package version that made it.
    """

    model_config = ConfigDict(extra="forbid")

    engine: Literal["llm", "extractive"]
    model: str | None = None
    endpoint_kind: str | None = None
    mode: str | None = None
    prompt_template: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None
    parts: int = 1
    requests: int = 0
    reasks: int = 0
    transport_retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    latency_s: float = 0.0
    summarizer_version: str


class SourceInfo(BaseModel):
    """Where the article came from.

    Attributes:
        source: The path, ``<stdin>`` or ``<text>``.
        title: The title, when found.
        byline: The byline, when found.
        outlet: The outlet, when found.
        published: The publication date, when the page gave one.
        removed_lines: Lines of page furniture stripped before briefing.
    """

    model_config = ConfigDict(extra="forbid")

    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    removed_lines: int = 0


class BriefingResult(BaseModel):
    """A briefing with its provenance and source."""

    model_config = ConfigDict(extra="forbid")

    briefing: Briefing
    provenance: Provenance
    source: SourceInfo


def source_info(article: Article) -> SourceInfo:
    """The source metadata of a result."""
    return SourceInfo(
        source=article.source,
        title=article.title,
        byline=article.byline,
        outlet=article.outlet,
        published=article.published,
        removed_lines=len(article.removed),
    )


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
                    "the llm engine needs a model endpoint: set OPENAI_API_KEY, or "
                    "--base-url/OPENAI_BASE_URL for a local or other OpenAI-compatible server"
                )
            from summarizer.llm import LLMEngine

            self._llm = LLMEngine(
                self.settings,
                policy,
                http_client=http_client,
                async_http_client=async_http_client,
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> Summarizer:
        """Build a summarizer from the environment and explicit options.

        Args:
            environ: The environment to read; default ``os.environ``.
            **options: ``Settings`` fields (``model``, ``base_url``, ``api_key``,
                ``mode``, ``engine``, ``max_reasks``, ``timeout``) and the
                constructor's ``policy``, ``http_client``, ``async_http_client``.
        """
        extra = {
            k: options.pop(k)
            for k in ("policy", "http_client", "async_http_client")
            if k in options
        }
        settings = Settings.from_env(os.environ if environ is None else environ, **options)
        return cls(settings, **extra)

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

    def prompt(self, article: str | Article) -> RenderedPrompt:
        """Render the exact messages the LLM engine would send for ``article``."""
        return render(_as_article(article), mark=self.settings.datamark)

    def summarize(self, article: str | Article) -> BriefingResult:
        """Brief one article.

        An article over ``max_article_tokens`` is split on paragraph boundaries,
        each part briefed, and the part briefings merged and re-validated against
        the whole article.

        Args:
            article: Article text, or an ``Article`` from ``read_article``.

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

    async def asummarize(self, article: str | Article) -> BriefingResult:
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


@dataclass(frozen=True)
class Part:
    """One part of an article briefed in parts (the whole article when it is short).

    Attributes:
        article: The part, as an article of its own (source and title kept).
        position: (part number, parts) from 1, or None for a whole article.
    """

    article: Article
    position: tuple[int, int] | None


def article_parts(article: Article, max_tokens: int) -> list[Part]:
    """The parts ``article`` is briefed in: itself when it fits ``max_tokens``."""
    texts = split_article(article.text, max_tokens)
    if len(texts) == 1:
        return [Part(article, None)]
    return [Part(replace(article, text=text), (i, len(texts))) for i, text in enumerate(texts, 1)]


def assemble(
    article: Article,
    runs: list[tuple[RenderedPrompt, Briefing, CallStats]],
    *,
    settings: Settings,
    model: str,
    latency: float,
) -> BriefingResult:
    """One result from the briefings of an article's parts (merged and re-checked if several).

    Args:
        article: The whole article.
        runs: Each part's prompt, validated briefing and call figures, in order.
        settings: The engine settings the parts were briefed with.
        model: The model that briefed them.
        latency: Wall time of the whole, in seconds.

    Raises:
        ModelOutputError: The merged briefing does not validate against the whole article.
    """
    if len(runs) == 1:
        briefing = runs[0][1]
        prompt_hash = runs[0][0].hash
    else:
        briefing = _revalidated(merge([b for _, b, _ in runs]), article, "the merged briefing")
        prompt_hash = messages_hash([{"role": "parts", "content": p.hash} for p, _, _ in runs])
    stats = [s for _, _, s in runs]
    prompt_tokens = sum(s.prompt_tokens for s in stats)
    completion_tokens = sum(s.completion_tokens for s in stats)
    provenance = Provenance(
        engine="llm",
        model=model,
        endpoint_kind=settings.endpoint_kind(),
        mode=settings.mode,
        prompt_template=runs[0][0].template,
        prompt_version=runs[0][0].version,
        prompt_hash=prompt_hash,
        parts=len(runs),
        requests=sum(s.requests for s in stats),
        reasks=sum(s.reasks for s in stats),
        transport_retries=sum(s.transport_retries for s in stats),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        total_tokens=prompt_tokens + completion_tokens,
        latency_s=round(latency, 6),
        summarizer_version=package_version(),
    )
    return BriefingResult(briefing=briefing, provenance=provenance, source=source_info(article))


def _revalidated(briefing: Briefing, article: Article, failure: str) -> Briefing:
    """Validate a briefing we built (merged, or by rules) against the whole article.

    Args:
        briefing: The briefing.
        article: The article its quotes must come from.
        failure: What went wrong, for the error message, e.g. "the merged briefing".
    """
    try:
        return Briefing.model_validate(
            briefing.model_dump(), context={CONTEXT_KEY: ArticleIndex(article.text)}
        )
    except ValidationError as exc:
        raise ModelOutputError(
            f"{failure} of {article.source} does not validate: {exc.errors()[0]['msg']}"
        ) from exc


def _as_article(article: str | Article) -> Article:
    return article if isinstance(article, Article) else article_from_text(article)


def _extractive(article: Article) -> BriefingResult:
    from summarizer.extractive import brief_extractive

    started = time.perf_counter()
    briefing = brief_extractive(article.text)
    # Grounded by construction; checked anyway, because a rule bug must not
    # reach a reader as a quote the article never contained.
    _revalidated(briefing, article, "internal error: the extractive engine's briefing")
    provenance = Provenance(
        engine="extractive",
        latency_s=round(time.perf_counter() - started, 6),
        summarizer_version=package_version(),
    )
    return BriefingResult(briefing=briefing, provenance=provenance, source=source_info(article))


def summarize(article: str | Article, **options: Any) -> BriefingResult:
    """Brief one article with a one-off ``Summarizer``.

    Args:
        article: Article text, or an ``Article`` from ``read_article``.
        **options: As for ``Summarizer.from_env``.
    """
    with Summarizer.from_env(**options) as summarizer:
        return summarizer.summarize(article)


async def asummarize(article: str | Article, **options: Any) -> BriefingResult:
    """Async twin of ``summarize``."""
    summarizer = Summarizer.from_env(**options)
    try:
        return await summarizer.asummarize(article)
    finally:
        await summarizer.aclose()
