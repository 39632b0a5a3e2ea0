"""Checking that a model endpoint can brief, and say what to change.

The checks run in order, each reported as ok, FAIL, warn or skip with a
one-line fix when it fails:

1. the endpoint answers ``GET /models`` like an OpenAI-compatible server;
2. the model is among those it lists;
3. structured output works in the chosen mode: one tiny request with a
   two-field schema, sent the way the LLM engine sends briefings, whose answer
   instructor must validate on the first try (no re-asks);
4. the context length, when the server's ``/models`` entry reports one.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import httpx2
import openai
from instructor.core import InstructorError
from pydantic import BaseModel, ConfigDict, Field

from summarizer.config import DEFAULT_OPENAI_MODEL, ModeName, Settings, redact_text, redact_url
from summarizer.errors import ModelError, ResponseTooLarge
from summarizer.llm import bounds, debug
from summarizer.llm.engine import LLMEngine
from summarizer.llm.faults import one_line, server_message
from summarizer.llm.retry import RetryPolicy

__all__ = ["Check", "diagnose", "render_checks"]

Status = Literal["ok", "fail", "warn", "skip"]

OPENAI_URL = "https://api.openai.com/v1"
# Characters of a server's message shown in a check's detail.
_DETAIL = 160
# Where servers put the context length in a /models entry (vLLM: max_model_len;
# llama.cpp: meta.n_ctx, the context it was started with, -c). meta.n_ctx_train is
# the model's trained length, not the server's, so it is not read.
_CONTEXT_KEYS = (
    "context_length",
    "max_model_len",
    "context_window",
    "max_context_length",
    "n_ctx",
)
_NO_KEY = "no-key-needed"
EXAMPLE_PAGE = "harbour-vote.page.txt"
PROBE_MAX_TOKENS = 256
_SERVERS = (
    "Ollama http://localhost:11434/v1, vLLM http://localhost:8000/v1, "
    "llama.cpp http://localhost:8080/v1"
)
_MODE_FIX: dict[str, str] = {
    "tools": (
        "the server or model may not support tool calling: try --mode json_schema "
        "(Ollama, vLLM, llama.cpp enforce it), or --mode md_json if nothing is enforced"
    ),
    "json_schema": (
        "the server may ignore response_format's schema: try --mode tools if it supports "
        "tool calling, or --mode md_json if it enforces nothing"
    ),
    "json": (
        "JSON mode does not pass the schema: try --mode json_schema, or --mode tools "
        "if the server supports tool calling"
    ),
    "md_json": (
        "md_json enforces nothing, and this model did not follow the instructions: "
        "try --mode json_schema or tools, or a stronger model"
    ),
}


@dataclass(frozen=True)
class Check:
    """The outcome of one check.

    Attributes:
        name: What was checked.
        status: ``ok``, ``fail``, ``warn`` (works, with a caveat) or ``skip``.
        detail: What was found, in one line.
        fix: What to change, when the check did not pass.
    """

    name: str
    status: Status
    detail: str
    fix: str | None = None


class Probe(BaseModel):
    """A reply to a connectivity check."""

    model_config = ConfigDict(extra="forbid")

    word: str = Field(description="The word the user asked for.")
    number: int = Field(description="The number the user asked for.")


_PROBE_MESSAGES = [
    {"role": "system", "content": "You answer connectivity checks with the requested fields."},
    {"role": "user", "content": "Reply with the word 'pong' and the number 7."},
]


def _headers(settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.api_key or _NO_KEY}", "Accept": "application/json"}


def _list_models(
    settings: Settings, http: httpx2.Client
) -> tuple[Check, list[Mapping[str, Any]] | None]:
    base = (settings.base_url or OPENAI_URL).rstrip("/")
    url = f"{base}/models"
    name = "endpoint reachable"
    try:
        response = http.get(url, headers=_headers(settings), timeout=settings.timeout)
    except httpx2.TimeoutException:
        fix = "is the server busy or the address wrong? raise --timeout or check --base-url"
        return Check(name, "fail", f"GET {url} timed out after {settings.timeout:g} s", fix), None
    except httpx2.RequestError as exc:
        fix = f"start the server, or check --base-url / OPENAI_BASE_URL ({_SERVERS})"
        return Check(name, "fail", f"cannot reach {url}: {one_line(str(exc), _DETAIL)}", fix), None
    except ResponseTooLarge as exc:
        detail = f"GET {url} sent {exc}; no model list is that long"
        return Check(name, "fail", detail, f"check --base-url ({_SERVERS})"), None
    if response.status_code in (401, 403):
        detail = f"GET {url} answered HTTP {response.status_code}: the key was refused"
        return Check(name, "fail", detail, "check OPENAI_API_KEY"), None
    if response.status_code == 404:
        detail = f"GET {url} answered HTTP 404: no OpenAI-compatible API at this address"
        fix = f"the base URL usually ends in /v1 ({_SERVERS})"
        return Check(name, "fail", detail, fix), None
    if response.status_code >= 400:
        detail = (
            f"GET {url} answered HTTP {response.status_code}: {one_line(response.text, _DETAIL)}"
        )
        return Check(name, "fail", detail, "check the server's log"), None
    try:
        data = response.json()["data"]
        entries = [m for m in data if isinstance(m, Mapping) and isinstance(m.get("id"), str)]
    except (ValueError, KeyError, TypeError):
        detail = f"GET {url} did not answer like an OpenAI-compatible server"
        return Check(name, "fail", detail, f"check --base-url ({_SERVERS})"), None
    return Check(name, "ok", f"GET {url} listed {len(entries)} model(s)"), entries


def _model_check(model: str | None, entries: Sequence[Mapping[str, Any]]) -> Check:
    ids = [str(m["id"]) for m in entries]
    shown = ", ".join(ids[:8]) + (f" (and {len(ids) - 8} more)" if len(ids) > 8 else "")
    if model is None:
        fix = "pass --model NAME or set SUMMARIZER_MODEL"
        return Check("model listed", "fail", f"no model set; the server lists: {shown}", fix)
    if model in ids:
        return Check("model listed", "ok", model)
    fix = (
        "pass --model with a listed name (Ollama: `ollama pull` it first; "
        "llama.cpp serves its one model under any name, so there this can be ignored)"
    )
    listed = f"the server lists: {shown}" if ids else "the server lists no models"
    return Check("model listed", "fail", f"{model} is not listed; {listed}", fix)


def _structured_check(settings: Settings, model: str, http: httpx2.Client) -> Check:
    mode: ModeName = settings.mode
    name = f"structured output ({mode})"
    # The engine ``brief`` uses, on the same HTTP path, asked for a tiny schema;
    # one attempt and no re-ask, so a mode that needs a second chance shows.
    # A tiny answer: a small budget, so a model that rambles is cut off in seconds
    # (a local server keeps generating after the client gives up on it).
    probe = replace(settings, model=model, max_reasks=0, max_tokens=PROBE_MAX_TOKENS)
    engine = LLMEngine(probe, RetryPolicy(max_attempts=1), http_client=http)
    started = time.perf_counter()
    try:
        engine.extract(_PROBE_MESSAGES, Probe)
    except ModelError as exc:
        return _structured_failure(name, mode, exc)
    ms = (time.perf_counter() - started) * 1000
    if mode == "md_json":
        detail = f"the answer validated ({ms:.0f} ms), but md_json enforces nothing"
        fix = "prefer --mode json_schema or tools if the server supports either"
        return Check(name, "warn", detail, fix)
    return Check(name, "ok", f"a tiny schema request came back valid ({ms:.0f} ms)")


def _structured_failure(name: str, mode: str, exc: ModelError) -> Check:
    cause: BaseException = exc.__cause__ or exc
    while isinstance(cause, InstructorError) and cause.__cause__ is not None:
        cause = cause.__cause__
    if isinstance(cause, openai.APIStatusError):
        message = one_line(server_message(cause), _DETAIL)
        detail = f"the server refused the request: HTTP {cause.status_code}: {message}"
        fix = "check --model" if cause.status_code == 404 else _MODE_FIX[mode]
        return Check(name, "fail", detail, fix)
    if isinstance(cause, openai.APIConnectionError):
        # Our message says more than the SDK's "Connection error." (a deadline, the size cap).
        detail = f"the request failed: {one_line(str(exc), _DETAIL)}"
        return Check(name, "fail", detail, "raise --timeout, or check the server's log")
    detail = f"the answer did not validate against the schema: {one_line(str(cause), 120)}"
    return Check(name, "fail", detail, _MODE_FIX[mode])


def _needed_context(settings: Settings) -> int:
    """Tokens a briefing of the bundled example needs: its prompt as sent, and the answer."""
    from summarizer.inputs.load import read_article
    from summarizer.llm.prompts import render
    from summarizer.pipeline.longdoc import estimate_tokens
    from summarizer.resources import resource_dir

    example = read_article(Path(str(resource_dir("examples").joinpath(EXAMPLE_PAGE))))
    prompt = render(example, mark=settings.datamark)
    text = "\n".join(m["content"] for m in prompt.messages)
    # The instructions are plain text; only the article inside the fence is marked.
    marked = estimate_tokens(example.text, datamark=settings.datamark)
    return estimate_tokens(text) - estimate_tokens(example.text) + marked + settings.max_tokens


def _is_llama_cpp(entry: Mapping[str, Any]) -> bool:
    return entry.get("owned_by") == "llamacpp" or isinstance(entry.get("meta"), Mapping)


def _server_context(base_url: str | None, http: httpx2.Client) -> int | None:
    """llama.cpp's ``/props``: the context each slot has (``-c`` over ``--parallel``)."""
    if base_url is None:
        return None
    root = base_url.rstrip("/").removesuffix("/v1")
    try:
        response = http.get(f"{root}/props")
        data = response.json() if response.status_code == 200 else None
    except (httpx2.HTTPError, ValueError):
        return None
    if not isinstance(data, Mapping):
        return None
    settings = data.get("default_generation_settings")
    for place in (settings, data):
        if isinstance(place, Mapping):
            value = place.get("n_ctx")
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
    return None


