"""The request and response bodies of the HTTP API, for validation and for OpenAPI."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.config import EngineName
from summarizer.resources import resource_dir

OutputFormat = Literal["json", "html", "markdown", "text"]


class BriefingRequest(BaseModel):
    """An article to brief: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(default=None, description="The article as a saved HTML page.")
    url: str | None = Field(
        default=None,
        description="An http(s) URL to fetch (public addresses only).",
        max_length=2048,
    )
    engine: EngineName | None = Field(
        default=None, description="llm, extractive, or auto (the server's default)."
    )
    model: str | None = Field(
        default=None, description="The model to ask (llm engine).", min_length=1, max_length=200
    )
    format: OutputFormat = Field(
        default="json",
        description="json (the briefing with provenance and source), html (the page with "
        "every quote highlighted), markdown or text.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> BriefingRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class BriefingSummary(BaseModel):
    """One stored briefing in a listing."""

    id: str
    created: str = Field(description="When it was made (UTC, ISO 8601).")
    headline: str
    source: str = Field(description="The path, URL or <text> the article came from.")
    title: str | None = None
    engine: str
    links: dict[str, str] = Field(description="json and html: where to get it.")


class BriefingList(BaseModel):
    """Stored briefings, newest first."""

    items: list[BriefingSummary]
    next_offset: int | None = Field(
        description="Pass as offset for the next page; null at the end."
    )


class BatchItemIn(BaseModel):
    """One article of a batch: exactly one of ``text`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="Unique in the batch; default: its position.",
    )
    text: str | None = None
    url: str | None = Field(default=None, max_length=2048)

    @model_validator(mode="after")
    def _one_source(self) -> BatchItemIn:
        given = [name for name in ("text", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text or url")
        return self


class BatchRequest(BaseModel):
    """A batch of articles and how to brief them."""

    model_config = ConfigDict(extra="forbid")

    items: list[BatchItemIn] = Field(min_length=1)
    engine: EngineName | None = None
    model: str | None = Field(default=None, min_length=1, max_length=200)
    via: Literal["live", "batch-api"] = Field(
        default="live", description="Live requests, or the provider's Batch API (llm engine)."
    )


class BatchStatus(BaseModel):
    """Where a batch job stands."""

    id: str
    status: Literal["queued", "running", "done", "failed"]
    created: str
    finished: str | None = None
    total: int
    done: int = Field(description="Articles briefed.")
    failed: int = Field(description="Articles that got an error line.")
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None = Field(
        description="What the model calls cost, when the model is priced."
    )
    error: str | None = None
    links: dict[str, str]


class Health(BaseModel):
    """A health check's answer."""

    status: Literal["ok", "unavailable"]
    checks: dict[str, str] = Field(default_factory=dict)


def briefing_schema_components() -> dict[str, Any]:
    """The Briefing schema of ``schemas/briefing.v1.json`` as OpenAPI components.

    The file is the contract; the OpenAPI document carries it unchanged, its
    ``$defs`` moved to ``components/schemas``.
    """
    raw = resource_dir("schemas").joinpath("briefing.v1.json").read_text(encoding="utf-8")
    schema = json.loads(raw.replace('"#/$defs/', '"#/components/schemas/'))
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    schema.pop("$id", None)
    return {**defs, "Briefing": schema}
