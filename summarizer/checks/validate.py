"""Validating a briefing we built ourselves (by rules, or merged from parts).

A model's answer is validated as instructor parses it; a briefing assembled in
code goes through the same validators here, against the whole article, because a
bug in our own code must not reach a reader as a quote the article never held.
"""

from __future__ import annotations

from pydantic import ValidationError

from summarizer.checks.grounding import ArticleIndex
from summarizer.errors import ModelOutputError
from summarizer.models import CONTEXT_KEY, Briefing


def revalidated(briefing: Briefing, text: str, source: str, failure: str) -> Briefing:
    """Validate ``briefing`` against the article ``text``.

    Args:
        briefing: The briefing.
        text: The article its quotes must come from.
        source: Where the article came from, for the error message.
        failure: What went wrong, for the error message, e.g. "the merged briefing".

    Raises:
        ModelOutputError: A validator refused it; the message names the first reason.
    """
    try:
        return Briefing.model_validate(
            briefing.model_dump(), context={CONTEXT_KEY: ArticleIndex(text)}
        )
    except ValidationError as exc:
        raise ModelOutputError(
            f"{failure} of {source} does not validate: {exc.errors()[0]['msg']}"
        ) from exc
