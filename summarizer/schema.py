"""JSON Schema exports of the Briefing and gold models.

The files in ``schemas/`` are generated from the pydantic models by
``summarizer schema --write`` and a test fails when they drift.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer.evals.gold import GoldBriefing
from summarizer.models import SCHEMA_VERSION, Briefing
from summarizer.resources import resource_dir

SCHEMAS: dict[str, type[Any]] = {
    f"briefing.{SCHEMA_VERSION}.json": Briefing,
    f"gold.{SCHEMA_VERSION}.json": GoldBriefing,
}


def schema_json(name: str) -> str:
    """The JSON Schema text for the schema file ``name`` (e.g. ``briefing.v1.json``)."""
    model = SCHEMAS[name]
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://summarizer.invalid/schemas/{name}",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def packaged_schema(name: str) -> str:
    """The schema file ``name`` as shipped in the package."""
    return resource_dir("schemas").joinpath(name).read_text(encoding="utf-8")


def write_schemas(directory: Path) -> list[Path]:
    """Regenerate every schema file into ``directory``; return the paths written."""
    written = []
    for name in SCHEMAS:
        path = directory / name
        path.write_text(schema_json(name), encoding="utf-8")
        written.append(path)
    return written
