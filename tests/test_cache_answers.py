"""The call log's cache answers only what produced an accepted briefing.

Every exchange is logged, but an answer may stand in for a later request only
once the briefing it produced was accepted (parsed, validated, grounded, merged).
A retry and a re-ask always reach the network; a failed brief is never replayed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import pytest

from briefings import ARTICLE, GOOD, ungrounded
from summarizer import Settings, Summarizer
from summarizer.cli.main import main
from summarizer.inputs.article import article_from_text
from summarizer.llm.cachetransport import CachingTransport
from summarizer.llm.calllog import CallLog, cache_key
from summarizer.llm.capture import RequestShaper
from summarizer.testing.loopback import LoopbackServer, Reply

MISSING_FIELD = {k: v for k, v in GOOD.items() if k != "headline"}
TRUNCATED = json.dumps(GOOD)[:300]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("loopback-model",)) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", "loopback-model")
        yield srv


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _cached_summarizer(server: LoopbackServer, log: CallLog) -> Summarizer:
    client = httpx2.Client(transport=CachingTransport(httpx2.HTTPTransport(), log))
    return Summarizer.from_env(
        {}, base_url=server.base_url, model="loopback-model", http_client=client
    )


@pytest.mark.parametrize(
    "broken",
    [
        lambda: Reply.raw("not json", content_type="application/json"),
        lambda: Reply.raw("<html>Bad gateway</html>", content_type="text/html"),
        Reply.empty_choices,
        lambda: Reply.raw('{"object": "chat.completion"}'),
    ],
    ids=["not-json", "html", "empty-choices", "no-choices"],
)
def test_a_broken_200_is_retried_over_the_network_not_from_the_cache(
    server: LoopbackServer, tmp_path: Path, broken: Callable[[], Reply]
) -> None:
    server.script(broken(), Reply.answer(GOOD))
    with CallLog(tmp_path / "calls.db") as log, _cached_summarizer(server, log) as s:
        result = s.summarize(ARTICLE)
        assert log.tally.cache_hits == 0
    assert result.briefing.headline == GOOD["headline"]
    assert len(server.requests) == 2  # the retry went out, it was not answered by the log
    assert result.provenance.transport_retries == 1


FAILURES: dict[str, tuple[Callable[[], list[Reply]], int, str]] = {
    "not json every time": (
        lambda: [Reply.raw("not json", content_type="application/json")] * 5,
        5,
        "not JSON",
    ),
    "cut off": (lambda: [Reply.answer(TRUNCATED, finish_reason="length")], 1, "cut off"),
    "refusal": (lambda: [Reply.refusal("No.")], 1, "refused"),
    "missing field": (lambda: [Reply.answer(MISSING_FIELD)] * 3, 3, "Field required"),
    "ungrounded": (lambda: [Reply.answer(ungrounded())] * 3, 3, "not grounded"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_brief_is_not_replayed_from_the_call_log(
    failure: str, server: LoopbackServer, story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replies, sent, message = FAILURES[failure]
    for _ in range(2):
        server.script(*replies())
        assert main(["brief", str(story)]) == 1
        assert message in capsys.readouterr().err
    # The second run asked the model again: the same number of requests, none from the log.
    assert len(server.requests) == 2 * sent
    assert server.pending == 0


def test_an_accepted_briefing_is_answered_from_the_cache_and_the_cli_says_so(
    server: LoopbackServer, story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(Reply.answer(GOOD))
    assert main(["brief", str(story), "--format", "json"]) == 0
    first = capsys.readouterr()
    assert "call log" not in first.err
    assert main(["brief", str(story), "--format", "json"]) == 0
    second = capsys.readouterr()
    assert len(server.requests) == 1
    assert json.loads(second.out) == json.loads(first.out)
    assert "answered from the call log" in second.err and "--no-cache" in second.err


def test_a_cached_answer_that_no_longer_passes_is_asked_again_over_the_network(
    server: LoopbackServer, tmp_path: Path
) -> None:
    # An answer an earlier version accepted, which today's checks refuse: the
    # retry that follows must reach the network, not meet the same answer again.
    settings = Settings(base_url=server.base_url, model="loopback-model")
    url, body = RequestShaper(settings).shape(article_from_text(ARTICLE))
    server.script(Reply.answer(GOOD))
    with CallLog(tmp_path / "calls.db") as log:
        row = log.record(
            key=cache_key(url, body),
            url=url,
            request=body,
            status=200,
            response="not json",
            latency_s=0.1,
            attempt=1,
            cache_hit=False,
        )
        log.accept(row)
        with _cached_summarizer(server, log) as s:
            result = s.summarize(ARTICLE)
    assert result.briefing.headline == GOOD["headline"]
    assert len(server.requests) == 1


def test_batch_retry_errors_asks_the_model_again(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(manifest), "--out", str(out), "--no-progress"]
    server.script(*[Reply.answer(ungrounded())] * 3)
    assert main(args) == 1
    server.script(Reply.answer(GOOD))
    assert main([*args, "--retry-errors"]) == 0
    assert len(server.requests) == 4
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert line["status"] == "ok"


def test_a_batch_api_answer_that_failed_validation_is_not_served_to_a_live_rerun(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    server.script(Reply.answer(ungrounded()))
    via = ["--via", "batch-api", "--poll-interval", "0"]
    assert main(["batch", str(manifest), "--out", str(out), "--no-progress", *via]) == 1
    chats = sum(1 for r in server.requests if r.path.endswith("/chat/completions"))
    server.script(Reply.answer(GOOD))
    capsys.readouterr()
    args = ["batch", str(manifest), "--out", str(out), "--no-progress", "--retry-errors"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["cache_hits"] == 0
    # One request, the original one (not a re-ask after meeting the refused answer again).
    (retried,) = [r for r in server.requests if r.path.endswith("/chat/completions")][chats:]
    assert retried.body is not None and len(retried.body["messages"]) == 2
    # Now accepted, it answers a third run into a new file with no request at all.
    sent = len(server.requests)
    assert main(["batch", str(manifest), "--out", str(tmp_path / "again.jsonl"), *args[4:]]) == 0
    assert len(server.requests) == sent


V1_SCHEMA = """
CREATE TABLE calls (
    id INTEGER PRIMARY KEY, ts TEXT NOT NULL, cache_key TEXT NOT NULL, prompt_hash TEXT,
    model TEXT, url TEXT NOT NULL, via TEXT NOT NULL, status INTEGER, error TEXT,
    request TEXT NOT NULL, response TEXT, prompt_tokens INTEGER, completion_tokens INTEGER,
    cost_usd REAL, latency_s REAL, attempt INTEGER NOT NULL, cache_hit INTEGER NOT NULL
);
CREATE INDEX calls_by_key ON calls (cache_key) WHERE status = 200;
"""


def test_a_log_an_earlier_version_wrote_is_kept_but_answers_nothing(
    server: LoopbackServer, tmp_path: Path
) -> None:
    import sqlite3

    settings = Settings(base_url=server.base_url, model="loopback-model")
    url, body = RequestShaper(settings).shape(article_from_text(ARTICLE))
    path = tmp_path / "calls.db"
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    leaky = url.replace("http://", "http://user:sk-test-old-url-key@")
    db.execute(
        "INSERT INTO calls VALUES (1, '2026-01-01T00:00:00+00:00', ?, NULL, 'loopback-model', "
        "?, 'live', 200, NULL, ?, 'not json', NULL, NULL, NULL, 0.1, 1, 0)",
        (cache_key(url, body), leaky, json.dumps(body)),
    )
    db.commit()
    db.close()
    server.script(Reply.answer(GOOD))
    with CallLog(path) as log:
        with _cached_summarizer(server, log) as s:
            s.summarize(ARTICLE)
        assert len(server.requests) == 1  # the old broken answer was not served
        old = log.get(1)
        assert old is not None and old.response == "not json" and not old.accepted
        assert old.url == url.replace("http://", "http://redacted@")
    assert b"sk-test-old-url-key" not in path.read_bytes()
