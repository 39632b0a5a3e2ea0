from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli.main import main
from summarizer.errors import InputError
from summarizer.evals.rose import tau_report, unit_recall
from summarizer.evals.text import coverage, kendall_tau
from support import REPO

ROSE = REPO.parent / "shared" / "data" / "rose-acu-dev.jsonl"


def test_matcher_agrees_with_human_judgement_better_than_rouge() -> None:
    if not ROSE.is_file():
        pytest.skip(f"RoSE dev data not present at {ROSE}")
    report = tau_report(ROSE)
    assert report.documents == 50
    # ROUGE-1 recall reaches 0.426 here (data README); the issue asks for at least 0.45.
    assert report.summary_level >= 0.45
    assert report.system_level > 0.5


def test_keypoints_command_prints_both_taus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {
            "doc_id": "d1",
            "gold_units": ["The mayor opened the bridge.", "The bridge cost $4 million."],
            "systems": {
                "good": {"summary": "The mayor opened the $4 million bridge.", "human_acu": 1.0},
                "half": {"summary": "The mayor opened a park.", "human_acu": 0.5},
                "bad": {"summary": "Rain fell on Tuesday.", "human_acu": 0.0},
            },
        }
    ]
    path = tmp_path / "acu.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["eval", "keypoints", str(path)]) == 0
    out = capsys.readouterr().out
    assert "summary-level Kendall tau: 1.000" in out
    assert "system-level Kendall tau: 1.000" in out


def test_a_file_in_the_wrong_format_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "x"}\n')
    with pytest.raises(InputError, match="bad.jsonl:1"):
        tau_report(path)


def test_coverage_rewards_saying_the_same_thing() -> None:
    gold = "The council approved the harbour budget."
    assert coverage(gold, "Council approves harbour budget") == 1.0
    assert coverage(gold, "The weather was fine.") == 0.0
    assert 0 < unit_recall([gold, "Taxes rose."], "The council approved the budget.") < 1


def test_kendall_tau() -> None:
    assert kendall_tau([1, 2, 3], [1, 2, 3]) == 1.0
    assert kendall_tau([1, 2, 3], [3, 2, 1]) == -1.0
    assert kendall_tau([1, 1], [1, 1]) is None
