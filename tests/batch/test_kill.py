"""A batch killed with SIGKILL and rerun ends with every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefings import GOOD
from summarizer.testing.loopback import LoopbackServer, Reply

from .helpers import write_manifest

COUNT = 40


def _batch(
    server: LoopbackServer, manifest: Path, out: Path, home: Path, *extra: str
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(home)
    args = [
        sys.executable,
        "-m",
        "summarizer",
        "batch",
        str(manifest),
        "--out",
        str(out),
        "--concurrency",
        "4",
        "--base-url",
        server.base_url,
        "--model",
        "loopback-model",
        "--no-progress",
        *extra,
    ]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_mid_batch_then_rerun_gives_every_id_exactly_once(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", COUNT)
    out = tmp_path / "out.jsonl"
    home = tmp_path / "data"
    # Slow answers, so the kill lands while requests are in flight and lines are being written.
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD, delay=0.15)) as slow:
        proc = _batch(slow, manifest, out, home)
        deadline = time.monotonic() + 60.0  # a loaded machine can take seconds to start it
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 6:
                break
            time.sleep(0.01)
        assert proc.poll() is None, proc.communicate()
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    written = out.read_bytes().count(b"\n")
    assert 6 <= written < COUNT

    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as fast:
        proc = _batch(fast, manifest, out, home)
        stdout, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr.decode()
        summary = json.loads(stdout)
        assert summary["skipped"] == written and summary["done"] == COUNT - written
        # Only the articles not yet written were asked for again (some may come from the
        # call log: answers that arrived just before the kill).
        assert len(fast.requests) + summary["cache_hits"] == COUNT - written

    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    lines = [json.loads(line) for line in raw.splitlines()]  # every line is whole JSON
    ids = [line["id"] for line in lines]
    assert sorted(ids) == sorted(f"a{i}" for i in range(COUNT))
    assert len(ids) == len(set(ids))
    assert {line["status"] for line in lines} == {"ok"}


def test_sigkill_while_a_batch_api_job_runs_then_rerun_collects_that_job(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.batch-jobs"
    home = tmp_path / "data"
    via = ["--via", "batch-api", "--poll-interval", "0.05"]
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        srv.batch_api.polls_before_done = 1_000_000  # in progress until released
        proc = _batch(srv, manifest, out, home, *via)
        deadline = time.monotonic() + 20.0
        while time.monotonic() < deadline and proc.poll() is None and not ledger.exists():
            time.sleep(0.01)
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)  # a few polls: the job is being waited on
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert srv.batch_api.created == 1
        assert not out.exists() or out.read_bytes() == b""

        srv.batch_api.release()
        proc = _batch(srv, manifest, out, home, *via)
        stdout, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr.decode()
        assert srv.batch_api.created == 1  # the job was collected, not bought twice
    assert json.loads(stdout)["done"] == 5
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert sorted(ids) == [f"a{i}" for i in range(5)]
    assert not ledger.exists()
