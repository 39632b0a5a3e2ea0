"""The call log and response cache: every model call in one SQLite table.

The log is filled at the HTTP-transport layer, under the openai SDK, the retry
policy and instructor, so it sees exactly what goes over the wire: every
attempt, every re-ask, every answer (see ``summarizer.llm.cachetransport``). A
``POST .../chat/completions`` whose URL and JSON body match an earlier call
answered 200 is answered from the table without touching the network; every
call, cached or not, is logged.

Headers are never stored, so neither is the API key; query strings are dropped
from the stored URL for the same reason. The database lives in the user's data
directory: ``$SUMMARIZER_HOME``, else ``$XDG_DATA_HOME/summarizer``, else
``~/.local/share/summarizer``, read from an environment mapping passed in.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx2

from summarizer.errors import ConfigurationError
from summarizer.llm.pricing import PriceTable
from summarizer.llm.prompts import messages_hash

DB_NAME = "calls.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    cache_key TEXT NOT NULL,
    prompt_hash TEXT,
    model TEXT,
    url TEXT NOT NULL,
    via TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    request TEXT NOT NULL,
    response TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    cost_usd REAL,
    latency_s REAL,
    attempt INTEGER NOT NULL,
    cache_hit INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_by_key ON calls (cache_key) WHERE status = 200;
"""
_SUMMARY_COLUMNS = (
    "id, ts, model, prompt_hash, url, via, status, error, prompt_tokens, completion_tokens, "
    "cost_usd, latency_s, attempt, cache_hit"
)


def data_dir(environ: Mapping[str, str]) -> Path:
    """The user's summarizer data directory (not created here).

    Args:
        environ: The environment to read, e.g. ``os.environ``.
    """
    if environ.get("SUMMARIZER_HOME"):
        return Path(environ["SUMMARIZER_HOME"]).expanduser()
    if environ.get("XDG_DATA_HOME"):
        return Path(environ["XDG_DATA_HOME"]).expanduser() / "summarizer"
    home = environ.get("HOME")
    base = Path(home) if home else Path.home()
    return base / ".local" / "share" / "summarizer"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _bare_url(url: httpx2.URL | str) -> str:
    # No query string: some gateways carry the key there (``?key=...``). The URL
    # is already normalised by httpx2; cutting the string is all that is needed.
    return str(url).split("#", 1)[0].split("?", 1)[0]


def canonical_body(body: Mapping[str, Any]) -> str:
    """A request body as stored and hashed: sorted keys, no spaces, text as is."""
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def cache_key(
    url: httpx2.URL | str, body: Mapping[str, Any], *, canonical: str | None = None
) -> str:
    """The identity of a chat request: endpoint URL and canonical JSON body.

    Args:
        url: The endpoint URL (its query string is not part of the identity).
        body: The JSON body.
        canonical: ``canonical_body(body)``, when the caller already has it.
    """
    text = canonical if canonical is not None else canonical_body(body)
    # The canonical JSON of {"url": ..., "body": ...}, written out without a second
    # pass over the body: keys sorted ("body" < "url"), no spaces.
    wrapped = '{"body":' + text + ',"url":' + json.dumps(_bare_url(url), ensure_ascii=False) + "}"
    return hashlib.sha256(wrapped.encode("utf-8")).hexdigest()


@dataclass
class Tally:
    """What the calls made through one ``CallLog`` cost in this process.

    Attributes:
        http_calls: Requests that went over the network.
        cache_hits: Requests answered from the table.
        prompt_tokens: Prompt tokens of the network calls.
        completion_tokens: Completion tokens of the network calls.
        cost_usd: What the network calls cost, for models with a known price.
    """

    http_calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


@dataclass(frozen=True)
class LoggedCall:
    """One row of the call log (``request``/``response`` only from ``CallLog.get``)."""

    id: int
    ts: str
    model: str | None
    prompt_hash: str | None
    url: str
    via: str
    status: int | None
    error: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    cost_usd: float | None
    latency_s: float | None
    attempt: int
    cache_hit: bool
    request: str | None = None
    response: str | None = None


