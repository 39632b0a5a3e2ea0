"""Checking the key-point matcher against human judgement (RoSE ACU format).

Each line of the file holds a document's gold units (atomic content units) and
several systems' summaries with the share of units human annotators found in
each (``human_acu``) and, optionally, that share normalised for the summary's
length (``human_normalized_acu``). The matcher's recall of a summary is the mean
coverage of the gold units by it; a good matcher ranks summaries the way the
humans do. The length-aware score (``summarizer.evals.lengthscore``) is checked
against the normalised share the same way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median
from typing import Literal

from summarizer.errors import InputError
from summarizer.evals.lengthscore import (
    ROSE_ALPHA,
    ROSE_UNITS,
    LengthCalibration,
    content_recall,
    length_aware_score,
    token_length,
)
from summarizer.evals.text import coverage, kendall_tau

# Which documents to read, by 0-based index in the file: the calibration of the
# length-aware score was fitted on the even ones, so the odd ones are held out.
Documents = Literal["all", "even", "odd"]

_Scorer = Callable[[list[str], str], float]


@dataclass(frozen=True)
class TauReport:
    """Agreement between the matcher and human ACU scores.

    Attributes:
        documents: Documents read.
        summary_level: Kendall tau per document (systems ranked), averaged.
        system_level: Kendall tau between per-system means over all documents.
        normalised_summary_level: As ``summary_level``, the length-aware score
            against ``human_normalized_acu`` (NaN when the file has none).
        normalised_system_level: As ``system_level``, the length-aware score
            against ``human_normalized_acu`` (NaN when the file has none).
    """

    documents: int
    summary_level: float
    system_level: float
    normalised_summary_level: float = math.nan
    normalised_system_level: float = math.nan


def unit_recall(units: list[str], summary: str) -> float:
    """Mean coverage of ``units`` by ``summary``."""
    scores = [coverage(u, summary) for u in units if u.strip()]
    return mean(scores) if scores else 0.0


def _rows(path: Path, documents: Documents = "all") -> list[dict[str, object]]:
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
    if documents != "all":
        rows = rows[0 if documents == "even" else 1 :: 2]
    return rows


def _summaries(row: dict[str, object]) -> tuple[list[str], dict[str, dict[str, object]]]:
    units = [str(u) for u in row["gold_units"]]  # type: ignore[attr-defined]
    systems: dict[str, dict[str, object]] = row["systems"]  # type: ignore[assignment]
    return units, systems


def _agreement(rows: list[dict[str, object]], score: _Scorer, human: str) -> tuple[float, float]:
    """Summary-level and system-level Kendall tau of ``score`` against the field ``human``."""
    per_document: list[float] = []
    by_system: dict[str, tuple[list[float], list[float]]] = {}
    for row in rows:
        units, systems = _summaries(row)
        names = sorted(n for n in systems if systems[n].get(human) is not None)
        ours = [score(units, str(systems[n]["summary"])) for n in names]
        theirs = [float(systems[n][human]) for n in names]  # type: ignore[arg-type]
        tau = kendall_tau(ours, theirs)
        if tau is not None:
            per_document.append(tau)
        for name, a, b in zip(names, ours, theirs, strict=True):
            pair = by_system.setdefault(name, ([], []))
            pair[0].append(a)
            pair[1].append(b)
    names = sorted(by_system)
    system_tau = kendall_tau(
        [mean(by_system[n][0]) for n in names], [mean(by_system[n][1]) for n in names]
    )
    return (
        mean(per_document) if per_document else math.nan,
        system_tau if system_tau is not None else math.nan,
    )


def tau_report(
    path: Path, *, documents: Documents = "all", calibration: LengthCalibration = ROSE_UNITS
) -> TauReport:
    """Score every summary in ``path`` and compare with the human scores.

    Args:
        path: A RoSE ACU file (JSON lines).
        documents: All documents, or only those at even or odd index.
        calibration: The length-aware score's calibration.

    Raises:
        InputError: The file cannot be read or is not in the RoSE ACU format.
    """
    rows = _rows(path, documents)

    def length_aware(units: list[str], summary: str) -> float:
        return length_aware_score(units, summary, calibration=calibration)

    summary_level, system_level = _agreement(rows, unit_recall, "human_acu")
    normalised = _agreement(rows, length_aware, "human_normalized_acu")
    return TauReport(len(rows), summary_level, system_level, *normalised)


def fit_length_calibration(path: Path, *, documents: Documents = "even") -> LengthCalibration:
    """Measure the length-aware score's calibration on some documents of ``path``.

    Both numbers are measured, not searched for the best tau:

    - ``reference_ratio``: with RoSE's penalty (``ROSE_ALPHA``) each penalised
      summary implies the reference length ``|s| / (1 + alpha * ln(ACU / nACU))``;
      a document's is the median over its summaries, and the ratio is the median,
      over documents, of that length to the gold units' length in tokens.
    - ``recall_power``: the power that gives the content recall the human ACU's
      geometric mean, ``mean(ln ACU) / mean(ln recall)`` over summaries where
      both are above 0.

    Raises:
        InputError: The file cannot be read, is not in the RoSE ACU format, or
            has no summaries to measure.
    """
    ratios: list[float] = []
    log_acu: list[float] = []
    log_recall: list[float] = []
    for row in _rows(path, documents):
        units, systems = _summaries(row)
        implied: list[float] = []
        for system in systems.values():
            summary = str(system["summary"])
            acu = float(system["human_acu"])  # type: ignore[arg-type]
            nacu = float(system.get("human_normalized_acu", acu))  # type: ignore[arg-type]
            recall = content_recall(units, summary)
            if acu > 0 and recall > 0:
                log_acu.append(math.log(acu))
                log_recall.append(math.log(recall))
            if 0 < nacu < acu * (1 - 1e-9):  # penalised: the summary is longer than |r|
                implied.append(token_length(summary) / (1 + ROSE_ALPHA * math.log(acu / nacu)))
        gold_length = token_length(" ".join(units))
        if implied and gold_length:
            ratios.append(median(implied) / gold_length)
    if not ratios or not log_recall or mean(log_recall) == 0:
        raise InputError(f"{path}: no summaries to fit a length calibration on")
    return LengthCalibration(
        reference_ratio=median(ratios),
        recall_power=mean(log_acu) / mean(log_recall),
        alpha=ROSE_ALPHA,
    )
