"""Errors of a model call, in our terms: what instructor and openai raise, translated.

Every failure of the LLM engine reaches the caller as one of ``summarizer.errors``:
a ``TransportError`` (with a hint for 401/403/404), a ``StaleRecordingError`` for
a cassette miss, an ``UngroundedError`` listing each quote, figure, number, link
or actor the article does not back (with its reason and place), or a
``ModelOutputError``. API keys are never part of a message.
"""

from __future__ import annotations

from dataclasses import replace

import openai
from instructor.core import IncompleteOutputException, InstructorError
from pydantic import ValidationError

from summarizer.config import Settings
from summarizer.errors import (
    GroundingViolation,
    MalformedResponse,
    ModelError,
    ModelOutputError,
    Refusal,
    StaleRecordingError,
    TransportError,
    Ungrounded,
    UngroundedError,
)
from summarizer.llm import retry


def ungrounded_items(error: ValidationError) -> list[Ungrounded]:
    """The problems a validation error reports: each with its reason and full location."""
    items: list[Ungrounded] = []
    for detail in error.errors():
        cause = (detail.get("ctx") or {}).get("error")
        if isinstance(cause, GroundingViolation):
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in detail["loc"])
            for item in cause.items:
                if item.location:
                    items.append(item)
                else:
                    items.append(replace(item, location=where.lstrip("."), locations=()))
    return items


def model_error(
    exc: Exception,
    *,
    settings: Settings,
    model: str,
    requests: int,
    retries: int,
    last_text: str | None,
) -> ModelError:
    """Turn whatever instructor or openai raised into one of ours.

    Args:
    exc: What the call raised.
    settings: The endpoint settings (for the message and the key to redact).
    model: The model asked.
    requests: Answers asked for (1 + re-asks).
    retries: Requests repeated after transport faults.
    last_text: The last answer's text, if any.
    """
    attempts = requests + retries
    cause: BaseException = exc
    while isinstance(cause, InstructorError) and cause.__cause__ is not None:
        cause = cause.__cause__
    if isinstance(cause, openai.APIConnectionError) and isinstance(
        cause.__cause__, MalformedResponse | Refusal
    ):
        # Raised by the completion check on the HTTP client; the SDK wrapped it.
        cause = cause.__cause__
    if isinstance(cause, openai.APIError):
        return transport_error(cause, settings=settings, model=model, attempts=attempts)
    if isinstance(cause, MalformedResponse):
        where = settings.base_url or "the OpenAI API"
        return TransportError(
            f"the model endpoint {where} sent {cause} after {attempts} attempt(s)",
            model=model,
            attempts=attempts,
        )
    if isinstance(cause, Refusal):
        return ModelOutputError(
            f"the model refused to brief this article: {one_line(str(cause))}",
            model=model,
            attempts=requests,
            last_response=str(cause),
        )
    if isinstance(cause, ValidationError):
        items = ungrounded_items(cause)
        if items:
            return UngroundedError(items, model=model, attempts=requests, last_response=last_text)
        first = cause.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the briefing"
        return ModelOutputError(
            f"the model's answer is not a valid briefing after {requests} attempt(s): "
            f"{where}: {first['msg']}",
            model=model,
            attempts=requests,
            last_response=last_text,
        )
    if isinstance(cause, IncompleteOutputException):
        return ModelOutputError(
            "the model's answer was cut off before it finished (finish_reason=length); "
            "use a model with a longer output limit or a shorter article",
            model=model,
            attempts=requests,
            last_response=last_text,
        )
    return ModelOutputError(
        f"the model did not return a usable briefing after {requests} attempt(s): "
        f"{one_line(str(cause))}",
        model=model,
        attempts=requests,
        last_response=last_text,
    )


def transport_error(
    exc: openai.APIError, *, settings: Settings, model: str, attempts: int
) -> ModelError:
    """A transport fault (timeout, refused connection, HTTP error) as one of ours."""
    where = settings.base_url or "the OpenAI API"
    if retry.replay_miss(exc):
        return StaleRecordingError(
            "the recorded model traffic holds no answer for this request: the prompt, "
            "schema, model or article changed since it was recorded; re-record it",
            model=model,
            attempts=attempts,
        )
    if isinstance(exc, openai.APITimeoutError):
        message = f"the model endpoint {where} timed out after {attempts} attempt(s)"
        return TransportError(message, model=model, attempts=attempts)
    if isinstance(exc, openai.APIConnectionError):
        message = f"cannot reach the model endpoint {where} after {attempts} attempt(s)"
        return TransportError(message, model=model, attempts=attempts)
    status = exc.status_code if isinstance(exc, openai.APIStatusError) else None
    detail = one_line(getattr(exc, "message", None) or str(exc))
    if settings.api_key:
        detail = detail.replace(settings.api_key, "[redacted]")
    hint = {
        401: " (check OPENAI_API_KEY)",
        403: " (the key may not have access to this model)",
        404: " (check --model and --base-url)",
    }.get(status or 0, "")
    message = (
        f"the model endpoint {where} answered HTTP {status}{hint} "
        f"after {attempts} attempt(s): {detail}"
    )
    return TransportError(message, status_code=status, model=model, attempts=attempts)


def one_line(text: str, limit: int = 200) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
