"""Where the service keeps briefings, batch jobs and API keys.

``Storage`` is the one interface the routes and the job runner use;
``SQLiteStorage`` implements it on one SQLite file in the data directory, in
WAL mode so several worker processes on one machine can share it (readers never
wait for a writer; writers wait their turn up to ``busy_timeout``). A server
database can be added later as another ``Storage``.

Every write is one transaction: a briefing is stored whole or not at all, so a
process killed mid-request leaves nothing torn.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from summarizer.errors import ConfigurationError, InputError

DB_NAME = "service.sqlite3"

JobStatus = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True)
class StoredBriefing:
    """A briefing as stored.

    Attributes:
        id: Its id (``b_`` and 20 hex digits).
        created: When it was made (UTC, ISO 8601).
        key_name: The API key that asked for it (None without auth).
        result: The result as ``summarizer brief --format json --provenance`` prints it.
        article_text: The clean article text its quotes were checked against.
    """

    id: str
    created: str
    key_name: str | None
    result: dict[str, Any]
    article_text: str

    @property
    def headline(self) -> str:
        return str(self.result["briefing"]["headline"])


@dataclass(frozen=True)
class BriefingRow:
    """One line of a listing: enough to find a briefing again."""

    id: str
    created: str
    headline: str
    source: str
    title: str | None
    engine: str


@dataclass(frozen=True)
class Job:
    """A batch job.

    Attributes:
        id: Its id (``j_`` and 20 hex digits).
        created: When it was submitted (UTC, ISO 8601).
        key_name: The API key that submitted it.
        status: ``queued``, ``running``, ``done`` or ``failed``.
        total: Items in the job.
        options: How it runs (engine, model, via), as JSON-ready values.
        owner: The process running it (``host:pid``), while it runs.
        error: Why it failed, when it did.
        finished: When it finished.
    """

    id: str
    created: str
    key_name: str | None
    status: JobStatus
    total: int
    options: dict[str, Any]
    owner: str | None = None
    error: str | None = None
    finished: str | None = None


@dataclass(frozen=True)
class ApiKey:
    """A stored API key: its name and the hash of its secret, never the secret."""

    name: str
    prefix: str
    digest: str
    created: str
    revoked: bool = False


class Storage(Protocol):
    """What the service needs from a store."""

    def put_briefing(self, briefing: StoredBriefing) -> None: ...

    def get_briefing(self, briefing_id: str) -> StoredBriefing | None: ...

    def list_briefings(self, query: str | None, limit: int, offset: int) -> list[BriefingRow]: ...

    def create_job(self, job: Job) -> None: ...

    def get_job(self, job_id: str) -> Job | None: ...

    def claim_job(self, owner: str, is_alive: Callable[[str], bool]) -> Job | None: ...

    def finish_job(self, job_id: str, status: JobStatus, error: str | None = None) -> None: ...

    def add_key(self, key: ApiKey) -> None: ...

    def find_key(self, digest: str) -> ApiKey | None: ...

    def list_keys(self) -> list[ApiKey]: ...

    def revoke_key(self, name: str) -> bool: ...

    def check_writable(self) -> None: ...

    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefings (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    key_name TEXT,
    headline TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    engine TEXT NOT NULL,
    search TEXT NOT NULL,
    result TEXT NOT NULL,
    article_text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS briefings_created ON briefings (created DESC, id DESC);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    key_name TEXT,
    status TEXT NOT NULL,
    total INTEGER NOT NULL,
    options TEXT NOT NULL,
    owner TEXT,
    error TEXT,
    finished TEXT
);
CREATE TABLE IF NOT EXISTS api_keys (
    name TEXT PRIMARY KEY,
    prefix TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);
"""


