"""Rendering a result: plain text, a rich terminal layout, Markdown, JSON and one HTML page.

``render_briefing(result, fmt)`` is the one entry point; each format lives in its
own module (``text`` holds plain text, Markdown and JSON; ``rich`` the terminal
layout; ``html`` the self-contained page).
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.render.html import to_html
from summarizer.render.text import Format, to_json, to_markdown, to_text
from summarizer.results import BriefingResult

FORMATS: tuple[Format, ...] = ("text", "markdown", "json", "html")

RENDERERS: dict[str, Callable[[BriefingResult], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
}


def render_briefing(
    result: BriefingResult,
    fmt: str,
    *,
    article_text: str | None = None,
    provenance: bool = False,
) -> str:
    """Render ``result`` in format ``fmt``.

    Args:
        result: The briefing.
        fmt: ``text``, ``markdown``, ``json`` or ``html``.
        article_text: The article the briefing was made from; ``html`` shows it
            beside the briefing with every quote highlighted.
        provenance: With ``json``: wrap the briefing with its provenance and source.

    Raises:
        ValueError: ``fmt`` is unknown, or ``html`` without ``article_text``.
    """
    if fmt == "html":
        if article_text is None:
            raise ValueError("the html format needs the article text")
        return to_html(result, article_text)
    if fmt == "json":
        return to_json(result, provenance=provenance)
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return RENDERERS[fmt](result)
