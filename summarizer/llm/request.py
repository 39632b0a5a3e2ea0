"""The one request and the one response shape of a model call.

Every path that talks to a model goes through here: live briefings
(``engine``), the Batch API (``batch/batchapi.py``), ``summarizer prompt
--request`` and ``summarizer doctor``.

- ``create_arguments`` is what instructor's ``create`` is called with: model,
  messages, response model, re-ask policy. instructor turns them into the chat
  request of the chosen mode (tools, ``response_format``, ...).
- ``build_body`` asks instructor, through its public ``patch``, for that chat
  request without sending it: the body a live call would POST.
- ``parse_completion`` reads a 200 answer: a chat completion, or
  ``MalformedResponse`` (retried as a transport fault) or ``Refusal`` (not
  retried). Live calls run it on every answer before instructor sees it (an
  ``httpx2`` response hook, ``check_completion``); the Batch API on every
  collected line.
- ``validate_completion`` hands a completion that is already here (a Batch API
  answer) to instructor, so it is parsed and validated exactly as a live one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import httpx2
import instructor
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from summarizer.config import ModeName, Settings
from summarizer.errors import MalformedResponse, Refusal, RequestCaptured, ResponseTooLarge
from summarizer.llm.bounds import MAX_RESPONSE_BYTES

INSTRUCTOR_MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}

# Relative to the client's base URL, as the SDK's chat.completions.create posts.
CHAT_PATH = "/chat/completions"

M = TypeVar("M", bound=BaseModel)


def completion_budget(settings: Settings) -> dict[str, float]:
    """The completion budget (``max_tokens``) and sampling options, as the endpoint takes them.

    OpenAI's own API takes ``max_completion_tokens`` (its reasoning models refuse
    ``max_tokens``); local and other OpenAI-compatible servers know ``max_tokens``.
    ``temperature`` is sent only when the settings give one: a request without it
    is byte for byte the request every earlier recording holds.
    """
    name = "max_completion_tokens" if settings.endpoint_kind() == "openai" else "max_tokens"
    options: dict[str, float] = {name: settings.max_tokens}
    if settings.temperature is not None:
        options["temperature"] = settings.temperature
    return options


def create_arguments(
    model: str,
    messages: Sequence[Mapping[str, str]],
    response_model: type[BaseModel],
    max_retries: Any,
    budget: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The arguments of instructor's ``create`` for one request.

    No ``context=``: with one, instructor renders every message as a Jinja
    template, and an article is untrusted text. The article reaches the
    validators through ``summarizer.models.grounded_in`` instead.

    Args:
        model: The model asked.
        messages: The rendered messages.
        response_model: The pydantic model the answer must validate as.
        max_retries: Re-asks (an int) or a tenacity ``Retrying`` that also
            retries transport faults (``summarizer.llm.retry.attempts``).
        budget: The completion budget (``completion_budget``), sent as is.
    """
    return {
        "model": model,
        "messages": [dict(m) for m in messages],
        "response_model": response_model,
        "max_retries": max_retries,
        "strict": False,
        **(budget or {}),
    }


