"""The exact chat requests the LLM engine would send, built without sending them.

instructor builds each request (``summarizer.llm.request.build_body``) from
the same arguments a live call gives it, so what is built here is what the
``openai`` client would POST in the chosen mode (messages, tools,
``response_format``). ``summarizer prompt --request`` prints it; the Batch API
path uploads it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from summarizer.config import Settings
from summarizer.inputs.article import Article
from summarizer.llm.logs import capturing
from summarizer.llm.prompts import RenderedPrompt, render
from summarizer.llm.request import CHAT_PATH, build_body, completion_budget
from summarizer.models import Briefing
from summarizer.pipeline.longdoc import Part, article_parts

# The URL requests go to on OpenAI's own API (no base URL configured).
OPENAI_BASE_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class ShapedRequest:
    """The request the engine would send for one part of an article.

    Attributes:
        part: The part (the whole article when it is short enough).
        prompt: The rendered messages.
        url: The endpoint URL.
        body: The JSON body, as the engine sends it.
    """

    part: Part
    prompt: RenderedPrompt
    url: str
    body: dict[str, Any]


class RequestShaper:
    """Builds the chat requests the live engine would send, without sending them.

    Args:
        settings: The same settings the live engine would use.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model = settings.resolved_model()
        base = (settings.base_url or OPENAI_BASE_URL).rstrip("/")
        self.url = base + CHAT_PATH

    def _request(self, part: Part) -> ShapedRequest:
        prompt = render(part.article, mark=self.settings.datamark, part=part.position)
        with capturing():
            body = build_body(
                self.model,
                prompt.messages,
                self.settings.mode,
                Briefing,
                completion_budget(self.settings),
            )
        return ShapedRequest(part, prompt, self.url, body)

    def shape_parts(self, article: Article) -> list[ShapedRequest]:
        """One request per part of ``article``, as the live engine sends them."""
        parts = article_parts(
            article, self.settings.max_article_tokens, datamark=self.settings.datamark
        )
        return [self._request(part) for part in parts]

    def shape(self, article: Article) -> tuple[str, dict[str, Any]]:
        """The URL and JSON body of the first request for ``article``."""
        first = self._request(
            article_parts(
                article, self.settings.max_article_tokens, datamark=self.settings.datamark
            )[0]
        )
        return first.url, first.body


def request_body(article: Article, **options: Any) -> dict[str, Any]:
    """The JSON body of the first request the LLM engine would send for ``article``.

    Args:
        article: The article to brief.
        **options: ``Settings`` fields (``model``, ``base_url``, ``mode``, ...).
    """
    given = {k: v for k, v in options.items() if v is not None}
    given.update(engine="llm")
    return RequestShaper(Settings.from_env(os.environ, **given)).shape(article)[1]
