"""Checking the key-point matcher against human judgement (RoSE ACU format).

Each line of the file holds a document's gold units (atomic content units) and
several systems' summaries with the share of units human annotators found in
each (``human_acu``). The matcher's recall of a summary is the mean coverage of
the gold units by it; a good matcher ranks summaries the way the humans do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from summarizer.errors import InputError
from summarizer.evals.text import coverage, kendall_tau


@dataclass(frozen=True)
class TauReport:
    """Agreement between the matcher and human ACU scores.

    Attributes:
        documents: Documents read.
        summary_level: Kendall tau per document (systems ranked), averaged.
        system_level: Kendall tau between per-system means over all documents.
    """

    documents: int
    summary_level: float
    system_level: float


def unit_recall(units: list[str], summary: str) -> float:
    """Mean coverage of ``units`` by ``summary``."""
    scores = [coverage(u, summary) for u in units if u.strip()]
    return mean(scores) if scores else 0.0


def _rows(path: Path) -> list[dict[str, object]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row.get("gold_units"), list) or not isinstance(
                row.get("systems"), dict
            ):
                raise ValueError("needs 'gold_units' (list) and 'systems' (object)")
        except (ValueError, AttributeError) as exc:
            raise InputError(f"{path}:{number}: not a RoSE ACU record: {exc}") from exc
        rows.append(row)
    if not rows:
        raise InputError(f"{path} holds no records")
    return rows


def tau_report(path: Path) -> TauReport:
    """Score every summary in ``path`` and compare with the human scores.

    Raises:
        InputError: The file cannot be read or is not in the RoSE ACU format.
    """
    per_document: list[float] = []
    by_system: dict[str, tuple[list[float], list[float]]] = {}
    rows = _rows(path)
    for row in rows:
        units = [str(u) for u in row["gold_units"]]  # type: ignore[attr-defined]
        systems: dict[str, dict[str, object]] = row["systems"]  # type: ignore[assignment]
        names = sorted(systems)
        ours = [unit_recall(units, str(systems[n]["summary"])) for n in names]
        human = [float(systems[n]["human_acu"]) for n in names]  # type: ignore[arg-type]
        tau = kendall_tau(ours, human)
        if tau is not None:
            per_document.append(tau)
        for name, a, b in zip(names, ours, human, strict=True):
            pair = by_system.setdefault(name, ([], []))
            pair[0].append(a)
            pair[1].append(b)
    names = sorted(by_system)
    system_tau = kendall_tau(
        [mean(by_system[n][0]) for n in names], [mean(by_system[n][1]) for n in names]
    )
    return TauReport(
        documents=len(rows),
        summary_level=mean(per_document) if per_document else float("nan"),
        system_level=system_tau if system_tau is not None else float("nan"),
    )