def _context_check(
    settings: Settings,
    model: str | None,
    entries: Sequence[Mapping[str, Any]],
    http: httpx2.Client,
) -> Check:
    name = "context length"
    entry = next((m for m in entries if m.get("id") == model), None)
    if entry is None and len(entries) == 1:
        entry = entries[0]  # a server of one model, asked under another name
    found = _context_length(entry) if entry is not None else None
    if found is None and entry is not None and _is_llama_cpp(entry):
        found = _server_context(settings.base_url, http)
    if found is None:
        return Check(name, "skip", "the server does not report it for this model")
    needed = _needed_context(settings)
    fix = (
        "start the server with a larger context (llama.cpp -c, split across --parallel "
        "slots; Ollama OLLAMA_CONTEXT_LENGTH; vLLM --max-model-len), or lower "
        "--max-article-tokens so articles go in smaller parts"
    )
    if found < needed:
        detail = (
            f"{found:,} tokens, but briefing the bundled example needs about {needed:,} "
            f"(prompt{' with datamarks' if settings.datamark else ''} and "
            f"{settings.max_tokens:,} for the answer): every brief would fail"
        )
        return Check(name, "fail", detail, fix)
    longest = settings.max_article_tokens + needed
    if found < longest:
        detail = (
            f"{found:,} tokens: enough for the example (about {needed:,}), not for an "
            f"article at --max-article-tokens {settings.max_article_tokens:,}"
        )
        return Check(name, "warn", detail, fix)
    return Check(name, "ok", f"{found:,} tokens")


