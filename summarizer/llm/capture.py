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
from dataclasses import dataclass
from typing import Any

import httpx2

from summarizer.config import Settings
from summarizer.errors import ModelError
from summarizer.inputs.article import Article
from summarizer.llm import retry
from summarizer.llm.prompts import RenderedPrompt, render
from summarizer.pipeline.longdoc import Part, article_parts

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


@dataclass(frozen=True)
class ShapedRequest:
    """The request the engine would send for one part of an article.

    Attributes:
        part: The part (the whole article when it is short enough).
        prompt: The rendered messages.
        url: The endpoint URL.
        body: The JSON body, byte for byte what the engine sends.
    """

    part: Part
    prompt: RenderedPrompt
    url: str
    body: dict[str, Any]


class RequestShaper:
    """Captures the chat requests the live engine would send, without sending them.

    Args:
        settings: The same settings the live engine would use.
    """

    def __init__(self, settings: Settings) -> None:
        from summarizer.llm.engine import LLMEngine

        _install_quiet_filter()
        self.settings = settings
        self._captured: list[httpx2.Request] = []
        self._client = httpx2.Client(transport=httpx2.MockTransport(self._capture))
        policy = retry.RetryPolicy(max_attempts=1)
        self._engine = LLMEngine(settings, policy, http_client=self._client)

    def _capture(self, request: httpx2.Request) -> httpx2.Response:
        self._captured.append(request)
        error = {"message": "captured, not sent", "type": "invalid_request_error"}
        return httpx2.Response(400, json={"error": error})

    def _request(self, part: Part) -> ShapedRequest:
        prompt = render(part.article, mark=self.settings.datamark, part=part.position)
        self._captured.clear()
        token = _SHAPING.set(True)
        try:
            self._engine.brief(part.article.text, prompt)
        except ModelError:
            pass  # the 400 above: the request is captured, which is all we wanted
        finally:
            _SHAPING.reset(token)
        request = self._captured[0]
        body: dict[str, Any] = json.loads(request.content)
        return ShapedRequest(part, prompt, str(request.url), body)

    def shape_parts(self, article: Article) -> list[ShapedRequest]:
        """One request per part of ``article``, as the live engine sends them."""
        parts = article_parts(article, self.settings.max_article_tokens)
        return [self._request(part) for part in parts]

    def shape(self, article: Article) -> tuple[str, dict[str, Any]]:
        """The URL and JSON body of the first request for ``article``."""
        first = self._request(article_parts(article, self.settings.max_article_tokens)[0])
        return first.url, first.body

    def close(self) -> None:
        """Release the capturing client."""
        self._engine.close()
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
