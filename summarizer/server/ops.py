"""Operations routes: liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import httpx2
from fastapi import APIRouter, Request, Response

from summarizer.config import Settings
from summarizer.server.metrics import MEDIA_TYPE
from summarizer.server.schemas import Health
from summarizer.server.state import ServiceState

router = APIRouter(tags=["operations"])

# Seconds a model endpoint check is trusted before it is made again.
ENDPOINT_CHECK_TTL = 10.0
ENDPOINT_TIMEOUT = 3.0


@router.get("/healthz", summary="The process is up", response_model=Health)
async def healthz() -> Health:
    """Always ok while the process answers."""
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="Ready to brief",
    response_model=Health,
    responses={503: {"model": Health, "description": "Not ready; checks say why."}},
)
async def readyz(request: Request, response: Response) -> Health:
    """Storage is writable, and the model endpoint answers when one is configured."""
    state: ServiceState = request.app.state.service
    checks: dict[str, str] = {}
    try:
        await asyncio.to_thread(state.storage.check_writable)
        checks["storage"] = "ok"
    except (sqlite3.Error, OSError) as exc:
        checks["storage"] = f"not writable: {exc}"
    settings = state.config.settings
    if settings.resolved_engine() == "llm":
        checks["model_endpoint"] = await _endpoint(request, settings)
    if state.draining.is_set():
        checks["shutdown"] = "draining"
    ok = all(v == "ok" for v in checks.values())
    response.status_code = 200 if ok else 503
    return Health(status="ok" if ok else "unavailable", checks=checks)


async def _endpoint(request: Request, settings: Settings) -> str:
    cached: tuple[float, str] | None = getattr(request.app.state, "endpoint_check", None)
    now = time.monotonic()
    if cached is not None and now - cached[0] < ENDPOINT_CHECK_TTL:
        return cached[1]
    base = (settings.base_url or "https://api.openai.com/v1").rstrip("/")
    headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
    try:
        async with httpx2.AsyncClient(timeout=ENDPOINT_TIMEOUT) as client:
            answer = await client.get(f"{base}/models", headers=headers)
        verdict = "ok" if answer.status_code < 500 else f"answered HTTP {answer.status_code}"
    except httpx2.HTTPError as exc:
        verdict = f"unreachable ({type(exc).__name__})"
    request.app.state.endpoint_check = (now, verdict)
    return verdict


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}},
)
async def metrics(request: Request) -> Response:
    """Requests by route and status, briefing latency, model calls, tokens, cost, cache hits."""
    state: ServiceState = request.app.state.service
    text = state.metrics.render(state.briefer.tally(), state.in_flight)
    return Response(text, media_type=MEDIA_TYPE)
