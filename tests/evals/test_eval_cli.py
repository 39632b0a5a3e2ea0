"""`summarizer eval` as CI and a maintainer use it: replay, reports, gate, stale, record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarizer.cli.main import main
from summarizer.evals.cases import load_case
from summarizer.testing.loopback import LoopbackServer, Reply
from support import REPO

CASES = REPO / "evals" / "cases"
BASELINE = REPO / "evals" / "baseline.json"
ONE = "dock-strike-crowd"  # has a clean run and two flawed variants


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """A private copy of one committed case (recordings included)."""
    if not (CASES / ONE).is_dir():
        pytest.skip(f"eval case {ONE} not present")
    target = tmp_path / "cases"
    shutil.copytree(CASES / ONE, target / ONE)
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["eval", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_replay_scores_both_engines_and_writes_every_report(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    paths = {kind: tmp_path / f"report.{kind}" for kind in ("json", "md", "html")}
    code, out, err = run(
        capsys,
        "--cases",
        str(cases),
        "--json",
        str(paths["json"]),
        "--markdown",
        str(paths["md"]),
        "--html",
        str(paths["html"]),
    )
    assert code == 0, err
    assert "keypoint_recall" in out and "extractive" in out and "llm" in out
    data = json.loads(paths["json"].read_text())
    llm = data["engines"]["llm"]["cases"][ONE]
    assert llm["error"] is None and llm["metrics"]["schema_valid"] == 1.0
    assert data["engines"]["extractive"]["cases"][ONE]["metrics"]["grounding_rate"] == 1.0
    # Each flawed run is caught by the metric concerned.
    variants = data["variants"][ONE]
    assert any(
        s.startswith("position_agreement") for s in variants["misattributed_stance"]["caught_by"]
    )
    assert any(s.startswith("figure_recall") for s in variants["missed_figure"]["caught_by"])
    page = paths["html"].read_text()
    assert page.startswith("<!doctype html>") and "<script" not in page and "src=" not in page
    assert ONE in page and 'class="miss"' in page
    assert "Flawed runs" in page and "misattributed_stance" in page
    assert paths["md"].read_text().startswith("# summarizer eval")


def test_a_changed_article_makes_the_recording_stale_and_the_run_fail(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    article = cases / ONE / "article.txt"
    article.write_text(article.read_text() + "\nThe port reopened on Friday.\n")
    report = tmp_path / "r.json"
    code, out, err = run(capsys, "--cases", str(cases), "--engine", "llm", "--json", str(report))
    assert code == 1
    assert "stale recording" in out and "failed" in err
    stale = json.loads(report.read_text())["engines"]["llm"]["cases"][ONE]["stale"]
    current = load_case(cases / ONE)
    from summarizer.llm.prompts import render

    assert stale[1] == render(current.article).hash and stale[0] != stale[1]


def test_gate_passes_on_its_own_baseline_and_names_what_moved(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, err = run(
        capsys, "--cases", str(cases), "--update-baseline", "--baseline", str(baseline)
    )
    assert code == 0, err
    code, out, err = run(capsys, "--cases", str(cases), "--gate", "--baseline", str(baseline))
    assert code == 0, err
    assert "gate: no metric fell" in out

    # Pretend the baseline was better on one case: the gate must fail and say where.
    data = json.loads(baseline.read_text())
    llm = data["engines"]["llm"]
    llm["sets"]["fiction"]["aggregate"]["figure_recall"] = 1.0
    case = llm["cases"][ONE]
    case["metrics"]["figure_recall"] = 1.0
    case["figure_matches"] = [{"gold": i, "predicted": i, "score": 1.0} for i in range(3)]
    # ... and that a flawed run used to be caught by something that no longer moves.
    baseline.write_text(json.dumps(data))
    worse = cases / ONE / "recorded" / "answer.yaml"
    shutil.copy(cases / ONE / "recorded" / "missed_figure.yaml", worse)
    code, _, err = run(capsys, "--cases", str(cases), "--gate", "--baseline", str(baseline))
    assert code == 1
    assert "llm fiction: figure_recall 1.000 -> 0.667 (set tolerance 0.02)" in err
    assert f"{ONE} 1.00->0.67; gold item(s) [" in err
    # ... and the case itself is named with its own baseline and new value.
    assert f"llm {ONE} (fiction): figure_recall 1.000 -> 0.667 (case tolerance 0.02)" in err
    assert err.strip().splitlines()[-1].startswith("summarizer: error: eval gate failed")


def test_a_gate_on_part_of_the_eval_judges_only_that_part(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    shutil.copytree(CASES / "mine-spill", cases / "mine-spill")
    code, _, err = run(
        capsys, "--cases", str(cases), "--update-baseline", "--baseline", str(baseline)
    )
    assert code == 0, err
    gate = ["--cases", str(cases), "--gate", "--baseline", str(baseline)]
    code, _, err = run(capsys, *gate, "--engine", "extractive")
    assert code == 0, err  # the LLM engine and its flawed runs were not asked for
    code, _, err = run(capsys, *gate, "--case", ONE)
    assert code == 0, err  # one case is held to its own scores, not the aggregate's

    data = json.loads(baseline.read_text())
    data["engines"]["extractive"]["cases"][ONE]["metrics"]["keypoint_recall"] = 1.0
    baseline.write_text(json.dumps(data))
    code, _, err = run(capsys, *gate, "--case", ONE, "--engine", "extractive")
    assert code == 1
    assert f"extractive {ONE} (fiction): keypoint_recall 1.000 -> " in err
    code, _, err = run(capsys, *gate, "--case", "mine-spill")
    assert code == 0, err


def test_the_baseline_is_not_rewritten_from_part_of_the_eval(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}")
    for part in (["--engine", "llm"], ["--case", ONE]):
        code, _, err = run(
            capsys, "--cases", str(cases), "--update-baseline", "--baseline", str(baseline), *part
        )
        assert code == 1 and "not updating the baseline from part of the eval" in err
    assert baseline.read_text() == "{}"


def test_record_from_a_live_endpoint_then_replay(
    capsys: pytest.CaptureFixture[str], cases: Path
) -> None:
    answer = json.loads((cases / ONE / "answer.json").read_text())
    shutil.rmtree(cases / ONE / "recorded")
    with LoopbackServer(models=("live-model",)) as server:
        server.script(Reply.answer(answer))
        code, out, err = run(
            capsys,
            "--cases",
            str(cases),
            "--engine",
            "llm",
            "--case",
            ONE,
            "--record",
            "--base-url",
            server.base_url,
            "--model",
            "live-model",
        )
        assert len(server.requests) == 1
    cassette = (cases / ONE / "recorded" / "answer.yaml").read_text()
    assert "Answers: generated by the model" in cassette and "Model: live-model" in cassette
    # Variants were not re-recorded from the live model: their runs are reported missing.
    assert code == 1 and "not recorded" in out
    code, out, _ = run(capsys, "--cases", str(cases), "--engine", "llm", "--json", "/dev/null")
    assert "llm dock-strike-crowd: " not in out


def test_record_handwritten_answers_on_loopback(
    capsys: pytest.CaptureFixture[str], cases: Path
) -> None:
    shutil.rmtree(cases / ONE / "recorded")
    code, out, err = run(capsys, "--cases", str(cases), "--record", "--handwritten")
    assert code == 0, err + out
    recorded = sorted(p.name for p in (cases / ONE / "recorded").glob("*.yaml"))
    assert recorded == ["answer.yaml", "misattributed_stance.yaml", "missed_figure.yaml"]
    header = (cases / ONE / "recorded" / "answer.yaml").read_text().split("interactions:")[0]
    assert "written by hand" in header and "no live model was reachable" in header


def test_record_without_an_endpoint_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], cases: Path
) -> None:
    code, _, err = run(capsys, "--cases", str(cases), "--record")
    assert code == 2 and "--handwritten" in err


def test_the_committed_baseline_passes_the_gate(capsys: pytest.CaptureFixture[str]) -> None:
    if not BASELINE.is_file():
        pytest.skip("no committed baseline yet")
    code, out, err = run(capsys, "--cases", str(CASES), "--gate", "--baseline", str(BASELINE))
    assert code == 0, err


def test_a_reference_case_is_scored_apart_and_never_recorded(
    capsys: pytest.CaptureFixture[str], cases: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    page.write_text((CASES / ONE / "article.txt").read_text())
    ref = cases / "reference-page"
    ref.mkdir()
    (ref / "article.ref").write_text(str(page))
    shutil.copy(CASES / ONE / "gold.yaml", ref / "gold.yaml")
    report = tmp_path / "r.json"
    code, out, err = run(capsys, "--cases", str(cases), "--json", str(report))
    assert code == 0, err
    data = json.loads(report.read_text())
    assert "reference-page" in data["reference"]["extractive"]
    assert "reference-page" not in data["engines"]["extractive"]["cases"]
    assert "reference case reference-page" in out
    code, out, _ = run(capsys, "--cases", str(cases), "--record", "--handwritten")
    assert "recorded reference-page/answer: reference case: not recorded" in out
    assert not (ref / "recorded").exists()


def test_a_reference_case_whose_article_is_absent_is_skipped_with_a_reason(
    capsys: pytest.CaptureFixture[str], cases: Path
) -> None:
    ref = cases / "elsewhere"
    ref.mkdir()
    (ref / "article.ref").write_text("../../nowhere/article.txt")
    shutil.copy(CASES / ONE / "gold.yaml", ref / "gold.yaml")
    code, out, _ = run(capsys, "--cases", str(cases), "--engine", "extractive")
    assert code == 0
    assert "skipped reference case elsewhere: its article" in out


def test_a_failed_recording_keeps_the_committed_cassette_and_says_it_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from briefings import ungrounded
    from summarizer.cli.main import main
    from summarizer.testing.loopback import LoopbackServer, Reply

    cases = tmp_path / "cases"
    shutil.copytree(REPO / "evals" / "cases" / "council-budget", cases / "council-budget")
    committed = cases / "council-budget" / "recorded" / "answer.yaml"
    before = committed.read_bytes()
    with LoopbackServer(fallback=lambda r: Reply.answer(ungrounded())) as server:
        code = main(
            [
                "eval",
                "--cases",
                str(cases),
                "--case",
                "council-budget",
                "--engine",
                "llm",
                "--record",
                "--base-url",
                server.base_url,
                "--model",
                "m",
            ]
        )
        sent = len(server.requests)
    out = capsys.readouterr()
    assert code == 1
    assert committed.read_bytes() == before  # the good recording is still there
    assert f"FAILED to record council-budget/answer after {sent} request(s)" in out.out
    assert "recorded council-budget" not in out.out
    assert not list((cases / "council-budget" / "recorded").glob(".*partial*"))
