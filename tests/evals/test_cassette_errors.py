"""A damaged or edited recording is a clear error naming its file, never an internal error."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefings import ARTICLE
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.errors import InputError, StaleRecordingError
from summarizer.testing.cassettes import cassette
from support import REPO

CASE = "bridge-reopening"


def _edit(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data), encoding="utf-8")

    return apply


def _set_request_body(data: dict[str, Any]) -> None:
    data["interactions"][0]["request"]["body"] = "{not json"


def _set_response_body(data: dict[str, Any]) -> None:
    data["interactions"][0]["response"]["body"]["string"] = "garbage, not JSON"


def _drop_response(data: dict[str, Any]) -> None:
    del data["interactions"][0]["response"]


DAMAGE: dict[str, Callable[[Path], object]] = {
    "empty": lambda p: p.write_bytes(b""),
    "not-yaml": lambda p: p.write_text("interactions: [\n  - {request: \n", encoding="utf-8"),
    "not-utf8": lambda p: p.write_bytes(b"\xff\xfe interactions"),
    "no-interactions": lambda p: p.write_text("version: 1\n", encoding="utf-8"),
    "zero-interactions": lambda p: p.write_text("interactions: []\nversion: 1\n"),
    "a-list": lambda p: p.write_text("- 1\n- 2\n", encoding="utf-8"),
    "request-body-not-json": _edit(_set_request_body),
    "response-body-not-json": _edit(_set_response_body),
    "no-response": _edit(_drop_response),
}


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    root = tmp_path / "cases"
    shutil.copytree(REPO / "evals" / "cases" / CASE, root / CASE)
    return root


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_eval_recording_is_reported_with_its_file_name(
    cases: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    recording = cases / CASE / "recorded" / "answer.yaml"
    DAMAGE[damage](recording)
    code = main(["eval", "--cases", str(cases), "--case", CASE, "--engine", "llm"])
    captured = capsys.readouterr()
    assert code == 1
    everything = " ".join((captured.out + captured.err).split())
    assert "internal error" not in everything
    assert "answer.yaml" in everything
    assert "summarizer: error:" in captured.err


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_replaying_a_damaged_cassette_raises_a_typed_error_naming_it(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "briefing.yaml"
    shutil.copy(REPO / "tests" / "cassettes" / "test_cassettes" / "briefing.yaml", path)
    DAMAGE[damage](path)
    with (
        pytest.raises((InputError, StaleRecordingError), match="briefing.yaml"),
        cassette(path),
        Summarizer.from_env(
            {}, base_url="http://127.0.0.1:9/v1", api_key="sk-x", model="loopback-model"
        ) as s,
    ):
        s.summarize(ARTICLE)


def test_a_stale_cassette_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    shutil.copy(REPO / "tests" / "cassettes" / "test_cassettes" / "briefing.yaml", path)
    with (
        pytest.raises(StaleRecordingError, match="briefing.yaml"),
        cassette(path),
        Summarizer.from_env(
            {}, base_url="http://127.0.0.1:9/v1", api_key="sk-x", model="loopback-model"
        ) as s,
    ):
        s.summarize(ARTICLE + "\nOne more line that was never recorded.\n")
