from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli.main import main
from summarizer.errors import InputError
from summarizer.evals.lengthscore import RECALL_POWER, ROSE_ALPHA, ROSE_UNITS
from summarizer.evals.rose import fit_length_calibration, tau_report, unit_recall
from summarizer.evals.text import coverage, kendall_tau
from support import REPO

ROSE = REPO.parent / "shared" / "data" / "rose-acu-dev.jsonl"


def _need_rose() -> None:
    if not ROSE.is_file():
        pytest.skip(f"RoSE dev data not present at {ROSE}")


def test_matcher_agrees_with_human_judgement_better_than_rouge() -> None:
    _need_rose()
    report = tau_report(ROSE)
    assert report.documents == 50
    # ROUGE-1 recall reaches 0.426 here (data README); the issue asks for at least 0.45.
    assert report.summary_level >= 0.45
    assert report.system_level > 0.5


def test_length_aware_score_agrees_with_normalised_human_judgement() -> None:
    _need_rose()
    report = tau_report(ROSE)
    # ROUGE-1 F1 reaches 0.346 against human_normalized_acu; the matcher's plain recall 0.313.
    assert report.normalised_summary_level >= 0.42
    assert report.summary_level >= 0.45
    assert report.normalised_system_level > 0.5


def test_length_aware_score_holds_on_the_documents_it_was_not_fitted_on() -> None:
    _need_rose()
    held_out = tau_report(ROSE, documents="odd")
    assert held_out.documents == 25
    assert held_out.normalised_summary_level >= 0.40


def test_the_shipped_calibration_is_what_the_even_documents_give() -> None:
    _need_rose()
    fitted = fit_length_calibration(ROSE, documents="even")
    assert fitted.alpha == ROSE_ALPHA
    assert fitted.reference_ratio == pytest.approx(ROSE_UNITS.reference_ratio, abs=0.01)
    assert fitted.recall_power == pytest.approx(RECALL_POWER, abs=0.05)


def test_keypoints_command_prints_the_normalised_tau(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = ["The mayor opened the bridge.", "The bridge cost $4 million."]
    padding = " Rain fell on Tuesday and the trains were late again." * 6
    rows = [
        {
            "doc_id": "d1",
            "gold_units": units,
            "systems": {
                "short": {
                    "summary": "The mayor opened the $4 million bridge.",
                    "human_acu": 1.0,
                    "human_normalized_acu": 1.0,
                },
                "long": {
                    "summary": "The mayor opened the $4 million bridge." + padding,
                    "human_acu": 1.0,
                    "human_normalized_acu": 0.4,
                },
                "half": {
                    "summary": "The mayor opened a park.",
                    "human_acu": 0.5,
                    "human_normalized_acu": 0.5,
                },
            },
        }
    ]
    path = tmp_path / "acu.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["eval", "keypoints", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    (normalised,) = [line for line in lines if "normalised" in line and "summary-level" in line]
    assert normalised.endswith("Kendall tau: 1.000")
    assert "summary-level Kendall tau: 1.000" in lines  # the unnormalised line is kept


def test_keypoints_command_says_when_there_is_no_normalised_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {
        "doc_id": "d1",
        "gold_units": ["The mayor opened the bridge."],
        "systems": {
            "a": {"summary": "The mayor opened the bridge.", "human_acu": 1.0},
            "b": {"summary": "Rain fell.", "human_acu": 0.0},
        },
    }
    path = tmp_path / "acu.jsonl"
    path.write_text(json.dumps(row) + "\n")
    assert main(["eval", "keypoints", str(path)]) == 0
    assert "normalised (length-aware score): no human_normalized_acu" in capsys.readouterr().out


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
