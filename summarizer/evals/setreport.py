"""The recording sets side by side: one row per set, from the report's plain data.

Each row says what produced the answers, how many briefings the checks accepted,
how many they refused and why, how many runs failed to replay, and the usual
metrics over the accepted briefings (a dash where none was accepted).
"""

from __future__ import annotations

from typing import Any

from summarizer.evals.sets import SHORT

# The metrics shown in a set's row: (column header, metric).
ROW_METRICS = (
    ("kp recall", "keypoint_recall"),
    ("length-aware", "length_aware_keypoint_score"),
    ("stance recall", "stance_actor_recall"),
    ("figure recall", "figure_recall"),
    ("grounding", "grounding_rate"),
)
HEADERS = ("recording set", "cases", "accepted", "refused", "failed", *(h for h, _ in ROW_METRICS))
NOTE = (
    "the sets of LLM recordings side by side; metrics over the accepted briefings "
    "only (a refused briefing is counted, not scored)"
)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def reasons(summary: dict[str, Any]) -> str:
    """``ungrounded 2, not a valid briefing 1``, or a dash when nothing was refused."""
    return ", ".join(f"{why} {n}" for why, n in summary["refusals"].items()) or "—"


def rows(data: dict[str, Any]) -> list[list[str]]:
    """The rows of the recording-set table, in ``HEADERS`` order (empty: no LLM run)."""
    table = []
    for name, entry in data.get("recording_sets", {}).items():
        summary = entry["summary"]
        table.append(
            [
                name,
                str(summary["cases"]),
                str(summary["accepted"]),
                str(summary["refused"]),
                str(summary["failed"]),
                *(_fmt(entry["aggregate"][metric]) for _, metric in ROW_METRICS),
            ]
        )
    return table


def notes(data: dict[str, Any]) -> list[str]:
    """Per set: what it is, who wrote its answers, and why briefings were refused."""
    return [
        f"{name}: {entry['title']}; answers: {entry['answers']}; "
        f"refused: {reasons(entry['summary'])}"
        for name, entry in data.get("recording_sets", {}).items()
    ]


def case_lines(data: dict[str, Any]) -> list[str]:
    """One line per case of each set besides the main one: accepted, or why not."""
    lines = []
    for name, entry in data.get("recording_sets", {}).items():
        for cid, case in entry.get("cases", {}).items():
            where = SHORT.get(case["set"], "reference") if case["set"] else "reference"
            if case["error"] is None:
                m = case["metrics"]
                status = (
                    f"accepted: key-point recall {_fmt(m['keypoint_recall'])}, "
                    f"grounding {_fmt(m['grounding_rate'])}"
                )
            elif case["refused"]:
                status = f"refused ({case['refused']}): {_clip(case['error'])}"
            else:
                status = f"FAILED: {case['error']}"
            lines.append(f"{name} {cid} ({where}): {status}")
    return lines


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
