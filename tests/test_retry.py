from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime

import httpx2
import openai
import pytest

from summarizer.llm import retry
from summarizer.llm.retry import RetryCounter, RetryPolicy, is_transient, retry_after_seconds

NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(status, headers=headers or {}, request=request, json={"error": {}})
    cls = {429: openai.RateLimitError, 500: openai.InternalServerError}.get(
        status, openai.APIStatusError
    )
    return cls("boom", response=response, body=None)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(status: int) -> None:
    assert is_transient(_status_error(status))


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    assert not is_transient(_status_error(status))


def test_timeouts_and_connection_errors_are_retried() -> None:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    assert is_transient(openai.APITimeoutError(request=request))
    assert is_transient(openai.APIConnectionError(request=request))
    assert not is_transient(ValueError("not transport"))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "7"}, 0.25),  # the precise one wins
        ({"retry-after": "Sun, 29 Nov 2026 12:00:30 GMT"}, 30.0),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_read_from_either_header(
    headers: dict[str, str], expected: float | None
) -> None:
    assert retry_after_seconds(_status_error(429, headers), lambda: NOW) == expected


def _flaky(failures: list[BaseException]) -> tuple[Callable[[], str], dict[str, int]]:
    calls = {"n": 0}

    def fn() -> str:
        calls["n"] += 1
        if failures:
            raise failures.pop(0)
        return "ok"

    return fn, calls


def test_server_requested_wait_is_honoured_up_to_the_cap(sleeps: list[float]) -> None:
    policy = RetryPolicy(max_retry_after=10.0, now=lambda: NOW)
    fn, calls = _flaky(
        [_status_error(429, {"retry-after": "3"}), _status_error(429, {"retry-after": "500"})]
    )
    counter = RetryCounter()
    assert retry.call(policy, counter, fn) == "ok"
    assert calls["n"] == 3
    assert sleeps == [3.0, 10.0]
    assert counter.retries == 2 and counter.waited == 13.0


def test_backoff_is_exponential_with_jitter_and_capped(sleeps: list[float]) -> None:
    policy = RetryPolicy(max_attempts=6, initial_wait=1.0, max_wait=4.0, rng=random.Random(7))
    fn, _ = _flaky([_status_error(500) for _ in range(5)])
    retry.call(policy, RetryCounter(), fn)
    ceilings = [1.0, 2.0, 4.0, 4.0, 4.0]
    assert len(sleeps) == 5
    assert all(0.0 <= s <= c for s, c in zip(sleeps, ceilings, strict=True))


def test_gives_up_after_max_attempts_with_the_last_fault(sleeps: list[float]) -> None:
    fn, calls = _flaky([_status_error(503) for _ in range(10)])
    with pytest.raises(openai.APIStatusError) as info:
        retry.call(RetryPolicy(max_attempts=3), RetryCounter(), fn)
    assert info.value.status_code == 503
    assert calls["n"] == 3 and len(sleeps) == 2


def test_a_client_error_is_not_repeated(sleeps: list[float]) -> None:
    fn, calls = _flaky([_status_error(401)])
    with pytest.raises(openai.APIStatusError):
        retry.call(RetryPolicy(), RetryCounter(), fn)
    assert calls["n"] == 1 and sleeps == []


async def test_async_policy_retries_the_same_way(sleeps: list[float]) -> None:
    failures: list[BaseException] = [_status_error(429, {"retry-after-ms": "100"})]

    async def fn() -> str:
        if failures:
            raise failures.pop(0)
        return "ok"

    counter = RetryCounter()
    assert await retry.acall(RetryPolicy(), counter, fn) == "ok"
    assert sleeps == [0.1] and counter.retries == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "nan"},
        {"retry-after": "inf"},
        {"retry-after": "-inf"},
        {"retry-after-ms": "nan"},
        {"retry-after-ms": "inf"},
    ],
)
def test_a_non_finite_retry_after_is_no_hint_at_all(headers: dict[str, str]) -> None:
    assert retry_after_seconds(_status_error(429, headers), lambda: NOW) is None
