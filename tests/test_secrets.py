"""The API key never shows: not in a repr, an error, a log line or a recording.

tests/conftest.py also scans every file the suite writes and every warning it
logs for the fake keys, after the whole run.
"""

from __future__ import annotations

import json
import logging
import os
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


URL_KEY = "sk-SECRET-in-the-url-7777"


def _url_with_key(server: LoopbackServer) -> str:
    return server.base_url.replace("http://", f"http://urluser77:{URL_KEY}@")


def test_a_key_in_the_base_url_shows_in_no_message_log_or_debug_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.cli.main import main

    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    with LoopbackServer(models=("m",)) as server:
        base = _url_with_key(server)
        monkeypatch.setenv("SUMMARIZER_DEBUG_HTTP", "1")
        server.script(*[Reply.error(503, message=f"no backend for {base}")] * 5)
        assert main(["brief", str(story), "--base-url", base, "--model", "m"]) == 1
        brief_err = capsys.readouterr().err
        assert "answered HTTP 503" in brief_err and "urluser77" not in brief_err
        server.script(Reply.answer({"word": "pong", "number": 7}))
        assert main(["doctor", "--base-url", base, "--model", "m"]) == 0
        doctor_out = capsys.readouterr().out
        assert "127.0.0.1" in doctor_out
        assert main(["logs", "--json"]) == 0
        logs = capsys.readouterr().out
        assert main(["logs", "--show", str(json.loads(logs.splitlines()[0])["id"])]) == 0
        shown = capsys.readouterr().out
    for text in (brief_err, doctor_out, logs, shown):
        assert URL_KEY not in text
    home = Path(os.environ["SUMMARIZER_HOME"])
    assert all(URL_KEY.encode() not in p.read_bytes() for p in home.iterdir() if p.is_file())


def test_a_key_in_the_base_url_stays_out_of_the_batch_job_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli.main import main
    from summarizer.llm import retry

    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    class Killed(BaseException):
        pass

    def die(seconds: float) -> None:
        raise Killed

    with LoopbackServer(models=("m",), fallback=lambda r: Reply.answer(GOOD)) as server:
        server.batch_api.polls_before_done = 5
        monkeypatch.setattr(retry, "_sleep", die)
        args = ["batch", str(manifest), "--out", str(out), "--via", "batch-api", "--no-progress"]
        with pytest.raises(Killed):
            main([*args, "--base-url", _url_with_key(server), "--model", "m"])
    ledger = tmp_path / "out.jsonl.batch-jobs"
    assert "127.0.0.1" in ledger.read_text()
    assert URL_KEY not in ledger.read_text()


def test_a_key_in_a_bad_base_url_is_not_repeated_in_the_error() -> None:
    from summarizer.errors import ConfigurationError

    for url in (f"ftp://urluser77:{URL_KEY}@host/v1", f"http://urluser77:{URL_KEY}@/v1"):
        with pytest.raises(ConfigurationError) as info:
            Settings(base_url=url, model="m")
        assert URL_KEY not in str(info.value) and "urluser77" not in str(info.value)
    settings = Settings(base_url=f"http://urluser77:{URL_KEY}@host/v1")
    assert URL_KEY not in repr(settings)
    with pytest.raises(ConfigurationError) as info:
        settings.resolved_model()
    assert URL_KEY not in str(info.value)


def test_a_recording_made_through_a_base_url_with_a_key_does_not_keep_it(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from summarizer.testing.cassettes import CassetteOrigin, cassette

    origin = CassetteOrigin(
        "loopback", "m", "hand-written", datetime(2026, 11, 29, tzinfo=UTC), "t"
    )
    path = tmp_path / "c.yaml"
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.answer(GOOD))
        base = _url_with_key(server)
        with cassette(path, record=True, origin=origin):
            with Summarizer.from_env({}, base_url=base, model="m") as s:
                s.summarize(ARTICLE)
        with cassette(path), Summarizer.from_env({}, base_url=base, model="m") as s:
            assert s.summarize(ARTICLE).briefing.headline == GOOD["headline"]  # still replays
    assert URL_KEY not in path.read_text() and "redacted@127.0.0.1" in path.read_text()
