"""The call log's SQLite schema, and bringing a log an earlier version wrote up to date.

Version 2 (``PRAGMA user_version``): table ``bodies`` holds each distinct
request and response body once, keyed by its SHA-256; table ``calls`` holds one
row per exchange referring to them, with ``accepted`` set once the answer
produced a briefing that passed every check (only those answer from the cache).

Version 1 (``user_version`` 0) kept the bodies inline and had no ``accepted``;
it is migrated in one transaction on open: its rows kept, none accepted (its
answers, broken ones included, answer nothing), user information dropped from
its URLs, and the file vacuumed so the old pages are gone from the disk.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summarizer.config import redact_url
from summarizer.errors import CallLogError

SCHEMA_VERSION = 2

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS bodies (
        sha256 TEXT PRIMARY KEY,
        text TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS calls (
        id INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        cache_key TEXT NOT NULL,
        prompt_hash TEXT,
        model TEXT,
        url TEXT NOT NULL,
        via TEXT NOT NULL,
        status INTEGER,
        error TEXT,
        request_sha256 TEXT NOT NULL,
        response_sha256 TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        cost_usd REAL,
        latency_s REAL,
        attempt INTEGER NOT NULL,
        cache_hit INTEGER NOT NULL,
        accepted INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX IF NOT EXISTS calls_accepted ON calls (cache_key) WHERE accepted = 1",
)
# The columns of the first schema (bodies inline, nothing accepted), migrated on open.
_V1_COLUMNS = frozenset(
    "id ts cache_key prompt_hash model url via status error request response prompt_tokens "
    "completion_tokens cost_usd latency_s attempt cache_hit".split()
)
_V2_COLUMNS = (_V1_COLUMNS - {"request", "response"}) | {
    "request_sha256",
    "response_sha256",
    "accepted",
}
_MIGRATE_V1 = (
    "ALTER TABLE calls RENAME TO calls_v1",
    "DROP INDEX IF EXISTS calls_by_key",
    *_SCHEMA,
    "INSERT OR IGNORE INTO bodies (sha256, text) SELECT sha256(request), request FROM calls_v1",
    "INSERT OR IGNORE INTO bodies (sha256, text) "
    "SELECT sha256(response), response FROM calls_v1 WHERE response IS NOT NULL",
    # Nothing was accepted under the first schema: its answers (broken ones
    # included) are kept in the log but answer nothing.
    "INSERT INTO calls (id, ts, cache_key, prompt_hash, model, url, via, status, error, "
    "request_sha256, response_sha256, prompt_tokens, completion_tokens, cost_usd, latency_s, "
    "attempt, cache_hit, accepted) SELECT id, ts, cache_key, prompt_hash, model, "
    "redact_url(url), via, status, error, sha256(request), sha256(response), prompt_tokens, "
    "completion_tokens, cost_usd, latency_s, attempt, cache_hit, 0 FROM calls_v1",
    "DROP TABLE calls_v1",
)


def sha256_text(text: str | None) -> str | None:
    """The SHA-256 of ``text`` (UTF-8), as a body is keyed in the log."""
    if text is None:
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def prepare(db: sqlite3.Connection, path: Path) -> None:
    """Create the tables, or migrate a version 1 log.

    Raises:
        CallLogError: The database holds a ``calls`` table no version of summarizer wrote.
        sqlite3.Error: The database cannot be read (damaged, not a database).
    """
    db.create_function("sha256", 1, sha256_text, deterministic=True)
    db.create_function("redact_url", 1, redact_url, deterministic=True)
    (version,) = db.execute("PRAGMA user_version").fetchone()
    columns = {row[1] for row in db.execute("PRAGMA table_info(calls)")}
    if version == SCHEMA_VERSION and _V2_COLUMNS <= columns:
        return
    if not columns:
        steps: tuple[str, ...] = _SCHEMA
    elif version == 0 and _V1_COLUMNS <= columns:
        steps = _MIGRATE_V1
    else:
        raise CallLogError(
            path,
            f"its table 'calls' is not one this version of summarizer wrote "
            f"(schema version {version})",
        )
    with transaction(db):
        for step in steps:
            db.execute(step)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    if steps is _MIGRATE_V1:
        # The old rows' pages (URLs with credentials in them, say) are gone from the file.
        db.execute("VACUUM")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (the connection is in autocommit mode otherwise)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # no transaction left to roll back: the original error says why
        raise
    db.execute("COMMIT")
