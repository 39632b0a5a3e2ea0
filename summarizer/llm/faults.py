"""Errors of a model call, in our terms: what instructor and openai raise, translated.

Every failure of the LLM engine reaches the caller as one of ``summarizer.errors``:
a ``TransportError`` (with a hint for 401/403/404), a ``StaleRecordingError`` for
a cassette miss, an ``UngroundedError`` listing each quote, figure, number, link
or actor the article does not back (with its reason and place), or a
``ModelOutputError``; a call log that failed under the request is its own
``CallLogError``. API keys, and credentials in the base URL, are never part of a
message.

Attempts are counted the way a reader would: a transport failure says how many
times the last request was tried, and how many re-asks came before it, apart.
"""

from __future__ import annotations

from dataclasses import replace

import openai
from instructor.core import IncompleteOutputException, InstructorError
from pydantic import ValidationError

from summarizer.config import Settings, redact_text
from summarizer.errors import (
    CallLogError,
    GroundingViolation,
    MalformedResponse,
    ModelError,
    ModelOutputError,
    Refusal,
    ResponseTooLarge,
    StaleRecordingError,
    SummarizerError,
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


def causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what caused it, outermost first (``__cause__``, else ``__context__``)."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


def model_error(
    exc: Exception,
    *,
    settings: Settings,
    model: str,
    requests: int,
    retries: int,
    last_text: str | None,
    tries: int | None = None,
) -> SummarizerError:
    """Turn whatever instructor or openai raised into one of ours.

    Args:
        exc: What the call raised.
        settings: The endpoint settings (for the message and the secrets to redact).
        model: The model asked.
        requests: Answers asked for (1 + re-asks).
        retries: Requests repeated after transport faults.
        last_text: The last answer's text, if any.
        tries: How many times the last request was sent (default: every request).
    """
    sent = requests + retries
    attempts = _attempts(tries if tries is not None else sent, requests - 1)
    local = next((c for c in causes(exc) if isinstance(c, CallLogError)), None)
    if local is not None:
        return local  # not the endpoint's doing: the call log under the request failed
    cause: BaseException = exc
    while isinstance(cause, InstructorError) and cause.__cause__ is not None:
        cause = cause.__cause__
    if isinstance(cause, openai.APIConnectionError) and isinstance(
        cause.__cause__, MalformedResponse | Refusal | ResponseTooLarge
    ):
        # Raised by the completion check or the bounds on the HTTP client; the SDK wrapped it.
        cause = cause.__cause__
    if isinstance(cause, openai.APIError):
        return transport_error(cause, settings=settings, model=model, attempts=sent, tries=attempts)
    if isinstance(cause, ResponseTooLarge):
        return TransportError(
            f"the model endpoint {settings.endpoint()} sent {cause}; reading stopped there "
            "and the request was not repeated",
            model=model,
            attempts=sent,
        )
    if isinstance(cause, MalformedResponse):
        return TransportError(
            f"the model endpoint {settings.endpoint()} sent {cause} after {attempts}",
            model=model,
            attempts=sent,
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
            "the model's answer was cut off before it finished (finish_reason=length) at the "
            f"completion budget of {settings.max_tokens} tokens; raise --max-tokens, or use a "
            "model with a longer output limit or a shorter article",
            model=model,
            attempts=requests,
            last_response=last_text,
        )
    hint = ""
    if settings.mode == "tools" and "tool" in str(cause).lower():
        # Models that answer in prose instead of calling the tool: a server that
        # constrains the output to the schema does better.
        hint = (
            "; the model did not call the briefing tool: try mode json_schema (or json), "
            "which servers such as llama.cpp, Ollama and vLLM enforce"
        )
    return ModelOutputError(
        f"the model did not return a usable briefing after {requests} attempt(s): "
        f"{one_line(str(cause))}{hint}",
        model=model,
        attempts=requests,
        last_response=last_text,
    )


def _attempts(tries: int, reasks: int) -> str:
    """``5 attempt(s)``, and the re-asks before them when there were any."""
    text = f"{tries} attempt(s)"
    if reasks > 0:
        text += f" (after {reasks} re-ask(s) of answers that failed validation)"
    return text


def transport_error(
    exc: openai.APIError,
    *,
    settings: Settings,
    model: str,
    attempts: int,
    tries: str | None = None,
) -> ModelError:
    """A transport fault (timeout, refused connection, HTTP error) as one of ours.

    Args:
        exc: The SDK's error.
        settings: The endpoint settings (for the message and the secrets to redact).
        model: The model asked.
        attempts: Requests sent in all.
        tries: How the message counts them (default: ``attempts`` attempt(s)).
    """
    where = settings.endpoint()
    tries = tries or f"{attempts} attempt(s)"
    if retry.replay_miss(exc):
        return StaleRecordingError(
            "the recorded model traffic holds no answer for this request: the prompt, "
            "schema, model or article changed since it was recorded; re-record it",
            model=model,
            attempts=attempts,
        )
    if isinstance(exc, openai.APITimeoutError):
        message = (
            f"the model endpoint {where} timed out (no complete answer within "
            f"{settings.timeout:g} s; --timeout) after {tries}"
        )
        return TransportError(message, model=model, attempts=attempts)
    if isinstance(exc, openai.APIConnectionError):
        message = f"cannot reach the model endpoint {where} after {tries}"
        return TransportError(message, model=model, attempts=attempts)
    status = exc.status_code if isinstance(exc, openai.APIStatusError) else None
    detail = one_line(redact_text(server_message(exc), settings.secrets()))
    if retry.is_context_overflow(exc):
        return TransportError(
            f"the model endpoint {where} refused the prompt as too long for its context "
            f"(HTTP {status}: {detail}); start the server with a larger context (llama.cpp "
            "-c, which it splits across --parallel slots; Ollama OLLAMA_CONTEXT_LENGTH; "
            "vLLM --max-model-len), or lower max_article_tokens so the article is briefed "
            "in parts",
            status_code=status,
            model=model,
            attempts=attempts,
        )
    hint = {
        401: " (check OPENAI_API_KEY)",
        403: " (the key may not have access to this model)",
        404: " (check --model and --base-url)",
    }.get(status or 0, "")
    message = f"the model endpoint {where} answered HTTP {status}{hint} after {tries}: {detail}"
    return TransportError(message, status_code=status, model=model, attempts=attempts)


def server_message(exc: openai.APIError) -> str:
    """The server's own words: the ``error.message`` of its JSON body, else the SDK's text."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message.strip():
            return message
    return getattr(exc, "message", None) or str(exc)


def one_line(text: str, limit: int = 200) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
