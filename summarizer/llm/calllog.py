"""The call log and response cache: every model call in one SQLite database.

The log is filled at the HTTP-transport layer, under the openai SDK, the retry
policy and instructor, so it sees exactly what goes over the wire: every
attempt, every re-ask, every answer (see ``summarizer.llm.cachetransport``).

Only an answer that produced an accepted briefing answers a later request: a
call is logged as it happens, and marked *accepted* (``accept``) once the
briefing it produced passed every check. A ``POST .../chat/completions`` whose
URL and JSON body match an accepted call is answered from the log without
touching the network; a 200 that was not JSON, was cut off, refused, or failed
validation is logged but never served again.

Each distinct request and response body is stored once (table ``bodies``,
keyed by its SHA-256), however many attempts, re-asks and cache hits refer to it.

Headers are never stored, so neither is the API key; query strings and user
information (``http://user:KEY@host``) are dropped from the stored URL for the
same reason. The database lives in the user's data directory:
``$SUMMARIZER_HOME``, else ``$XDG_DATA_HOME/summarizer``, else
``~/.local/share/summarizer``, read from an environment mapping passed in. A
database that cannot be opened or used raises ``CallLogError`` naming the file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx2

from summarizer.config import redact_url
from summarizer.errors import CallLogError
from summarizer.llm.logschema import prepare, sha256_text, transaction
from summarizer.llm.pricing import PriceTable
from summarizer.llm.prompts import messages_hash

DB_NAME = "calls.db"
_SUMMARY_COLUMNS = (
    "c.id, c.ts, c.model, c.prompt_hash, c.url, c.via, c.status, c.error, c.prompt_tokens, "
    "c.completion_tokens, c.cost_usd, c.latency_s, c.attempt, c.cache_hit, c.accepted"
)
_WITH_BODIES = (
    "FROM calls c JOIN bodies rq ON rq.sha256 = c.request_sha256 "
    "LEFT JOIN bodies rs ON rs.sha256 = c.response_sha256"
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
    # No query string and no user information: some gateways carry the key there
    # (``?key=...``, ``http://user:KEY@host``). The URL is already normalised by
    # httpx2; cutting the string is all that is needed.
    return redact_url(str(url).split("#", 1)[0].split("?", 1)[0])


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
    """One row of the call log (``request``/``response`` only from ``CallLog.get``).

    ``accepted`` says the answer produced a briefing that passed every check; only
    such an answer is served from the cache.
    """

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
    accepted: bool
    request: str | None = None
    response: str | None = None


def _problem(exc: sqlite3.Error | OSError) -> str:
    """What is wrong with the database, in words a user can act on."""
    text = str(getattr(exc, "strerror", None) or exc)
    lowered = text.lower()
    if "not a database" in lowered:
        return "it is not an SQLite database"
    if "malformed" in lowered or "corrupt" in lowered:
        return f"it is damaged ({text})"
    if "readonly" in lowered or "read-only" in lowered:
        return f"it cannot be written ({text})"
    if "unable to open" in lowered:
        return f"it cannot be opened as a file ({text}); is it a folder, or not yours?"
    return text


class CallLog:
    """The SQLite call log and cache.

    Args:
        path: The database file; its folder is created.
        prices: Prices for the cost column.
        now: The clock for timestamps (timezone-aware UTC).

    Raises:
        CallLogError: The file cannot be opened, is not a call log, or is damaged.
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
            raise CallLogError(path, _problem(exc)) from exc
        try:
            # WAL: readers (``summarizer logs``) never block a running batch; NORMAL
            # sync is durable across a process kill, which is the crash that matters.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            prepare(self._db, path)
        except sqlite3.Error as exc:
            self._db.close()
            raise CallLogError(path, _problem(exc)) from exc
        except CallLogError:
            self._db.close()
            raise

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; any database failure as a ``CallLogError``."""
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise CallLogError(self.path, _problem(exc)) from exc

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
        """The body of the latest accepted answer to the request ``key``, if any."""
        with self._using() as db:
            row = db.execute(
                "SELECT b.text FROM calls c JOIN bodies b ON b.sha256 = c.response_sha256 "
                "WHERE c.cache_key = ? AND c.accepted = 1 AND c.status = 200 "
                "ORDER BY c.id DESC LIMIT 1",
                (key,),
            ).fetchone()
        return None if row is None else str(row[0])

    def accept(self, call_id: int) -> None:
        """Mark the answer of call ``call_id`` as one that produced an accepted briefing."""
        with self._using() as db:
            db.execute("UPDATE calls SET accepted = 1 WHERE id = ? AND status = 200", (call_id,))

    def accept_latest(self, *keys: str) -> None:
        """Mark the latest answer to each request of ``keys`` accepted (Batch API answers)."""
        with self._using() as db:
            db.executemany(
                "UPDATE calls SET accepted = 1 WHERE id = (SELECT max(id) FROM calls "
                "WHERE cache_key = ? AND status = 200 AND cache_hit = 0)",
                [(key,) for key in keys],
            )

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
        A body already in the log (a retry, a cache hit) is not stored again.
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
        request_text = request_text if request_text is not None else canonical_body(request)
        request_sha, response_sha = sha256_text(request_text), sha256_text(response)
        row = (
            self.now().isoformat(),
            key,
            prompt_hash,
            model,
            _bare_url(url),
            via,
            status,
            error,
            request_sha,
            response_sha,
            prompt,
            completion,
            cost,
            latency_s,
            attempt,
            int(cache_hit),
        )
        with self._using() as db, transaction(db):
            for sha, text in ((request_sha, request_text), (response_sha, response)):
                if sha is not None:
                    db.execute(
                        "INSERT OR IGNORE INTO bodies (sha256, text) VALUES (?, ?)", (sha, text)
                    )
            cursor = db.execute(
                "INSERT INTO calls (ts, cache_key, prompt_hash, model, url, via, status, error, "
                "request_sha256, response_sha256, prompt_tokens, completion_tokens, cost_usd, "
                "latency_s, attempt, cache_hit) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            where.append("(rq.text LIKE ? OR rs.text LIKE ? OR c.prompt_hash LIKE ?)")
            params += [f"%{query}%"] * 3
        if model:
            where.append("c.model = ?")
            params.append(model)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        sql = f"SELECT {_SUMMARY_COLUMNS} {_WITH_BODIES} {clause} ORDER BY c.id DESC LIMIT ?"
        with self._using() as db:
            rows = db.execute(sql, (*params, limit)).fetchall()
        return [_logged(row) for row in rows]

    def get(self, call_id: int) -> LoggedCall | None:
        """One call with its request and response bodies."""
        with self._using() as db:
            row = db.execute(
                f"SELECT {_SUMMARY_COLUMNS}, rq.text, rs.text {_WITH_BODIES} WHERE c.id = ?",
                (call_id,),
            ).fetchone()
        return None if row is None else _logged(row)


def _logged(row: tuple[Any, ...]) -> LoggedCall:
    head = list(row[:15])
    head[13], head[14] = bool(head[13]), bool(head[14])
    return LoggedCall(*head, *row[15:])


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
