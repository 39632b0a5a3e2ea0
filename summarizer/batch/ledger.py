"""The Batch API jobs a run has in flight, kept beside its output.

A Batch API job runs for minutes to hours on the provider's side. If the
process that created it dies while it waits (a kill, a reboot, a closed
laptop), the job goes on and is billed; a rerun that knew nothing of it would
submit the same requests again and pay twice. So the job's id and the ids of
its articles are written here, and fsynced, the moment the job is created, and
a line marks it finished once its results are in the output. A rerun with the
same output collects the unfinished jobs instead of submitting their articles
again. The file is removed when no job in it is unfinished.

Format: JSON lines, ``{"batch": ID, "ids": [...], "endpoint": URL}`` when a job
is created and ``{"batch": ID, "finished": true}`` when it is collected. A torn
last line (a kill mid-write) is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import InputError, OutputError


@dataclass
class InFlight:
    """An unfinished job: its id, the endpoint it was created on, its article ids."""

    batch_id: str
    endpoint: str
    ids: set[str] = field(default_factory=set)


class JobLedger:
    """The file of Batch API jobs for one output file.

    Args:
        output: The batch's JSONL output; the ledger is ``<output>.batch-jobs``.
    """

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + ".batch-jobs")

    def in_flight(self) -> list[InFlight]:
        """The jobs created and not yet marked finished, oldest first.

        Raises:
            InputError: The ledger cannot be read.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise InputError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        jobs: dict[str, InFlight] = {}
        for line in raw.splitlines():
            try:
                entry = json.loads(line)
            except (ValueError, RecursionError):
                continue  # a torn line from a kill mid-write
            if not isinstance(entry, dict) or not isinstance(entry.get("batch"), str):
                continue
            batch_id = entry["batch"]
            if entry.get("finished"):
                jobs.pop(batch_id, None)
            else:
                listed = entry.get("ids")
                ids = {str(i) for i in listed} if isinstance(listed, list) else set()
                jobs[batch_id] = InFlight(batch_id, str(entry.get("endpoint") or ""), ids)
        return list(jobs.values())

    def started(self, batch_id: str, endpoint: str, ids: Iterable[str]) -> None:
        """Record a job just created, durably, before waiting for it."""
        self._append({"batch": batch_id, "endpoint": endpoint, "ids": sorted(ids)})

    def finished(self, batch_id: str) -> None:
        """Record that a job's results are in the output; drop the file once none is left."""
        self._append({"batch": batch_id, "finished": True})
        if not self.in_flight():
            self.path.unlink(missing_ok=True)

    def _append(self, entry: dict[str, object]) -> None:
        data = (json.dumps(entry, ensure_ascii=False) + "\n").encode()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        try:
            if os.fstat(fd).st_size and not self._ends_with_newline():
                data = b"\n" + data  # after a torn line, start a fresh one
            os.write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            raise OutputError(
                f"cannot write {self.path}: {exc.strerror or exc}", path=str(self.path)
            ) from exc
        finally:
            os.close(fd)

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
