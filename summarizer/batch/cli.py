"""``summarizer batch`` and ``summarizer logs``: thin shells over the batch runner and call log."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from summarizer.batch.options import BatchOptions, OnResult, Status, Via
from summarizer.batch.runner import brief_batch, count_items
from summarizer.cli.options import engine_options
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.llm.calllog import CallLog, LoggedCall, data_dir
from summarizer.llm.pricing import load_prices

# SQLite integers are 64-bit: a larger id or limit cannot reach the database.
_MAX_SQL_INT = 2**63 - 1


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-/s" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")


@contextmanager
def _progress(enabled: bool | None, inputs: list[Path]) -> Iterator[OnResult | None]:
    console = Console(stderr=True)
    if enabled is None:
        enabled = console.is_terminal
    if not enabled:
        yield None
        return
    total = count_items(inputs)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
    )
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("briefing", total=total, failed=0)
        failed = 0

        def advance(status: Status) -> None:
            nonlocal failed
            failed += status == "error"
            bar.update(task, advance=1, failed=failed)

        yield advance


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSONL output; rerunning with the same file skips what is done.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Articles briefed at once.",
)
@click.option(
    "--via",
    type=click.Choice(["live", "batch-api"]),
    default="live",
    show_default=True,
    help="Live requests, or the provider's Batch API.",
)
@click.option("--no-cache", is_flag=True, help="Send every request, even ones answered before.")
@click.option(
    "--retry-errors", is_flag=True, help="Brief again the articles whose line in --out is an error."
)
@click.option(
    "--prices",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Price file (TOML or JSON, USD per million tokens) over the built-in table.",
)
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Seconds between Batch API status checks.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=5_000,
    show_default=True,
    help="Requests per Batch API job.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--allow-private-urls",
    "allow_private",
    is_flag=True,
    help="Also fetch URL inputs on loopback, private and link-local addresses "
    "(pages on this machine or its network). Refused by default.",
)
@engine_options
def batch_command(
    inputs: tuple[Path, ...],
    out: Path,
    concurrency: int,
    via: str,
    no_cache: bool,
    retry_errors: bool,
    prices: Path | None,
    poll_interval: float,
    chunk_size: int,
    progress: bool | None,
    allow_private: bool,
    **engine: Any,
) -> None:
    """Brief many articles (files, folders, JSONL manifests) into one JSONL file.

    A manifest line is {"id": ..., "text" | "path" | "url": ...}. The summary
    (done, failed, skipped, tokens, cost) is printed as JSON on stdout.
    """
    environ = os.environ
    settings = Settings.from_env(environ, **engine)
    options = BatchOptions(
        concurrency=concurrency,
        via=cast(Via, via),
        use_cache=not no_cache,
        retry_errors=retry_errors,
        poll_interval=poll_interval,
        chunk_size=chunk_size,
        allow_private_urls=allow_private,
    )
    _refuse_own_stdio(out)
    table = load_prices(prices, data_dir(environ))
    with CallLog.open(environ, prices=table) as log, _progress(progress, list(inputs)) as bar:
        summary = brief_batch(list(inputs), out, settings, options=options, log=log, on_result=bar)
    click.echo(json.dumps(summary.as_dict()))
    click.echo(
        f"summarizer: {summary.done} done, {summary.failed} failed, {summary.skipped} skipped; "
        f"{summary.prompt_tokens + summary.completion_tokens} tokens, "
        f"{summary.cost_text()}; {summary.http_calls} HTTP calls, "
        f"{summary.cache_hits} from the cache"
        + (
            f"; collected {summary.resumed_jobs} Batch API job(s) an earlier run left in flight"
            if summary.resumed_jobs
            else ""
        ),
        err=True,
    )
    if summary.failed:
        raise SummarizerError(f"{summary.failed} article(s) failed; their error lines are in {out}")


def _refuse_own_stdio(out: Path) -> None:
    """Refuse an output that is this process's stdout or stderr (``-o /dev/stdout > f``).

    The summary printed there would overwrite result lines. (A pipe or a terminal is
    not a regular file, and the batch refuses it anyway.)
    """
    try:
        target = os.stat(out)
    except OSError:
        return
    if not stat.S_ISREG(target.st_mode):
        return
    for fd, name in ((1, "standard output"), (2, "standard error")):
        try:
            stream = os.fstat(fd)
        except OSError:
            continue
        if (stream.st_dev, stream.st_ino) == (target.st_dev, target.st_ino):
            raise InputError(
                f"output {out} is this command's {name}, where the summary is printed; "
                "give the batch a file of its own and cat it"
            )


@click.command("logs")
@click.argument("query", required=False)
@click.option("--model", help="Only calls to this model.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--show", "show_id", type=int, help="Print one call with its request and response.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--path", "show_path", is_flag=True, help="Print where the log is kept.")
def logs_command(
    query: str | None,
    model: str | None,
    limit: int,
    show_id: int | None,
    as_json: bool,
    show_path: bool,
) -> None:
    """List and search the call log (QUERY matches requests, responses and prompt hashes)."""
    environ = os.environ
    if show_path:
        click.echo(str(data_dir(environ) / "calls.db"))
        return
    for name, text in (("QUERY", query), ("--model", model)):
        if text is not None and _bad_unicode(text):
            raise InputError(f"{name} is not valid UTF-8 text")
    limit = min(limit, _MAX_SQL_INT)  # "more than there are" is all of them
    with CallLog.open(environ) as log:
        if show_id is not None:
            # SQLite ids are 64-bit: a bigger number is no call, not an overflow.
            call = log.get(show_id) if 0 < show_id <= _MAX_SQL_INT else None
            if call is None:
                raise InputError(f"no call {show_id} in the log")
            click.echo(json.dumps(_as_json(call, full=True), indent=2, ensure_ascii=False))
            return
        calls = log.calls(query, model=model, limit=limit)
    for call in calls:
        click.echo(json.dumps(_as_json(call)) if as_json else _row(call))


def _bad_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _as_json(call: LoggedCall, *, full: bool = False) -> dict[str, Any]:
    data = dict(call.__dict__)
    if full:
        for key in ("request", "response"):
            try:
                data[key] = json.loads(data[key]) if data[key] else None
            except ValueError:
                pass
    else:
        del data["request"], data["response"]
    return data


def _row(call: LoggedCall) -> str:
    tokens = (call.prompt_tokens or 0) + (call.completion_tokens or 0)
    cost = "-" if call.cost_usd is None else f"${call.cost_usd:.5f}"
    latency = "-" if call.latency_s is None else f"{call.latency_s * 1000:.0f}ms"
    status = "cache" if call.cache_hit else (call.status or "fail")
    return (
        f"{call.id:>6}  {call.ts[:19]}  {call.model or '-'}  {status}  {tokens} tok  {cost}  "
        f"{latency}  try {call.attempt}  {call.via}  {(call.prompt_hash or '-')[:12]}"
    )
