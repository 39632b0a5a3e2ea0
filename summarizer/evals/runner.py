"""Running eval cases: the extractive engine live, the LLM replayed from cassettes.

Replay is strict: the cassette must hold an answer to exactly the request that
today's prompt and schema produce. When it does not, the run is reported as
stale, with the recorded and the current prompt hash, and scores nothing.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.api import Summarizer
from summarizer.config import ModeName, Settings
from summarizer.errors import (
    ModelError,
    ModelOutputError,
    StaleRecordingError,
    SummarizerError,
    UngroundedError,
)
from summarizer.evals.cases import MAIN_RUN, Case
from summarizer.evals.recordings import MAIN, RecordingSet
from summarizer.llm.pricing import PriceTable
from summarizer.llm.prompts import messages_hash, render
from summarizer.models import Briefing
from summarizer.testing.cassettes import CassetteOrigin, cassette, read_cassette
from summarizer.testing.loopback import LoopbackServer, Reply

# Nothing listens on the discard port: a replay must never reach a server.
REPLAY_URL = "http://127.0.0.1:9/v1"
HANDWRITTEN_MODEL = "loopback-model"
# The cost column: the built-in prices; a model it does not know shows no cost.
PRICES = PriceTable()


@dataclass
class Run:
    """One engine's run on one case.

    Attributes:
        case: The case id.
        engine: ``llm`` or ``extractive``.
        run: ``answer`` or a variant name.
        briefing: The validated briefing, or None when the run failed.
        error: The failure, in one line.
        stale: (recorded prompt hash, current prompt hash) when the recording is stale.
        requests: Answers asked of the model.
        reasks: Validation re-asks.
        tokens: Prompt plus completion tokens.
        cost_usd: Estimated cost, when the model's price is known.
        latency_s: Wall time of this run (replay time for a replayed run).
        model: The model recorded.
        refused: Why the checks refused the model's answer (``refusal``), when they did.
    """

    case: str
    engine: str
    run: str = MAIN_RUN
    briefing: Briefing | None = None
    error: str | None = None
    stale: tuple[str, str] | None = None
    requests: int = 0
    reasks: int = 0
    tokens: int = 0
    cost_usd: float | None = None
    latency_s: float = 0.0
    model: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    refused: str | None = None


# What a refusal is, by what the checks found wrong with the model's answer.
UNGROUNDED = "ungrounded"
NOT_A_BRIEFING = "not a valid briefing"


def refusal(exc: SummarizerError) -> str | None:
    """Why the checks refused a model's answer; None when no answer was refused.

    A transport fault, a stale or a damaged recording is no refusal: the model's
    answer never reached the checks.
    """
    if isinstance(exc, UngroundedError):
        return UNGROUNDED
    if isinstance(exc, ModelOutputError):
        return NOT_A_BRIEFING
    return None


def _failed(
    case: Case, run: str, exc: SummarizerError, model: str | None, elapsed: float = 0.0
) -> Run:
    """The run that ended in ``exc``, with what the model's answers cost."""
    used = exc if isinstance(exc, ModelError) else None
    return Run(
        case.id,
        "llm",
        run=run,
        error=str(exc),
        model=model,
        requests=used.attempts if used else 0,
        tokens=used.prompt_tokens + used.completion_tokens if used else 0,
        latency_s=elapsed,
        refused=refusal(exc),
    )


def run_extractive(case: Case) -> Run:
    """Brief the case with the offline engine."""
    started = time.perf_counter()
    try:
        result = Summarizer(Settings(engine="extractive")).summarize(case.article)
    except SummarizerError as exc:
        return Run(case.id, "extractive", error=str(exc))
    return Run(
        case.id,
        "extractive",
        briefing=result.briefing,
        latency_s=time.perf_counter() - started,
    )


def recorded_request(path: Path) -> dict[str, Any]:
    """The first request body recorded in the cassette at ``path``.

    Raises:
        InputError: The cassette is missing or damaged; the message names it.
    """
    body = read_cassette(path)[0]["request"]["body"]
    parsed: dict[str, Any] = json.loads(body)
    return parsed


def recorded_mode(body: dict[str, Any]) -> ModeName:
    """The instructor mode a recorded request was made in."""
    if body.get("tools"):
        return "tools"
    kind = (body.get("response_format") or {}).get("type")
    if kind == "json_schema":
        return "json_schema"
    if kind == "json_object":
        return "json"
    return "md_json"


def _summarize(case: Case, run: str, settings: Settings, engine_label: str = "llm") -> Run:
    started = time.perf_counter()
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(case.article)
    p = result.provenance
    return Run(
        case.id,
        engine_label,
        run=run,
        briefing=result.briefing,
        requests=p.requests,
        reasks=p.reasks,
        tokens=p.total_tokens,
        cost_usd=PRICES.cost(p.model, p.prompt_tokens, p.completion_tokens),
        latency_s=time.perf_counter() - started,
        model=p.model,
    )


