"""Serving the app with uvicorn, and stopping it gracefully.

On SIGTERM (or Ctrl-C) the app first *drains*: it answers new requests 503 with
``Retry-After`` (``/readyz`` turns 503, so a load balancer stops sending),
requests in flight finish, and once none is left, or the grace period is over,
the signal goes on to uvicorn, which shuts down. A second signal stops at once.
The app installs this itself when it starts in a process's main thread, so it
holds under ``summarizer serve`` and under a plain ``uvicorn --factory`` alike.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from summarizer.server.state import ServiceState

# How often the drain watcher looks at the requests in flight.
_DRAIN_TICK_S = 0.05
_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def install_drain(state: ServiceState) -> Callable[[], None]:
    """Put draining in front of the server's own SIGTERM and SIGINT handlers.

    Returns:
        A function that puts the previous handlers back.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.getsignal(sig) for sig in _SIGNALS}

    def pass_on(sig: int, frame: FrameType | None) -> None:
        handler = previous[signal.Signals(sig)]
        if callable(handler):
            handler(sig, frame)
        elif handler == signal.SIG_DFL:
            if sig == signal.SIGINT:
                signal.default_int_handler(sig, frame)
            _exit(sig)

    def drain_then_stop(sig: int, frame: FrameType | None) -> None:
        if state.draining.is_set():
            # A second signal: no more waiting (uvicorn forces on a repeated SIGINT).
            pass_on(signal.SIGINT, frame)
            pass_on(signal.SIGINT, frame)
            return
        state.draining.set()
        deadline = time.monotonic() + state.config.grace_s

        def wait() -> None:
            while state.in_flight > 0 and time.monotonic() < deadline:
                time.sleep(_DRAIN_TICK_S)
            # Still busy at the deadline: uvicorn's own short graceful timeout ends it.
            pass_on(sig, frame)

        threading.Thread(target=wait, name="summarizer-drain", daemon=True).start()

    for sig in _SIGNALS:
        signal.signal(sig, drain_then_stop)

    def restore() -> None:
        if threading.current_thread() is threading.main_thread():
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    return restore


def _exit(sig: int) -> None:
    raise SystemExit(128 + sig)


def serve(
    app: Any,
    *,
    host: str,
    port: int,
    workers: int,
    grace_s: float,
    log_level: str = "info",
) -> None:
    """Serve ``app`` (an app, or a factory's import string when ``workers`` > 1)."""
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        workers=workers,
        factory=isinstance(app, str),
        log_level=log_level,
        # The drain has already waited out the grace period.
        timeout_graceful_shutdown=1,
        server_header=False,
        proxy_headers=False,
    )
