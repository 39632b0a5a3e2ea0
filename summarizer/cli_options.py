"""Command-line options shared by the commands that brief articles.

``brief``, ``prompt`` and ``batch`` take the same engine and endpoint options, and
``brief`` and ``prompt`` the same source options; declaring them once keeps
their names, defaults and help identical.
"""

from __future__ import annotations

from typing import Any

import click

from summarizer.article import SOURCE_FORMATS
from summarizer.config import ENGINES, MODES


def source_options(func: Any) -> Any:
    """``--encoding`` and ``--input-format``: how to read the article argument."""
    func = click.option(
        "--input-format",
        type=click.Choice(SOURCE_FORMATS),
        default="auto",
        show_default=True,
        help="auto: a URL for http(s)://, html for .html/.htm files and text that starts like "
        "a page, else text. text or html read a file or a fetched page that way.",
    )(func)
    return click.option(
        "--encoding", help="The article's encoding (default: declared, else UTF-8)."
    )(func)


def datamark_option(func: Any) -> Any:
    """``--datamark/--no-datamark``: spotlighting of the article in the prompt."""
    return click.option(
        "--datamark/--no-datamark",
        default=None,
        help="Show the article's spaces as a mark in the prompt so the model can tell data "
        "from instructions (default on); turn off for models that cannot read it.",
    )(func)


def endpoint_options(func: Any) -> Any:
    """``--model``, ``--base-url`` and ``--mode``: which model, where, asked how."""
    options = [
        click.option("--model", help="Model name [env: SUMMARIZER_MODEL]."),
        click.option(
            "--base-url",
            help="OpenAI-compatible endpoint URL [env: OPENAI_BASE_URL].",
        ),
        click.option(
            "--mode",
            type=click.Choice(MODES),
            default=None,
            help="How structured output is requested (default tools); see the README.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def engine_options(func: Any) -> Any:
    """``--engine`` and every setting of the model call, endpoint options included."""
    func = click.option(
        "--max-article-tokens",
        type=click.IntRange(min=500),
        default=None,
        help="Brief longer articles in paragraph-bounded parts and merge (default 12000).",
    )(func)
    func = click.option(
        "--timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        help="Seconds for one HTTP request (default 120).",
    )(func)
    func = click.option(
        "--max-reasks",
        type=click.IntRange(min=0),
        default=None,
        help="Validation re-asks after the first answer (default 2).",
    )(func)
    func = endpoint_options(func)
    func = datamark_option(func)
    return click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="auto",
        show_default=True,
        help="llm, extractive (offline rules), or auto: llm when an endpoint is configured.",
    )(func)
