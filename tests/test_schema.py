from __future__ import annotations

import json

import pytest

from summarizer.cli.main import main
from summarizer.models import Briefing
from summarizer.schema import SCHEMAS, packaged_schema, schema_json


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_schema_files_match_the_models(name: str) -> None:
    # When this fails, run `summarizer schema --write schemas` and commit the result.
    assert packaged_schema(name) == schema_json(name)


def test_briefing_schema_has_exactly_the_design_fields() -> None:
    schema = json.loads(packaged_schema("briefing.v1.json"))
    assert list(schema["properties"]) == [
        "headline",
        "summary",
        "key_points",
        "stances",
        "disputed_figures",
    ]
    defs = schema["$defs"]
    assert list(defs["KeyPoint"]["properties"]) == ["text", "evidence"]
    assert list(defs["Stance"]["properties"]) == ["actor", "role", "topic", "position", "evidence"]
    assert list(defs["DisputedFigure"]["properties"]) == [
        "figure",
        "value",
        "unit",
        "measure",
        "claimed_by",
        "disputed_by",
        "counter_claim",
        "evidence",
    ]


def test_every_field_tells_the_model_what_to_put_there() -> None:
    schema = Briefing.model_json_schema()
    assert schema.get("description")
    for name, prop in schema["properties"].items():
        assert prop.get("description"), f"Briefing.{name} has no description"
    for def_name, definition in schema["$defs"].items():
        assert definition.get("description"), f"{def_name} has no docstring"
        for name, prop in definition["properties"].items():
            assert prop.get("description"), f"{def_name}.{name} has no description"


def test_schema_command_prints_the_briefing_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == "Briefing"


def test_schema_command_prints_the_gold_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--gold"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert "must_not_contain" in printed["properties"]
