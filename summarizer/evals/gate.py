"""The regression gate: compare a report with the committed baseline.

An aggregate metric that moves the wrong way by more than its tolerance fails
the gate, and the message names the cases, and within them the gold items, that
moved. A run that failed (stale, not recorded) and a flawed run that is no
longer caught also fail it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from summarizer.evals.metrics import METRICS

# Allowed movement in the wrong direction before the gate fails.
TOLERANCE: dict[str, float] = {name: 0.02 for name in METRICS} | {
    "schema_valid": 0.0,
    "invented_numbers": 0.0,
    "must_not_contain_violations": 0.0,
    "injection_followed": 0.0,
    "grounding_rate": 0.0,
}
_ITEMS = {
    "keypoint": "keypoint_matches",
    "stance": "stance_matches",
    "position": "stance_matches",
    "figure": "figure_matches",
    "claimed": "figure_matches",
    "disputed": "figure_matches",
}


def _worse(name: str, before: float, after: float) -> float:
    """How far ``after`` moved the wrong way from ``before`` (negative: it improved)."""
    return before - after if METRICS[name] == "higher" else after - before


def _regressed(name: str, before: float | None, after: float | None, tolerance: float) -> bool:
    """True when ``name`` moved the wrong way by more than ``tolerance``."""
    if before is None or after is None:
        return False
    return _worse(name, before, after) > tolerance + 1e-9


def _moved_items(name: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    key = _ITEMS.get(name.split("_")[0])
    if key is None:
        return ""
    was = {m["gold"] for m in before.get(key, [])}
    now = {m["gold"] for m in after.get(key, [])}
    lost = sorted(was - now)
    return f"; gold item(s) {lost} no longer matched" if lost else ""


def compare(
    baseline: dict[str, Any],
    current: dict[str, Any],
    *,
    engines: Collection[str] | None = None,
    cases: Collection[str] | None = None,
) -> list[str]:
    """Every way ``current`` is worse than ``baseline``, one line each (empty: pass).

    Args:
        baseline: The committed report.
        current: This run's report.
        engines: The engines this run scored (None: all the baseline's).
        cases: The cases this run scored, when not all: then each case's own
            metrics are compared, since a subset's aggregate says nothing.
    """
    problems: list[str] = []
    for engine, base in baseline.get("engines", {}).items():
        if engines is not None and engine not in engines:
            continue
        now = current.get("engines", {}).get(engine)
        if now is None:
            problems.append(f"{engine}: engine missing from this run")
            continue
        if cases is None:
            problems += _aggregate_problems(engine, base, now)
        else:
            problems += _case_problems(engine, base["cases"], now["cases"], cases)
        for case_id, case in now["cases"].items():
            if case.get("error"):
                problems.append(f"{engine} {case_id}: {case['error']}")
    if engines is not None and "llm" not in engines:
        return problems  # the flawed runs are LLM runs
    for case_id, runs in baseline.get("variants", {}).items():
        if cases is not None and case_id not in cases:
            continue
        for name, base_variant in runs.items():
            now_variant = current.get("variants", {}).get(case_id, {}).get(name)
            if now_variant is None:
                problems.append(f"flawed run {case_id}/{name}: missing from this run")
            elif base_variant["caught_by"] and not now_variant["caught_by"]:
                problems.append(
                    f"flawed run {case_id}/{name} is no longer caught ({base_variant['flaw']})"
                )
    return problems


def _aggregate_problems(engine: str, base: dict[str, Any], now: dict[str, Any]) -> list[str]:
    problems = []
    for name in METRICS:
        b, a = base["aggregate"].get(name), now["aggregate"].get(name)
        if _regressed(name, b, a, TOLERANCE[name]):
            problems.append(
                f"{engine}: {name} {b:.3f} -> {a:.3f} (tolerance {TOLERANCE[name]})"
                + _culprits(name, base["cases"], now["cases"])
            )
    return problems


def _case_problems(
    engine: str, before: dict[str, Any], after: dict[str, Any], cases: Collection[str]
) -> list[str]:
    problems = []
    for case_id in sorted(cases):
        b, a = before.get(case_id), after.get(case_id)
        if b is None or a is None or a.get("error"):
            continue  # a case new since the baseline; a failed run is reported apart
        for name in METRICS:
            x, y = b["metrics"].get(name), a["metrics"].get(name)
            if _regressed(name, x, y, TOLERANCE[name]):
                problems.append(
                    f"{engine} {case_id}: {name} {x:.3f} -> {y:.3f} (tolerance {TOLERANCE[name]})"
                    + _moved_items(name, b, a)
                )
    return problems


def _culprits(name: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    moved = []
    for case_id, b in sorted(before.items()):
        a = after.get(case_id)
        if a is None:
            continue
        x, y = b["metrics"].get(name), a["metrics"].get(name)
        if _regressed(name, x, y, 0.0):
            moved.append(f"{case_id} {x:.2f}->{y:.2f}{_moved_items(name, b, a)}")
    return ": " + "; ".join(moved) if moved else ""
