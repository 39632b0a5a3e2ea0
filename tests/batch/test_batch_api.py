"""``--via batch-api`` against the loopback server's /v1/files and /v1/batches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefings import GOOD, INVENTED_QUOTE, ungrounded
from long_article import answer_for, long_article, part_from_request
from summarizer.cli.main import main
from summarizer.inputs.article import article_from_text
from summarizer.llm import retry
from summarizer.llm.prompts import messages_hash, render
from summarizer.testing.loopback import LoopbackServer, RecordedRequest, Reply

from .helpers import article, llm_args, read_lines, write_manifest


def _run(server: LoopbackServer, manifest: Path, out: Path, *extra: str) -> int:
    args = ["batch", str(manifest), "--out", str(out), "--via", "batch-api"]
    return main([*args, "--poll-interval", "5", *llm_args(server), *extra])


def test_a_batch_job_is_uploaded_polled_downloaded_and_grounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sleeps: list[float]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with LoopbackServer() as srv:
        srv.batch_api.polls_before_done = 2
        srv.script(
            Reply.answer(GOOD), Reply.answer(ungrounded()), Reply.error(400), Reply.answer(GOOD)
        )
        assert _run(srv, manifest, out) == 1
        routes = [(r.method, r.path.split("/")[2]) for r in srv.requests]
        uploaded = srv.batch_api.files["file-loopback0"][2].decode().splitlines()
    assert routes[:2] == [("POST", "files"), ("POST", "batches")]
    # "validating" on creation, then two "in_progress" polls: three waits, all injected.
    assert sleeps == [5.0, 5.0, 5.0]
    # The uploaded lines are the requests a live call sends: model, tools, the fenced article.
    first = json.loads(uploaded[0])
    assert (first["custom_id"], first["method"], first["url"]) == (
        "a0",
        "POST",
        "/v1/chat/completions",
    )
    assert first["body"]["model"] == "loopback-model"
    assert first["body"]["tools"][0]["function"]["name"] == "Briefing"
    expected = render(article_from_text(article(0), source="a0"))
    assert messages_hash(first["body"]["messages"]) == expected.hash
    lines = {str(line["id"]): line for line in read_lines(out)}
    assert [lines[f"a{i}"]["status"] for i in range(4)] == ["ok", "error", "error", "ok"]
    assert lines["a1"]["error"]["type"] == "UngroundedError"
    assert INVENTED_QUOTE in lines["a1"]["error"]["message"]
    assert lines["a2"]["error"]["type"] == "TransportError"
    assert lines["a0"]["provenance"]["requests"] == 1
    summary = json.loads(capsys.readouterr().out)
    assert (summary["done"], summary["failed"], summary["http_calls"]) == (2, 2, 0)


def test_batch_results_feed_the_cache_so_a_live_rerun_sends_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        assert _run(srv, manifest, tmp_path / "batch.jsonl") == 0
        capsys.readouterr()
        sent = len(srv.requests)
        args = ["batch", str(manifest), "--out", str(tmp_path / "live.jsonl"), *llm_args(srv)]
        assert main(args) == 0
        assert len(srv.requests) == sent
        # And a second batch-api run into a new file uploads nothing.
        assert _run(srv, manifest, tmp_path / "again.jsonl") == 0
        assert len(srv.requests) == sent
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert summary["cache_hits"] == 3


def test_json_schema_mode_is_shaped_and_parsed_like_a_live_call(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        assert _run(srv, manifest, out, "--mode", "json_schema") == 0
        body = srv.batch_api.batch_bodies[0]
    assert body["response_format"]["type"] == "json_schema" and "tools" not in body
    assert read_lines(out)[0]["status"] == "ok"


def test_batch_api_needs_the_llm_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    args = ["batch", str(manifest), "--out", str(tmp_path / "o.jsonl"), "--via", "batch-api"]
    assert main([*args, "--engine", "extractive"]) == 2
    assert "needs the llm engine" in capsys.readouterr().err


class _Killed(BaseException):
    """Stands for the process dying while it waits on a job."""


def test_a_job_left_in_flight_by_a_crash_is_collected_not_submitted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.batch-jobs"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        srv.batch_api.polls_before_done = 5

        def die(seconds: float) -> None:
            raise _Killed

        monkeypatch.setattr(retry, "_sleep", die)
        with pytest.raises(_Killed):
            _run(srv, manifest, out)
        assert srv.batch_api.created == 1
        assert not out.exists() or out.read_text() == ""
        assert json.loads(ledger.read_text())["ids"] == ["a0", "a1", "a2"]

        monkeypatch.setattr(retry, "_sleep", lambda seconds: None)
        capsys.readouterr()
        assert _run(srv, manifest, out) == 0
        assert srv.batch_api.created == 1  # collected, not paid for twice
    assert sorted(line["id"] for line in read_lines(out)) == ["a0", "a1", "a2"]
    assert {line["status"] for line in read_lines(out)} == {"ok"}
    assert not ledger.exists()
    printed = capsys.readouterr()
    summary = json.loads(printed.out)
    assert (summary["done"], summary["skipped"], summary["resumed_jobs"]) == (3, 0, 1)
    assert "collected 1 Batch API job(s) an earlier run left in flight" in printed.err


def test_a_job_the_endpoint_no_longer_knows_is_submitted_anew(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.batch-jobs"
    entry = {"batch": "batch_gone", "endpoint": "http://elsewhere/v1", "ids": ["a0", "a1"]}
    ledger.write_text(json.dumps(entry) + "\n")
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        assert _run(srv, manifest, out) == 0
        assert srv.batch_api.created == 1
    assert sorted(line["id"] for line in read_lines(out)) == ["a0", "a1"]
    assert not ledger.exists()


def _by_part(request: RecordedRequest) -> Reply:
    assert request.body is not None
    return Reply.answer(answer_for(part_from_request(request.body)))


def test_a_long_article_goes_as_one_line_per_part_and_comes_back_merged(tmp_path: Path) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "long", "text": long_article(20_000)}) + "\n")
    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=_by_part) as srv:
        assert _run(srv, manifest, out) == 0
        uploaded = srv.batch_api.files["file-loopback0"][2].decode().splitlines()
        # The parts' answers are the live engine's: a live run asks for nothing again.
        sent = len(srv.requests)
        live = ["batch", str(manifest), "--out", str(tmp_path / "live.jsonl"), *llm_args(srv)]
        assert main(live) == 0
        assert len(srv.requests) == sent
    ids = [json.loads(line)["custom_id"] for line in uploaded]
    assert ids == ["long#part1of4", "long#part2of4", "long#part3of4", "long#part4of4"]
    (line,) = read_lines(out)
    assert line["status"] == "ok"
    assert (line["provenance"]["parts"], line["provenance"]["requests"]) == (4, 4)
    # The merge holds the figure every part reports once, with its dispute.
    figures = line["briefing"]["disputed_figures"]
    assert [f["figure"] for f in figures] == ["$412 million"]


def test_a_part_without_an_answer_fails_its_article_and_says_which_part(tmp_path: Path) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "long", "text": long_article(20_000)}) + "\n")
    out = tmp_path / "out.jsonl"

    def second_fails(request: RecordedRequest) -> Reply:
        assert request.body is not None
        if "part 2 of 4" in json.dumps(request.body["messages"]):
            return Reply.error(500, message="overloaded")
        return _by_part(request)

    with LoopbackServer(fallback=second_fails) as srv:
        assert _run(srv, manifest, out) == 1
    (line,) = read_lines(out)
    assert line["status"] == "error"
    assert "part 2 of 4" in line["error"]["message"] and "overloaded" in line["error"]["message"]


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json\n",
        b"[1, 2]\n",
        b'{"custom_id": "a1", "response": "not an object"}\n',
        b'{"custom_id": "a1", "response": {"status_code": 200, "body": {"usage": "lots"}}}\n',
        b"\xff\xfe not utf-8\n",
    ],
    ids=["not-json", "not-object", "response-not-object", "junk-answer", "not-utf8"],
)
def test_a_malformed_line_in_the_results_fails_only_its_article_and_the_job_is_finished(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: bytes,
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.batch-jobs"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        api = srv.batch_api
        run_job = api._run

        def damaged(batch: Any) -> None:
            # The provider's output file comes back with a1's line replaced by junk.
            run_job(batch)
            name, purpose, data = api.files[batch.output_file_id]
            kept = [raw for raw in data.splitlines(keepends=True) if b'"a1"' not in raw]
            api.files[batch.output_file_id] = (name, purpose, b"".join(kept) + damage)

        monkeypatch.setattr(api, "_run", damaged)
        assert _run(srv, manifest, out) == 1
        err = capsys.readouterr().err
        assert "internal error" not in err
        lines = {line["id"]: line for line in read_lines(out)}
        assert lines["a0"]["status"] == lines["a2"]["status"] == "ok"
        assert lines["a1"]["status"] == "error"
        # The job is collected and off the ledger: a rerun neither dies nor pays again.
        assert not ledger.exists()
        assert _run(srv, manifest, out) == 0
        assert api.created == 1


def test_a_damaged_ledger_line_is_ignored_not_fatal(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    ledger = tmp_path / "out.jsonl.batch-jobs"
    ledger.write_bytes(
        b'{"batch": "batch_x", "ids": "a0", "endpoint": 7}\n[1]\n\xff\n{"batch": 3}\n{"batc'
    )
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        assert _run(srv, manifest, out) == 0
    assert sorted(line["id"] for line in read_lines(out)) == ["a0", "a1"]
    assert not ledger.exists()
