"""Errors as JSON problem details (RFC 9457), with the CLI's types and messages.

The status follows the CLI's exit codes: a bad input (exit code 2) is a 4xx, a
model or runtime failure (exit code 1) is a 502, 503 or 504 by kind. Nothing
that reaches a client carries a traceback; an error nobody foresaw is a 500
whose detail says only that, and the traceback goes to the server's log.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from summarizer.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    ConfigurationError,
    FetchError,
    InputError,
    ModelError,
    SummarizerError,
    TransportError,
)

MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """A problem detail (RFC 9457).

    ``error_type`` is the name of the error class the CLI would report, and
    ``detail`` the line it would print after ``summarizer: error:``.
    """

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, in plain language.")
    error_type: str = Field(description="The summarizer error class (as the CLI names it).")


class ProblemError(Exception):
    """An HTTP failure the service raises itself (not found, unauthorised, rate limited...).

    Args:
        status: The HTTP status.
        error_type: A short name for the kind of failure.
        detail: What went wrong, in plain language.
        headers: Extra response headers (``Retry-After``, ``WWW-Authenticate``).
    """

    def __init__(
        self, status: int, error_type: str, detail: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.error_type = error_type
        self.detail = detail
        self.headers = headers or {}


_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}


def title(status: int) -> str:
    """The usual phrase for ``status``."""
    return _TITLES.get(status, "Error")


def status_for(exc: SummarizerError) -> int:
    """The HTTP status of a summarizer error, following the CLI's exit codes."""
    if isinstance(exc, ArticleTooLargeError):
        return 413
    if isinstance(exc, ConfigurationError):
        return 400
    if isinstance(exc, ArticleNotFoundError | InputError) or exc.exit_code == 2:
        return 422
    if isinstance(exc, FetchError):
        return 504 if "did not answer within" in exc.message else 502
    if isinstance(exc, TransportError):
        if exc.status_code in (429, 503):
            return 503  # the model is busy or rate limited: try again later
        if exc.status_code is None and "timed out" in exc.message:
            return 504
        return 502
    if isinstance(exc, ModelError):
        return 502  # the model answered, but not with a usable briefing
    return 500


def body(status: int, error_type: str, detail: str, **extra: Any) -> bytes:
    """The JSON body of a problem."""
    problem = {
        "type": f"urn:summarizer:problem:{error_type}",
        "title": title(status),
        "status": status,
        "detail": detail,
        "error_type": error_type,
        **extra,
    }
    return json.dumps(problem, ensure_ascii=False).encode()
