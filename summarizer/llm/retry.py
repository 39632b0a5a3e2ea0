"""The one retry policy for transport faults.

The openai SDK's own retries are switched off (``max_retries=0``) and instructor
only re-asks on validation errors, so this module is the only place a request is
repeated after a transport fault: 408, 409, 429 and 5xx answers, timeouts and
connection errors. Waits back off exponentially with full jitter, and a server's
``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date) is honoured up to
a cap; a value that is not a finite number (``nan``, ``inf``) is no hint at all.
The sleep functions and the clock are injected so tests never wait.

Not repeated: an answer over the size cap (``ResponseTooLarge``), a refusal,
and a failure of the call log under the request (``CallLogError``).
"""

from __future__ import annotations

import asyncio
import math
import random
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

from summarizer.errors import CallLogError, MalformedResponse, Refusal, ResponseTooLarge
from summarizer.llm.logs import LOGGER

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 429})


def replay_miss(exc: BaseException) -> bool:
    """Say whether ``exc`` comes from a cassette with no recorded answer for the request.

    vcrpy raises inside the HTTP transport and the SDK reports a connection error;
    repeating the request cannot help, so it is not transient.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ == "CannotOverwriteExistingCassetteException":
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# What servers say when a prompt does not fit the context they were started with:
# OpenAI and vLLM ("maximum context length"), llama.cpp ("exceeds the available
# context size", "Context size has been exceeded", "n_ctx"), llama-cpp-python
# ("Requested tokens (N) exceed context window"), Ollama ("context length").
_CONTEXT_OVERFLOW = re.compile(
    r"context (?:length|window|size)|maximum context|n_ctx|too many tokens|"
    r"exceeds? (?:the )?(?:available )?context",
    re.IGNORECASE,
)


def is_context_overflow(exc: BaseException) -> bool:
    """Say whether ``exc`` is a server refusing a prompt too long for its context.

    Asking again cannot help (llama.cpp answers HTTP 500 when its parallel slots
    share the context, which would otherwise look transient).
    """
    import openai

    if not isinstance(exc, openai.APIStatusError) or exc.status_code not in (400, 413, 500):
        return False
    return bool(_CONTEXT_OVERFLOW.search(f"{exc.message} {exc.body}"))


def is_transient(exc: BaseException) -> bool:
    """Say whether ``exc`` is a transport fault worth another try."""
    import openai  # needed only once a request has failed; keeps start-up light

    if replay_miss(exc) or is_context_overflow(exc):
        return False
    if isinstance(exc, MalformedResponse):
        return True
    if isinstance(exc.__cause__, Refusal | ResponseTooLarge | CallLogError):
        # Asking again gets the same refusal or the same oversized answer; a
        # broken call log is not the endpoint's fault and will not mend itself.
        return False
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRYABLE_STATUS or exc.status_code >= 500
    # APITimeoutError is a subclass of APIConnectionError.
    return isinstance(exc, openai.APIConnectionError)


def retry_after_seconds(exc: BaseException, now: Callable[[], datetime]) -> float | None:
    """Read how long the server asked us to wait, if it did.

    Args:
        exc: The failed request's exception.
        now: The current time (UTC), for ``Retry-After`` given as an HTTP date.

    Returns:
        Seconds to wait, or None when the server gave no usable hint.
    """
    import openai

    if not isinstance(exc, openai.APIStatusError):
        return None
    return retry_after(exc.response.headers, now)


def retry_after(headers: Mapping[str, str], now: Callable[[], datetime]) -> float | None:
    """Seconds a response asks the client to wait: ``retry-after-ms``, else ``Retry-After``.

    ``Retry-After`` may be seconds or an HTTP date; None when neither header is usable.
    """
    millis = _seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return max(millis / 1000.0, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return max(seconds, 0.0)
    if _is_number(value):
        return None  # nan, inf: a number, but not one to wait for
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now()).total_seconds(), 0.0)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _seconds(text: str | None) -> float | None:
    """``text`` as a finite number, else None (absent, not a number, ``nan``, ``inf``)."""
    if text is None or not _is_number(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """How transport faults are retried.

    Attributes:
        max_attempts: Requests in all for one model call, the first included.
        initial_wait: Base of the exponential backoff, in seconds.
        max_wait: Cap on one backoff wait, in seconds.
        max_retry_after: Cap on a server-requested wait; a longer request is
            shortened to this.
        sleep: Blocking sleep; None means ``time.sleep``, looked up at call time
            so a test fixture can replace it.
        async_sleep: Async sleep; None means ``asyncio.sleep``, likewise.
        now: The clock, for ``Retry-After`` dates.
        rng: Source of jitter.
    """

    max_attempts: int = 5
    initial_wait: float = 1.0
    max_wait: float = 30.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] | None = field(default=None, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] | None = field(default=None, repr=False)
    now: Callable[[], datetime] = field(default=_utcnow, repr=False)
    rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    def wait_for(self, state: RetryCallState) -> float:
        """Seconds to wait before the next attempt (tenacity ``wait`` hook)."""
        exc = state.outcome.exception() if state.outcome else None
        if exc is not None:
            hinted = retry_after_seconds(exc, self.now)
            if hinted is not None:
                return min(hinted, self.max_retry_after)
        ceiling = min(self.max_wait, self.initial_wait * 2 ** (state.attempt_number - 1))
        return self.rng.uniform(0.0, ceiling)


@dataclass
class RetryCounter:
    """Counts what the policy did during one briefing.

    Attributes:
        retries: Transport retries made (requests repeated after a fault).
        waited: Seconds spent waiting between them.
    """

    retries: int = 0
    waited: float = 0.0

    def before_sleep(self, state: RetryCallState) -> None:
        """Tenacity hook: one more retry is about to happen."""
        self.retries += 1
        self.waited += state.upcoming_sleep


def call(policy: RetryPolicy, counter: RetryCounter, fn: Callable[[], T]) -> T:
    """Call ``fn``, retrying transport faults under ``policy``.

    Raises:
        openai.APIError: The last fault, once the attempts are spent or when it
            is not transient.
    """
    retrying = Retrying(
        stop=stop_after_attempt(policy.max_attempts),
        wait=policy.wait_for,
        retry=retry_if_exception(is_transient),
        sleep=policy.sleep or _sleep,
        before_sleep=counter.before_sleep,
        reraise=True,
    )
    return retrying(fn)


async def acall(policy: RetryPolicy, counter: RetryCounter, fn: Callable[[], Awaitable[T]]) -> T:
    """Await ``fn()``, retrying transport faults under ``policy``.

    Raises:
        openai.APIError: The last fault, once the attempts are spent or when it
            is not transient.
    """
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_attempts),
        wait=policy.wait_for,
        retry=retry_if_exception(is_transient),
        sleep=policy.async_sleep or _async_sleep,
        before_sleep=counter.before_sleep,
        reraise=True,
    )
    return await retrying(fn)


@dataclass
class Attempts:
    """What one model call's attempts did, counted as tenacity runs them.

    Attributes:
        transport_retries: Requests repeated after a transport fault.
        reasks: Requests sent again because the answer failed validation.
        waited: Seconds spent waiting before transport retries.
        last_tries: How many times the latest request (the first, or the latest
            re-ask) was sent: what a failure's message counts.
    """

    transport_retries: int = 0
    reasks: int = 0
    waited: float = 0.0
    last_tries: int = 1
    _faults_in_a_row: int = field(default=0, repr=False)

    @property
    def requests(self) -> int:
        """Answers asked for: the first request and each re-ask, not transport repeats."""
        return 1 + self.reasks

    @property
    def sent(self) -> int:
        """Requests sent: every attempt, transport repeats and re-asks included."""
        return 1 + self.reasks + self.transport_retries


def is_reask(exc: BaseException | None) -> bool:
    """Say whether instructor re-asks after ``exc`` (the answer failed to parse or validate)."""
    import json

    from pydantic import ValidationError

    return isinstance(exc, ValidationError | json.JSONDecodeError) or (
        type(exc).__name__ in ("ResponseParsingError", "AsyncValidationError")
    )


@dataclass
class _Loop:
    """tenacity's retry, stop, wait and before_sleep for one briefing's attempts."""

    policy: RetryPolicy
    counter: Attempts
    max_reasks: int

    @staticmethod
    def _outcome(state: RetryCallState) -> BaseException | None:
        return state.outcome.exception() if state.outcome else None

    def retry(self, state: RetryCallState) -> bool:
        exc = self._outcome(state)
        return exc is not None and (is_reask(exc) or is_transient(exc))

    def stop(self, state: RetryCallState) -> bool:
        exc = self._outcome(state)
        counter = self.counter
        if exc is not None and is_transient(exc):
            # Consecutive faults, as a fresh request would count them: a re-ask
            # after two faults still gets the policy's full attempts.
            counter._faults_in_a_row += 1
            counter.last_tries = counter._faults_in_a_row
            return counter._faults_in_a_row >= self.policy.max_attempts
        counter.last_tries = counter._faults_in_a_row + 1
        counter._faults_in_a_row = 0
        return not is_reask(exc) or counter.reasks >= self.max_reasks

    def wait(self, state: RetryCallState) -> float:
        exc = self._outcome(state)
        return self.policy.wait_for(state) if exc is not None and is_transient(exc) else 0.0

    def before_sleep(self, state: RetryCallState) -> None:
        if is_reask(self._outcome(state)):
            self.counter.reasks += 1
        else:
            self.counter.transport_retries += 1
            self.counter.waited += state.upcoming_sleep
            LOGGER.info(
                "transport fault, retrying in %.1f s: %s",
                state.upcoming_sleep,
                self._outcome(state),
            )


def attempts(policy: RetryPolicy, counter: Attempts, max_reasks: int) -> Retrying:
    """The tenacity loop instructor runs one briefing in (its ``max_retries=``).

    One loop, two kinds of repeat: a transport fault is retried under ``policy``
    (backoff, ``Retry-After``), an answer that fails validation is re-asked at
    once, up to ``max_reasks`` times. instructor only changes the request for a
    re-ask, so a transport retry resends the same request.
    """
    loop = _Loop(policy, counter, max_reasks)

    def sleep(seconds: float) -> None:
        if seconds > 0:  # a re-ask goes at once
            (policy.sleep or _sleep)(seconds)

    return Retrying(
        sleep=sleep,
        retry=loop.retry,
        stop=loop.stop,
        wait=loop.wait,
        before_sleep=loop.before_sleep,
        reraise=True,
    )


def async_attempts(policy: RetryPolicy, counter: Attempts, max_reasks: int) -> AsyncRetrying:
    """Async twin of ``attempts``."""
    loop = _Loop(policy, counter, max_reasks)

    async def sleep(seconds: float) -> None:
        if seconds > 0:  # a re-ask goes at once
            await (policy.async_sleep or _async_sleep)(seconds)

    return AsyncRetrying(
        sleep=sleep,
        retry=loop.retry,
        stop=loop.stop,
        wait=loop.wait,
        before_sleep=loop.before_sleep,
        reraise=True,
    )
