"""The batch output: one JSON line per article, appended as each one finishes.

Each line is written with one ``write`` to a file opened ``O_APPEND``, then
fsynced, so a finished article survives a crash of the process or the machine.
Many workers finishing at once share one fsync (``GroupCommit``): an fsync
costs about a millisecond of CPU, as much as the rest of a briefing.
A process killed in the middle of a write can leave at most one torn line, at
the end; reopening the file cuts it off before anything is appended. The ids
already in the file are done and are never briefed again into the same file.

Line format::

    {"id": ..., "status": "ok" | "error", "briefing": {...} | null,
     "provenance": {...} | null, "source": {...} | null,
     "error": {"type": ..., "message": ...} | null}
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.results import BriefingResult


def ok_line(item_id: str, result: BriefingResult) -> dict[str, Any]:
    """The output line of a briefed article."""
    data = result.model_dump(mode="json")
    return {"id": item_id, "status": "ok", **data, "error": None}


def error_line(item_id: str, error_type: str, message: str) -> dict[str, Any]:
    """The output line of an article that failed."""
    return {
        "id": item_id,
        "status": "error",
        "briefing": None,
        "provenance": None,
        "source": None,
        "error": {"type": error_type, "message": message},
    }


class ResultFile:
    """An output file opened for appending, with the ids it already holds.

    Use ``ResultFile.open``; close it when done.

    Attributes:
        path: The file.
        done: Ids with a line in the file.
        failed_before: How many of them are error lines.
    """

    def __init__(self, path: Path, fd: int, done: set[str], failed_before: int) -> None:
        self.path = path
        self.done = done
        self.failed_before = failed_before
        self._fd = fd
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path, *, retry_errors: bool = False) -> ResultFile:
        """Open ``path`` for appending, creating it, cutting off a torn last line.

        Args:
            path: The JSONL output.
            retry_errors: Drop the error lines first (an atomic rewrite), so the
                articles that failed are briefed again.

        Raises:
            InputError: The file cannot be opened, or holds a line that is not a
                result line before its end (not ours, or edited by hand).
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            done, errors, good_end = _scan(path)
            if retry_errors and errors:
                _drop_error_lines(path)
                done, errors, good_end = _scan(path)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as exc:
            raise InputError(f"cannot open output {path}: {exc.strerror or exc}") from exc
        if os.fstat(fd).st_size > good_end:
            # A torn line from a process killed mid-write: it never counted as done.
            os.ftruncate(fd, good_end)
        return cls(path, fd, done, errors)

    def append(self, line: dict[str, Any]) -> None:
        """Write one line durably (safe to call from worker threads)."""
        self.append_many([line])

    def append_many(self, lines: Sequence[dict[str, Any]]) -> None:
        """Write lines durably, with one fsync for all of them (safe from worker threads)."""
        data = b"".join(
            (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
            for line in lines
        )
        with self._lock:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            self.done.update(str(line["id"]) for line in lines)
        # Outside the lock: concurrent fsyncs of the same file share one flush.
        os.fsync(self._fd)

    def close(self) -> None:
        """Close the file."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ResultFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _scan(path: Path) -> tuple[set[str], int, int]:
    """Ids done, how many failed, and the offset after the last whole line."""
    done: set[str] = set()
    errors = 0
    good_end = 0
    if not path.exists():
        return done, errors, good_end
    with path.open("rb") as handle:
        lineno = 0
        for raw in handle:
            lineno += 1
            line = _parse(raw)
            if line is None:
                if handle.read(1):  # something follows: not a torn tail
                    raise InputError(
                        f"output {path} line {lineno} is not a batch result line; "
                        "refusing to append to it (choose another --out)"
                    )
                break
            done.add(str(line["id"]))
            errors += line.get("status") != "ok"
            good_end += len(raw)
    return done, errors, good_end


def _parse(raw: bytes) -> dict[str, Any] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    return line if isinstance(line, dict) and isinstance(line.get("id"), str) else None


def _drop_error_lines(path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out, path.open("rb") as src:
            for raw in src:
                line = _parse(raw)
                if line is not None and line.get("status") == "ok":
                    out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class GroupCommit:
    """Durable appends from many tasks of one event loop, one fsync per group.

    ``await append(line)`` returns once the line is written and fsynced. Lines
    that arrive while a write is in progress wait and go out together in the
    next one, so under load one fsync covers many lines, and a lone line is
    written at once.

    Args:
        out: The output file.
    """

    def __init__(self, out: ResultFile) -> None:
        self._out = out
        self._queued: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def append(self, line: dict[str, Any]) -> None:
        """Write ``line`` durably, together with whatever else is waiting."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queued.append((line, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write())
        await asyncio.shield(done)  # a cancelled worker must not cancel its neighbours' write

    async def _write(self) -> None:
        try:
            while self._queued:
                group, self._queued = self._queued, []
                try:
                    await asyncio.to_thread(self._out.append_many, [line for line, _ in group])
                except Exception as exc:
                    for _, done in group:
                        if not done.done():
                            done.set_exception(exc)
                else:
                    for _, done in group:
                        if not done.done():
                            done.set_result(None)
        finally:
            self._writer = None
            for _, done in self._queued:  # only left here when the writer was cancelled
                done.cancel()
            self._queued = []
