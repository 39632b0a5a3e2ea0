"""Batch jobs: run on the batch machinery, in the background, surviving restarts.

A job is a folder in ``<data dir>/jobs/<id>/``: ``input.jsonl`` (a batch manifest
written once, when the job is submitted) and ``results.jsonl`` (the batch output,
one fsynced line per article). Its row in the service database says whether it
is queued, running (and in which process), done or failed.

One runner thread per server process claims the oldest job nobody runs and hands
it to ``brief_batch``. A job whose process is gone (killed, even with SIGKILL) is
claimed again by the next runner, and ``brief_batch`` skips the ids already in
its output, so every article ends up there exactly once.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.batch.options import BatchOptions, Status
from summarizer.batch.runner import brief_batch
from summarizer.errors import SummarizerError
from summarizer.llm.pricing import PriceTable, load_prices
from summarizer.llm.retry import RetryPolicy
from summarizer.server.briefer import Briefer
from summarizer.server.config import ServerConfig
from summarizer.server.storage import Job, Storage

logger = logging.getLogger("summarizer.server.jobs")

# Seconds between looks for work a runner was not told about (another worker's job).
POLL_S = 2.0


class JobInterrupted(Exception):  # noqa: N818 - reads as what happened
    """The server is stopping: leave the job for the next runner."""


def job_dir(data_dir: Path, job_id: str) -> Path:
    """The folder of a job."""
    return data_dir / "jobs" / job_id


def write_manifest(path: Path, items: list[dict[str, str]]) -> None:
    """Write a job's input manifest durably (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _pid_alive(owner: str, me: str) -> bool:
    host, _, pid = owner.rpartition(":")
    if owner == me:
        return False  # a job under this process's name that it does not run: an earlier life
    if host != socket.gethostname() or not pid.isdigit():
        return True  # another machine's: trust it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Progress:
    """What a job's results file holds so far."""

    done: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0
    offset: int = 0
    models: set[str] = field(default_factory=set)


class JobRunner:
    """Runs batch jobs one at a time in a background thread.

    Args:
        config: The service's configuration.
        storage: Where jobs are recorded.
        briefer: The service's briefer (its settings and call log).
        policy: The model transport retry policy.
    """

    def __init__(
        self,
        config: ServerConfig,
        storage: Storage,
        briefer: Briefer,
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        self.config = config
        self.storage = storage
        self.briefer = briefer
        self.policy = policy
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._progress: dict[str, Progress] = {}
        self._progress_lock = threading.Lock()
        self._price_table: PriceTable | None = None

    def start(self) -> None:
        """Start the runner thread (it resumes unfinished jobs first)."""
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="summarizer-jobs", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the runner to stop; a job in progress is left for the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Look for work now (a job was just submitted)."""
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                job = self.storage.claim_job(self.owner, lambda o: _pid_alive(o, self.owner))
            except Exception:
                logger.exception("cannot claim a batch job")
                job = None
            if job is None:
                self._wake.wait(POLL_S)
                self._wake.clear()
                continue
            self._run(job)

    def _run(self, job: Job) -> None:
        folder = job_dir(self.config.data_dir, job.id)
        options = job.options
        briefer = self.briefer

        def on_result(status: Status) -> None:
            if self._stop.is_set():
                raise JobInterrupted()

        try:
            settings = briefer.settings_for(options.get("engine"), options.get("model"))
            llm = settings.resolved_engine() == "llm"
            brief_batch(
                [folder / "input.jsonl"],
                folder / "results.jsonl",
                settings,
                options=BatchOptions(
                    concurrency=self.config.job_concurrency,
                    via=options.get("via", "live"),
                    use_cache=self.config.use_cache,
                    poll_interval=float(options.get("poll_interval", 30.0)),
                ),
                log=briefer.log if llm else None,
                policy=self.policy,
                on_result=on_result,
            )
        except BaseException as exc:  # noqa: BLE001 - a TaskGroup wraps what a worker raised
            if self._stop.is_set():
                logger.info("batch job %s left for the next start", job.id)
                return
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            if isinstance(exc, SummarizerError):
                message = str(exc)
            else:
                logger.error("batch job %s failed", job.id, exc_info=exc)
                message = (
                    f"the job failed in a way the server did not foresee ({type(exc).__name__})"
                )
            self.storage.finish_job(job.id, "failed", message)
            return
        self.storage.finish_job(job.id, "done")

    def _prices(self) -> PriceTable:
        if self._price_table is None:
            self._price_table = load_prices(data_dir=self.config.data_dir)
        return self._price_table

    def progress(self, job: Job) -> Progress:
        """Counts, tokens and cost of what the job's results file holds (read incrementally)."""
        path = job_dir(self.config.data_dir, job.id) / "results.jsonl"
        with self._progress_lock:
            seen = self._progress.setdefault(job.id, Progress())
            try:
                with path.open("rb") as handle:
                    handle.seek(seen.offset)
                    for raw in handle:
                        if not raw.endswith(b"\n"):
                            break
                        seen.offset += len(raw)
                        _count(seen, raw, job.options.get("via") == "batch-api", self._prices())
            except FileNotFoundError:
                pass
            return Progress(**{**seen.__dict__, "models": set(seen.models)})


def _count(progress: Progress, raw: bytes, batch: bool, prices: PriceTable) -> None:
    try:
        line: dict[str, Any] = json.loads(raw)
    except ValueError:
        return
    if line.get("status") == "ok":
        progress.done += 1
    else:
        progress.failed += 1
        return
    prov = line.get("provenance") or {}
    prompt, completion = int(prov.get("prompt_tokens", 0)), int(prov.get("completion_tokens", 0))
    progress.prompt_tokens += prompt
    progress.completion_tokens += completion
    if prov.get("engine") != "llm" or progress.cost_usd is None:
        return
    cost = prices.cost(prov.get("model"), prompt, completion, batch=batch)
    progress.cost_usd = None if cost is None else progress.cost_usd + cost
