"""A scriptable OpenAI-compatible HTTP server on 127.0.0.1, for tests and cassette recording.

Tests point the real ``openai`` client at :attr:`LoopbackServer.base_url`, so the whole stack
(openai SDK, instructor, our code) runs without the internet or an API key. Each
``POST /v1/chat/completions`` takes the next scripted :class:`Reply`: an answer in tool-call,
content or markdown form, a refusal, empty choices, an HTTP error, a raw body, a connection
reset or a stall. Output is deterministic: the same script gives byte-identical responses.
Connections are kept alive between requests, as real endpoints keep them.
``/v1/files`` and ``/v1/batches`` run OpenAI's Batch API over the same replies (see
``summarizer.testing.loopback_batch``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import http
import json
import socket
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from summarizer.testing.loopback_batch import BatchAPI

__all__ = ["LoopbackServer", "RecordedRequest", "Reply"]

Form = Literal["auto", "tool", "content", "markdown"]
_Kind = Literal["answer", "refusal", "empty", "error", "raw", "reset"]

_CREATED = 1_700_000_000  # fixed, so responses are deterministic
_NO_REPLY = "loopback: no scripted reply left"
_ERROR_TYPES = {
    400: ("invalid_request_error", "invalid_request"),
    401: ("authentication_error", "invalid_api_key"),
    403: ("permission_error", "permission_denied"),
    404: ("invalid_request_error", "not_found"),
    429: ("rate_limit_error", "rate_limit_exceeded"),
}


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received.

    Attributes:
        method: HTTP method.
        path: Request path, including any query string.
        headers: Request headers; names lower-cased, repeated headers joined with ", ".
        body: The parsed JSON body, or None when the body is empty or not JSON.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


@dataclass(frozen=True)
class Reply:
    """One scripted answer. Build with the classmethods, not the constructor."""

    kind: _Kind
    payload: str = ""
    form: Form = "auto"
    finish_reason: str = "stop"
    usage: tuple[int, int] = (100, 50)
    model: str | None = None
    delay: float = 0.0
    status: int = 200
    text: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def answer(
        cls,
        payload: Mapping[str, Any] | str,
        *,
        form: Form = "auto",
        finish_reason: str = "stop",
        usage: tuple[int, int] = (100, 50),
        model: str | None = None,
        delay: float = 0.0,
    ) -> Reply:
        """A ``chat.completion`` carrying ``payload``.

        Args:
            payload: A mapping, sent as ``json.dumps(payload)``, or a string sent as-is (so
                tests can send truncated or broken JSON).
            form: ``"tool"``: one tool call (id ``call_0``) with the payload as arguments, named
                after ``tool_choice``'s function, else the first tool, else ``"respond"``.
                ``"content"``: the payload as message content. ``"markdown"``: the payload in
                a fenced ``json`` block. ``"auto"``: tool form if the request has ``tools``
                (and ``tool_choice`` is not ``"none"``), else content.
            finish_reason: Reported as is, except ``"stop"`` becomes ``"tool_calls"`` in tool form.
            usage: ``(prompt_tokens, completion_tokens)``; the total is computed.
            model: The model reported; defaults to the request's model.
            delay: Seconds to wait before answering.
        """
        text = payload if isinstance(payload, str) else json.dumps(payload)
        return cls("answer", text, form, finish_reason, usage, model, delay)

    @classmethod
    def refusal(cls, text: str = "I can't help with that.") -> Reply:
        """A completion whose message has no content and ``refusal`` set to ``text``."""
        return cls("refusal", text=text)

    @classmethod
    def empty_choices(cls) -> Reply:
        """A 200 completion with ``"choices": []``."""
        return cls("empty")

    @classmethod
    def error(
        cls, status: int, *, message: str | None = None, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """An OpenAI-style error ``{"error": {"message", "type", "param", "code"}}``.

        ``message`` defaults to ``"loopback: HTTP <status> <phrase>"``; ``headers`` are extra
        response headers, e.g. ``{"Retry-After": "2"}`` or ``{"retry-after-ms": "150"}``.
        """
        if message is None:
            message = f"loopback: HTTP {status} {_phrase(status)}".rstrip()
        return cls("error", status=status, text=message, headers=tuple((headers or {}).items()))

    @classmethod
    def raw(
        cls, body: bytes | str, *, status: int = 200, content_type: str = "text/plain"
    ) -> Reply:
        """An arbitrary body (e.g. non-JSON) with the given status and content type."""
        data = body.encode() if isinstance(body, str) else body
        return cls("raw", status=status, body=data, content_type=content_type)

    @classmethod
    def reset(cls) -> Reply:
        """Read the request, then reset the connection without any response."""
        return cls("reset")

    @classmethod
    def stall(cls, seconds: float, *, then: Reply | None = None) -> Reply:
        """Wait ``seconds`` (pair with a shorter client timeout), then send ``then``.

        ``then`` defaults to ``Reply.answer({})``. :meth:`LoopbackServer.stop` cuts the wait
        short and drops the connection without an answer.
        """
        return dataclasses.replace(then or cls.answer({}), delay=seconds)


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def _error_body(status: int, message: str) -> bytes:
    etype, code = _ERROR_TYPES.get(status, ("server_error" if status >= 500 else "api_error", None))
    return _dumps({"error": {"message": message, "type": etype, "param": None, "code": code}})


def _tool_name(body: Mapping[str, Any]) -> str:
    choice = body.get("tool_choice")
    if isinstance(choice, Mapping):
        name = (choice.get("function") or {}).get("name")
        if isinstance(name, str):
            return name
    for tool in body.get("tools") or []:
        name = (tool.get("function") or {}).get("name") if isinstance(tool, Mapping) else None
        if isinstance(name, str):
            return name
    return "respond"


def _completion(reply: Reply, request: Mapping[str, Any], default_model: str) -> bytes:
    """Render a ``chat.completion`` body for an answer, refusal or empty-choices reply."""
    requested = request.get("model")
    model = reply.model or (requested if isinstance(requested, str) else default_model)
    finish = reply.finish_reason
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
    if reply.kind == "refusal":
        message["refusal"] = reply.text
    elif reply.kind == "answer":
        form = reply.form
        if form == "auto":
            wants_tool = bool(request.get("tools")) and request.get("tool_choice") != "none"
            form = "tool" if wants_tool else "content"
        if form == "tool":
            call = {"name": _tool_name(request), "arguments": reply.payload}
            message["tool_calls"] = [{"id": "call_0", "type": "function", "function": call}]
            finish = "tool_calls" if finish == "stop" else finish
        elif form == "markdown":
            message["content"] = "```json\n" + reply.payload + "\n```"
        else:
            message["content"] = reply.payload
    choices = (
        []
        if reply.kind == "empty"
        else [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}]
    )
    prompt, completion = reply.usage
    usage = {"prompt_tokens": prompt, "completion_tokens": completion}
    usage["total_tokens"] = prompt + completion
    digest = hashlib.sha256(_dumps([model, choices])).hexdigest()[:24]  # stable id per content
    head = {"id": f"chatcmpl-loopback{digest}", "object": "chat.completion", "created": _CREATED}
    return _dumps({**head, "model": model, "choices": choices, "usage": usage})


class _Server(ThreadingHTTPServer):
    """The HTTP server; handler threads are joined on close (they exit promptly on stop)."""

    daemon_threads = False
    block_on_close = True
    # Room for a batch's worth of simultaneous connects (the default, 5, drops SYNs
    # under concurrency 50 and the client waits a second to retransmit).
    request_queue_size = 256
    owner: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that went away; report anything else."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; on a kept-alive connection Nagle's
    # algorithm would hold the body until the client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    server_version = "loopback"
    timeout = 30.0
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silence request logging."""

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        body = parsed if isinstance(parsed, dict) else None
        request = RecordedRequest(self.command, self.path, headers, body)
        owner = self.server.owner
        owner._record(request)
        route = self.path.split("?", 1)[0].rstrip("/")
        if self.command == "POST" and route == "/v1/chat/completions":
            self._reply(owner._next_reply(request), body or {})
        elif route.startswith(("/v1/files", "/v1/batches")):
            ctype = self.headers.get("Content-Type") or ""
            status, payload, kind = owner.batch_api.handle(self.command, route, ctype, raw)
            self._send(status, payload, content_type=kind)
        elif self.command == "GET" and route == "/v1/models":
            data = [
                {"id": m, "object": "model", "created": _CREATED, "owned_by": "loopback"}
                for m in owner.models
            ]
            self._send(200, _dumps({"object": "list", "data": data}))
        else:
            message = f"loopback: no route for {self.command} {self.path}"
            self._send(404, _error_body(404, message))

    def _reply(self, reply: Reply, request: Mapping[str, Any]) -> None:
        if reply.delay > 0 and self.server.owner._stopping.wait(reply.delay):
            return  # shutting down: drop the connection without an answer
        if reply.kind == "reset":
            linger = struct.pack("ii", 1, 0)  # close with RST instead of FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            self.connection.shutdown(socket.SHUT_RDWR)
        elif reply.kind == "error":
            self._send(reply.status, _error_body(reply.status, reply.text), reply.headers)
        elif reply.kind == "raw":
            self._send(reply.status, reply.body, content_type=reply.content_type)
        else:
            self._send(200, _completion(reply, request, self.server.owner.models[0]))

    def _send(
        self,
        status: int,
        body: bytes,
        headers: Sequence[tuple[str, str]] = (),
        content_type: str = "application/json",
    ) -> None:
        self.send_response_only(status)  # no Date/Server headers: keeps output deterministic
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class LoopbackServer:
    """OpenAI-compatible server on 127.0.0.1 (random free port), serving scripted replies in order.

    Attributes:
        models: Model ids listed by ``GET /v1/models``; the first is the default model.
        fallback: Called for a chat completion when the script is used up; without it the
            server answers 500 ``"loopback: no scripted reply left"``.
        requests: Every request received, in order.
        batch_api: The ``/v1/files`` and ``/v1/batches`` state; its request lines take
            replies from the same script.
        base_url: ``"http://127.0.0.1:PORT/v1"``, valid after :meth:`start`.
    """

    def __init__(
        self,
        *,
        models: Sequence[str] = ("loopback-model",),
        fallback: Callable[[RecordedRequest], Reply] | None = None,
    ) -> None:
        if not models:
            raise ValueError("models must not be empty")
        self.models: tuple[str, ...] = tuple(models)
        self.fallback = fallback
        self.requests: list[RecordedRequest] = []
        self.base_url = ""
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.batch_api = BatchAPI(self._batch_answer)

    def script(self, *replies: Reply) -> None:
        """Append replies to the queue."""
        with self._lock:
            self._queue.extend(replies)

    @property
    def pending(self) -> int:
        """Scripted replies not yet used."""
        with self._lock:
            return len(self._queue)

    def start(self) -> None:
        """Bind a free port on 127.0.0.1 and serve in a background thread."""
        if self._server is not None:
            raise RuntimeError("loopback server already started")
        self._stopping.clear()
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        self._server = server
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="loopback"
        )
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, interrupt stalls and open connections, and free the port."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()
        server.shutdown()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        server.server_close()  # joins handler threads
        thread.join()
        self._server = self._thread = None

    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if not add:
                self._connections.discard(conn)
            elif self._stopping.is_set():  # accepted just before stop(): don't let it linger
                conn.shutdown(socket.SHUT_RDWR)
            else:
                self._connections.add(conn)

    def _batch_answer(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Batch API request line as a live call would (delays do not apply)."""
        reply = self._next_reply(RecordedRequest("POST", "/v1/chat/completions", {}, body))
        if reply.kind in ("answer", "refusal", "empty"):
            return 200, json.loads(_completion(reply, body, self.models[0]))
        if reply.kind == "error":
            return reply.status, json.loads(_error_body(reply.status, reply.text))
        if reply.kind == "raw":
            return reply.status, {"raw": reply.body.decode("utf-8", "replace")}
        return 500, json.loads(_error_body(500, "loopback: connection reset"))

    def _next_reply(self, request: RecordedRequest) -> Reply:
        with self._lock:
            reply = self._queue.popleft() if self._queue else None
        if reply is not None:
            return reply
        if self.fallback is None:
            return Reply.error(500, message=_NO_REPLY)
        try:
            return self.fallback(request)
        except Exception as exc:  # a broken fallback should fail the test loudly, not hang it
            return Reply.error(500, message=f"loopback: fallback raised {exc!r}")