def build_body(
    model: str,
    messages: Sequence[Mapping[str, str]],
    mode: ModeName,
    response_model: type[BaseModel],
    budget: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The JSON body a live call would POST for these messages, built by instructor.

    instructor's public ``patch`` wraps a ``create`` that records its arguments
    and stops; what it recorded is what the openai client would be given, and so
    what it would send.
    """
    captured: dict[str, Any] = {}

    def record(**kwargs: Any) -> Any:
        captured.update(kwargs)
        raise RequestCaptured

    create = instructor.patch(create=record, mode=INSTRUCTOR_MODES[mode])
    try:
        create(**create_arguments(model, messages, response_model, 0, budget))
    except Exception as exc:  # instructor wraps the signal; anything else is real
        if not captured:
            raise
        del exc
    # Round-trip through JSON: exactly what the SDK serialises, nothing Python-only.
    body: dict[str, Any] = json.loads(json.dumps(captured))
    return body


def parse_completion(body: bytes | str) -> ChatCompletion:
    """A 200 body as a chat completion, as leniently as the SDK reads one.

    A body that is JSON but off the spec (a local server leaving out ``created``)
    is accepted when it has what a briefing needs: a first choice with a message.

    Raises:
        MalformedResponse: Not JSON, not a completion, or no choices: the answer
            was lost on the way and another request may get it.
        Refusal: The model declined (an OpenAI ``refusal`` message).
    """
    try:
        completion = ChatCompletion.model_validate_json(body)
    except ValidationError:
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:
            raise MalformedResponse(f"a body that is not JSON ({exc.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            kind = type(data).__name__ if not isinstance(data, dict) else "an object"
            raise MalformedResponse(
                f"a body that is not a chat completion ({kind} without choices)"
            ) from None
        completion = ChatCompletion.model_construct(**data)
    choices = completion.choices
    if not choices:
        raise MalformedResponse("a completion with no choices")
    first = choices[0]
    message = first.get("message") if isinstance(first, dict) else getattr(first, "message", None)
    if message is None:
        raise MalformedResponse("a completion whose first choice has no message")
    refusal = (
        message.get("refusal") if isinstance(message, dict) else getattr(message, "refusal", None)
    )
    if refusal:
        raise Refusal(str(refusal))
    return completion


def _is_chat_answer(response: httpx2.Response) -> bool:
    return response.status_code == 200 and response.request.url.path.endswith(CHAT_PATH)


def _declared_too_large(response: httpx2.Response) -> bool:
    # A client without ``bounds`` (one passed in) reads the whole body; at least
    # an answer that says it is too large is refused before it is read.
    declared = response.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES


def check_completion(response: httpx2.Response) -> None:
    """``httpx2`` response hook: refuse a chat answer that is not a usable completion.

    Raised here, the fault reaches the openai client as a connection error with
    this as its cause, so the retry policy sees it before instructor tries to
    parse (and would re-ask for) an answer that never arrived.
    """
    if _is_chat_answer(response):
        if _declared_too_large(response):
            response.close()
            raise ResponseTooLarge(MAX_RESPONSE_BYTES)
        response.read()
        parse_completion(response.content)


async def acheck_completion(response: httpx2.Response) -> None:
    """Async twin of ``check_completion``."""
    if _is_chat_answer(response):
        if _declared_too_large(response):
            await response.aclose()
            raise ResponseTooLarge(MAX_RESPONSE_BYTES)
        await response.aread()
        parse_completion(response.content)


def install_checks(client: httpx2.Client) -> httpx2.Client:
    """Add ``check_completion`` to ``client``'s response hooks (once)."""
    hooks = client.event_hooks
    if check_completion not in hooks["response"]:
        client.event_hooks = {**hooks, "response": [check_completion, *hooks["response"]]}
    return client


def install_async_checks(client: httpx2.AsyncClient) -> httpx2.AsyncClient:
    """Async twin of ``install_checks``."""
    hooks = client.event_hooks
    if acheck_completion not in hooks["response"]:
        client.event_hooks = {**hooks, "response": [acheck_completion, *hooks["response"]]}
    return client


def validate_completion(completion: ChatCompletion, mode: ModeName, response_model: type[M]) -> M:
    """Parse and validate a completion already in hand, the way a live call would.

    The caller sets the grounding context (``summarizer.models.grounded_in``).

    Raises:
        instructor.core.InstructorError: Wrapping what went wrong (a
            ``ValidationError``, an ``IncompleteOutputException``, ...), as for
            a live call; ``summarizer.llm.faults.model_error`` translates it.
    """

    def answered(**_: Any) -> ChatCompletion:
        return completion

    create = instructor.patch(create=answered, mode=INSTRUCTOR_MODES[mode])
    result: M = create(**create_arguments("batch", [], response_model, 0))
    return result
