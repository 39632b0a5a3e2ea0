"""``summarizer eval``: score engines against gold, replayed; gate against the baseline."""

from __future__ import annotations

import json
import math
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress

from summarizer.cli.options import endpoint_options, timeout_option
from summarizer.config import Settings
from summarizer.errors import EvalFailed, InputError
from summarizer.evals import harness
from summarizer.evals.cases import load_cases
from summarizer.evals.gate import compare
from summarizer.evals.recordings import MAIN, RECORDING_SETS, recording_set
from summarizer.evals.report import html_page, markdown, terminal, to_json_text
from summarizer.evals.rose import Documents, tau_report

ENGINE_CHOICES = {"llm": ("llm",), "extractive": ("extractive",), "both": ("llm", "extractive")}


def _write(path: Path | None, text: str) -> None:
    if path is not None:
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _load_baseline(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the baseline {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InputError(f"the baseline {path} is not valid JSON: {exc}") from exc
    return data


@click.group("eval", invoke_without_command=True)
@click.option(
    "--engine", type=click.Choice(sorted(ENGINE_CHOICES)), default="both", show_default=True
)
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("evals/cases"),
    show_default=True,
)
@click.option("--case", "only", multiple=True, help="Only this case id (repeatable).")
@click.option("--record", is_flag=True, help="Re-record the LLM runs instead of replaying them.")
@click.option(
    "--handwritten",
    is_flag=True,
    help="With --record: serve each case's hand-written answers on loopback (no live model).",
)
@click.option(
    "--recording-set",
    "set_name",
    type=click.Choice([s.name for s in RECORDING_SETS]),
    default=MAIN.name,
    show_default=True,
    help="With --record: the recording set to record into (each set is a row of the report).",
)
@endpoint_options  # with --record: the model, endpoint and mode to record from
@timeout_option  # with --record: a slow local model may need far longer than the default
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--markdown", "md_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("evals/baseline.json"),
    show_default=True,
)
@click.option("--gate", is_flag=True, help="Fail when a metric falls beyond its tolerance.")
@click.option(
    "--name-held-out",
    is_flag=True,
    help="With --gate, name the held-out cases (validation, fresh) that regressed.",
)
@click.option("--update-baseline", is_flag=True, help="Rewrite the baseline from this run.")
@click.pass_context
def eval_group(ctx: click.Context, /, **options: Any) -> None:
    """Score briefings against hand-written gold (LLM replayed from recordings)."""
    if ctx.invoked_subcommand is not None:
        return
    console = Console()
    skipped: list[str] = []
    cases = load_cases(options["cases_dir"], list(options["only"]) or None, skipped)
    for reason in skipped:
        console.print(f"skipped {reason}", highlight=False)
    if options["record"]:
        _record(cases, options, console)
    engines = ENGINE_CHOICES[options["engine"]]
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("eval", total=harness.steps(cases, engines))
        report = harness.evaluate(
            cases,
            engines,
            on_step=lambda label: progress.update(task, advance=1, description=label),
        )
    terminal(report, console)
    data_text = to_json_text(report)
    _write(options["json_out"], data_text)
    _write(options["md_out"], markdown(report))
    _write(options["html_out"], html_page(report))
    failures = report.failures()
    partial = options["only"] or options["engine"] != "both"
    if options["update_baseline"]:
        if partial:
            raise EvalFailed(
                "not updating the baseline from part of the eval (--engine or --case): "
                "it would drop the other engines' and cases' scores; run them all"
            )
        if failures:
            raise EvalFailed(f"not updating the baseline: {len(failures)} run(s) failed")
        _write(options["baseline"], data_text)
        console.print(f"baseline written to {options['baseline']}")
    if options["gate"]:
        problems = compare(
            _load_baseline(options["baseline"]),
            json.loads(data_text),
            engines=engines,
            cases=[case.id for case in cases] if options["only"] else None,
            name_held_out=options["name_held_out"],
        )
        for problem in problems:
            click.echo(f"gate: {problem}", err=True)
        if problems:
            raise EvalFailed(
                f"eval gate failed: {len(problems)} regression(s) against {options['baseline']}"
            )
        console.print("gate: no metric fell beyond its tolerance")
    elif failures:
        raise EvalFailed(f"{len(failures)} eval run(s) failed (see above)")


def _record(cases: list[Any], options: dict[str, Any], console: Console) -> None:
    settings = None
    if not options["handwritten"]:
        settings = Settings.from_env(
            os.environ,
            engine="llm",
            model=options["model"],
            base_url=options["base_url"],
            mode=options["mode"],
            timeout=options["timeout"],
        )
        if not settings.endpoint_configured:
            raise InputError(
                "--record needs a model endpoint (OPENAI_API_KEY or --base-url), "
                "or --handwritten to record the hand-written answers"
            )
    into = recording_set(options["set_name"])
    where = "" if into == MAIN else f" into {into.name}"
    runs = harness.record(cases, settings=settings, now=datetime.now(UTC), recording_set=into)
    failed = [
        run
        for run in runs
        if run.error and run.error not in harness.SKIPPED_RECORDINGS and run.refused is None
    ]
    for run in runs:
        if run.error in harness.SKIPPED_RECORDINGS:
            console.print(f"recorded {run.case}/{run.run}: {run.error}", highlight=False)
        elif run.refused is not None:
            # Kept on purpose: the set records what the model answered, refused or not.
            console.print(
                f"recorded {run.case}/{run.run}{where}: {run.requests} request(s) in "
                f"{run.latency_s:.0f} s; the checks refused the briefing ({run.refused}): "
                f"{run.error}",
                highlight=False,
            )
        elif run.error:
            console.print(
                f"FAILED to record {run.case}/{run.run} after {run.requests} request(s); "
                f"the committed recording is kept: {run.error}",
                highlight=False,
            )
        else:
            console.print(
                f"recorded {run.case}/{run.run}{where}: {run.requests} request(s) in "
                f"{run.latency_s:.0f} s",
                highlight=False,
            )
    if failed:
        raise EvalFailed(f"{len(failed)} recording(s) failed (see above); nothing was replaced")


@eval_group.command("keypoints")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--documents",
    type=click.Choice(["all", "even", "odd"]),
    default="all",
    show_default=True,
    help="Documents by 0-based index; the length calibration was fitted on the even ones.",
)
def keypoints(path: Path, documents: Documents) -> None:
    """Check the key-point matcher against human ACU scores in PATH (RoSE JSONL).

    Also checks the length-aware score against the length-normalised human
    scores (human_normalized_acu) when the file has them.
    """
    report = tau_report(path, documents=documents)
    click.echo(f"documents: {report.documents}")
    click.echo(f"summary-level Kendall tau: {report.summary_level:.3f}")
    click.echo(f"system-level Kendall tau: {report.system_level:.3f}")
    if math.isnan(report.normalised_summary_level):
        click.echo("normalised (length-aware score): no human_normalized_acu to compare with")
        return
    click.echo(
        "normalised (length-aware score vs human_normalized_acu) "
        f"summary-level Kendall tau: {report.normalised_summary_level:.3f}"
    )
    click.echo(
        "normalised (length-aware score vs human_normalized_acu) "
        f"system-level Kendall tau: {report.normalised_system_level:.3f}"
    )
