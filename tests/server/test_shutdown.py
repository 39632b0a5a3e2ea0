"""SIGTERM under load: in-flight requests finish, new ones get 503, the process exits in time."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import httpx
from batch.helpers import article

from briefings import GOOD
from summarizer.server.storage import DB_NAME
from summarizer.testing.loopback import LoopbackServer, Reply

from .helpers import served

GRACE = 10.0
IN_FLIGHT = 3


def test_sigterm_drains_in_flight_briefings_refuses_new_ones_and_exits_in_time(
    tmp_path: Path,
) -> None:
    home = tmp_path / "data"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD, delay=1.5)) as model:
        args = (
            "--no-auth",
            "--base-url",
            model.base_url,
            "--model",
            "loopback-model",
            "--grace",
            str(GRACE),
        )
        with served(home, *args) as (base, proc):
            answers: dict[int, httpx.Response] = {}

            def brief(i: int) -> None:
                answers[i] = httpx.post(
                    base + "/v1/briefings", json={"text": article(i)}, timeout=30
                )

            threads = [threading.Thread(target=brief, args=(i,)) for i in range(IN_FLIGHT)]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 10
            while len(model.requests) < IN_FLIGHT and time.monotonic() < deadline:
                time.sleep(0.01)
            assert len(model.requests) == IN_FLIGHT  # all three are waiting on the model

            os.kill(proc.pid, signal.SIGTERM)
            sent = time.monotonic()
            time.sleep(0.1)
            late = httpx.post(base + "/v1/briefings", json={"text": article(99)}, timeout=5)
            ready = httpx.get(base + "/readyz", timeout=5)
            for thread in threads:
                thread.join(30)
            proc.wait(GRACE + 5)
            took = time.monotonic() - sent
            _, stderr = proc.communicate()

    assert late.status_code == 503 and late.headers["retry-after"]
    assert late.json()["error_type"] == "ShuttingDown"
    assert ready.status_code == 503
    assert sorted(answers) == list(range(IN_FLIGHT))
    assert [answers[i].status_code for i in range(IN_FLIGHT)] == [201] * IN_FLIGHT
    assert took < GRACE
    assert proc.returncode in (0, -signal.SIGTERM), stderr.decode()
    assert b"Traceback" not in stderr
    assert b"serving WITHOUT API keys (--no-auth)" in stderr

    # Nothing torn: the database is whole and holds the three briefings made.
    db = sqlite3.connect(home / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM briefings").fetchone()[0] == IN_FLIGHT
    ids = {answers[i].headers["location"].rsplit("/", 1)[1] for i in range(IN_FLIGHT)}
    assert {row[0] for row in db.execute("SELECT id FROM briefings")} == ids


def test_a_request_that_outlasts_the_grace_period_does_not_hold_the_exit(tmp_path: Path) -> None:
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD, delay=20)) as model:
        args = (
            "--no-auth",
            "--base-url",
            model.base_url,
            "--model",
            "loopback-model",
            "--grace",
            "1",
        )
        with served(tmp_path / "data", *args) as (base, proc):
            outcome: list[object] = []

            def brief() -> None:
                try:
                    outcome.append(
                        httpx.post(base + "/v1/briefings", json={"text": article(1)}, timeout=30)
                    )
                except httpx.HTTPError as exc:  # the server stopped without answering
                    outcome.append(exc)

            thread = threading.Thread(target=brief, daemon=True)
            thread.start()
            deadline = time.monotonic() + 10
            while not model.requests and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGTERM)
            sent = time.monotonic()
            proc.wait(10)
            assert time.monotonic() - sent < 5
            thread.join(10)
            assert outcome and not isinstance(outcome[0], httpx.Response)
