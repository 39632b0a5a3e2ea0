"""``brief --progress``: say on stderr how long the model has been working on a request.

A model can take a minute or more on one answer. While a request is out for
longer than ``NOTICE_AFTER`` seconds, ``summarizer: waiting for the model
(12 s)…`` appears on stderr: on a terminal one line updated in place and
cleared when the answer arrives, otherwise a line every ``every`` seconds.
Only network requests count: an answer from the call log is never waited for.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import httpx2

# Seconds a request is out before the first notice, and between polls of the clock.
NOTICE_AFTER = 5.0
POLL_EVERY = 0.25


class WaitNotice:
    """The notice: told when a request starts and ends, polled to print.

    Args:
        stream: Where to write (stderr).
        terminal: Update one line in place (a terminal) rather than print lines.
        after: Seconds before the first notice (default ``NOTICE_AFTER``).
        every: Seconds between printed lines when not on a terminal.
        clock: Monotonic seconds.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        terminal: bool,
        after: float | None = None,
        every: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.terminal = terminal
        self.after = NOTICE_AFTER if after is None else after
        self.every = every
        self.clock = clock
        self._lock = threading.Lock()
        self._since: float | None = None
        self._next = 0.0
        self._shown = ""

    def started(self) -> None:
        """A request went out."""
        with self._lock:
            self._since = self.clock()
            self._next = self.after

    def finished(self) -> None:
        """The request ended (answered or failed); clear a notice shown in place."""
        with self._lock:
            self._since = None
            if self.terminal and self._shown:
                self._write("\r\x1b[K")
            self._shown = ""

    def poll(self) -> None:
        """Print the notice if a request has been out long enough."""
        with self._lock:
            if self._since is None:
                return
            waited = self.clock() - self._since
            if waited < self._next:
                return
            text = f"summarizer: waiting for the model ({waited:.0f} s)…"
            if self.terminal:
                if text != self._shown:
                    self._write("\r" + text)
                    self._shown = text
                self._next = waited + 1.0 - waited % 1.0
            else:
                self._write(text + "\n")
                while self._next <= waited:
                    self._next += self.every

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    @contextmanager
    def running(self) -> Iterator[WaitNotice]:
        """Poll in a background thread for the duration of the block."""
        done = threading.Event()

        def loop() -> None:
            while not done.wait(POLL_EVERY):
                self.poll()

        thread = threading.Thread(target=loop, name="summarizer-waiting", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            done.set()
            thread.join()
            self.finished()


class NoticedTransport(httpx2.BaseTransport):
    """Tells a ``WaitNotice`` when each request starts and ends.

    Args:
        inner: The transport that answers (the caching transport).
        notice: The notice to tell.
    """

    def __init__(self, inner: httpx2.BaseTransport, notice: WaitNotice) -> None:
        self.inner = inner
        self.notice = notice

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request`` through the inner transport, the notice running meanwhile."""
        self.notice.started()
        try:
            return self.inner.handle_request(request)
        finally:
            self.notice.finished()

    def close(self) -> None:
        """Close the inner transport."""
        self.inner.close()
