"""summarizer: grounded briefings of news articles.

A briefing is the bottom line, the key points, who holds which position and
which numbers are contested, each backed by verbatim quotes that are checked
against the article before anything is returned.

Example:
    ```python
    from pathlib import Path

    from summarizer import summarize

    result = summarize(Path("article.txt"), engine="extractive")  # a str is the text itself
    print(result.briefing.headline)
    ```
"""

from summarizer.api import SummarizeOptions, Summarizer, asummarize, summarize
from summarizer.config import Settings
from summarizer.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    ConfigurationError,
    EmptyArticleError,
    FetchError,
    GoldFileError,
    InputError,
    ModelError,
    ModelOutputError,
    PrivateAddressError,
    PromptError,
    StaleRecordingError,
    SummarizerError,
    TransportError,
    Ungrounded,
    UngroundedError,
)
from summarizer.inputs.article import Article, article_from_text
from summarizer.inputs.load import read_article
from summarizer.llm.retry import RetryPolicy
from summarizer.models import Briefing, DisputedFigure, KeyPoint, Stance
from summarizer.results import BriefingResult, Provenance, SourceInfo

__all__ = [
    "Article",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryInputError",
    "Briefing",
    "BriefingResult",
    "ConfigurationError",
    "DisputedFigure",
    "EmptyArticleError",
    "FetchError",
    "GoldFileError",
    "InputError",
    "KeyPoint",
    "ModelError",
    "ModelOutputError",
    "PrivateAddressError",
    "PromptError",
    "Provenance",
    "RetryPolicy",
    "Settings",
    "SourceInfo",
    "StaleRecordingError",
    "Stance",
    "SummarizeOptions",
    "Summarizer",
    "SummarizerError",
    "TransportError",
    "Ungrounded",
    "UngroundedError",
    "article_from_text",
    "asummarize",
    "read_article",
    "summarize",
]
