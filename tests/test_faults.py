"""The fault matrix (README, "Faults"): every API fault recovers or fails as one typed line.

Each row scripts the loopback server, briefs the article, and checks either the
recovery (with the provenance counting transport retries and re-asks) or the
typed error, its one-line message, the number of requests made, and the CLI's
exit code. No test sleeps for real: the retry waits are recorded, not slept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefings import ARTICLE, GOOD, ungrounded
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.errors import ModelOutputError, SummarizerError, TransportError, UngroundedError
from summarizer.testing.loopback import LoopbackServer, Reply

MISSING_FIELD = {k: v for k, v in GOOD.items() if k != "headline"}
TRUNCATED = json.dumps(GOOD)[:300]


@dataclass(frozen=True)
class Row:
    replies: Callable[[], list[Reply]]
    # Recovery: (transport retries, re-asks); failure: (error type, message fragment).
    recovers: tuple[int, int] | None = None
    error: type[SummarizerError] | None = None
    message: str = ""
    requests: int = 0


def _then_good(*first: Reply) -> Callable[[], list[Reply]]:
    return lambda: [*first, Reply.answer(GOOD)]


def _always(reply: Callable[[], Reply], n: int = 5) -> Callable[[], list[Reply]]:
    return lambda: [reply() for _ in range(n)]


MATRIX: dict[str, Row] = {
    "429 Retry-After seconds": Row(
        _then_good(Reply.error(429, headers={"Retry-After": "3"})), (1, 0)
    ),
    "429 retry-after-ms": Row(
        _then_good(Reply.error(429, headers={"retry-after-ms": "250"})), (1, 0)
    ),
    "500 then ok": Row(_then_good(Reply.error(500)), (1, 0)),
    "502 then ok": Row(_then_good(Reply.error(502)), (1, 0)),
    "503 then ok": Row(_then_good(Reply.error(503)), (1, 0)),
    "504 then ok": Row(_then_good(Reply.error(504)), (1, 0)),
    "connection reset then ok": Row(_then_good(Reply.reset()), (1, 0)),
    "read timeout then ok": Row(_then_good(Reply.stall(5.0)), (1, 0)),
    "body not JSON then ok": Row(
        _then_good(Reply.raw("<html>Bad gateway</html>", content_type="text/html")), (1, 0)
    ),
    "empty choices then ok": Row(_then_good(Reply.empty_choices()), (1, 0)),
    "missing field, re-asked": Row(
        lambda: [Reply.answer(MISSING_FIELD), Reply.answer(GOOD)], (0, 1)
    ),
    "ungrounded quote, re-asked": Row(
        lambda: [Reply.answer(ungrounded()), Reply.answer(GOOD)], (0, 1)
    ),
    "503 every time": Row(
        _always(lambda: Reply.error(503)),
        error=TransportError,
        message="answered HTTP 503 after 5 attempt(s)",
        requests=5,
    ),
    "reset every time": Row(
        _always(Reply.reset),
        error=TransportError,
        message="cannot reach the model endpoint",
        requests=5,
    ),
    "timeout every time": Row(
        _always(lambda: Reply.stall(5.0)),
        error=TransportError,
        message="timed out (no complete answer within 0.3 s; --timeout) after 5 attempt(s)",
        requests=5,
    ),
    "body not JSON every time": Row(
        _always(lambda: Reply.raw("not json", content_type="application/json")),
        error=TransportError,
        message="a body that is not JSON",
        requests=5,
    ),
    "empty choices every time": Row(
        _always(Reply.empty_choices), error=TransportError, message="no choices", requests=5
    ),
    "finish_reason length": Row(
        lambda: [Reply.answer(TRUNCATED, finish_reason="length")],
        error=ModelOutputError,
        message="cut off",
        requests=1,
    ),
    "missing field every time": Row(
        _always(lambda: Reply.answer(MISSING_FIELD), 3),
        error=ModelOutputError,
        message="headline: Field required",
        requests=3,
    ),
    "ungrounded every time": Row(
        _always(lambda: Reply.answer(ungrounded()), 3),
        error=UngroundedError,
        message="not grounded",
        requests=3,
    ),
    "refusal": Row(
        lambda: [Reply.refusal("I can't help with that.")],
        error=ModelOutputError,
        message="refused",
        requests=1,
    ),
    "401 bad key": Row(
        lambda: [Reply.error(401)], error=TransportError, message="check OPENAI_API_KEY", requests=1
    ),
    "404 unknown model": Row(
        lambda: [Reply.error(404)], error=TransportError, message="check --model", requests=1
    ),
}


@pytest.mark.parametrize("fault", sorted(MATRIX))
def test_fault_matrix(fault: str, sleeps: list[float]) -> None:
    row = MATRIX[fault]
    with LoopbackServer(models=("m",)) as server:
        server.script(*row.replies())
        with Summarizer.from_env({}, base_url=server.base_url, model="m", timeout=0.3) as s:
            if row.recovers is not None:
                result = s.summarize(ARTICLE)
                p = result.provenance
                assert (p.transport_retries, p.reasks) == row.recovers
                assert result.briefing.headline == GOOD["headline"]
                return
            assert row.error is not None
            with pytest.raises(row.error) as info:
                s.summarize(ARTICLE)
        assert len(server.requests) == row.requests
    message = str(info.value)
    assert row.message in message and "\n" not in message


def test_the_server_requested_wait_is_the_one_taken(sleeps: list[float]) -> None:
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.error(429, headers={"Retry-After": "3"}), Reply.answer(GOOD))
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            s.summarize(ARTICLE)
    assert sleeps == [3.0]


@pytest.mark.parametrize(
    "fault", ["503 every time", "refusal", "ungrounded every time", "finish_reason length"]
)
def test_the_cli_reports_a_fault_as_one_line_and_exit_code_1(
    fault: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    with LoopbackServer(models=("m",)) as server:
        server.script(*MATRIX[fault].replies())
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        code = main(["brief", str(article), "--model", "m", "--engine", "llm"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and err[0].startswith("summarizer: error: ")
    assert MATRIX[fault].message in err[0]


def test_attempts_in_a_message_count_the_last_request_and_name_re_asks_apart() -> None:
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.answer(MISSING_FIELD), *[Reply.error(503)] * 5)
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            with pytest.raises(TransportError) as info:
                s.summarize(ARTICLE)
        assert len(server.requests) == 6
    message = str(info.value)
    assert "answered HTTP 503 after 5 attempt(s)" in message
    assert "1 re-ask" in message and "6 attempt" not in message


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "nan"},
        {"Retry-After": "inf"},
        {"Retry-After": "-inf"},
        {"retry-after-ms": "NaN"},
        {"retry-after-ms": "1e999"},
    ],
)
def test_a_non_finite_retry_after_is_ignored_and_the_backoff_used(
    headers: dict[str, str], sleeps: list[float]
) -> None:
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.error(429, headers=headers), Reply.answer(GOOD))
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            result = s.summarize(ARTICLE)
    assert result.provenance.transport_retries == 1
    assert len(sleeps) == 1 and 0.0 <= sleeps[0] <= 1.0  # the first backoff step, not nan/inf
