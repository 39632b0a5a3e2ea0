"""Gold briefings: the hand-written answers eval cases are scored against.

A gold briefing uses the Briefing fields plus ``aliases`` (canonical actor ->
other names the article uses), ``importance`` on key points, and
``must_not_contain`` (strings no output may contain). Evidence is optional in
gold. Unknown keys are refused so a typo cannot silently drop a field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import GoldFileError


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class GoldKeyPoint(_Gold):
    text: str = Field(min_length=1)
    importance: Literal["core", "supporting"] = "core"
    evidence: list[str] = Field(default_factory=list)


class GoldStance(_Gold):
    actor: str = Field(min_length=1)
    role: str | None = None
    topic: str = Field(min_length=1)
    position: str = Field(min_length=1)
    evidence: list[str] = Field(default_factory=list)


class GoldDisputedFigure(_Gold):
    figure: str = Field(min_length=1)
    value: float | None = None
    unit: str | None = None
    measure: str = Field(min_length=1)
    claimed_by: str = Field(min_length=1)
    disputed_by: list[str] = Field(default_factory=list)
    counter_claim: str | None = None
    evidence: list[str] = Field(default_factory=list)


class GoldBriefing(_Gold):
    """A hand-written reference briefing for one article."""

    headline: str = Field(min_length=1)
    summary: str | None = None
    tags: list[str] = Field(default_factory=list)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    key_points: list[GoldKeyPoint] = Field(min_length=1)
    stances: list[GoldStance] = Field(default_factory=list)
    disputed_figures: list[GoldDisputedFigure] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of the node at ``loc`` in a YAML document."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    break
            else:
                return int(node.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return int(node.start_mark.line) + 1
            node = node.value[part]
        else:
            break
    return int(node.start_mark.line) + 1


def load_gold(path: str | Path) -> GoldBriefing:
    """Read and validate a gold briefing.

    Raises:
        GoldFileError: The file is missing, not YAML, or breaks the gold schema;
            the error names the file, the line and the reason.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldFileError(name, None, exc.strerror or str(exc)) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise GoldFileError(name, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise GoldFileError(name, 1, "expected a mapping of gold briefing fields")
    try:
        return GoldBriefing.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        field = ".".join(str(p) for p in loc) or "document"
        raise GoldFileError(name, _line_of(text, loc), f"{field}: {first['msg']}") from exc
