"""The regression gate: compare a report with the committed baseline.

Every case is held to its own baseline scores, and every set (fiction, real-news,
real-news validation, real-news fresh: ``summarizer.evals.sets``) to its aggregate, so a case that
got worse fails the gate even when gains elsewhere keep the set's mean level.
Each message names the engine, the case or set, the metric, the baseline and the
new value, and where it can, the gold items no longer matched. A metric that does
not apply to a case (None on either side) is not compared. A run that failed
(stale, not recorded), a case in the baseline missing from a full run, and a
flawed run that is no longer caught also fail the gate.

The recording sets besides the main one (``summarizer.evals.recordings``, e.g. the
small local model) are reported, and gated only on replaying: a run that is stale
or damaged, or a baseline recording missing from a full run, fails the gate; their
scores and acceptance do not. They record what one model did, refusals included,
not a bar the code must hold, and the checks that accept or refuse a briefing may
rightly grow stricter: a weak model's briefing newly refused is no regression.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

from summarizer.evals.metrics import METRICS
from summarizer.evals.sets import HELD_OUT


class Tolerance(NamedTuple):
    """How far a metric may move the wrong way before the gate fails.

    Attributes:
        case: For one case's value.
        set: For a set's aggregate (mean, or total for the summed counts).
    """

    case: float
    set: float


# Every tolerance, in one place. Both engines are deterministic (the extractive
# engine is rules, the LLM is replayed), so any movement is a real change; a
# tolerance says how much change is wording rather than a lost or wrong item.
# The set tolerances are the ones the single aggregate had before sets existed.
TOLERANCES: dict[str, Tolerance] = {
    # A matched point's wording may shift (one point's coverage moving by 0.1 moves
    # a case's weighted recall by about 0.015); a point that stops matching costs
    # at least 0.5 x 1/13 = 0.038 (a supporting point at the match threshold in the
    # heaviest gold, weights 13), so it fails.
    "keypoint_recall": Tolerance(case=0.03, set=0.02),
    # Share of predicted points that match (at most 8 points): one item moves it by
    # 1/8 or more, so 0.02 lets no item go and only absorbs rounding.
    "keypoint_precision": Tolerance(case=0.02, set=0.02),
    # Continuous (recall to the power 1.5, times the length penalty): a few words
    # more or fewer move a case by about 0.01-0.03; 0.05 is a point's worth lost
    # (or the briefing grown by a tenth past its gold's length).
    "length_aware_keypoint_score": Tolerance(case=0.05, set=0.02),
    # Actor recall and precision count actors (at most 11 in a gold: a step of
    # 1/11 = 0.09 or more): no actor may be lost or invented.
    "stance_actor_recall": Tolerance(case=0.02, set=0.02),
    "stance_actor_precision": Tolerance(case=0.02, set=0.02),
    # Mean coverage of the matched actors' positions: wording, like key points;
    # a position that says a tenth less of the gold in a 2-stance case moves 0.05.
    "position_agreement": Tolerance(case=0.05, set=0.02),
    # A stance for someone the article never names misleads the reader: none new.
    "unnamed_stance_actors": Tolerance(case=0.0, set=0.0),
    # Figures are matched on value and unit (at most 7 in a gold, a step of 1/7 or
    # more): none may be lost or misattributed.
    "figure_recall": Tolerance(case=0.02, set=0.02),
    "figure_precision": Tolerance(case=0.02, set=0.02),
    "claimed_by_accuracy": Tolerance(case=0.02, set=0.02),
    "disputed_by_accuracy": Tolerance(case=0.02, set=0.02),
    # A number presented as disputed that no gold disputes misleads: none new.
    "false_disputes": Tolerance(case=0.0, set=0.0),
    # Every quote must be in the article and every answer valid: no slack at all.
    "grounding_rate": Tolerance(case=0.0, set=0.0),
    "schema_valid": Tolerance(case=0.0, set=0.0),
    # Counts of things no output may ever contain: none new.
    "invented_numbers": Tolerance(case=0.0, set=0.0),
    "must_not_contain_violations": Tolerance(case=0.0, set=0.0),
    "injection_followed": Tolerance(case=0.0, set=0.0),
    # Briefing words over article words: 0.05 is 13-44 words on these articles
    # (258-879 words), about half an extractive key point; a set drifting by 0.02
    # is briefings growing overall. On the one long article (5,795 words) it is
    # 290 words: there the words per key point and the length-aware score watch.
    "compression": Tolerance(case=0.05, set=0.02),
    # Words per key point (a case's mean runs 20-70 words): 5 words is a clause
    # added to the points of one case; 2 words is every point growing a little.
    "mean_keypoint_words": Tolerance(case=5.0, set=2.0),
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
    """True when ``name`` moved the wrong way by more than ``tolerance`` (never for None)."""
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
    name_held_out: bool = False,
) -> list[str]:
    """Every way ``current`` is worse than ``baseline``, one line each (empty: pass).

    Args:
        baseline: The committed report.
        current: This run's report.
        engines: The engines this run scored (None: all the baseline's).
        cases: The cases this run scored, when not all: then only those cases'
            own metrics are compared, since a part of a set says nothing of its mean.
        name_held_out: Name the held-out cases (validation, fresh) that regressed,
            and the gold items they lost. Off by default: whoever runs the tests
            would otherwise read which held-out article, and which of its points,
            a change of theirs lost, and a split looked at case by case is no
            longer held out. Their regressions still fail the gate, by set.
    """
    problems: list[str] = []
    for engine, base in baseline.get("engines", {}).items():
        if engines is not None and engine not in engines:
            continue
        now = current.get("engines", {}).get(engine)
        if now is None:
            problems.append(f"{engine}: engine missing from this run")
            continue
        if "sets" not in base:
            problems.append(
                f"{engine}: the baseline has no per-set aggregates (it predates the sets); "
                "rewrite it with summarizer eval --update-baseline"
            )
            continue
        if cases is None:
            problems += _set_problems(engine, base, now, name_held_out)
            problems += [
                f"{engine} {case_id}: in the baseline but missing from this run"
                for case_id in sorted(set(base["cases"]) - set(now["cases"]))
            ]
        problems += _case_problems(engine, base["cases"], now["cases"], cases, name_held_out)
        for case_id, case in now["cases"].items():
            if case.get("error"):
                problems.append(f"{engine} {case_id}: {case['error']}")
    if engines is not None and "llm" not in engines:
        return problems  # the flawed runs and the recording sets are LLM runs
    problems += _replay_problems(baseline, current, cases)
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


def _replay_problems(
    baseline: dict[str, Any], current: dict[str, Any], cases: Collection[str] | None
) -> list[str]:
    """The recording sets besides the main one: every run must replay (a refusal may)."""
    problems = []
    now_sets = current.get("recording_sets", {})
    for name, entry in now_sets.items():
        for case_id, case in entry.get("cases", {}).items():
            if case.get("error") and not case.get("refused"):
                problems.append(f"recording set {name} {case_id}: {case['error']}")
    if cases is None:
        for name, entry in baseline.get("recording_sets", {}).items():
            now = now_sets.get(name, {}).get("cases", {})
            problems += [
                f"recording set {name} {case_id}: in the baseline but missing from this run"
                for case_id in sorted(set(entry.get("cases", {})) - set(now))
            ]
    return problems


def _set_problems(
    engine: str, base: dict[str, Any], now: dict[str, Any], name_held_out: bool
) -> list[str]:
    problems = []
    for set_name, base_set in base["sets"].items():
        now_set = now["sets"].get(set_name)
        if now_set is None:
            continue  # a set this run has no cases of
        members = {cid for cid, c in now["cases"].items() if c.get("set") == set_name}
        for name in METRICS:
            b, a = base_set["aggregate"].get(name), now_set["aggregate"].get(name)
            tolerance = TOLERANCES[name].set
            if _regressed(name, b, a, tolerance):
                problems.append(
                    f"{engine} {set_name}: {name} {b:.3f} -> {a:.3f} (set tolerance {tolerance})"
                    + _culprits(
                        name,
                        base["cases"],
                        now["cases"],
                        members,
                        hidden=set_name in HELD_OUT and not name_held_out,
                    )
                )
    return problems


def _case_problems(
    engine: str,
    before: dict[str, Any],
    after: dict[str, Any],
    cases: Collection[str] | None,
    name_held_out: bool,
) -> list[str]:
    problems = []
    for case_id in sorted(after if cases is None else cases):
        b, a = before.get(case_id), after.get(case_id)
        if b is None or a is None or a.get("error"):
            continue  # a case new since the baseline; a failed run is reported apart
        for name in METRICS:
            x, y = b["metrics"].get(name), a["metrics"].get(name)
            tolerance = TOLERANCES[name].case
            if not _regressed(name, x, y, tolerance):
                continue
            if a.get("set") in HELD_OUT and not name_held_out:
                problems.append(
                    f"{engine} a held-out case ({a['set']}): {name} fell beyond its case "
                    f"tolerance {tolerance} (--name-held-out names it)"
                )
                continue
            where = f" ({a['set']})" if a.get("set") else ""
            problems.append(
                f"{engine} {case_id}{where}: {name} {x:.3f} -> {y:.3f} "
                f"(case tolerance {tolerance})" + _moved_items(name, b, a)
            )
    return problems


def _culprits(
    name: str,
    before: dict[str, Any],
    after: dict[str, Any],
    members: Collection[str],
    *,
    hidden: bool = False,
) -> str:
    moved = []
    for case_id, b in sorted(before.items()):
        a = after.get(case_id)
        if a is None or case_id not in members:
            continue
        x, y = b["metrics"].get(name), a["metrics"].get(name)
        if _regressed(name, x, y, 0.0):
            moved.append(f"{case_id} {x:.2f}->{y:.2f}{_moved_items(name, b, a)}")
    if hidden:
        return f": {len(moved)} case(s) moved (--name-held-out names them)" if moved else ""
    return ": " + "; ".join(moved) if moved else ""
