"""The briefing routes: brief an article, fetch a stored briefing, list and search them."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import ValidationError

from summarizer.errors import ArticleTooLargeError, SummarizerError
from summarizer.inputs.article import (
    TEXT_SOURCE,
    Article,
    article_from_html,
    article_from_text,
    decode_bytes,
)
from summarizer.inputs.load import read_article
from summarizer.inputs.webpage import looks_like_html
from summarizer.render import render_briefing
from summarizer.results import BriefingResult
from summarizer.server.auth import Caller, authenticated
from summarizer.server.problems import MEDIA_TYPE, Problem, ProblemError
from summarizer.server.schemas import BriefingList, BriefingRequest, BriefingSummary, OutputFormat
from summarizer.server.state import ServiceState
from summarizer.server.storage import BriefingRow, StoredBriefing, utcnow

router = APIRouter(prefix="/v1/briefings", tags=["briefings"])

ID_PATTERN = r"^b_[0-9a-f]{20}$"
_MEDIA = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {MEDIA_TYPE: {}}, "description": text}
    for status, text in {
        400: "The request cannot work here (an engine this server cannot run, bad JSON).",
        401: "No valid API key.",
        413: "The body or the article is over its size limit.",
        415: "The body is not JSON, text/plain or text/html.",
        422: "The article or the request is unusable (empty, binary, a page that fails).",
        429: "Over the key's rate or concurrency limit; see Retry-After.",
        502: "The model or the page server failed, or the model's answer was unusable.",
        503: "The model is rate limited or busy, or the server is shutting down.",
        504: "The model or the page server timed out.",
    }.items()
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    401: _ERRORS[401],
    404: {"model": Problem, "content": {MEDIA_TYPE: {}}, "description": "No such briefing."},
}
_RAW_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/BriefingRequest"}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


def service(request: Request) -> ServiceState:
    """The service's state (a FastAPI dependency)."""
    state: ServiceState = request.app.state.service
    return state


State = Annotated[ServiceState, Depends(service)]
Authenticated = Annotated[Caller, Depends(authenticated)]


async def _parse(request: Request) -> BriefingRequest:
    media, _, params = (request.headers.get("content-type") or "").partition(";")
    media = media.strip().lower()
    data = await request.body()
    if media == "application/json" or media.endswith("+json"):
        try:
            return BriefingRequest.model_validate_json(data)
        except ValidationError as exc:
            raise ProblemError(422, "RequestValidationError", _validation_detail(exc)) from None
    if media in ("text/plain", "text/html"):
        charset = None
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip("\"'")
        text = decode_bytes(data, TEXT_SOURCE, charset)
        query = request.query_params
        try:
            return BriefingRequest.model_validate(
                {
                    "text" if media == "text/plain" else "html": text,
                    **{k: query[k] for k in ("engine", "model", "format") if k in query},
                }
            )
        except ValidationError as exc:
            raise ProblemError(422, "RequestValidationError", _validation_detail(exc)) from None
    raise ProblemError(
        415,
        "UnsupportedMediaType",
        "send the article as application/json, text/plain or text/html, "
        f"not {media or 'nothing'!r}",
    )


