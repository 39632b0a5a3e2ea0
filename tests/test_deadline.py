"""Every model request has a total deadline, however slowly the server sends.

``--timeout`` bounds one whole HTTP request, from connecting to the last byte of
the answer, not each socket read: a server that sends a byte a second cannot
hold ``brief``, ``batch`` or ``doctor`` forever. These tests wait for real
(under a second per attempt); the retry waits between attempts are faked. The
trickling answers would take a minute and more to arrive; the bounds below are
far under that and generous over the deadlines, for a loaded machine.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from briefings import ARTICLE, GOOD
from rawserver import RawServer, read_request, trickle
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.errors import TransportError
from summarizer.llm.retry import RetryPolicy

_BODY = json.dumps(
    {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps(GOOD)},
                "finish_reason": "stop",
            }
        ],
    }
).encode()
_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(
    _BODY
)
_MODELS = json.dumps({"object": "list", "data": [{"id": "m", "object": "model"}]}).encode()


def _slow_body() -> RawServer:
    """Headers at once, then the body a byte every 50 ms (a minute and more in all)."""

    def handle(conn: socket.socket, stopping: threading.Event) -> None:
        read_request(conn)
        conn.sendall(_HEAD)
        for byte in _BODY:
            if stopping.wait(0.05):
                return
            conn.sendall(bytes([byte]))

    return RawServer(handle)


def _slow_head() -> RawServer:
    """Even the status line comes a byte every 50 ms."""
    return RawServer(trickle(_HEAD + _BODY, 0.05))


@pytest.mark.parametrize("server_kind", ["slow body", "slow head"])
def test_a_trickling_answer_is_cut_at_the_deadline(server_kind: str) -> None:
    server = _slow_body() if server_kind == "slow body" else _slow_head()
    with server:
        with Summarizer.from_env(
            {},
            base_url=server.base_url,
            model="m",
            mode="json",
            timeout=0.4,
            policy=RetryPolicy(max_attempts=2),
        ) as s:
            started = time.monotonic()
            with pytest.raises(TransportError) as info:
                s.summarize(ARTICLE)
            elapsed = time.monotonic() - started
    assert elapsed < 10.0
    assert "no complete answer within 0.4 s" in str(info.value)
    assert "after 2 attempt(s)" in str(info.value)


async def test_the_async_path_has_the_same_deadline() -> None:
    with _slow_body() as server:
        s = Summarizer.from_env(
            {},
            base_url=server.base_url,
            model="m",
            mode="json",
            timeout=0.4,
            policy=RetryPolicy(max_attempts=2),
        )
        started = time.monotonic()
        try:
            with pytest.raises(TransportError, match="no complete answer within 0.4 s"):
                await s.asummarize(ARTICLE)
        finally:
            await s.aclose()
    assert time.monotonic() - started < 10.0


def test_brief_gives_up_on_a_trickling_server_within_its_documented_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    with _slow_body() as server:
        started = time.monotonic()
        args = ["--base-url", server.base_url, "--model", "m", "--timeout", "0.3"]
        code = main(["brief", str(story), "--mode", "json", *args])
        elapsed = time.monotonic() - started
    assert code == 1
    assert elapsed < 5 * 0.3 + 10.0  # five attempts of at most 0.3 s, waits faked
    assert "no complete answer within 0.3 s" in capsys.readouterr().err


def test_batch_gives_up_on_a_trickling_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with _slow_body() as server:
        started = time.monotonic()
        args = ["--base-url", server.base_url, "--model", "m", "--timeout", "0.3", "--mode", "json"]
        code = main(["batch", str(manifest), "--out", str(out), "--no-progress", *args])
        elapsed = time.monotonic() - started
    assert code == 1 and elapsed < 5 * 0.3 + 10.0
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["status"] == "error" and "no complete answer" in line["error"]["message"]


def test_doctor_gives_up_on_a_trickling_server(capsys: pytest.CaptureFixture[str]) -> None:
    with _slow_head() as server:
        started = time.monotonic()
        code = main(["doctor", "--base-url", server.base_url, "--model", "m", "--timeout", "0.3"])
        elapsed = time.monotonic() - started
    assert code == 1 and elapsed < 10.0
    out = capsys.readouterr().out
    assert "FAIL  endpoint reachable" in out and "timed out" in out


def test_doctor_refuses_an_endless_model_list_as_a_failed_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from rawserver import chunked

    with RawServer(chunked(300_000_000)) as server:
        code = main(["doctor", "--base-url", server.base_url, "--model", "m"])
    out = capsys.readouterr()
    assert code == 1 and "internal error" not in out.err
    assert "FAIL  endpoint reachable" in out.out and "8,000,000-byte limit" in out.out
