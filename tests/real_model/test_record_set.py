"""Recording into the small-local-model set from the real llama.cpp server.

One short real-news case, copied into a temporary folder: the recording is the
model's real exchange, kept whether the checks accept the briefing or refuse it,
and it replays offline to the same verdict. Nothing is written into the repository.
It takes 15-50 minutes on 2 shared cores: this llama.cpp build reads 13-35 prompt
tokens and writes about one answer token a second, and the answer runs to its
512-token budget. That is too long for every CI run, so it runs only when asked:
``SUMMARIZER_REALMODEL_RECORD=1 pytest tests/real_model/test_record_set.py``. The
recording path itself runs in every CI against the loopback server
(``tests/evals/test_eval_cli.py::test_record_from_a_live_endpoint_then_replay``), and
the set's committed recordings replay in ``tests/evals/test_small_local_model.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from real_model.conftest import MODEL
from summarizer.cli.main import main
from summarizer.evals.recordings import SMALL_LOCAL_MODEL
from support import REPO

pytestmark = pytest.mark.skipif(
    os.environ.get("SUMMARIZER_REALMODEL_RECORD") != "1",
    reason="recording from the real model takes 15-50 minutes on 2 cores; "
    "set SUMMARIZER_REALMODEL_RECORD=1 to run it",
)

CASE = "wn-2020-06-11-burundi-president-pierre-nkurunziza-dies"  # 258 words, the shortest


def test_a_real_models_run_is_recorded_into_the_set_and_replays_to_the_same_verdict(
    real_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = REPO / "evals" / "cases" / CASE / SMALL_LOCAL_MODEL.folder / "answer.yaml"
    before = committed.read_bytes() if committed.is_file() else None
    cases = tmp_path / "cases"
    shutil.copytree(REPO / "evals" / "cases" / CASE, cases / CASE)
    shutil.rmtree(cases / CASE / SMALL_LOCAL_MODEL.folder, ignore_errors=True)
    argv = ["eval", "--cases", str(cases), "--engine", "llm"]
    code = main(
        [
            *argv,
            "--record",
            "--recording-set",
            SMALL_LOCAL_MODEL.name,
            "--base-url",
            real_server,
            "--model",
            MODEL,
            "--timeout",
            "3600",
        ]
    )
    out = " ".join(capsys.readouterr().out.split())  # as printed, unwrapped
    assert code == 0, out
    assert f"recorded {CASE}/answer into {SMALL_LOCAL_MODEL.name}: 1 request(s)" in out
    cassette = cases / CASE / SMALL_LOCAL_MODEL.folder / "answer.yaml"
    text = cassette.read_text(encoding="utf-8")
    assert "Server: llama-cpp-python 0.3.36 server" in text and f"Model: {MODEL}" in text
    exchange = yaml.safe_load(text)["interactions"][0]
    assert exchange["response"]["status"]["code"] == 200  # the model's own answer
    assert json.loads(exchange["request"]["body"])["temperature"] == 0
    refused = "the checks refused the briefing" in out

    # Offline, from the cassette alone: the same verdict, and no failure.
    report = tmp_path / "r.json"
    code = main([*argv, "--json", str(report)])
    assert code == 0, capsys.readouterr().out
    summary = json.loads(report.read_text())["recording_sets"][SMALL_LOCAL_MODEL.name]["summary"]
    assert (summary["refused"], summary["accepted"], summary["failed"]) == (
        (1, 0, 0) if refused else (0, 1, 0)
    )
    after = committed.read_bytes() if committed.is_file() else None
    assert after == before  # the repository's recording was not touched
