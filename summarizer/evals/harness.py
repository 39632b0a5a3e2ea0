"""Running the whole eval: every case, every engine, every flawed variant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from summarizer.config import Settings, redact_url
from summarizer.errors import InputError
from summarizer.evals import runner
from summarizer.evals.cases import MAIN_RUN, Case
from summarizer.evals.recordings import MAIN, RECORDING_SETS, RecordingSet
from summarizer.evals.report import EvalReport, scored
from summarizer.evals.runner import Run
from summarizer.testing.cassettes import CassetteOrigin

ENGINES = ("llm", "extractive")

# Cases a recording run leaves alone on purpose: these are skips, not failures.
NOT_RECORDED_REFERENCE = "reference case: not recorded"
NOT_RECORDED_REAL_NEWS = "real-news case: record it from a model"
SKIPPED_RECORDINGS = frozenset({NOT_RECORDED_REFERENCE, NOT_RECORDED_REAL_NEWS})


def evaluate(
    cases: Sequence[Case],
    engines: Sequence[str] = ENGINES,
    on_step: Callable[[str], None] | None = None,
) -> EvalReport:
    """Score every case with every engine: the LLM replayed, the extractive engine live.

    The LLM's main recordings are the ``llm`` engine; every other recording set
    (``summarizer.evals.recordings``) is replayed into a row of its own.

    Args:
        cases: The cases.
        engines: ``llm`` and/or ``extractive``.
        on_step: Called once per run finished, with a label (for a progress bar).
    """
    report = EvalReport(cases={c.id: c for c in cases})
    for engine in engines:
        report.engines[engine] = {}
    for case in cases:
        # Reference cases are scored beside the others, outside the aggregates.
        target = report.reference if case.reference else report.engines
        if "extractive" in engines:
            extractive = scored(runner.run_extractive(case), case)
            target.setdefault("extractive", {})[case.id] = extractive
            _step(on_step, f"extractive {case.id}")
        if "llm" in engines:
            for run in case.runs():
                result = scored(runner.replay(case, run), case)
                if run == MAIN_RUN:
                    target.setdefault("llm", {})[case.id] = result
                else:
                    report.variants.setdefault(case.id, {})[run] = result
                _step(on_step, f"llm {case.id}/{run}")
            for other in _other_sets(case):
                replayed = scored(runner.replay(case, recording_set=other), case)
                report.recording_sets.setdefault(other.name, {})[case.id] = replayed
                _step(on_step, f"{other.name} {case.id}")
    return report


def _other_sets(case: Case) -> list[RecordingSet]:
    """The recording sets besides the main one that hold a run of ``case``."""
    if case.reference:
        return []
    return [s for s in RECORDING_SETS if s != MAIN and case.recorded_in(s)]


def steps(cases: Sequence[Case], engines: Sequence[str]) -> int:
    """How many runs ``evaluate`` will make (for a progress bar)."""
    per_case = [
        ("extractive" in engines) + ("llm" in engines) * (len(c.runs()) + len(_other_sets(c)))
        for c in cases
    ]
    return sum(per_case)


def record(
    cases: Sequence[Case],
    *,
    settings: Settings | None,
    now: datetime,
    recording_set: RecordingSet = MAIN,
    on_step: Callable[[str], None] | None = None,
) -> list[Run]:
    """Re-record the LLM runs of ``cases``.

    Args:
        cases: The cases.
        settings: A live endpoint to record the main runs from; None records every
            run (variants included) from the hand-written answers on loopback.
        now: The recording time written into each cassette.
        recording_set: The set to record into; its request settings replace those
            in ``settings``. Only the main set takes hand-written answers.
        on_step: Progress callback.

    Raises:
        InputError: Hand-written answers asked for another set than the main one, or
            a model other than the one the set is recorded from.
    """
    if settings is None and recording_set != MAIN:
        raise InputError(
            f"the recording set {recording_set.name} holds a model's answers; "
            "hand-written ones are recorded into the main set only"
        )
    if settings is not None:
        settings = recording_set.applied(settings)
        if recording_set.model and settings.resolved_model() != recording_set.model:
            raise InputError(
                f"the recording set {recording_set.name} is recorded from the model "
                f"{recording_set.model}, not {settings.resolved_model()}"
            )
    results = []
    for case in cases:
        if case.reference:
            # A recording would copy an article that may not be redistributed.
            results.append(Run(case.id, "llm", error=NOT_RECORDED_REFERENCE))
            continue
        if settings is None and case.real_news:
            # Nobody writes answers for real news: only a model's run is recorded.
            results.append(Run(case.id, "llm", error=NOT_RECORDED_REAL_NEWS))
            continue
        if settings is None:
            for run in case.runs():
                results.append(runner.record_handwritten(case, run, now))
                _step(on_step, f"record {case.id}/{run}")
            continue
        results.append(
            runner.record(case, settings, _origin(settings, now, recording_set), recording_set)
        )
        _step(on_step, f"record {case.id}")
    return results


def _origin(settings: Settings, now: datetime, recording_set: RecordingSet) -> CassetteOrigin:
    """What a live recording into ``recording_set`` says at the top of its cassette."""
    command = "summarizer eval --record"
    if recording_set != MAIN:
        command += f" --recording-set {recording_set.name}"
    return CassetteOrigin(
        endpoint=f"{settings.endpoint_kind()} endpoint "
        f"{redact_url(settings.base_url or 'api.openai.com')}",
        model=settings.resolved_model(),
        answers="generated by the model"
        if recording_set == MAIN
        else f"{recording_set.answers} (recording set {recording_set.name})",
        recorded_at=now,
        recorded_by=command,
        server=recording_set.server,
        settings=recording_set.described(settings),
    )


def _step(on_step: Callable[[str], None] | None, label: str) -> None:
    if on_step is not None:
        on_step(label)
