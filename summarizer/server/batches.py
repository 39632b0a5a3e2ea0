"""The batch routes: submit a job, see its progress, stream its results."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import ValidationError

from summarizer.server.auth import Caller, authenticated
from summarizer.server.jobs import job_dir, write_manifest
from summarizer.server.problems import MEDIA_TYPE, Problem, ProblemError
from summarizer.server.routes import service
from summarizer.server.schemas import BatchItemIn, BatchRequest, BatchStatus
from summarizer.server.state import ServiceState
from summarizer.server.storage import Job, utcnow

router = APIRouter(prefix="/v1/batches", tags=["batches"])

ID_PATTERN = r"^j_[0-9a-f]{20}$"
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
_CHUNK = 1 << 16

State = Annotated[ServiceState, Depends(service)]
Authenticated = Annotated[Caller, Depends(authenticated)]

_PROBLEM = {"model": Problem, "content": {MEDIA_TYPE: {}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {**_PROBLEM, "description": "No valid API key."},
    413: {**_PROBLEM, "description": "The body is over the batch size limit."},
    415: {**_PROBLEM, "description": "The body is neither JSON nor JSONL."},
    422: {**_PROBLEM, "description": "An item or option is unusable."},
    429: {**_PROBLEM, "description": "Over the key's rate limit; see Retry-After."},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    401: _ERRORS[401],
    404: {**_PROBLEM, "description": "No such batch."},
}
_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}},
            "application/x-ndjson": {
                "schema": {"type": "string", "description": "One item object per line."}
            },
        },
    }
}


def _invalid(exc: ValidationError, where: str = "") -> ProblemError:
    parts = []
    for error in exc.errors(include_url=False, include_input=False)[:5]:
        loc = ".".join(str(p) for p in error["loc"]) or "body"
        parts.append(f"{where}{loc}: {error['msg']}")
    return ProblemError(422, "RequestValidationError", "invalid batch: " + "; ".join(parts))


async def _parse(request: Request) -> BatchRequest:
    media = (request.headers.get("content-type") or "").partition(";")[0].strip().lower()
    data = await request.body()
    if media == "application/json":
        try:
            return BatchRequest.model_validate_json(data)
        except ValidationError as exc:
            raise _invalid(exc) from None
    if media in JSONL_TYPES:
        items = []
        for lineno, raw in enumerate(data.splitlines(), start=1):
            if raw.strip():
                try:
                    items.append(BatchItemIn.model_validate_json(raw))
                except ValidationError as exc:
                    raise _invalid(exc, f"line {lineno}: ") from None
        query = request.query_params
        try:
            return BatchRequest.model_validate(
                {"items": items, **{k: query[k] for k in ("engine", "model", "via") if k in query}}
            )
        except ValidationError as exc:
            raise _invalid(exc) from None
    raise ProblemError(
        415,
        "UnsupportedMediaType",
        f"send a batch as application/json or application/x-ndjson, not {media or 'nothing'!r}",
    )


def _manifest(batch: BatchRequest) -> list[dict[str, str]]:
    lines: list[dict[str, str]] = []
    seen: set[str] = set()
    for n, item in enumerate(batch.items, start=1):
        ident = item.id if item.id is not None else str(n)
        if ident in seen:
            raise ProblemError(422, "DuplicateId", f"item {n}: the id {ident!r} is given twice")
        seen.add(ident)
        if item.url is not None:
            if not item.url.lower().startswith(("http://", "https://")):
                raise ProblemError(422, "InputError", f"item {n}: url {item.url!r} is not http(s)")
            lines.append({"id": ident, "url": item.url})
        else:
            assert item.text is not None
            lines.append({"id": ident, "text": item.text})
    return lines


def _status(state: ServiceState, job: Job) -> BatchStatus:
    assert state.jobs is not None
    progress = state.jobs.progress(job)
    base = f"/v1/batches/{job.id}"
    return BatchStatus(
        id=job.id,
        status=job.status,
        created=job.created,
        finished=job.finished,
        total=job.total,
        done=progress.done,
        failed=progress.failed,
        prompt_tokens=progress.prompt_tokens,
        completion_tokens=progress.completion_tokens,
        cost_usd=None if progress.cost_usd is None else round(progress.cost_usd, 6),
        error=job.error,
        links={"self": base, "results": base + "/results"},
    )


@router.post(
    "",
    status_code=202,
    summary="Submit a batch job",
    response_model=BatchStatus,
    responses=_ERRORS,
    openapi_extra=_BODY,
)
async def create_batch(request: Request, state: State, caller: Authenticated) -> Response:
    """Brief many articles in the background; returns the job at once.

    Send JSON (`{"items": [{"id", "text" | "url"}], "engine", "model", "via"}`) or
    JSONL (one item per line; `engine`, `model` and `via` as query parameters).
    `via=batch-api` hands the requests to the provider's Batch API (llm engine).
    """
    batch = await _parse(request)
    lines = _manifest(batch)
    settings = state.briefer.settings_for(batch.engine, batch.model)
    if batch.via == "batch-api" and settings.resolved_engine() != "llm":
        raise ProblemError(
            422,
            "ConfigurationError",
            "via batch-api needs the llm engine and a configured endpoint",
        )
    job = Job(
        id="j_" + secrets.token_hex(10),
        created=utcnow(),
        key_name=caller.name,
        status="queued",
        total=len(lines),
        options={"engine": batch.engine, "model": batch.model, "via": batch.via},
    )
    folder = job_dir(state.config.data_dir, job.id)
    await asyncio.to_thread(write_manifest, folder / "input.jsonl", lines)
    await asyncio.to_thread(state.storage.create_job, job)
    assert state.jobs is not None
    state.jobs.wake()
    status = _status(state, job)
    return Response(
        status.model_dump_json(),
        status_code=202,
        media_type="application/json",
        headers={"Location": f"/v1/batches/{job.id}"},
    )


def _job(state: ServiceState, job_id: str) -> Job:
    found = state.storage.get_job(job_id) if re.match(ID_PATTERN, job_id) else None
    if found is None:
        raise ProblemError(404, "NotFound", f"no batch {job_id!r}")
    return found


@router.get(
    "/{job_id}", summary="A batch job's progress", response_model=BatchStatus, responses=_NOT_FOUND
)
async def get_batch(job_id: str, state: State, caller: Authenticated) -> BatchStatus:
    """Status, articles done and failed, tokens and cost so far."""
    job = await asyncio.to_thread(_job, state, job_id)
    return await asyncio.to_thread(_status, state, job)


@router.get(
    "/{job_id}/results",
    summary="A batch job's results as JSONL",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}, **_NOT_FOUND},
)
async def batch_results(
    job_id: str,
    state: State,
    caller: Authenticated,
    status: Annotated[
        Literal["all", "ok", "error"] | None, Query(description="Only these lines.")
    ] = None,
) -> StreamingResponse:
    """One line per article finished so far, as `summarizer batch` writes them.

    Each line is `{"id", "status", "briefing", "provenance", "source", "error"}`.
    """
    job = await asyncio.to_thread(_job, state, job_id)
    path = job_dir(state.config.data_dir, job.id) / "results.jsonl"
    wanted = None if status in (None, "all") else status

    async def lines() -> AsyncIterator[bytes]:
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            return
        try:
            pending = b""
            while True:
                chunk = await asyncio.to_thread(handle.read, _CHUNK)
                if not chunk:
                    break
                pending += chunk
                whole, _, pending = pending.rpartition(b"\n")
                if whole:
                    yield _filter(whole + b"\n", wanted)
            # A torn last line (a write in progress) is not a result yet.
        finally:
            handle.close()

    return StreamingResponse(lines(), media_type="application/x-ndjson")


def _filter(block: bytes, wanted: str | None) -> bytes:
    if wanted is None:
        return block
    keep = [
        raw for raw in block.splitlines(keepends=True) if json.loads(raw).get("status") == wanted
    ]
    return b"".join(keep)
