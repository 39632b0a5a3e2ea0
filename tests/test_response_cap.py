"""Model responses are capped in size, and the call log keeps each distinct body once."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import httpx2
import pytest

from briefings import ARTICLE, GOOD
from rawserver import RawServer, chunked
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.errors import TransportError
from summarizer.llm.cachetransport import CachingTransport
from summarizer.llm.calllog import CallLog
from summarizer.testing.loopback import LoopbackServer, Reply

MB = 1_000_000


def _summarizer(base_url: str, log: CallLog) -> Summarizer:
    client = httpx2.Client(transport=CachingTransport(httpx2.HTTPTransport(), log))
    return Summarizer.from_env({}, base_url=base_url, model="m", http_client=client, timeout=30)


def _huge_answer(size: int) -> bytes:
    head = json.dumps({"id": "x", "object": "chat.completion", "choices": []})[:-1]
    return (head + ', "padding": "' + "a" * size + '"}').encode()


def test_a_huge_response_is_refused_once_with_a_clear_error(tmp_path: Path) -> None:
    with LoopbackServer(models=("m",)) as server, CallLog(tmp_path / "calls.db") as log:
        server.script(Reply.raw(_huge_answer(60 * MB), content_type="application/json"))
        tracemalloc.start()
        try:
            with _summarizer(server.base_url, log) as s, pytest.raises(TransportError) as info:
                s.summarize(ARTICLE)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(server.requests) == 1  # the same answer again would be as big: no retry
    message = str(info.value)
    assert "over the 8,000,000-byte limit" in message and "\n" not in message
    assert peak < 40 * MB
    assert (tmp_path / "calls.db").stat().st_size < 2 * MB


def test_a_huge_chunked_response_without_a_length_is_refused_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    with RawServer(chunked(300 * MB)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        code = main(["brief", str(story), "--model", "m"])
        assert server.connections == 1
    err = capsys.readouterr().err
    assert code == 1
    assert "over the 8,000,000-byte limit" in err and "Traceback" not in err


def test_the_call_log_stores_each_distinct_body_once(tmp_path: Path) -> None:
    article = "\n\n".join([ARTICLE] * 40)  # about 30 kB of request body
    error_page = "<html>" + "overloaded " * 50_000 + "</html>"  # about 550 kB, five times
    path = tmp_path / "calls.db"
    with LoopbackServer(models=("m",)) as server, CallLog(path) as log:
        server.script(
            *[Reply.raw(error_page, status=503, content_type="text/html")] * 4,
            Reply.answer(GOOD),
        )
        with _summarizer(server.base_url, log) as s:
            s.summarize(article)
        request_size = len(server.requests[0].headers) + len(json.dumps(server.requests[0].body))
        assert len(log.calls()) == 5
        assert log.get(log.calls()[-1].id).response == error_page  # type: ignore[union-attr]
    size = path.stat().st_size
    assert size < len(error_page) + 2 * request_size + 200_000
