"""A raw HTTP server on 127.0.0.1 for the faults the loopback server cannot script.

Each connection is handed to a function that writes whatever bytes it likes:
a response trickled a byte at a time, a body of any size without a
``Content-Length``. The function should give up once ``stopping`` is set.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from types import TracebackType

Handler = Callable[[socket.socket, threading.Event], None]


def read_request(conn: socket.socket) -> bytes:
    """Read one request's head and its ``Content-Length`` body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class RawServer:
    """Serve every connection with ``handler`` until closed.

    Attributes:
        base_url: ``http://127.0.0.1:PORT/v1``.
        connections: How many connections were accepted.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.stopping = threading.Event()
        self.connections = 0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self.base_url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                self.handler(conn, self.stopping)
            except OSError:
                pass  # the client went away

    def __enter__(self) -> RawServer:
        self._accepting.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._accepting.join()
        self._sock.close()
        for thread in self._threads:
            thread.join(timeout=5)


def trickle(data: bytes, every: float) -> Handler:
    """A handler that reads the request, then sends ``data`` one byte every ``every`` s."""

    def handle(conn: socket.socket, stopping: threading.Event) -> None:
        read_request(conn)
        for byte in data:
            if stopping.wait(every):
                return
            conn.sendall(bytes([byte]))

    return handle


def chunked(total: int, piece: bytes = b"x" * 65536) -> Handler:
    """A handler that answers 200 with ``total`` bytes of JSON-ish body, chunked, no length."""

    def handle(conn: socket.socket, stopping: threading.Event) -> None:
        read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        sent = 0
        while sent < total and not stopping.is_set():
            conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += len(piece)
        conn.sendall(b"0\r\n\r\n")

    return handle
