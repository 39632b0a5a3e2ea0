"""``SUMMARIZER_DEBUG_HTTP=1`` and ``summarizer prompt``: see exactly what is sent."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefings import ARTICLE, GOOD
from summarizer.api import Summarizer
from summarizer.cli.main import main
from summarizer.errors import TransportError
from summarizer.inputs.article import article_from_text
from summarizer.llm.capture import request_body
from summarizer.testing.loopback import LoopbackServer, Reply

KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("loopback-model",)) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", "loopback-model")
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        yield srv


def test_debug_http_prints_requests_and_responses_without_the_key(
    server: LoopbackServer,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUMMARIZER_DEBUG_HTTP", "1")
    server.script(Reply.answer(GOOD))
    code = main(["brief", str(article), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"summarizer: http: > POST {server.base_url}/chat/completions" in err
    assert "  authorization: [redacted]" in err
    assert '"model": "loopback-model"' in err and '"messages": [' in err  # the request body
    assert "Dredging" in err  # the article, as sent (datamarked or not)
    assert "summarizer: http: < 200 OK (POST" in err
    assert "Harbour Authority chair" in err  # the response body
    assert KEY not in err and KEY not in out
    assert json.loads(out)["headline"] == GOOD["headline"]  # stdout untouched


def test_a_key_echoed_by_the_server_is_scrubbed(
    server: LoopbackServer,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUMMARIZER_DEBUG_HTTP", "1")
    server.script(Reply.error(401, message=f"Incorrect API key provided: {KEY}"))
    code = main(["brief", str(article)])
    _, err = capsys.readouterr()
    assert code == 1
    assert "Incorrect API key provided: [redacted]" in err
    assert KEY not in err


def test_nothing_is_printed_without_the_variable(
    server: LoopbackServer, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(Reply.answer(GOOD))
    assert main(["brief", str(article)]) == 0
    assert "summarizer: http:" not in capsys.readouterr().err


async def test_the_async_client_is_hooked_too(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_DEBUG_HTTP", "true")
    server.script(Reply.answer(GOOD))
    summarizer = Summarizer.from_env()
    try:
        result = await summarizer.asummarize(ARTICLE)
    finally:
        await summarizer.aclose()
    err = capsys.readouterr().err
    assert result.briefing.headline == GOOD["headline"]
    assert "summarizer: http: > POST" in err and "summarizer: http: < 200 OK" in err
    assert KEY not in err


def test_prompt_prints_the_messages(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prompt", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# template briefing v")
    assert "\n## system\n" in out and "\n## user\n" in out


@pytest.mark.parametrize(
    ("mode", "key"),
    [("tools", "tools"), ("json_schema", "response_format"), ("md_json", "messages")],
)
def test_prompt_request_prints_the_exact_body_and_sends_nothing(
    article: Path, capsys: pytest.CaptureFixture[str], mode: str, key: str
) -> None:
    assert main(["prompt", str(article), "--request", "--mode", mode]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["model"] == "gpt-4o-mini" and key in body
    assert [m["role"] for m in body["messages"]][:2] == ["system", "user"]
    user = body["messages"][1]["content"]
    assert "Brell" in user  # the article, fenced as the engine fences it


def test_prompt_request_matches_what_the_engine_sends(
    server: LoopbackServer, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prompt", str(article), "--request"]) == 0
    printed = json.loads(capsys.readouterr().out)
    server.script(Reply.answer(GOOD))
    assert main(["brief", str(article)]) == 0
    assert server.requests[-1].body == printed


def test_capturing_a_request_logs_no_failure_but_real_failures_still_log(
    server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    body = request_body(article_from_text(ARTICLE), base_url=server.base_url, model="m")
    assert body["model"] == "m"
    assert [r.getMessage() for r in caplog.records] == []

    server.script(Reply.error(400, message="bad request"))
    with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
        with pytest.raises(TransportError):
            s.summarize(ARTICLE)
    assert any("API call failed" in r.getMessage() for r in caplog.records)