def replay(case: Case, run: str = MAIN_RUN, recording_set: RecordingSet = MAIN) -> Run:
    """Replay the recorded LLM run ``run`` of ``case`` from ``recording_set``.

    The request is sent with the set's own settings (``RecordingSet.applied``), so
    it matches the recorded one only while neither the prompt nor those settings
    changed. A run the checks refuse ends with ``Run.refused`` saying why.
    """
    path = case.recording(run, recording_set)
    if not path.is_file():
        return Run(case.id, "llm", run=run, error=f"not recorded: {path} is missing")
    try:
        body = recorded_request(path)
    except SummarizerError as exc:
        return Run(case.id, "llm", run=run, error=str(exc))
    settings = recording_set.applied(
        Settings(
            engine="llm",
            base_url=REPLAY_URL,
            api_key="replay",
            model=str(body.get("model")),
            mode=recorded_mode(body),
        )
    )
    started = time.perf_counter()
    try:
        with cassette(path):
            return _summarize(case, run, settings)
    except StaleRecordingError:
        recorded = messages_hash(body.get("messages", []))
        current = render(case.article, mark=settings.datamark).hash
        why = (
            "the prompt changed" if recorded != current else "the schema or request options changed"
        )
        return Run(
            case.id,
            "llm",
            run=run,
            error=f"stale recording ({why}); re-record with summarizer eval --record",
            stale=(recorded, current),
            model=settings.model,
        )
    except SummarizerError as exc:
        return _failed(case, run, exc, settings.model, time.perf_counter() - started)


def record(
    case: Case, settings: Settings, origin: CassetteOrigin, recording_set: RecordingSet = MAIN
) -> Run:
    """Re-record the main LLM run of ``case`` into ``recording_set`` from ``settings``' endpoint.

    The recording replaces the committed one when the run produced a briefing, or,
    in a set that keeps refusals, when the model answered and the checks refused it.
    Anything else (a transport fault, no answer) leaves the committed cassette alone.
    """
    secrets = (settings.api_key,) if settings.api_key else ()
    target = case.recording(MAIN_RUN, recording_set)
    return _recorded(
        case,
        MAIN_RUN,
        settings,
        origin,
        target,
        keep_refused=recording_set.keeps_refused,
        secrets=secrets,
    )


def _recorded(
    case: Case,
    run: str,
    settings: Settings,
    origin: CassetteOrigin,
    target: Path,
    *,
    keep_refused: bool,
    secrets: tuple[str, ...] = (),
) -> Run:
    """Record ``run`` of ``case`` into ``target``, replacing it only with a run to keep.

    The cassette is written beside ``target`` and moved over it when the run
    produced a briefing, or, with ``keep_refused``, when the model answered and
    the checks refused it: a failed recording must not replace a good one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.stem}.partial{target.suffix}")
    started = time.perf_counter()
    try:
        with cassette(partial, record=True, origin=origin, secrets=secrets):
            result = _summarize(case, run, settings)
    except SummarizerError as exc:
        failed = _failed(case, run, exc, settings.model, time.perf_counter() - started)
        if keep_refused and failed.refused is not None and partial.is_file():
            os.replace(partial, target)
            return failed
        partial.unlink(missing_ok=True)
        failed.refused = None  # nothing was kept: this is a failed recording
        return failed
    os.replace(partial, target)
    return result


def handwritten_answers(case: Case, run: str) -> list[dict[str, Any]]:
    """The hand-written answers the loopback server serves for ``run``."""
    if run == MAIN_RUN:
        return [case.answer] if case.answer is not None else []
    return list(case.variants[run].answers)


def record_handwritten(case: Case, run: str, now: datetime | None = None) -> Run:
    """Record run ``run`` from the case's hand-written answers, served on loopback."""
    answers = handwritten_answers(case, run)
    if not answers:
        return Run(case.id, "llm", run=run, error="no hand-written answer to record")
    origin = CassetteOrigin(
        endpoint="loopback OpenAI-compatible server (summarizer.testing.loopback) on 127.0.0.1",
        model=HANDWRITTEN_MODEL,
        answers=(
            "written by hand as a strong model would answer "
            f"({'answer.json' if run == MAIN_RUN else f'variants/{run}.json'}); "
            "no live model was reachable"
        ),
        recorded_at=now or datetime.now(UTC),
        recorded_by="summarizer eval --record --handwritten",
    )
    words = len(case.article.text.split())
    usage = (int(words * 1.4) + 600, 700)
    # A model re-asked past its scripted answers repeats its last one, as a model
    # that cannot fix its mistake would; the run then ends in a typed rejection.
    with LoopbackServer(
        models=(HANDWRITTEN_MODEL,), fallback=lambda _: Reply.answer(answers[-1], usage=usage)
    ) as server:
        server.script(*[Reply.answer(a, usage=usage) for a in answers])
        settings = Settings(
            engine="llm", base_url=server.base_url, api_key="sk-loopback", model=HANDWRITTEN_MODEL
        )
        # A flawed answer the checks refuse is what a variant is for: that recording
        # is complete, and replaying it reproduces the refusal.
        return _recorded(
            case, run, settings, origin, case.recording(run), keep_refused=run != MAIN_RUN
        )
