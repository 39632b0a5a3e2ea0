"""The committed small-local-model set: SmolLM2-135M's real answers, replayed offline.

Recorded from SmolLM2-135M-Instruct (Q4_1) on llama-cpp-python's server, as
``scripts/realmodel.py serve`` starts it; replaying needs no server. The report
shows the set as its own row, its refusals counted with their reasons.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from summarizer.cli.main import main
from summarizer.evals.recordings import SMALL_LOCAL_MODEL, SMOLLM2_MODEL
from support import REPO

CASES = REPO / "evals" / "cases"
FOLDER = SMALL_LOCAL_MODEL.folder
NAME = SMALL_LOCAL_MODEL.name


def recorded_cases() -> list[str]:
    return sorted(p.parent.parent.name for p in CASES.glob(f"*/{FOLDER}/answer.yaml"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["eval", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_small_local_model_set_replays_offline_as_its_own_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    recorded = recorded_cases()
    assert len(recorded) >= 3, "the small-local-model set holds at least three cases"
    assert any(cid.startswith("wn-") for cid in recorded), "and at least one real-news case"
    only = [arg for cid in recorded for arg in ("--case", cid)]
    report, md = tmp_path / "r.json", tmp_path / "r.md"
    code, out, err = run(
        capsys, "--engine", "llm", *only, "--json", str(report), "--markdown", str(md)
    )
    # Refusals are what the model did: they do not fail the eval.
    assert code == 0, err
    row = json.loads(report.read_text())["recording_sets"][NAME]
    assert sorted(row["cases"]) == recorded
    summary = row["summary"]
    assert summary["cases"] == len(recorded) and summary["failed"] == 0
    assert summary["accepted"] + summary["refused"] == len(recorded)
    assert sum(summary["refusals"].values()) == summary["refused"]
    for cid, case in row["cases"].items():
        # Each run is what its cassette holds: the model's own answer, one request.
        cassette = CASES / cid / FOLDER / "answer.yaml"
        exchanges = yaml.safe_load(cassette.read_text())["interactions"]
        assert case["requests"] == len(exchanges) == 1
        assert (case["error"] is None) == (case["refused"] is None)
    # The row stands beside the main LLM row in the terminal and Markdown reports.
    assert "LLM recording sets" in out and f"{NAME} {recorded[0]} (" in out
    row_md = f"| {NAME} | {len(recorded)} | {summary['accepted']} | {summary['refused']} | 0 |"
    assert row_md in md.read_text()


def test_each_recording_says_what_server_model_and_settings_produced_it() -> None:
    for cid in recorded_cases():
        header = (CASES / cid / FOLDER / "answer.yaml").read_text().split("interactions:")[0]
        assert "Server: llama-cpp-python 0.3.36 server" in header, cid
        assert f"Model: {SMOLLM2_MODEL}" in header and "Q4_1" in header
        assert "n_ctx 8192, seed 0" in header
        assert "Settings: mode json, temperature 0, max_tokens 512, max re-asks 0" in header
        assert "kept whether or not the checks accepted" in header
        body = yaml.safe_load(header + (CASES / cid / FOLDER / "answer.yaml").read_text())
        request = json.loads(body["interactions"][0]["request"]["body"])
        assert request["temperature"] == 0 and request["max_tokens"] == 512
        assert request["response_format"] == {"type": "json_object"}


def _realmodel_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realmodel", REPO / "scripts" / "realmodel.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sets_description_of_its_server_is_the_script_that_serves_it() -> None:
    script = _realmodel_script()
    assert SMOLLM2_MODEL == script.MODEL_NAME
    server = str(SMALL_LOCAL_MODEL.server)
    assert script.LLAMA_CPP_PYTHON.split("==")[1] in server
    assert script.SMOLLM2 in server and f"n_ctx {script.CONTEXT}" in server
    assert "Q4_1" in script.MODEL_FILE