def _validation_detail(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False, include_input=False)[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "body"
        parts.append(f"{where}: {error['msg']}")
    return "invalid request: " + "; ".join(parts)


def load_article(asked: BriefingRequest, max_bytes: int) -> Article:
    """The article a request gives, read as the CLI reads it (furniture stripped, pages extracted).

    Raises:
        InputError: The article is unusable (empty, binary, too large, a URL that fails).
        FetchError: The page server failed.
    """
    if asked.url is not None:
        return read_article(asked.url, input_format="url", max_bytes=max_bytes)
    raw = asked.text if asked.text is not None else asked.html
    assert raw is not None
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ArticleTooLargeError(TEXT_SOURCE, size, max_bytes)
    text = decode_bytes(raw.encode("utf-8", "surrogatepass"), TEXT_SOURCE)
    if asked.html is not None or looks_like_html(text):
        return article_from_html(text, TEXT_SOURCE)
    return article_from_text(text, TEXT_SOURCE)


def _render(result: BriefingResult | dict[str, Any], fmt: OutputFormat, article_text: str) -> str:
    if isinstance(result, dict):
        if fmt == "json":  # stored: the same bytes the CLI prints, without a round trip
            return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        result = BriefingResult.model_validate(result)
    return render_briefing(result, fmt, article_text=article_text, provenance=True)


@router.post(
    "",
    status_code=201,
    summary="Brief an article",
    response_model=BriefingResult,
    responses={
        201: {
            "description": "The briefing, stored; its address is in Location.",
            "content": {m: {} for m in _MEDIA.values() if m != "application/json"},
        },
        **_ERRORS,
    },
    openapi_extra=_RAW_BODY,
)
async def create_briefing(request: Request, state: State, caller: Authenticated) -> Response:
    """Brief one article and store the briefing.

    Send JSON (`{"text" | "html" | "url", "engine", "model", "format"}`) or the
    article itself as `text/plain` or `text/html` (then `engine`, `model` and
    `format` are query parameters). The JSON answer is what
    `summarizer brief --format json --provenance` prints.
    """
    asked = await _parse(request)
    engine = state.briefer.settings_for(asked.engine, asked.model).resolved_engine()
    with state.limiter.briefing(caller.limit_key):
        started = time.perf_counter()
        try:
            if engine == "llm":
                limit = state.config.max_article_bytes
                article = await asyncio.to_thread(load_article, asked, limit)
                result = await state.briefer.brief(article, asked.engine, asked.model)
                made = await asyncio.to_thread(_keep, state, caller, article, result, asked.format)
            elif asked.url is not None:
                # A fetch waits on the network: not on the few CPU threads.
                limit = state.config.max_article_bytes
                article = await asyncio.to_thread(load_article, asked, limit)
                made = await state.briefer.run_cpu(_offline, state, caller, asked, article)
            else:
                # The offline engine is CPU work from reading to storing: one hop to a
                # worker thread for all of it, so requests keep flowing on the loop.
                made = await state.briefer.run_cpu(_offline, state, caller, asked, None)
        except SummarizerError as exc:
            state.metrics.briefing(engine, type(exc).__name__, time.perf_counter() - started)
            raise
    state.metrics.briefing(engine, "ok", time.perf_counter() - started)
    briefing_id, body = made
    return Response(
        body,
        status_code=201,
        media_type=_MEDIA[asked.format],
        headers={"Location": f"/v1/briefings/{briefing_id}"},
    )


def _offline(
    state: ServiceState, caller: Caller, asked: BriefingRequest, article: Article | None
) -> tuple[str, str]:
    if article is None:
        article = load_article(asked, state.config.max_article_bytes)
    result = state.briefer.summarizer(asked.engine, asked.model).summarize(article)
    return _keep(state, caller, article, result, asked.format)


def _keep(
    state: ServiceState, caller: Caller, article: Article, result: BriefingResult, fmt: OutputFormat
) -> tuple[str, str]:
    """Store a briefing; return its id and the response body in ``fmt``."""
    data = result.model_dump(mode="json")
    stored = StoredBriefing(
        id="b_" + secrets.token_hex(10),
        created=utcnow(),
        key_name=caller.name,
        result=data,
        article_text=article.text,
    )
    state.storage.put_briefing(stored)
    if fmt == "json":  # what to_json(provenance=True) prints, from the one dump
        return stored.id, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return stored.id, _render(result, fmt, article.text)


def _stored(state: ServiceState, briefing_id: str) -> StoredBriefing:
    found = state.storage.get_briefing(briefing_id) if re.match(ID_PATTERN, briefing_id) else None
    if found is None:
        raise ProblemError(404, "NotFound", f"no briefing {briefing_id!r}")
    return found


@router.get(
    "/{briefing_id}.html",
    summary="A stored briefing as its HTML page",
    response_class=Response,
    responses={200: {"content": {"text/html": {}}}, **_NOT_FOUND},
)
async def briefing_page(briefing_id: str, state: State, caller: Authenticated) -> Response:
    """The self-contained HTML page: the article beside the briefing, every quote highlighted."""
    found = await asyncio.to_thread(_stored, state, briefing_id)
    return Response(_render(found.result, "html", found.article_text), media_type=_MEDIA["html"])


@router.get(
    "/{briefing_id}",
    summary="A stored briefing",
    response_model=BriefingResult,
    responses={
        200: {"content": {m: {} for m in _MEDIA.values() if m != "application/json"}},
        **_NOT_FOUND,
    },
)
async def get_briefing(
    briefing_id: str,
    state: State,
    caller: Authenticated,
    format: Annotated[OutputFormat, Query(description="json, html, markdown or text.")] = "json",  # noqa: A002
) -> Response:
    """The briefing with its provenance and source, as it was returned when made."""
    found = await asyncio.to_thread(_stored, state, briefing_id)
    return Response(_render(found.result, format, found.article_text), media_type=_MEDIA[format])


def _summary(row: BriefingRow) -> BriefingSummary:
    base = f"/v1/briefings/{row.id}"
    return BriefingSummary(
        id=row.id,
        created=row.created,
        headline=row.headline,
        source=row.source,
        title=row.title,
        engine=row.engine,
        links={"json": base, "html": base + ".html"},
    )


@router.get(
    "",
    summary="List and search stored briefings",
    response_model=BriefingList,
    responses={401: _ERRORS[401]},
)
async def list_briefings(
    state: State,
    caller: Authenticated,
    q: Annotated[
        str | None, Query(max_length=200, description="Words that must all occur.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> BriefingList:
    """Stored briefings, newest first.

    `q` keeps those whose headline, summary, title, source or actors hold every word of it.
    """
    rows = await asyncio.to_thread(state.storage.list_briefings, q, limit + 1, offset)
    more = len(rows) > limit
    return BriefingList(
        items=[_summary(r) for r in rows[:limit]], next_offset=offset + limit if more else None
    )
