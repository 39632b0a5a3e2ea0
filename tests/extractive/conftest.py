from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.checks.grounding import ArticleIndex
from summarizer.extractive import brief_extractive
from summarizer.models import Briefing

ARTICLES = Path(__file__).parent / "articles"


def load(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def assert_grounded(briefing: Briefing, text: str) -> None:
    index = ArticleIndex(text)
    for location, quote in briefing.evidence_quotes():
        assert index.contains_quote(quote), f"{location} not in the article: {quote!r}"
    for item in briefing.disputed_figures:
        assert index.contains_figure(item.figure), item.figure


@pytest.fixture(scope="session")
def article() -> Callable[[str], str]:
    """Load a fiction article from articles/ by name."""
    return load


@pytest.fixture(scope="session")
def grounded() -> Callable[[Briefing, str], None]:
    """Assert every quote and figure of a briefing is verbatim in the text."""
    return assert_grounded


@pytest.fixture(scope="session")
def briefings() -> dict[str, Briefing]:
    return {path.stem: brief_extractive(load(path.stem)) for path in sorted(ARTICLES.glob("*.txt"))}
