"""The call log and response cache: every model call in one SQLite table.

It sits at the HTTP-transport layer, under the openai SDK, the retry policy and
instructor, so it sees exactly what goes over the wire: every attempt, every
re-ask, every answer. ``CachingTransport`` and ``AsyncCachingTransport`` wrap a
real ``httpx2`` transport; pass them to ``Summarizer`` through
``httpx2.Client(transport=...)``. A ``POST .../chat/completions`` whose URL and
JSON body match an earlier call answered 200 is answered from the table without
touching the network; every call, cached or not, is logged.

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
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx2

from summarizer.errors import ConfigurationError
from summarizer.pricing import PriceTable
from summarizer.prompts import messages_hash

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
        answer = _json_object(response) if status == 200 else None
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


def _json_object(text: str | None) -> dict[str, Any] | None:
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


@dataclass(frozen=True)
class _Chat:
    """A chat request on its way through a caching transport."""

    key: str
    body: dict[str, Any]
    text: str  # canonical_body(body)


class _Exchange:
    """The transport-independent half of the caching transports."""

    def __init__(self, log: CallLog, use_cache: bool) -> None:
        self.log = log
        self.use_cache = use_cache
        # Failed sends per request, so a retried request is logged as attempt 2, 3, ...
        self._failures: dict[str, int] = {}

    def lookup(self, request: httpx2.Request) -> _Chat | httpx2.Response | None:
        """What to do with a read request, the same for both transports.

        Returns:
            None to pass it through untouched (not a chat call), the cached
            response to answer with, or the chat request to send and log.
        """
        body = self.chat_body(request)
        if body is None:
            return None
        text = canonical_body(body)
        chat = _Chat(cache_key(request.url, body, canonical=text), body, text)
        try:
            return self.cached(request, chat)
        except LookupError:
            return chat

    def chat_body(self, request: httpx2.Request) -> dict[str, Any] | None:
        if request.method != "POST" or not request.url.path.endswith("/chat/completions"):
            return None
        return _json_object(request.content.decode("utf-8", "replace"))

    def cached(self, request: httpx2.Request, chat: _Chat) -> httpx2.Response:
        answer = self.log.lookup(chat.key) if self.use_cache else None
        if answer is None:
            raise LookupError(chat.key)
        self.log.record(
            key=chat.key,
            url=str(request.url),
            request=chat.body,
            request_text=chat.text,
            status=200,
            response=answer,
            latency_s=0.0,
            attempt=1,
            cache_hit=True,
        )
        headers = {"content-type": "application/json", "x-summarizer-cache": "hit"}
        return httpx2.Response(200, headers=headers, content=answer.encode(), request=request)

    def logged(
        self,
        request: httpx2.Request,
        chat: _Chat,
        response: httpx2.Response | None,
        latency: float,
        error: BaseException | None = None,
    ) -> None:
        attempt = self._failures.pop(chat.key, 0) + 1
        if response is None or response.status_code != 200:
            self._failures[chat.key] = attempt
        # A server may echo the key back in an error ("Incorrect API key provided:
        # sk-..."); the log keeps what was said, without the key.
        secrets = _credentials(request)
        self.log.record(
            key=chat.key,
            url=str(request.url),
            request=chat.body,
            request_text=chat.text,
            status=None if response is None else response.status_code,
            response=None if response is None else _scrubbed(response.text, secrets),
            latency_s=round(latency, 6),
            attempt=attempt,
            cache_hit=False,
            error=None if error is None else _scrubbed(f"{type(error).__name__}: {error}", secrets),
        )


def _credentials(request: httpx2.Request) -> list[str]:
    """The secrets a request carries in its headers (bearer token, api-key)."""
    found = []
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        found.append(auth[7:].strip())
    found.append(request.headers.get("api-key", "").strip())
    return [secret for secret in found if len(secret) >= 8]


def _scrubbed(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return text


class CachingTransport(httpx2.BaseTransport):
    """A sync transport that answers repeated chat requests from the log and logs every call.

    Args:
        inner: The transport that really sends (``httpx2.HTTPTransport()``).
        log: The call log.
        use_cache: False logs every call but never answers from the log (``--no-cache``).
        clock: Monotonic seconds, for latency.
    """

    def __init__(
        self,
        inner: httpx2.BaseTransport,
        log: CallLog,
        *,
        use_cache: bool = True,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.inner = inner
        self.clock = clock
        self._exchange = _Exchange(log, use_cache)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Answer from the cache, or send, read and log."""
        request.read()
        found = self._exchange.lookup(request)
        if found is None:
            return self.inner.handle_request(request)
        if isinstance(found, httpx2.Response):
            return found
        chat = found
        started = self.clock()
        try:
            response = self.inner.handle_request(request)
            response.read()
        except Exception as exc:
            self._exchange.logged(request, chat, None, self.clock() - started, exc)
            raise
        self._exchange.logged(request, chat, response, self.clock() - started)
        return response

    def close(self) -> None:
        """Close the inner transport (the log belongs to the caller)."""
        self.inner.close()


class AsyncCachingTransport(httpx2.AsyncBaseTransport):
    """Async twin of ``CachingTransport``."""

    def __init__(
        self,
        inner: httpx2.AsyncBaseTransport,
        log: CallLog,
        *,
        use_cache: bool = True,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.inner = inner
        self.clock = clock
        self._exchange = _Exchange(log, use_cache)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Answer from the cache, or send, read and log."""
        await request.aread()
        found = self._exchange.lookup(request)
        if found is None:
            return await self.inner.handle_async_request(request)
        if isinstance(found, httpx2.Response):
            return found
        chat = found
        started = self.clock()
        try:
            response = await self.inner.handle_async_request(request)
            await response.aread()
        except Exception as exc:
            self._exchange.logged(request, chat, None, self.clock() - started, exc)
            raise
        self._exchange.logged(request, chat, response, self.clock() - started)
        return response

    async def aclose(self) -> None:
        """Close the inner transport (the log belongs to the caller)."""
        await self.inner.aclose()
