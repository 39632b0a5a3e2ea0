"""The call log and cache: what is stored, what is never stored, what is answered from it."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import httpx2
import pytest

from briefings import ARTICLE, GOOD
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.llm.cachetransport import CachingTransport
from summarizer.llm.calllog import CallLog, cache_key, data_dir
from summarizer.llm.pricing import PriceTable
from summarizer.llm.prompts import messages_hash
from summarizer.testing.loopback import LoopbackServer, Reply

from .helpers import llm_args, write_manifest

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _summarizer(server: LoopbackServer, log: CallLog, *, use_cache: bool = True) -> Summarizer:
    transport = CachingTransport(httpx2.HTTPTransport(), log, use_cache=use_cache)
    client = httpx2.Client(transport=transport)
    return Summarizer.from_env(
        {},
        base_url=server.base_url,
        model="gpt-4o-mini",
        api_key="sk-secret-key",
        http_client=client,
    )


def test_every_call_is_logged_and_a_repeat_is_answered_from_the_cache(tmp_path: Path) -> None:
    with LoopbackServer() as srv, CallLog(tmp_path / "calls.db", now=lambda: NOW) as log:
        srv.script(Reply.error(500), Reply.answer(GOOD, usage=(1000, 500)))
        with _summarizer(srv, log) as s:
            first = s.summarize(ARTICLE)
            second = s.summarize(ARTICLE)
        assert len(srv.requests) == 2  # the 500, its retry; the repeat never left the process
        assert first.briefing.model_dump() == second.briefing.model_dump()
        calls = log.calls()
        assert [(c.status, c.attempt, c.cache_hit) for c in reversed(calls)] == [
            (500, 1, False),
            (200, 2, False),
            (200, 1, True),
        ]
        ok = log.get(calls[1].id)
        assert ok is not None and ok.request is not None and ok.response is not None
        assert ok.ts == NOW.isoformat()
        assert ok.model == "gpt-4o-mini" and (ok.prompt_tokens, ok.completion_tokens) == (1000, 500)
        assert ok.cost_usd == pytest.approx((1000 * 0.15 + 500 * 0.60) / 1e6)
        assert calls[0].cost_usd is None  # a cache hit costs nothing
        body = json.loads(ok.request)
        assert ok.prompt_hash == messages_hash(body["messages"]) == first.provenance.prompt_hash
        assert log.tally.http_calls == 2 and log.tally.cache_hits == 1
    raw = (tmp_path / "calls.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("calls.db-*")
    )
    assert b"sk-secret-key" not in raw and b"authorization" not in raw.lower()


def test_no_cache_sends_again_but_still_logs(tmp_path: Path) -> None:
    with (
        LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv,
        CallLog(tmp_path / "calls.db") as log,
    ):
        with _summarizer(srv, log) as s:
            s.summarize(ARTICLE)
        with _summarizer(srv, log, use_cache=False) as s:
            s.summarize(ARTICLE)
        assert len(srv.requests) == 2
        assert [c.cache_hit for c in log.calls()] == [False, False]


def test_the_cache_key_ignores_query_strings_and_key_order() -> None:
    a = cache_key("http://h/v1/chat/completions?key=secret", {"model": "m", "n": 1})
    b = cache_key("http://h/v1/chat/completions", {"n": 1, "model": "m"})
    assert a == b
    assert a != cache_key("http://other/v1/chat/completions", {"n": 1, "model": "m"})
    assert a == cache_key("http://h/v1/chat/completions#part", {"model": "m", "n": 1})


def test_cache_keys_written_by_earlier_versions_still_match() -> None:
    # Earlier versions hashed json.dumps({"url", "body"}) with sorted keys; a
    # cache built then must still answer now.
    url = "http://h/v1/chat/completions"
    body = {"model": "m", "messages": [{"role": "user", "content": "Zürich \u2014 “quoted”"}]}
    earlier = json.dumps(
        {"url": url, "body": body}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert cache_key(url, body) == hashlib.sha256(earlier.encode()).hexdigest()


def test_the_data_dir_follows_the_environment(tmp_path: Path) -> None:
    assert data_dir({"SUMMARIZER_HOME": "/x/s", "XDG_DATA_HOME": "/y"}) == Path("/x/s")
    assert data_dir({"XDG_DATA_HOME": "/y"}) == Path("/y/summarizer")
    assert data_dir({"HOME": "/home/u"}) == Path("/home/u/.local/share/summarizer")


def test_logs_lists_searches_and_shows_calls(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    assert (
        main(["batch", str(manifest), "--out", str(tmp_path / "o.jsonl"), *llm_args(server)]) == 0
    )
    capsys.readouterr()
    assert main(["logs"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and all("loopback-model" in row and " 200 " in row for row in rows)
    assert main(["logs", "Reference", "--json"]) == 0  # matches the request text
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(found) == 2 and found[0]["status"] == 200
    assert main(["logs", "no such text anywhere"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["logs", "--show", str(found[0]["id"])]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["response"]["choices"][0]["message"]["tool_calls"]
    assert main(["logs", "--show", "999"]) == 2
    assert main(["logs", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(data_home / "calls.db")


def test_prices_can_be_overridden_by_a_user_file(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    data_home.mkdir(parents=True)
    (data_home / "prices.toml").write_text(
        '"loopback-model" = { input = 10.0, output = 20.0 }\n', encoding="utf-8"
    )
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    assert (
        main(["batch", str(manifest), "--out", str(tmp_path / "o.jsonl"), *llm_args(server)]) == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert summary["cost_usd"] == pytest.approx(2 * (100 * 10.0 + 50 * 20.0) / 1e6)
    bad = tmp_path / "bad.json"
    bad.write_text('{"m": "cheap"}', encoding="utf-8")
    args = ["batch", str(manifest), "--out", str(tmp_path / "p.jsonl"), "--prices", str(bad)]
    assert main([*args, *llm_args(server)]) == 2
    assert "price file" in capsys.readouterr().err


def test_snapshots_are_priced_as_their_family_and_batches_at_a_discount() -> None:
    table = PriceTable()
    assert table.price("gpt-4o-mini-2024-07-18") == (0.15, 0.60)
    assert table.price("gpt-4o-2024-08-06") == (2.50, 10.00)
    assert table.price("llama3") is None
    assert table.cost("gpt-4o", 1_000_000, 0, batch=True) == pytest.approx(1.25)


def test_an_unknown_price_is_shown_as_unknown_not_as_zero(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    printed = capsys.readouterr()
    summary = json.loads(printed.out)
    assert summary["prompt_tokens"] > 0 and summary["cost_usd"] is None
    assert "cost unknown" in printed.err and "$0.0000" not in printed.err
    # The log says the same, row by row.
    assert main(["logs"]) == 0
    assert all("  -  " in row for row in capsys.readouterr().out.splitlines())
    # A rerun answered from the cache made no calls: that costs nothing, known.
    assert (
        main(["batch", str(manifest), "--out", str(tmp_path / "p.jsonl"), *llm_args(server)]) == 0
    )
    printed = capsys.readouterr()
    assert json.loads(printed.out)["cost_usd"] == 0.0 and "$0.0000" in printed.err


@pytest.mark.parametrize("call_id", ["99999999999999999999999", "-5", "0"])
def test_logs_show_with_a_number_out_of_range_says_there_is_no_such_call(
    capsys: pytest.CaptureFixture[str], call_id: str
) -> None:
    assert main(["logs", "--show", call_id]) == 2
    err = capsys.readouterr().err
    assert f"no call {call_id} in the log" in err and "internal error" not in err


def test_logs_with_a_huge_limit_or_undecodable_text_is_not_an_internal_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["logs", "-n", "99999999999999999999"]) == 0
    assert main(["logs", "caf\udce9"]) == 2  # a byte that is not UTF-8, as argv carries it
    assert main(["logs", "--model", "m\ud800"]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "not valid UTF-8" in err
