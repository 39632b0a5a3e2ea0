"""Command-line options shared by the commands that brief articles.

``brief``, ``prompt`` and ``batch`` take the same engine and endpoint options, and
``brief`` and ``prompt`` the same source options; declaring them once keeps
their names, defaults and help identical.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import click

from summarizer.config import ENGINES, MODES, Settings
from summarizer.inputs.article import SOURCE_FORMATS


def _default(name: str) -> Any:
    """The default of a ``Settings`` field: the one place defaults are declared."""
    return {f.name: f.default for f in dataclasses.fields(Settings)}[name]


def source_options(func: Any) -> Any:
    """``--encoding``, ``--input-format``, ``--allow-private-urls``: how to read the article."""
    func = click.option(
        "--allow-private-urls",
        "allow_private",
        is_flag=True,
        help="Also fetch URLs (and follow redirects) to loopback, private and link-local "
        "addresses: pages on this machine or its network. Refused by default.",
    )(func)
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
            help=f"How structured output is requested (default {_default('mode')}); "
            "see the README.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


class Seconds(click.ParamType[float]):
    """A finite number of seconds, more than 0 (``nan`` and ``inf`` are refused)."""

    name = "seconds"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        """Parse ``value``; fail with a usage error naming the option."""
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds <= 0:
            self.fail(f"{value!r} is not a finite number of seconds more than 0", param, ctx)
        return seconds


def timeout_option(func: Any) -> Any:
    """``--timeout``: seconds for one whole HTTP request to the model."""
    return click.option(
        "--timeout",
        type=Seconds(),
        default=None,
        help="Seconds for one HTTP request, from connecting to the last byte of the answer "
        f"(default {_default('timeout'):g}).",
    )(func)


def max_tokens_option(func: Any) -> Any:
    """``--max-tokens``: the completion budget sent with each request."""
    return click.option(
        "--max-tokens",
        type=click.IntRange(min=1),
        default=None,
        help="The most tokens the model may write in one answer; an answer cut off there is "
        f"an error (default {_default('max_tokens')}).",
    )(func)


def engine_options(func: Any) -> Any:
    """``--engine`` and every setting of the model call, endpoint options included."""
    func = click.option(
        "--max-article-tokens",
        type=click.IntRange(min=500),
        default=None,
        help="Brief longer articles in paragraph-bounded parts and merge "
        f"(default {_default('max_article_tokens')}).",
    )(func)
    func = timeout_option(func)
    func = max_tokens_option(func)
    func = click.option(
        "--max-reasks",
        type=click.IntRange(min=0),
        default=None,
        help=f"Validation re-asks after the first answer (default {_default('max_reasks')}).",
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
