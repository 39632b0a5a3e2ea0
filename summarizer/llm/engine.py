"""The LLM engine: one briefing from any OpenAI-compatible endpoint.

Layers, innermost first:

1. the ``openai`` client, with its own retries off (``max_retries=0``);
2. ``retry.call``: the one tenacity policy for transport faults;
3. instructor, patched over (2): it asks for the ``Briefing`` in the chosen
   mode, validates the answer against the article, and re-asks with the
   validator's message when a quote or figure is not grounded.

The article reaches the validators through ``models.grounded_in``, not
instructor's ``context=``: with a context, instructor renders every message as
a Jinja template, so an article holding ``{{`` or ``{%`` would be evaluated,
and each message would cost a template compile. Without one, the messages go
out exactly as rendered.

Hot path (a batch sends thousands of these; ``bench/bench_batch.py``):

- the request goes out through the SDK's documented ``client.post``: the body
  is plain JSON already, so ``chat.completions.create``'s walk over its typed
  parameters would change nothing and costs a fifth of a millisecond; the
  answer comes back raw and is parsed by pydantic (``parse_completion``);
- instructor checks the response model for async validators about six times a
  call, walking every class in the schema each time; ``Briefing`` is checked
  once at import and those re-walks are skipped (``_check_schema_once``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx2
import instructor
import instructor.v2.core.patch as _instructor_patch
import openai
from instructor.v2.validation import async_validators as _async_validators
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from summarizer.checks.grounding import ArticleIndex
from summarizer.config import ModeName, Settings
from summarizer.errors import MalformedResponse, ModelError, Refusal
from summarizer.llm import debug, retry
from summarizer.llm.faults import model_error
from summarizer.llm.prompts import RenderedPrompt
from summarizer.models import Briefing, grounded_in

# instructor logs every failed attempt at ERROR and gives its logger no handler,
# so Python's last-resort handler printed those lines on the stderr of every
# program using summarizer, beside the typed error we raise for the same fault.
# With a NullHandler they show only where the program configures logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())

INSTRUCTOR_MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}

# instructor wraps a plain model in a new ResponseSchema subclass on every call,
# which defeats its own schema cache (about 4 ms a call); wrapped once here, the
# schema is built once per process.
_RESPONSE_MODEL = instructor.response_schema(Briefing)


def _check_schema_once() -> None:
    """Make instructor's async-validator check walk ``_RESPONSE_MODEL`` once, not per call.

    instructor (1.17) calls ``reject_async_validators`` on the response model
    about six times per request, each a walk over every class in the schema:
    near a millisecond a briefing. The walk's answer for a class cannot change,
    so ours is walked here, once (raising, as instructor would, if ``Briefing``
    ever gains an async validator), and later calls for it return at once.
    Every other model is still checked on every call.
    """
    reject = _async_validators.reject_async_validators
    reject(_RESPONSE_MODEL)

    def reject_once(response_model: Any) -> None:
        if response_model is not _RESPONSE_MODEL:
            reject(response_model)

    _async_validators.reject_async_validators = reject_once
    setattr(_instructor_patch, "reject_async_validators", reject_once)  # noqa: B010


_check_schema_once()

# Relative to the client's base URL, as the SDK's own chat.completions.create posts.
_PATH = "/chat/completions"
# Local servers need some key in the header; they ignore its value.
_NO_KEY = "no-key-needed"


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


def parse_completion(body: bytes) -> Any:
    """A 200 body as a ``ChatCompletion``, as leniently as the SDK reads one.

    pydantic's validator parses a well-formed completion several times faster
    than the SDK's field-by-field construction; a body that is JSON but off the
    spec (a local server leaving out ``created``, say) is built without
    validation, as the SDK would, and ``checked`` judges what came of it.

    Raises:
        json.JSONDecodeError: The body is not JSON.
    """
    try:
        return ChatCompletion.model_validate_json(body)
    except ValidationError:
        data = json.loads(body)
    if not isinstance(data, dict):
        return data
    return ChatCompletion.construct(**data)


def checked(completion: Any) -> Any:
    """Pass a usable chat completion through; raise on what the SDK let by.

    Raises:
        MalformedResponse: Not a completion (a proxy's HTML page), or no choices.
        Refusal: The model refused.
    """
    choices = getattr(completion, "choices", None)
    if choices is None:
        kind = type(completion).__name__
        raise MalformedResponse(f"a body that is not a chat completion ({kind})")
    if not choices:
        raise MalformedResponse("a completion with no choices")
    refusal = getattr(choices[0].message, "refusal", None)
    if refusal:
        raise Refusal(str(refusal))
    return completion


class LLMEngine:
    """Briefs articles through one OpenAI-compatible endpoint.

    Args:
        settings: Endpoint, model, mode and limits.
        policy: The transport retry policy.
        http_client: An ``httpx2.Client`` to send requests through (tests, proxies).
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
        self._sync: openai.OpenAI | None = None
        self._async: openai.AsyncOpenAI | None = None

    @property
    def _client(self) -> openai.OpenAI:
        if self._sync is None:
            self._sync = openai.OpenAI(
                api_key=self.settings.api_key or _NO_KEY,
                base_url=self.settings.base_url,
                max_retries=0,
                timeout=self.settings.timeout,
                http_client=debug.debug_client(self._http_client),
            )
        return self._sync

    @property
    def _async_client(self) -> openai.AsyncOpenAI:
        if self._async is None:
            self._async = openai.AsyncOpenAI(
                api_key=self.settings.api_key or _NO_KEY,
                base_url=self.settings.base_url,
                max_retries=0,
                timeout=self.settings.timeout,
                http_client=debug.async_debug_client(self._async_http_client),
            )
        return self._async

    def __repr__(self) -> str:
        return f"LLMEngine(model={self.model!r}, mode={self.mode!r})"

    def close(self) -> None:
        """Close the sync HTTP client, if one was opened."""
        if self._sync is not None:
            self._sync.close()
            self._sync = None

    async def aclose(self) -> None:
        """Close both HTTP clients, if they were opened."""
        self.close()
        if self._async is not None:
            await self._async.close()
            self._async = None

    def _request(self, prompt: RenderedPrompt) -> dict[str, Any]:
        """The arguments of instructor's create call (no ``context=``: see the module doc)."""
        return {
            "model": self.model,
            "messages": [dict(m) for m in prompt.messages],
            "response_model": _RESPONSE_MODEL,
            "max_retries": self.settings.max_reasks,
            "strict": False,
        }

    @contextmanager
    def _accounted(self, stats: CallStats, counter: retry.RetryCounter) -> Iterator[None]:
        """Time the call, copy the retry counts, and turn any failure into our error."""
        started = time.perf_counter()
        try:
            yield
        except Exception as exc:
            raise self._error(exc, stats, counter) from exc
        finally:
            stats.latency_s = time.perf_counter() - started
            stats.transport_retries = counter.retries
            stats.retry_wait_s = counter.waited

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
        stats = CallStats()
        counter = retry.RetryCounter()

        def create(**kwargs: Any) -> Any:
            stats.requests += 1

            def once() -> Any:
                try:
                    response = self._client.post(_PATH, body=kwargs, cast_to=httpx2.Response)
                    return checked(parse_completion(response.content))
                except json.JSONDecodeError as exc:
                    raise MalformedResponse(f"a body that is not JSON ({exc.msg})") from exc
                except openai.APIError as exc:
                    raise self._redacted(exc) from None

            completion = retry.call(self.policy, counter, once)
            stats.record(completion)
            return completion

        patched: Callable[..., Briefing] = instructor.patch(
            create=create, mode=INSTRUCTOR_MODES[self.mode]
        )
        with self._accounted(stats, counter), grounded_in(ArticleIndex(article)):
            briefing = patched(**self._request(prompt))
        return briefing, stats

    async def abrief(self, article: str, prompt: RenderedPrompt) -> tuple[Briefing, CallStats]:
        """Async twin of ``brief``."""
        stats = CallStats()
        counter = retry.RetryCounter()

        async def create(**kwargs: Any) -> Any:
            stats.requests += 1

            async def once() -> Any:
                try:
                    response = await self._async_client.post(
                        _PATH, body=kwargs, cast_to=httpx2.Response
                    )
                    return checked(parse_completion(response.content))
                except json.JSONDecodeError as exc:
                    raise MalformedResponse(f"a body that is not JSON ({exc.msg})") from exc
                except openai.APIError as exc:
                    raise self._redacted(exc) from None

            completion = await retry.acall(self.policy, counter, once)
            stats.record(completion)
            return completion

        patched: Callable[..., Awaitable[Briefing]] = instructor.patch(
            create=create, mode=INSTRUCTOR_MODES[self.mode]
        )
        with self._accounted(stats, counter), grounded_in(ArticleIndex(article)):
            briefing = await patched(**self._request(prompt))
        return briefing, stats

    def _redacted(self, exc: openai.APIError) -> openai.APIError:
        """``exc`` with the API key scrubbed from its message and body.

        A server may echo the key back ("invalid key sk-..."); instructor logs the
        error text at each failed attempt, so the key must be gone before that.
        """
        key = self.settings.api_key
        if not key or key not in str(exc) + repr(getattr(exc, "body", None)):
            return exc
        text = str(exc).replace(key, "[redacted]")
        exc.message = text
        exc.args = (text,)
        exc.body = None
        return exc

    def _error(self, exc: Exception, stats: CallStats, counter: retry.RetryCounter) -> ModelError:
        """Turn whatever instructor or openai raised into one of ours."""
        return model_error(
            exc,
            settings=self.settings,
            model=self.model,
            requests=stats.requests,
            retries=counter.retries,
            last_text=stats.last_text,
        )
