"""Capturing the exact chat request the LLM engine would send, without sending it.

The engine runs against a transport that records the request and refuses it
with a 400, so nothing leaves the machine and no key is needed; what is
recorded is byte for byte what the ``openai`` client would POST in the chosen
mode (messages, tools, ``response_format``). ``summarizer prompt --request``
prints it; the Batch API path uploads it.
"""

from __future__ import annotations

import json
import logging
import os
from contextvars import ContextVar
from typing import Any

import httpx2

from summarizer import retry
from summarizer.api import Summarizer
from summarizer.article import Article
from summarizer.config import Settings
from summarizer.errors import ModelError

# A key-shaped header for OpenAI's own endpoint, whose client insists on one.
_PLACEHOLDER_KEY = "placeholder-never-sent"

# instructor logs every failed attempt at ERROR; the refusal that ends a capture
# is no failure, so its records are dropped (only those: other calls still log).
_SHAPING: ContextVar[bool] = ContextVar("summarizer_shaping", default=False)
_INSTRUCTOR_RETRY_LOGGER = "instructor.v2.retry"


class _QuietWhileShaping(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not _SHAPING.get()


def _install_quiet_filter() -> None:
    logger = logging.getLogger(_INSTRUCTOR_RETRY_LOGGER)
    if not any(isinstance(f, _QuietWhileShaping) for f in logger.filters):
        logger.addFilter(_QuietWhileShaping())


class RequestShaper:
    """Captures the chat request the live engine would send, without sending it.

    Args:
        settings: The same settings the live engine would use.
    """

    def __init__(self, settings: Settings) -> None:
        _install_quiet_filter()
        self._captured: list[httpx2.Request] = []
        self._client = httpx2.Client(transport=httpx2.MockTransport(self._capture))
        self._summarizer = Summarizer(
            settings, policy=retry.RetryPolicy(max_attempts=1), http_client=self._client
        )

    def _capture(self, request: httpx2.Request) -> httpx2.Response:
        self._captured.append(request)
        error = {"message": "captured, not sent", "type": "invalid_request_error"}
        return httpx2.Response(400, json={"error": error})

    def shape(self, article: Article) -> tuple[str, dict[str, Any]]:
        """The URL and JSON body of the first request for ``article``."""
        self._captured.clear()
        token = _SHAPING.set(True)
        try:
            self._summarizer.summarize(article)
        except ModelError:
            pass  # the 400 above: the request is captured, which is all we wanted
        finally:
            _SHAPING.reset(token)
        request = self._captured[0]
        body: dict[str, Any] = json.loads(request.content)
        return str(request.url), body

    def close(self) -> None:
        """Release the capturing client."""
        self._summarizer.close()
        self._client.close()

    def __enter__(self) -> RequestShaper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def request_body(article: Article, **options: Any) -> dict[str, Any]:
    """The JSON body of the first request the LLM engine would send for ``article``.

    Args:
        article: The article to brief.
        **options: ``Settings`` fields (``model``, ``base_url``, ``mode``, ...).
    """
    given = {k: v for k, v in options.items() if v is not None}
    given.update(engine="llm", max_reasks=0)
    if not given.get("base_url"):
        given.setdefault("api_key", _PLACEHOLDER_KEY)
    with RequestShaper(Settings.from_env(os.environ, **given)) as shaper:
        return shaper.shape(article)[1]
