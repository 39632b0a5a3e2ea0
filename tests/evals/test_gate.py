"""The gate holds every case to its own baseline, not only each set's mean."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from summarizer.evals.cases import load_cases
from summarizer.evals.gate import TOLERANCES, compare
from summarizer.evals.harness import evaluate
from summarizer.evals.metrics import METRICS, aggregate
from summarizer.extractive import keypoints
from support import REPO

CASES = REPO / "evals" / "cases"


def _report(cases: dict[str, tuple[str, dict[str, float | None]]]) -> dict[str, Any]:
    """A one-engine report: case id -> (set, metrics); every other metric absent (None)."""
    full = {
        cid: (name, {m: metrics.get(m) for m in METRICS}) for cid, (name, metrics) in cases.items()
    }
    sets = sorted({name for name, _ in full.values()})
    return {
        "engines": {
            "extractive": {
                "sets": {
                    name: {"aggregate": aggregate([m for n, m in full.values() if n == name])}
                    for name in sets
                },
                "cases": {
                    cid: {"set": name, "metrics": metrics, "error": None}
                    for cid, (name, metrics) in full.items()
                },
            }
        },
        "variants": {},
    }


def test_a_case_that_got_worse_fails_the_gate_even_when_the_set_mean_rose() -> None:
    baseline = _report(
        {
            "alpha": ("fiction", {"keypoint_recall": 0.80, "compression": 0.30}),
            "beta": ("fiction", {"keypoint_recall": 0.40, "compression": 0.40}),
        }
    )
    current = _report(
        {
            "alpha": ("fiction", {"keypoint_recall": 0.60, "compression": 0.30}),
            "beta": ("fiction", {"keypoint_recall": 0.90, "compression": 0.20}),
        }
    )
    before = baseline["engines"]["extractive"]["sets"]["fiction"]["aggregate"]
    after = current["engines"]["extractive"]["sets"]["fiction"]["aggregate"]
    assert after["keypoint_recall"] > before["keypoint_recall"]  # the mean improved
    problems = compare(baseline, current)
    assert problems == [
        "extractive alpha (fiction): keypoint_recall 0.800 -> 0.600 (case tolerance 0.03)"
    ]


def test_a_set_drifting_within_each_cases_tolerance_fails_on_the_set() -> None:
    ids = [f"case-{i}" for i in range(4)]
    baseline = _report({cid: ("real-news", {"compression": 0.50}) for cid in ids})
    current = _report({cid: ("real-news", {"compression": 0.54}) for cid in ids})
    assert TOLERANCES["compression"].set < 0.04 <= TOLERANCES["compression"].case
    problems = compare(baseline, current)
    assert len(problems) == 1
    assert problems[0].startswith(
        "extractive real-news: compression 0.500 -> 0.540 (set tolerance 0.02): case-0 0.50->0.54"
    )


@pytest.mark.parametrize(
    ("metric", "before", "after", "fails"),
    [
        ("false_disputes", 0.0, 1.0, True),
        ("false_disputes", 1.0, 0.0, False),
        ("unnamed_stance_actors", 0.0, 1.0, True),
        ("mean_keypoint_words", 30.0, 34.0, False),
        ("mean_keypoint_words", 30.0, 36.0, True),
        ("length_aware_keypoint_score", 0.60, 0.50, True),
        ("length_aware_keypoint_score", 0.50, 0.60, False),
        ("figure_recall", None, 0.0, False),  # did not apply before: not compared
        ("figure_recall", 1.0, None, False),  # does not apply now: not compared
    ],
)
def test_each_metric_is_held_to_its_case_tolerance(
    metric: str, before: float | None, after: float | None, fails: bool
) -> None:
    baseline = _report({"only": ("fiction", {metric: before})})
    current = _report({"only": ("fiction", {metric: after})})
    # A one-case set: the set's own (tighter) tolerance may fire too; this is the case's.
    problems = [p for p in compare(baseline, current) if "(case tolerance" in p]
    assert bool(problems) is fails, problems
    if fails:
        assert problems[0].startswith(f"extractive only (fiction): {metric} ")


def test_a_held_out_regression_fails_the_gate_without_naming_the_case() -> None:
    baseline = _report(
        {
            "wn-secret": ("real-news fresh", {"stance_actor_recall": 1.0}),
            "wn-other": ("real-news fresh", {"stance_actor_recall": 1.0}),
        }
    )
    current = _report(
        {
            "wn-secret": ("real-news fresh", {"stance_actor_recall": 0.5}),
            "wn-other": ("real-news fresh", {"stance_actor_recall": 1.0}),
        }
    )
    problems = compare(baseline, current)
    assert problems and all("wn-secret" not in p for p in problems)
    assert (
        "extractive a held-out case (real-news fresh): stance_actor_recall fell beyond its "
        "case tolerance 0.02 (--name-held-out names it)"
    ) in problems
    assert any("1 case(s) moved" in p for p in problems)
    named = compare(baseline, current, name_held_out=True)
    assert any(p.startswith("extractive wn-secret (real-news fresh): ") for p in named)


def test_a_case_missing_from_a_full_run_fails_the_gate() -> None:
    baseline = _report({"alpha": ("fiction", {}), "beta": ("real-news", {})})
    current = _report({"alpha": ("fiction", {})})
    assert compare(baseline, current) == [
        "extractive beta: in the baseline but missing from this run"
    ]
    assert compare(baseline, current, cases=["alpha"]) == []


def test_a_baseline_from_before_the_sets_is_refused_with_the_fix() -> None:
    old: dict[str, Any] = {
        "engines": {"extractive": {"aggregate": {}, "cases": {}}},
        "variants": {},
    }
    (problem,) = compare(old, _report({"alpha": ("fiction", {})}))
    assert "no per-set aggregates" in problem and "--update-baseline" in problem


def test_every_metric_has_one_tolerance_and_the_set_is_never_looser_than_a_case() -> None:
    assert set(TOLERANCES) == set(METRICS)
    for name, tolerance in TOLERANCES.items():
        # A set's mean cannot move further than its cases do, so a looser set
        # tolerance could never fire.
        assert 0 <= tolerance.set <= tolerance.case, name


def test_halving_the_extractive_centrality_weight_fails_the_gate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = [c for c in load_cases(CASES) if not c.reference]
    baseline = evaluate(cases, ("extractive",)).to_json()
    assert compare(baseline, copy.deepcopy(baseline), engines=("extractive",)) == []
    monkeypatch.setattr(keypoints, "CENTRALITY", keypoints.CENTRALITY / 2)
    current = evaluate(cases, ("extractive",)).to_json()
    problems = compare(baseline, current, engines=("extractive",))
    assert problems
    named = [p for p in problems if "(case tolerance" in p]
    assert named, problems
    # Each names the engine, the case and its set, the metric, the baseline and the new value.
    ids = {c.id for c in cases}
    for problem in named:
        head = problem.split(":")[0].split()
        assert head[0] == "extractive" and head[1] in ids
        assert " -> " in problem
