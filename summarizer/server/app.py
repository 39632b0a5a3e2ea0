"""The application factory: ``create_app(config)`` builds the FastAPI app.

Run it under any ASGI server with ``uvicorn --factory summarizer.server:create_app``
(the configuration then comes from the environment), or use ``summarizer serve``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from summarizer.errors import SummarizerError
from summarizer.llm.retry import RetryPolicy
from summarizer.results import package_version
from summarizer.server import problems
from summarizer.server.briefer import Briefer
from summarizer.server.config import ServerConfig
from summarizer.server.limits import RateLimiter
from summarizer.server.middleware import ServiceMiddleware
from summarizer.server.schemas import briefing_schema_components
from summarizer.server.state import ServiceState
from summarizer.server.storage import SQLiteStorage, Storage

logger = logging.getLogger("summarizer.server")

DESCRIPTION = """Grounded briefings of news articles over HTTP: every quote checked against
the article. `/v1` routes need `Authorization: Bearer <key>` (made with
`summarizer keys create NAME`) unless the server runs with `--no-auth`.
Errors are problem details (RFC 9457) with the CLI's error types and messages."""


def _problem(
    status: int, error_type: str, detail: str, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        problems.body(status, error_type, detail),
        status_code=status,
        media_type=problems.MEDIA_TYPE,
        headers=headers,
    )


def _scrub(text: str, config: ServerConfig) -> str:
    """Remove the model API key from anything shown to a client (belt and braces)."""
    key = config.settings.api_key
    return text.replace(key, "[redacted]") if key else text


def _install_errors(app: FastAPI, config: ServerConfig) -> None:
    @app.exception_handler(SummarizerError)
    async def summarizer_error(request: Request, exc: SummarizerError) -> Response:
        return _problem(problems.status_for(exc), type(exc).__name__, _scrub(str(exc), config))

    @app.exception_handler(problems.ProblemError)
    async def problem_error(request: Request, exc: problems.ProblemError) -> Response:
        return _problem(exc.status, exc.error_type, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for error in list(exc.errors())[:5]:
            where = ".".join(str(p) for p in error.get("loc", ())) or "request"
            parts.append(f"{where}: {error.get('msg', 'invalid')}")
        return _problem(422, "RequestValidationError", "invalid request: " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else problems.title(exc.status_code)
        name = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "HTTPError")
        return _problem(exc.status_code, name, detail, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        logger.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return _problem(
            500,
            "InternalError",
            "the server failed in a way it did not foresee; the details are in its log",
        )


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        # The Briefing is the contract in schemas/briefing.v1.json, not a re-derivation.
        components.update(briefing_schema_components())
        # FastAPI documents its own 422 body; the service answers every error as a problem.
        problem = {
            "description": "The request is invalid.",
            "content": {problems.MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.get("responses", {})
                if "422" in responses:
                    responses["422"] = {**problem, "description": responses["422"]["description"]}
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        components["Problem"] = problems.Problem.model_json_schema()
        schema["components"]["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer", "description": "An API key."}
        }
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(
    config: ServerConfig | None = None,
    *,
    storage: Storage | None = None,
    policy: RetryPolicy | None = None,
) -> FastAPI:
    """Build the service.

    Args:
        config: How it runs; default: from the environment (``ServerConfig.from_env``).
        storage: Where briefings, jobs and keys live; default: SQLite in the data directory.
        policy: The model transport retry policy (tests shorten it).
    """
    from summarizer.server import batches, ops, page, routes
    from summarizer.server.jobs import JobRunner

    config = config if config is not None else ServerConfig.from_env(os.environ)
    store = storage if storage is not None else SQLiteStorage.in_dir(config.data_dir)
    briefer = Briefer(config.settings, config.data_dir, use_cache=config.use_cache, policy=policy)
    state = ServiceState(
        config=config,
        storage=store,
        briefer=briefer,
        limiter=RateLimiter(config.rate_per_minute, config.concurrent_briefings),
    )
    state.jobs = JobRunner(config, store, briefer, policy=policy)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from summarizer.server.runner import install_drain

        assert state.jobs is not None
        restore = install_drain(state)
        state.jobs.start()
        try:
            yield
        finally:
            restore()
            state.jobs.stop()
            await briefer.aclose()
            if storage is None:
                store.close()

    app = FastAPI(
        title="summarizer",
        version=package_version(),
        description=DESCRIPTION,
        lifespan=lifespan,
        separate_input_output_schemas=False,
    )
    app.state.service = state
    _install_errors(app, config)
    app.include_router(routes.router)
    app.include_router(batches.router)
    app.include_router(ops.router)
    app.include_router(page.router)
    app.add_middleware(ServiceMiddleware, state=state)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app
