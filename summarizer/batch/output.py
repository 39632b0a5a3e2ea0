"""The batch output: one JSON line per article, appended as each one finishes.

Each line is written with one ``write`` to a file opened ``O_APPEND``, then
fsynced, so a finished article survives a crash of the process or the machine.
Many workers finishing at once share one fsync (``GroupCommit``): an fsync
costs about a millisecond of CPU, as much as the rest of a briefing.
A process killed in the middle of a write can leave at most one torn line, at
the end; reopening the file cuts it off before anything is appended. The ids
already in the file are done and are never briefed again into the same file.

The output is only ever a file this tool wrote. An existing file is used only
when every line in it is a result line and a last unfinished piece, if any, is
the start of one; anything else (notes, a manifest, a file with no newline at
its end) is refused untouched. A device, a pipe or ``/dev/stdout`` is refused:
a batch must be able to read back what it wrote to resume. While a run writes,
it holds an exclusive lock on ``<output>.lock`` (``flock``), so a second run on
the same output stops at once instead of briefing every article again.

A write that fails (a full disk, an I/O error) takes back its partial line and
raises ``OutputError``: the lines written before stay, and a rerun goes on
from them.

Line format::

    {"id": ..., "status": "ok" | "error", "briefing": {...} | null,
     "provenance": {...} | null, "source": {...} | null,
     "error": {"type": ..., "message": ...} | null}
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import stat
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.errors import InputError, OutputBusyError, OutputError
from summarizer.results import BriefingResult

# Every line this tool writes starts so (compact JSON, the id first).
_LINE_START = '{"id":"'
_AFTER_ID = (',"status":"ok",', ',"status":"error",')
_DECODER = json.JSONDecoder()
_RESULT_KEYS = frozenset({"id", "status", "briefing", "error"})
# A line longer than this is not one of ours (a briefing is a few kilobytes).
_MAX_LINE = 64 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
# How many times to retry taking a lock file that another run removed meanwhile.
_LOCK_TRIES = 20


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
        "error": {"type": error_type, "message": printable(message)},
    }


def printable(text: str) -> str:
    r"""``text`` as valid Unicode: a file name's undecodable bytes as ``\xNN``, and the like."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def writable(line: dict[str, Any]) -> dict[str, Any]:
    """``line``, or an error line for its id when it cannot be written as UTF-8 JSON.

    The ids and texts a batch reads are valid Unicode already (see ``inputs``);
    this keeps one bad value elsewhere in a result from stopping the batch, and
    lets the caller count the line as the error it becomes.
    """
    try:
        _encode(line)
    except (UnicodeEncodeError, ValueError, TypeError) as exc:
        return error_line(
            printable(str(line.get("id"))),
            "InputError",
            f"the result cannot be written as UTF-8 JSON ({printable(str(exc))})",
        )
    return line


def encode_line(line: dict[str, Any]) -> tuple[str, bytes]:
    """One output line's id and UTF-8 bytes (see ``writable`` for a line that has none)."""
    line = writable(line)
    return str(line["id"]), _encode(line)