def _context_length(entry: Mapping[str, Any]) -> int | None:
    places: list[Mapping[str, Any]] = [entry]
    for nested in ("metadata", "details", "meta"):
        value = entry.get(nested)
        if isinstance(value, Mapping):
            places.append(value)
    for place in places:
        for key in _CONTEXT_KEYS:
            value = place.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
    return None


def diagnose(settings: Settings, *, http_client: httpx2.Client | None = None) -> list[Check]:
    """Run the checks against the endpoint ``settings`` name.

    Args:
        settings: Endpoint, key, model, mode and timeout.
        http_client: The HTTP client to use (proxies, tests); by default a new
            one, closed before returning.

    Returns:
        One ``Check`` per check, in order; later checks are skipped when the
        endpoint cannot be reached.
    """
    if not settings.endpoint_configured:
        fix = f"set OPENAI_API_KEY for OpenAI, or --base-url for another server ({_SERVERS})"
        return [Check("endpoint configured", "fail", "no API key and no base URL", fix)]
    model = settings.model or (DEFAULT_OPENAI_MODEL if settings.base_url is None else None)
    own = http_client is None
    # Bounded: each request ends within --timeout, however slowly the server sends.
    base = settings.base_url or OPENAI_URL
    http = http_client if http_client is not None else bounds.client(base, settings.timeout)
    debug.debug_client(http)
    try:
        reached, entries = _list_models(settings, http)
        checks = [reached]
        if entries is None:
            skipped = ("model listed", "structured output", "context length")
            checks += [Check(n, "skip", "the endpoint was not reached") for n in skipped]
        else:
            listed = _model_check(model, entries)
            if model is None:
                structured = Check("structured output", "skip", "no model to ask")
            else:
                structured = _structured_check(settings, model, http)
            if listed.status == "fail" and model is not None and structured.status == "ok":
                # llama.cpp serves its one model under any name: it answered for this one.
                listed = replace(
                    listed,
                    status="warn",
                    detail=listed.detail + "; but the server answered for it (a server "
                    "that serves one model under any name, as llama.cpp does)",
                )
            checks += [listed, structured, _context_check(settings, model, entries, http)]
        # What a server said back may hold the key or the base URL's credentials.
        secrets = settings.secrets()
        return [replace(c, detail=redact_text(c.detail, secrets)) for c in checks]
    finally:
        if own:
            http.close()


_LABELS: dict[Status, str] = {"ok": "ok", "fail": "FAIL", "warn": "warn", "skip": "skip"}


def render_checks(settings: Settings, checks: Sequence[Check]) -> str:
    """The report ``summarizer doctor`` prints."""
    where = redact_url(settings.base_url or OPENAI_URL)
    model = settings.model or (DEFAULT_OPENAI_MODEL if settings.base_url is None else "(none)")
    lines = [f"summarizer doctor: {where} · model {model} · mode {settings.mode}"]
    for check in checks:
        lines.append(f"  {_LABELS[check.status]:<5} {check.name}: {check.detail}")
        if check.fix and check.status in ("fail", "warn"):
            lines.append(f"        fix: {check.fix}")
    failed = sum(1 for c in checks if c.status == "fail")
    lines.append(f"{failed} check(s) failed." if failed else "All checks passed.")
    return "\n".join(lines) + "\n"
