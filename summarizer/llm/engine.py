"""The LLM engine: one briefing from any OpenAI-compatible endpoint.

instructor is used the way its documentation shows: ``instructor.from_openai``
over an ``openai`` client, ``create_with_completion`` with the ``Briefing`` as
response model, and its hooks to count what each attempt cost. Layers:

1. the ``openai`` client, with its own retries off (``max_retries=0``), whose
   HTTP client checks each chat answer (``request.check_completion``): a body
   that is not a usable completion is a transport fault, a refusal is final;
2. instructor's attempt loop, run on our tenacity loop
   (``retry.attempts``, passed as ``max_retries``): transport faults are
   retried under the one policy (backoff, ``Retry-After``), answers that fail
   validation are re-asked with the validator's message.

Each request carries the completion budget (``Settings.max_tokens``). The
clients made here bound every request (``bounds``: a total deadline of
``Settings.timeout`` and a cap on the answer's size); a client passed in is
used as it is (wrap its transport in ``bounds.BoundedTransport`` for the same).
Each call notes the answers it got (``answers``); ``CallStats.accept`` marks
the one that became the briefing accepted in the call log, once it is final.

The article reaches the validators through ``models.grounded_in``, not
instructor's ``context=``: with a context, instructor renders every message as
a Jinja template, so an article holding ``{{`` or ``{%`` would be evaluated.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx2
import instructor
import openai
from pydantic import BaseModel

from summarizer.checks.grounding import ArticleIndex
from summarizer.config import ModeName, Settings
from summarizer.errors import ModelError, SummarizerError
from summarizer.llm import answers, bounds, debug, retry
from summarizer.llm.faults import model_error
from summarizer.llm.logs import secrets_hidden
from summarizer.llm.prompts import RenderedPrompt
from summarizer.llm.request import (
    INSTRUCTOR_MODES,
    completion_budget,
    create_arguments,
    install_async_checks,
    install_checks,
)
from summarizer.models import Briefing, grounded_in

# instructor wraps a plain model in a new ResponseSchema subclass on every call,
# which defeats its own schema cache (about 4 ms a call); wrapped once here with
# its public ``response_schema``, the schema is built once per process.
_RESPONSE_MODEL = instructor.response_schema(Briefing)

# Local servers need some key in the header; they ignore its value.
_NO_KEY = "no-key-needed"
# Where requests go when no base URL is set (the SDK's default).
OPENAI_BASE_URL = "https://api.openai.com/v1"

M = TypeVar("M", bound=BaseModel)

# The call whose attempts instructor's hooks are reporting (one per task or thread).
_CURRENT: ContextVar[CallStats | None] = ContextVar("summarizer_call", default=None)


@dataclass
class CallStats:
    """What one briefing cost.

    Attributes:
        requests: Model answers asked for by instructor (1 + validation re-asks).
        transport_retries: Requests repeated after transport faults.
        prompt_tokens: Prompt tokens over every answer.
        completion_tokens: Completion tokens over every answer.
        latency_s: Wall time of the whole call, waits included.
        retry_wait_s: Seconds spent waiting between transport retries.
    """

    requests: int = 0
    transport_retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retry_wait_s: float = 0.0
    last_text: str | None = field(default=None, repr=False)
    usage_known: bool = True
    answer: answers.Accept | None = field(default=None, repr=False, compare=False)

    def accept(self) -> None:
        """Mark the answer this call ended on accepted in the call log (if it was logged).

        Call it once the briefing it produced is final: only then may the log
        answer the same request again.
        """
        if self.answer is not None:
            self.answer()
            self.answer = None

    @property
    def reasks(self) -> int:
        """Validation re-asks: answers asked for after the first."""
        return max(self.requests - 1, 0)

    def record(self, completion: Any) -> None:
        """Add one completion's usage and remember its text."""
        usage = getattr(completion, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        self.last_text = _completion_text(completion)


def _completion_text(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None)
    if calls:
        return str(calls[0].function.arguments)
    content = getattr(message, "content", None)
    return content if isinstance(content, str) else None


def _on_response(response: Any) -> None:
    """Instructor hook ``completion:response``: one answer arrived for the current call."""
    stats = _CURRENT.get()
    if stats is not None:
        stats.record(response)


class LLMEngine:
    """Briefs articles through one OpenAI-compatible endpoint.

    Args:
        settings: Endpoint, model, mode and limits.
        policy: The transport retry policy.
        http_client: An ``httpx2.Client`` to send requests through (tests, proxies);
            its response hooks gain the completion check.
        async_http_client: Likewise for ``abrief``.
    """

    def __init__(
        self,
        settings: Settings,
        policy: retry.RetryPolicy | None = None,
        *,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        self.settings = settings
        self.model = settings.resolved_model()
        self.mode: ModeName = settings.mode
        self.policy = policy or retry.RetryPolicy()
        self._http_client = http_client
        self._async_http_client = async_http_client
        self._sync: instructor.Instructor | None = None
        self._async: instructor.AsyncInstructor | None = None
        self._sdk: openai.OpenAI | None = None
        self._async_sdk: openai.AsyncOpenAI | None = None
        self._budget = completion_budget(settings)

    @property
    def _client(self) -> instructor.Instructor:
        if self._sync is None:
            http = debug.debug_client(self._http_client or _bounded_client(self.settings))
            assert http is not None
            self._sdk = openai.OpenAI(
                api_key=self.settings.api_key or _NO_KEY,
                base_url=self.settings.base_url,
                max_retries=0,
                timeout=self.settings.timeout,
                http_client=install_checks(http),
            )
            self._sync = instructor.from_openai(self._sdk, mode=INSTRUCTOR_MODES[self.mode])
            self._sync.on("completion:response", _on_response)
        return self._sync

    @property
    def _async_client(self) -> instructor.AsyncInstructor:
        if self._async is None:
            http = debug.async_debug_client(
                self._async_http_client or _async_bounded_client(self.settings)
            )
            assert http is not None
            self._async_sdk = openai.AsyncOpenAI(
                api_key=self.settings.api_key or _NO_KEY,
                base_url=self.settings.base_url,
                max_retries=0,
                timeout=self.settings.timeout,
                http_client=install_async_checks(http),
            )
            self._async = instructor.from_openai(self._async_sdk, mode=INSTRUCTOR_MODES[self.mode])
            self._async.on("completion:response", _on_response)
        return self._async

    def __repr__(self) -> str:
        return f"LLMEngine(model={self.model!r}, mode={self.mode!r})"

    def close(self) -> None:
        """Close the sync HTTP client, if one was opened."""
        if self._sdk is not None:
            self._sdk.close()
            self._sdk = self._sync = None

    async def aclose(self) -> None:
        """Close both HTTP clients, if they were opened."""
        self.close()
        if self._async_sdk is not None:
            await self._async_sdk.close()
            self._async_sdk = self._async = None

    @contextmanager
    def _call(
        self, stats: CallStats, counter: retry.Attempts, article: ArticleIndex | None
    ) -> Iterator[None]:
        """Time the call, count it, ground it, and turn any failure into our error."""
        started = time.perf_counter()
        token = _CURRENT.set(stats)
        grounding = grounded_in(article) if article is not None else _nothing()
        try:
            with secrets_hidden(*self.settings.secrets()), grounding, answers.collecting() as got:
                yield
        except Exception as exc:
            self._count(stats, counter, started)
            error = self._error(exc, stats, counter)
            if not isinstance(error, ModelError):
                raise error from error.__cause__  # already ours (a broken call log)
            raise error from exc
        finally:
            _CURRENT.reset(token)
        self._count(stats, counter, started)
        stats.answer = got.last()

    @staticmethod
    def _count(stats: CallStats, counter: retry.Attempts, started: float) -> None:
        stats.latency_s = time.perf_counter() - started
        stats.requests = counter.requests
        stats.transport_retries = counter.transport_retries
        stats.retry_wait_s = counter.waited

    def extract(
        self,
        messages: Sequence[Mapping[str, str]],
        response_model: type[M],
        article: ArticleIndex | None = None,
    ) -> tuple[M, CallStats]:
        """Ask for ``response_model``; with ``article``, every quote is checked against it.

        Raises:
            TransportError: Transport faults outlasted the retry policy.
            UngroundedError: Quotes or figures stayed ungrounded after every re-ask.
            ModelOutputError: The answer could not be parsed or validated.
        """
        stats, counter = CallStats(), retry.Attempts()
        loop = retry.attempts(self.policy, counter, self.settings.max_reasks)
        with self._call(stats, counter, article):
            result, _ = self._client.chat.completions.create_with_completion(
                **create_arguments(self.model, messages, response_model, loop, self._budget)
            )
        return result, stats

    async def aextract(
        self,
        messages: Sequence[Mapping[str, str]],
        response_model: type[M],
        article: ArticleIndex | None = None,
    ) -> tuple[M, CallStats]:
        """Async twin of ``extract``."""
        stats, counter = CallStats(), retry.Attempts()
        loop = retry.async_attempts(self.policy, counter, self.settings.max_reasks)
        with self._call(stats, counter, article):
            result, _ = await self._async_client.chat.completions.create_with_completion(
                **create_arguments(self.model, messages, response_model, loop, self._budget)
            )
        return result, stats

    def brief(self, article: str, prompt: RenderedPrompt) -> tuple[Briefing, CallStats]:
        """Ask the model for a grounded briefing of ``article``.

        Args:
            article: The clean article text the quotes are checked against.
            prompt: The rendered messages.

        Returns:
            The validated briefing and what it cost.

        Raises:
            TransportError: Transport faults outlasted the retry policy.
            UngroundedError: Quotes or figures stayed ungrounded after every re-ask.
            ModelOutputError: The answer could not be parsed or validated.
        """
        return self.extract(prompt.messages, _RESPONSE_MODEL, ArticleIndex(article))

    async def abrief(self, article: str, prompt: RenderedPrompt) -> tuple[Briefing, CallStats]:
        """Async twin of ``brief``."""
        return await self.aextract(prompt.messages, _RESPONSE_MODEL, ArticleIndex(article))

    def _error(self, exc: Exception, stats: CallStats, counter: retry.Attempts) -> SummarizerError:
        """Turn whatever instructor or openai raised into one of ours."""
        error = model_error(
            exc,
            settings=self.settings,
            model=self.model,
            requests=counter.requests,
            retries=counter.transport_retries,
            last_text=stats.last_text,
            tries=counter.last_tries,
        )
        if isinstance(error, ModelError):
            error.prompt_tokens = stats.prompt_tokens
            error.completion_tokens = stats.completion_tokens
        return error


def _bounded_client(settings: Settings) -> httpx2.Client:
    """The SDK's default client, its requests bounded (deadline, size cap)."""
    url = settings.base_url or OPENAI_BASE_URL
    return openai.DefaultHttpxClient(transport=bounds.http_transport(url))


def _async_bounded_client(settings: Settings) -> httpx2.AsyncClient:
    """Async twin of ``_bounded_client``."""
    url = settings.base_url or OPENAI_BASE_URL
    return openai.DefaultAsyncHttpxClient(transport=bounds.async_http_transport(url))


@contextmanager
def _nothing() -> Iterator[None]:
    yield
