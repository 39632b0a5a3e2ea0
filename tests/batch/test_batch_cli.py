"""``summarizer batch`` live: output lines, resume, cache, errors, rate limits, inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings import GOOD, ungrounded
from summarizer.batch.output import ResultFile
from summarizer.cli.main import main
from summarizer.llm.prompts import messages_hash
from summarizer.testing.loopback import LoopbackServer, Reply

from .helpers import article, llm_args, read_lines, write_manifest


def _summary(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out.strip().splitlines()
    summary: dict[str, object] = json.loads(out[-1])
    return summary


def test_a_manifest_is_briefed_into_one_line_per_article(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    code = main(
        ["batch", str(manifest), "--out", str(out), "--concurrency", "3", *llm_args(server)]
    )
    assert code == 0
    lines = read_lines(out)
    assert sorted(line["id"] for line in lines) == [f"a{i}" for i in range(6)]
    assert {line["status"] for line in lines} == {"ok"}
    first = lines[0]
    assert set(first) == {"id", "status", "briefing", "provenance", "source", "error"}
    assert first["briefing"]["headline"] == GOOD["headline"]
    assert first["provenance"]["model"] == "loopback-model"
    summary = _summary(capsys)
    assert (summary["done"], summary["failed"], summary["skipped"]) == (6, 0, 0)
    assert summary["http_calls"] == 6 and summary["prompt_tokens"] == 600
    # Each request carried its own article, fenced, and the prompt hash travels with the line.
    bodies = [r.body for r in server.requests]
    hashes = {messages_hash(b["messages"]) for b in bodies if b is not None}
    assert hashes == {line["provenance"]["prompt_hash"] for line in lines}


def test_rerunning_skips_what_is_done_and_makes_no_http_call(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    capsys.readouterr()
    sent = len(server.requests)
    write_manifest(manifest, 5)  # one more article than before
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    summary = _summary(capsys)
    assert (summary["done"], summary["skipped"]) == (1, 4)
    assert len(server.requests) == sent + 1
    assert sorted(line["id"] for line in read_lines(out)) == [f"a{i}" for i in range(5)]
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    assert len(server.requests) == sent + 1
    assert _summary(capsys)["http_calls"] == 0


def test_a_new_output_is_answered_from_the_cache_unless_no_cache(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    assert (
        main(["batch", str(manifest), "--out", str(tmp_path / "1.jsonl"), *llm_args(server)]) == 0
    )
    capsys.readouterr()
    assert (
        main(["batch", str(manifest), "--out", str(tmp_path / "2.jsonl"), *llm_args(server)]) == 0
    )
    summary = _summary(capsys)
    assert (summary["http_calls"], summary["cache_hits"], summary["done"]) == (0, 3, 3)
    assert len(server.requests) == 3
    assert (
        read_lines(tmp_path / "1.jsonl")[0]["briefing"]
        == read_lines(tmp_path / "2.jsonl")[0]["briefing"]
    )
    args = ["batch", str(manifest), "--out", str(tmp_path / "3.jsonl"), "--no-cache"]
    assert main([*args, *llm_args(server)]) == 0
    assert _summary(capsys)["http_calls"] == 3 and len(server.requests) == 6


def test_failures_are_error_lines_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(
        json.dumps({"id": "good", "text": article(1)})
        + "\n"
        + json.dumps({"id": "bad", "text": article(2)})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "nothing"})
        + "\n"
        + json.dumps({"id": "missing", "path": "nowhere.txt"})
        + "\n",
        encoding="utf-8",
    )

    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        # Concurrency 1: "good" takes the first answer, "bad" the three ungrounded ones.
        srv.script(Reply.answer(GOOD), *[Reply.answer(ungrounded()) for _ in range(3)])
        code = main(
            ["batch", str(manifest), "--out", str(out), "--concurrency", "1", *llm_args(srv)]
        )
    assert code == 1
    errors = {line["id"]: line["error"] for line in read_lines(out) if line["status"] == "error"}
    assert set(errors) == {"bad", f"{manifest}:3", "nothing", "missing"}
    assert errors["bad"]["type"] == "UngroundedError"
    assert "exactly one of text, path or url" in errors["nothing"]["message"]
    assert errors["missing"]["type"] == "ArticleNotFoundError"
    captured = capsys.readouterr()
    assert json.loads(captured.out)["failed"] == 4
    assert "4 article(s) failed" in captured.err


def test_retry_errors_briefs_the_failed_articles_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        srv.script(Reply.error(400, message="bad request"))
        assert (
            main(["batch", str(manifest), "--out", str(out), "--concurrency", "1", *llm_args(srv)])
            == 1
        )
        assert [line["status"] for line in read_lines(out)] == ["error", "ok"]
        assert (
            main(["batch", str(manifest), "--out", str(out), "--retry-errors", *llm_args(srv)]) == 0
        )
    lines = read_lines(out)
    assert sorted((line["id"], line["status"]) for line in lines) == [("a0", "ok"), ("a1", "ok")]


def test_a_429_pauses_every_worker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sleeps: list[float]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        srv.script(Reply.error(429, headers={"Retry-After": "7"}))
        args = ["batch", str(manifest), "--out", str(out), "--concurrency", "1", *llm_args(srv)]
        assert main(args) == 0
    # The task that met the 429 waits by the retry policy (the server's 7 s); then
    # every request of the batch, its retry and the three other articles, waits at
    # the shared gate until those 7 s are over.
    assert sleeps[0] == 7.0
    assert len(sleeps) == 5 and all(0.0 < s <= 7.0 for s in sleeps[1:])
    assert {line["status"] for line in read_lines(out)} == {"ok"}


def test_folders_and_files_are_inputs_and_extractive_runs_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(article(1), encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(article(2), encoding="utf-8")
    (folder / ".hidden.txt").write_text(article(3), encoding="utf-8")
    single = tmp_path / "three.txt"
    single.write_text(article(3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(folder), str(single), "--out", str(out), "--no-progress"])
    assert code == 0
    lines = read_lines(out)
    assert sorted(str(line["id"]) for line in lines) == sorted(
        ["one.txt", "sub/two.txt", str(single)]
    )
    assert {line["provenance"]["engine"] for line in lines} == {"extractive"}


def test_a_torn_last_line_is_cut_off_before_appending(
    server: LoopbackServer, tmp_path: Path
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    whole = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(whole[:2]) + whole[2][:40])  # killed in the middle of a write
    assert main(["batch", str(manifest), "--out", str(out), *llm_args(server)]) == 0
    lines = read_lines(out)
    assert sorted(str(line["id"]) for line in lines) == ["a0", "a1", "a2"]


def test_an_output_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("hello\nworld\n", encoding="utf-8")
    with pytest.raises(Exception, match="not a batch result line"):
        ResultFile.open(out)


def test_missing_inputs_and_no_endpoint_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", str(tmp_path / "nope.jsonl"), "--out", out]) == 2
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    assert main(["batch", str(manifest), "--out", out, "--engine", "llm"]) == 2
    err = capsys.readouterr().err
    assert "nope.jsonl" in err and "needs a model endpoint" in err
    assert not (tmp_path / "out.jsonl").exists() or (tmp_path / "out.jsonl").read_text() == ""
