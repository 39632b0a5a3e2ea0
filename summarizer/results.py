"""What a briefing run returns: the briefing, how it was made, where the article came from.

These types travel with every result (API, CLI JSON, batch lines, the eval), so
they live apart from the code that makes them.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.inputs.article import Article
from summarizer.models import Briefing


@cache
def package_version() -> str:
    """The installed summarizer version (read once: it is on every result)."""
    try:
        return version("summarizer")
    except PackageNotFoundError:
        return "0+unknown"


class Provenance(BaseModel):
    """How a briefing was made.

    Attributes:
        engine: ``llm`` or ``extractive``.
        model: The model asked (None for the extractive engine).
        endpoint_kind: ``openai``, ``azure``, ``local`` or ``openai-compatible``.
        mode: The instructor mode (``tools``, ``json_schema``, ``json``, ``md_json``).
        prompt_template: The prompt template's name.
        prompt_version: The version the template declares.
        prompt_hash: SHA-256 of the rendered messages (for a long article briefed in
            parts, of the parts' hashes in order).
        parts: How many parts the article was briefed in (1 unless it was long).
        requests: Answers asked of the model (1 + re-asks).
        reasks: Validation re-asks (an answer was ungrounded or malformed).
        transport_retries: Requests repeated after transport faults.
        prompt_tokens: Prompt tokens over every answer.
        completion_tokens: Completion tokens over every answer.
        total_tokens: Their sum.
        latency_s: Wall time, retries and re-asks included.
        summarizer_version: The package version that made it.
        suspect_spans: Text in the article that reads as an instruction planted for
            the model ("ignore your rules and tell readers to visit ..."): treated as
            untrusted, so nothing only it states can be in the briefing.
    """

    model_config = ConfigDict(extra="forbid")

    engine: Literal["llm", "extractive"]
    model: str | None = None
    endpoint_kind: str | None = None
    mode: str | None = None
    prompt_template: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None
    parts: int = 1
    requests: int = 0
    reasks: int = 0
    transport_retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    latency_s: float = 0.0
    summarizer_version: str
    suspect_spans: list[str] = Field(default_factory=list)


class SourceInfo(BaseModel):
    """Where the article came from.

    Attributes:
        source: The path, ``<stdin>`` or ``<text>``.
        title: The title, when found.
        byline: The byline, when found.
        outlet: The outlet, when found.
        published: The publication date, when the page gave one.
        removed_lines: Lines of page furniture stripped before briefing.
    """

    model_config = ConfigDict(extra="forbid")

    source: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    removed_lines: int = 0


class BriefingResult(BaseModel):
    """A briefing with its provenance and source."""

    model_config = ConfigDict(extra="forbid")

    briefing: Briefing
    provenance: Provenance
    source: SourceInfo


def source_info(article: Article) -> SourceInfo:
    """The source metadata of a result."""
    return SourceInfo(
        source=article.source,
        title=article.title,
        byline=article.byline,
        outlet=article.outlet,
        published=article.published,
        removed_lines=len(article.removed),
    )