def _encode(line: dict[str, Any]) -> bytes:
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class OutputLock:
    """An exclusive ``flock`` on ``<output>.lock``, so one run at a time writes an output.

    The lock goes with the process: a run killed even with SIGKILL leaves no
    lock held (the file may stay; the next run takes it). The file is removed on
    release, while still held; taking it checks that the file locked is still
    the one at the path, so a run that opened it just before it was removed
    tries again rather than holding a lock nobody else sees.

    Args:
        output: The batch output file.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        # Beside the real file: a symlink or another spelling of the path is the same output.
        real = Path(os.path.realpath(output))
        self.path = real.with_name(real.name + ".lock")
        self._fd = -1

    def acquire(self) -> None:
        """Take the lock, or fail at once.

        Raises:
            OutputBusyError: Another run holds it.
            InputError: The lock file cannot be created (a read-only folder, ...).
        """
        for _ in range(_LOCK_TRIES):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                raise InputError(
                    f"cannot open output {self.output}: cannot create its lock file "
                    f"{self.path}: {exc.strerror or exc}"
                ) from exc
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise self._busy() from None
            except OSError as exc:
                os.close(fd)
                raise InputError(
                    f"cannot lock output {self.output} ({self.path}): {exc.strerror or exc}"
                ) from exc
            if self._still_there(fd):
                self._fd = fd
                return
            os.close(fd)  # removed by the run that just finished: take the new one
        raise self._busy()

    def _still_there(self, fd: int) -> bool:
        try:
            now = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(fd)
        return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)

    def _busy(self) -> OutputBusyError:
        return OutputBusyError(
            f"another summarizer batch is writing to {self.output} (it holds {self.path}); "
            "wait for it to finish, or choose another --out",
            path=str(self.output),
        )

    def release(self) -> None:
        """Remove the lock file (ours are empty; anything else is left) and let go of the lock."""
        if self._fd >= 0:
            if os.fstat(self._fd).st_size == 0:
                self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = -1


class ResultFile:
    """An output file opened for appending, with the ids it already holds.

    Use ``ResultFile.open``; close it when done.

    Attributes:
        path: The file.
        done: Ids with a line in the file.
        failed_before: How many of them are error lines.
    """

    def __init__(
        self, path: Path, fd: int, done: set[str], failed_before: int, lock: OutputLock
    ) -> None:
        self.path = path
        self.done = done
        self.failed_before = failed_before
        self._fd = fd
        self._lock = threading.Lock()
        self._output_lock = lock
        self._broken: OutputError | None = None

    @classmethod
    def open(cls, path: Path, *, retry_errors: bool = False) -> ResultFile:
        """Lock ``path`` and open it for appending, creating it, cutting off a torn last line.

        Args:
            path: The JSONL output.
            retry_errors: Drop the error lines first (an atomic rewrite), so the
                articles that failed are briefed again.

        Raises:
            InputError: The file cannot be opened, is not a regular file, or is not
                a batch output (a line, or a last unfinished piece, that this tool
                does not write); it is left untouched.
            OutputBusyError: Another run is writing to it.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot open output {path}: {exc.strerror or exc}") from exc
        _check_regular(path)
        lock = OutputLock(path)
        lock.acquire()
        try:
            return cls._open_locked(path, lock, retry_errors)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: OutputLock, retry_errors: bool) -> ResultFile:
        try:
            done, errors, good_end = _scan(path)
            if retry_errors and errors:
                _drop_error_lines(path)
                done, errors, good_end = _scan(path)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise InputError(f"cannot open output {path}: {exc.strerror or exc}") from exc
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped for something else since the check
            os.close(fd)
            raise _not_regular(path, info.st_mode)
        if info.st_size > good_end:
            # A torn line from a process killed mid-write: it never counted as done.
            os.ftruncate(fd, good_end)
        return cls(path, fd, done, errors, lock)

    def append(self, line: dict[str, Any]) -> None:
        """Write one line durably (safe to call from worker threads)."""
        self.append_many([line])

    def append_many(self, lines: Sequence[dict[str, Any]]) -> None:
        """Write lines durably, with one fsync for all of them (safe from worker threads).

        Raises:
            OutputError: The write or the fsync failed (a full disk, an I/O error).
                A partly written line is taken back; the lines before stay.
        """
        encoded = [encode_line(line) for line in lines]
        data = b"".join(raw for _, raw in encoded)
        with self._lock:
            if self._broken is not None:
                raise self._broken
            start = os.fstat(self._fd).st_size
            view = memoryview(data)
            try:
                while view:
                    written = os.write(self._fd, view)
                    view = view[written:]
            except OSError as exc:
                self._take_back(start)
                raise self._fail(exc) from exc
            self.done.update(item_id for item_id, _ in encoded)
        # Outside the lock: concurrent fsyncs of the same file share one flush.
        try:
            os.fsync(self._fd)
        except OSError as exc:
            with self._lock:
                raise self._fail(exc) from exc

    def _take_back(self, size: int) -> None:
        try:
            os.ftruncate(self._fd, size)
        except OSError:
            pass  # the torn line is cut off when the output is next opened

    def _fail(self, exc: OSError) -> OutputError:
        if self._broken is None:
            self._broken = OutputError(
                f"cannot write to the batch output {self.path}: {exc.strerror or exc}; "
                "the results written before are kept, and a rerun with the same --out "
                "goes on from them",
                path=str(self.path),
            )
        return self._broken

    def close(self) -> None:
        """Close the file and release its lock."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        self._output_lock.release()

    def __enter__(self) -> ResultFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_regular(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"cannot open output {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)


def _not_regular(path: Path, mode: int) -> InputError:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return InputError(
        f"output {path} is not a regular file ({kind}); a batch appends to a JSONL file "
        "and reads it back to resume, so give it a file (for the results on stdout, "
        "write a file and cat it)"
    )


def _not_ours(path: Path, lineno: int) -> InputError:
    return InputError(
        f"output {path} is not a batch output: line {lineno} is not a batch result line; "
        "refusing to write into a file this tool did not create (choose another --out, "
        "or move the file away)"
    )


def _scan(path: Path) -> tuple[set[str], int, int]:
    """Ids done, how many failed, and the offset after the last whole line.

    Raises:
        InputError: A line is not a result line, or the last unfinished piece is
            not the start of one.
    """
    done: set[str] = set()
    errors = 0
    good_end = 0
    if not path.exists():
        return done, errors, good_end
    with path.open("rb") as handle:
        lineno = 0
        while raw := handle.readline(_MAX_LINE):
            lineno += 1
            if not raw.endswith(b"\n"):
                if len(raw) < _MAX_LINE and _torn_line_of_ours(raw):
                    break  # a process killed mid-write: cut off on opening
                raise _not_ours(path, lineno)
            line = _parse(raw)
            if line is None:
                raise _not_ours(path, lineno)
            done.add(line["id"])
            errors += line["status"] != "ok"
            good_end += len(raw)
    return done, errors, good_end


def _parse(raw: bytes) -> dict[str, Any] | None:
    """The result line ``raw`` holds, or None when it is not one this tool writes."""
    if not raw.endswith(b"\n"):
        return None
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(line, dict) or not _RESULT_KEYS <= line.keys():
        return None
    if not isinstance(line["id"], str) or line["status"] not in ("ok", "error"):
        return None
    return line


def _torn_line_of_ours(raw: bytes) -> bool:
    """Whether ``raw`` (no newline at its end) is the beginning of a line this tool writes."""
    text = raw.decode("utf-8", "replace")  # a cut may split the last character
    if len(text) <= len(_LINE_START):
        return _LINE_START.startswith(text)
    if not text.startswith(_LINE_START):
        return False
    try:
        _, end = _DECODER.raw_decode(text, len(_LINE_START) - 1)  # the id's opening quote
    except ValueError:
        return True  # cut inside the id
    rest = text[end:]
    return any(after.startswith(rest) or rest.startswith(after) for after in _AFTER_ID)


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
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
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
