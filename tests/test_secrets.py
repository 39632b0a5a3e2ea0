"""The API key never shows: not in a repr, an error, a log line or a recording.

tests/conftest.py also scans every file the suite writes and every warning it
logs for the fake keys, after the whole run.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from briefings import ARTICLE, GOOD
from summarizer import Settings, Summarizer
from summarizer.errors import TransportError
from summarizer.llm.engine import LLMEngine
from summarizer.testing.loopback import LoopbackServer, Reply

KEY = "sk-SECRET-do-not-print-4242"


def test_no_object_shows_the_key_in_its_repr() -> None:
    settings = Settings(api_key=KEY, base_url="http://127.0.0.1:9/v1", model="m")
    with Summarizer(settings) as s:
        for obj in (settings, s, LLMEngine(settings)):
            assert KEY not in repr(obj) and KEY not in str(obj)


def test_a_server_that_echoes_the_key_does_not_get_it_into_errors_or_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.error(401, message=f"invalid api key {KEY}"))
        with Summarizer.from_env({}, base_url=server.base_url, model="m", api_key=KEY) as s:
            with pytest.raises(TransportError) as info:
                s.summarize(ARTICLE)
        assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"  # it was sent...
    assert "[redacted]" in str(info.value)
    assert KEY not in str(info.value)  # ...but shown nowhere
    assert KEY not in caplog.text
    assert "invalid api key" in caplog.text  # the log still says what went wrong


def test_recording_drops_the_authorization_header(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from summarizer.testing.cassettes import CassetteOrigin, cassette

    origin = CassetteOrigin(
        "loopback", "m", "hand-written", datetime(2026, 11, 29, tzinfo=UTC), "test"
    )
    path = tmp_path / "c.yaml"
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.answer(GOOD))
        with cassette(path, record=True, origin=origin, secrets=(KEY,)):
            with Summarizer.from_env({}, base_url=server.base_url, model="m", api_key=KEY) as s:
                s.summarize(ARTICLE)
    text = path.read_text()
    assert KEY not in text and "authorization" not in text.lower()