class CallLog:
    """The SQLite call log and cache.

    Args:
        path: The database file; its folder is created.
        prices: Prices for the cost column.
        now: The clock for timestamps (timezone-aware UTC).
    """

    def __init__(
        self,
        path: Path,
        *,
        prices: PriceTable | None = None,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.path = path
        self.prices = prices or PriceTable()
        self.now = now
        self.tally = Tally()
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # One connection shared by the event loop and worker threads, guarded by the lock.
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigurationError(f"cannot open the call log {path}: {exc}") from exc
        try:
            # WAL: readers (``summarizer logs``) never block a running batch; NORMAL
            # sync is durable across a process kill, which is the crash that matters.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            self._db.close()
            raise ConfigurationError(f"cannot use the call log {path}: {exc}") from exc

    @classmethod
    def open(cls, environ: Mapping[str, str], **options: Any) -> CallLog:
        """Open the log in the user's data directory (see ``data_dir``)."""
        return cls(data_dir(environ) / DB_NAME, **options)

    def __enter__(self) -> CallLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def lookup(self, key: str) -> str | None:
        """The body of the latest 200 answer to the request ``key``, if any."""
        with self._lock:
            row = self._db.execute(
                "SELECT response FROM calls WHERE cache_key = ? AND status = 200 "
                "ORDER BY id DESC LIMIT 1",
                (key,),
            ).fetchone()
        return None if row is None else str(row[0])

    def record(
        self,
        *,
        key: str,
        url: str,
        request: Mapping[str, Any],
        status: int | None,
        response: str | None,
        latency_s: float | None,
        attempt: int,
        cache_hit: bool,
        error: str | None = None,
        via: str = "live",
        request_text: str | None = None,
    ) -> int:
        """Log one call and add it to the tally; return its row id.

        ``request_text`` is ``canonical_body(request)`` when the caller has it.
        """
        answer = json_object(response) if status == 200 else None
        usage = answer.get("usage") if answer else None
        prompt = _int(usage, "prompt_tokens")
        completion = _int(usage, "completion_tokens")
        model = request.get("model")
        model = str(model) if model is not None else None
        cost = None
        if not cache_hit and prompt is not None and completion is not None:
            cost = self.prices.cost(model, prompt, completion, batch=via == "batch-api")
        messages = request.get("messages")
        prompt_hash = messages_hash(messages) if isinstance(messages, list) else None
        row = (
            self.now().isoformat(),
            key,
            prompt_hash,
            model,
            _bare_url(url),
            via,
            status,
            error,
            request_text if request_text is not None else canonical_body(request),
            response,
            prompt,
            completion,
            cost,
            latency_s,
            attempt,
            int(cache_hit),
        )
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO calls (ts, cache_key, prompt_hash, model, url, via, status, error, "
                "request, response, prompt_tokens, completion_tokens, cost_usd, latency_s, "
                "attempt, cache_hit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            if cache_hit:
                self.tally.cache_hits += 1
            else:
                self.tally.http_calls += via == "live"
                self.tally.prompt_tokens += prompt or 0
                self.tally.completion_tokens += completion or 0
                self.tally.cost_usd += cost or 0.0
        return int(cursor.lastrowid or 0)

    def calls(
        self, query: str | None = None, *, model: str | None = None, limit: int = 50
    ) -> list[LoggedCall]:
        """The latest calls, newest first.

        Args:
            query: Text to find in the request, the response or the prompt hash.
            model: Only calls to this model.
            limit: At most this many rows.
        """
        where, params = [], []
        if query:
            where.append("(request LIKE ? OR response LIKE ? OR prompt_hash LIKE ?)")
            params += [f"%{query}%"] * 3
        if model:
            where.append("model = ?")
            params.append(model)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM calls {clause} ORDER BY id DESC LIMIT ?"
        with self._lock:
            rows = self._db.execute(sql, (*params, limit)).fetchall()
        return [_logged(row) for row in rows]

    def get(self, call_id: int) -> LoggedCall | None:
        """One call with its request and response bodies."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_SUMMARY_COLUMNS}, request, response FROM calls WHERE id = ?",
                (call_id,),
            ).fetchone()
        return None if row is None else _logged(row)


def _logged(row: tuple[Any, ...]) -> LoggedCall:
    head = list(row[:14])
    head[13] = bool(head[13])
    return LoggedCall(*head, *row[14:])


def json_object(text: str | None) -> dict[str, Any] | None:
    """``text`` parsed, when it is a JSON object; else None."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _int(mapping: Any, key: str) -> int | None:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return value if isinstance(value, int) else None