def utcnow() -> str:
    """Now, UTC, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SQLiteStorage:
    """``Storage`` on one SQLite file (WAL), safe from threads and from several processes.

    Args:
        path: The database file; its folder is created.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        with self._lock:
            self._connect()

    def _connect(self) -> sqlite3.Connection:
        """The connection, opened (again, after ``close``) when needed; call under the lock."""
        if self._conn is not None:
            return self._conn
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(f"cannot open the service database {path}: {exc}") from exc
        try:
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process (the crash that matters
            # for a server); only a power cut can lose the last commits.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            db.close()
            raise ConfigurationError(f"cannot use the service database {path}: {exc}") from exc
        self._conn = db
        return db

    @classmethod
    def in_dir(cls, directory: Path) -> SQLiteStorage:
        """The service database in ``directory`` (the data directory)."""
        return cls(directory / DB_NAME)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._connect()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connect().execute(sql, params).fetchall()

    # briefings

    def put_briefing(self, briefing: StoredBriefing) -> None:
        """Store a briefing (one transaction)."""
        result = briefing.result
        source = result["source"]
        b = result["briefing"]
        search = " ".join(
            [
                b["headline"],
                b["summary"],
                source.get("title") or "",
                source["source"],
                *(s["actor"] for s in b["stances"]),
            ]
        ).lower()
        with self._write() as db:
            db.execute(
                "INSERT INTO briefings (id, created, key_name, headline, source, title, engine, "
                "search, result, article_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    briefing.id,
                    briefing.created,
                    briefing.key_name,
                    b["headline"],
                    source["source"],
                    source.get("title"),
                    result["provenance"]["engine"],
                    search,
                    json.dumps(result, ensure_ascii=False, separators=(",", ":")),
                    briefing.article_text,
                ),
            )

    def get_briefing(self, briefing_id: str) -> StoredBriefing | None:
        """The briefing with this id, or None."""
        rows = self._read(
            "SELECT id, created, key_name, result, article_text FROM briefings WHERE id = ?",
            (briefing_id,),
        )
        if not rows:
            return None
        ident, created, key_name, result, text = rows[0]
        return StoredBriefing(ident, created, key_name, json.loads(result), text)

    def list_briefings(self, query: str | None, limit: int, offset: int) -> list[BriefingRow]:
        """The newest briefings first; with ``query``, those whose text holds every word of it."""
        where, params = "", []
        for word in (query or "").lower().split():
            where += (" AND " if where else " WHERE ") + "search LIKE ? ESCAPE '\\'"
            params.append(f"%{_escape_like(word)}%")
        rows = self._read(
            "SELECT id, created, headline, source, title, engine FROM briefings"
            f"{where} ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [BriefingRow(*row) for row in rows]

    # jobs

    def create_job(self, job: Job) -> None:
        """Record a new job (queued)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO jobs (id, created, key_name, status, total, options) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (job.id, job.created, job.key_name, job.status, job.total, json.dumps(job.options)),
            )

    def get_job(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        rows = self._read(
            "SELECT id, created, key_name, status, total, options, owner, error, finished "
            "FROM jobs WHERE id = ?",
            (job_id,),
        )
        return _job(rows[0]) if rows else None

    def claim_job(self, owner: str, is_alive: Callable[[str], bool]) -> Job | None:
        """Take the oldest job nobody runs: queued, or running under a process that is gone.

        Args:
            owner: This process (``host:pid``).
            is_alive: Whether the owner a running job names still runs.
        """
        with self._write() as db:
            rows = db.execute(
                "SELECT id, created, key_name, status, total, options, owner, error, finished "
                "FROM jobs WHERE status IN ('queued', 'running') ORDER BY created, rowid"
            ).fetchall()
            for row in rows:
                job = _job(row)
                if job.status == "running" and job.owner is not None and is_alive(job.owner):
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'running', owner = ? WHERE id = ?", (owner, job.id)
                )
                return Job(**{**job.__dict__, "status": "running", "owner": owner})
        return None

    def finish_job(self, job_id: str, status: JobStatus, error: str | None = None) -> None:
        """Mark a job done or failed."""
        with self._write() as db:
            db.execute(
                "UPDATE jobs SET status = ?, error = ?, finished = ?, owner = NULL WHERE id = ?",
                (status, error, utcnow(), job_id),
            )

    # keys

    def add_key(self, key: ApiKey) -> None:
        """Store a key's hash under its name.

        Raises:
            InputError: A key of that name exists.
        """
        try:
            with self._write() as db:
                db.execute(
                    "INSERT INTO api_keys (name, prefix, digest, created, revoked) "
                    "VALUES (?, ?, ?, ?, 0)",
                    (key.name, key.prefix, key.digest, key.created),
                )
        except sqlite3.IntegrityError:
            raise InputError(f"a key named {key.name!r} exists; choose another name") from None

    def find_key(self, digest: str) -> ApiKey | None:
        """The live key with this hash, or None."""
        rows = self._read(
            "SELECT name, prefix, digest, created, revoked FROM api_keys "
            "WHERE digest = ? AND revoked = 0",
            (digest,),
        )
        return _key(rows[0]) if rows else None

    def list_keys(self) -> list[ApiKey]:
        """Every key, by name."""
        rows = self._read(
            "SELECT name, prefix, digest, created, revoked FROM api_keys ORDER BY name"
        )
        return [_key(row) for row in rows]

    def revoke_key(self, name: str) -> bool:
        """Revoke the key named ``name``; False when there is none."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE api_keys SET revoked = 1 WHERE name = ? AND revoked = 0", (name,)
            )
            return cursor.rowcount > 0

    # health

    def check_writable(self) -> None:
        """Write and remove a row; raise ``sqlite3.Error`` or ``OSError`` when that fails."""
        with self._write() as db:
            db.execute("INSERT INTO probe (at) VALUES (?)", (utcnow(),))
            db.execute("DELETE FROM probe")

    def close(self) -> None:
        """Close the database (it opens again if used after)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _job(row: tuple[Any, ...]) -> Job:
    ident, created, key_name, status, total, options, owner, error, finished = row
    return Job(ident, created, key_name, status, total, json.loads(options), owner, error, finished)


def _key(row: tuple[Any, ...]) -> ApiKey:
    name, prefix, digest, created, revoked = row
    return ApiKey(name=name, prefix=prefix, digest=digest, created=created, revoked=bool(revoked))
