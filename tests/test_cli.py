"""The command line as a user meets it: output, files, stdin, errors and exit codes."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest

from briefings import ARTICLE, GOOD, wrong_figure
from summarizer.cli.main import main
from summarizer.schema import packaged_schema
from summarizer.testing.loopback import LoopbackServer, Reply
from support import REPO

EXAMPLE = REPO / "examples" / "harbour-vote.page.txt"


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
        yield srv


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_brief_with_no_endpoint_uses_the_offline_engine_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "brief", str(EXAMPLE))
    assert code == 0
    assert "KEY POINTS" in out and "DISPUTED FIGURES" in out
    assert "engine: extractive" in err and "OPENAI_API_KEY" in err
    for furniture in ("Sign up", "Download the app", "Most read"):
        assert furniture not in out


def test_json_output_validates_against_the_shipped_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "brief", str(EXAMPLE), "--format", "json")
    assert code == 0
    jsonschema.validate(json.loads(out), json.loads(packaged_schema("briefing.v1.json")))


def test_json_with_provenance_wraps_the_briefing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", str(EXAMPLE), "--format", "json", "--provenance")
    data = json.loads(out)
    assert code == 0
    assert data["provenance"]["engine"] == "extractive"
    assert data["source"]["source"] == str(EXAMPLE)
    assert data["source"]["removed_lines"] > 0


def test_markdown_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert out.startswith("## ") and "### Key points" in out and "### Disputed figures" in out


def test_out_writes_the_file_and_nothing_to_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "brief.json"
    code, out, _ = run(capsys, "brief", str(EXAMPLE), "--format", "json", "--out", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["key_points"]


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the process umask for one test, and restore it afterwards."""
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_out_creates_its_file_with_the_modes_the_umask_allows(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    umask: Callable[[int], int],
    mask: int,
    mode: int,
) -> None:
    umask(mask)
    target = tmp_path / "brief.md"
    code, _, err = run(capsys, "brief", str(EXAMPLE), "--format", "markdown", "--out", str(target))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_out_keeps_the_mode_of_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, umask: Callable[[int], int]
) -> None:
    umask(0o022)
    target = tmp_path / "brief.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert run(capsys, "brief", str(EXAMPLE), "--out", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "KEY POINTS" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), None])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: OSError | None,
) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("the previous briefing", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise failure if failure is not None else KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    code, out, err = run(capsys, "brief", str(EXAMPLE), "--out", str(target))
    if failure is not None:
        (error,) = [line for line in err.splitlines() if "error" in line]
        assert code == 2 and error.startswith(f"summarizer: error: cannot write {target}: No space")
    else:
        assert code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]
    assert target.read_text(encoding="utf-8") == "the previous briefing"


def test_out_writes_into_a_fifo_instead_of_replacing_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _, err = run(capsys, "brief", str(EXAMPLE), "--format", "json", "--out", str(fifo))
    if reader.is_alive():  # the write never opened the FIFO: unblock the reader
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=10)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and json.loads(received[0])["key_points"]


def test_out_through_a_symlink_writes_the_file_it_points_to(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run(capsys, "brief", str(EXAMPLE), "--out", str(link))[0] == 0
    assert link.is_symlink() and "KEY POINTS" in real.read_text(encoding="utf-8")


def test_dash_reads_the_article_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "brief", "-", "--format", "json", "--provenance")
    assert code == 0
    assert json.loads(out)["source"]["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_text("  \n\t\n"), "empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), "not text"),
        (lambda p: p.write_bytes(b"Caf\xe9 owners said prices rose."), "UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    setup: Callable[[Path], object],
    message: str,
) -> None:
    path = tmp_path / "article.txt"
    setup(path)
    code, out, err = run(capsys, "brief", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert message in err
    assert "Traceback" not in err


def test_llm_engine_without_an_endpoint_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, _, err = run(capsys, "brief", str(article), "--engine", "llm")
    assert code == 2 and "needs a model endpoint" in err and err.count("\n") == 1


def test_a_custom_endpoint_without_a_model_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, _, err = run(capsys, "brief", str(article), "--base-url", "http://127.0.0.1:9/v1")
    assert code == 2 and "--model" in err


def test_unknown_mode_is_a_usage_error(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, _, err = run(capsys, "brief", str(article), "--mode", "xml")
    assert code == 2 and "xml" in err


def test_brief_through_a_configured_endpoint(
    capsys: pytest.CaptureFixture[str], article: Path, server: LoopbackServer
) -> None:
    server.script(Reply.answer(GOOD))
    code, out, err = run(capsys, "brief", str(article), "--format", "json", "--provenance")
    assert code == 0, err
    data = json.loads(out)
    assert data["briefing"]["headline"] == GOOD["headline"]
    assert data["provenance"]["model"] == "loopback-model"
    assert "engine: llm" in err


def test_model_failure_is_one_line_and_exit_code_1(
    capsys: pytest.CaptureFixture[str], article: Path, server: LoopbackServer
) -> None:
    server.script(*[Reply.answer(wrong_figure()) for _ in range(3)])
    code, out, err = run(capsys, "brief", str(article))
    assert code == 1 and out == ""
    (line,) = [x for x in err.splitlines() if "error" in x]
    assert (
        line.startswith("summarizer: error: ") and "$14 million" in line and "not grounded" in line
    )
    assert err.splitlines()[-1] == line


def test_unreachable_endpoint_is_one_line_and_exit_code_1(
    capsys: pytest.CaptureFixture[str], article: Path, server: LoopbackServer
) -> None:
    server.script(*[Reply.reset() for _ in range(5)])
    code, _, err = run(capsys, "brief", str(article))
    assert code == 1
    assert err.splitlines() == [
        "summarizer: engine: llm (model loopback-model)",
        f"summarizer: error: cannot reach the model endpoint {server.base_url} after 5 attempt(s)",
    ]


def test_prompt_prints_the_messages_that_would_be_sent(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, _ = run(capsys, "prompt", str(article))
    assert code == 0
    assert out.startswith("# template briefing v")
    assert "## system" in out and "## user" in out and "TomasˆBrellˆtoldˆreporters" in out


def test_the_installed_command_runs_the_readme_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "KEY POINTS" in done.stdout


def test_datamarking_can_be_turned_off_from_the_command_line(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, _ = run(capsys, "prompt", str(article), "--no-datamark")
    assert code == 0 and "ˆ" not in out and "Tomas Brell told reporters" in out


def test_brief_logs_each_call_and_answers_a_repeat_from_the_log(
    capsys: pytest.CaptureFixture[str], article: Path, server: LoopbackServer
) -> None:
    server.script(Reply.answer(GOOD), Reply.answer(GOOD))
    first = run(capsys, "brief", str(article), "--format", "json")
    again = run(capsys, "brief", str(article), "--format", "json")
    assert first[0] == again[0] == 0 and first[1] == again[1]
    assert len(server.requests) == 1  # the repeat came from the call log
    assert run(capsys, "brief", str(article), "--no-cache")[0] == 0
    assert len(server.requests) == 2
    code, out, _ = run(capsys, "logs", "--json")
    calls = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(calls) == 3
    assert sorted(bool(c["cache_hit"]) for c in calls) == [False, False, True]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "0", "-1"])
def test_a_timeout_that_is_not_a_finite_positive_number_is_refused_as_usage(
    value: str, server: LoopbackServer, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "brief", str(article), "--timeout", value)
    assert code == 2
    assert "--timeout" in err and "Traceback" not in err
    assert len(server.requests) == 0


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0, 0.0])
def test_settings_refuse_a_timeout_that_is_not_a_finite_positive_number(value: float) -> None:
    from summarizer import Settings
    from summarizer.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="timeout"):
        Settings(timeout=value)


def test_max_tokens_is_a_flag_and_openai_gets_it_under_its_own_name(
    server: LoopbackServer,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.script(Reply.answer(GOOD))
    code, _, _ = run(capsys, "brief", str(article), "--max-tokens", "1234")
    assert code == 0
    assert server.requests[0].body is not None and server.requests[0].body["max_tokens"] == 1234
    code, out, _ = run(capsys, "prompt", str(article), "--request", "--max-tokens", "777")
    assert code == 0 and json.loads(out)["max_tokens"] == 777
    # OpenAI's own API takes the budget as max_completion_tokens (its newer models
    # refuse max_tokens); other servers know max_tokens.
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-sent")
    code, out, _ = run(capsys, "prompt", str(article), "--request")
    body = json.loads(out)
    assert code == 0 and body["max_completion_tokens"] == 4096 and "max_tokens" not in body
    code, _, err = run(capsys, "brief", str(article), "--max-tokens", "0")
    assert code == 2 and "--max-tokens" in err


def test_brief_says_it_is_waiting_for_a_slow_model_only_when_asked(
    server: LoopbackServer,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarizer.cli import waiting

    monkeypatch.setattr(waiting, "NOTICE_AFTER", 0.0)
    monkeypatch.setattr(waiting, "POLL_EVERY", 0.01)
    server.script(Reply.answer(GOOD, delay=0.5), Reply.answer(GOOD, delay=0.5))
    code, _, err = run(capsys, "brief", str(article), "--no-cache")
    assert code == 0 and "waiting for the model" not in err  # stderr is not a terminal
    code, _, err = run(capsys, "brief", str(article), "--no-cache", "--progress")
    assert code == 0
    assert "summarizer: waiting for the model (0 s)" in err


def test_the_waiting_notice_counts_seconds_from_the_start_of_the_request() -> None:
    from summarizer.cli.waiting import WaitNotice

    now = [100.0]
    out = io.StringIO()
    notice = WaitNotice(out, terminal=False, after=5.0, every=10.0, clock=lambda: now[0])
    notice.poll()
    notice.started()
    for t in (102.0, 105.2, 106.0, 114.0, 115.4, 116.0):
        now[0] = t
        notice.poll()
    notice.finished()
    now[0] = 140.0
    notice.poll()
    assert out.getvalue().splitlines() == [
        "summarizer: waiting for the model (5 s)…",
        "summarizer: waiting for the model (15 s)…",
    ]
    tty = io.StringIO()
    notice = WaitNotice(tty, terminal=True, after=5.0, every=10.0, clock=lambda: now[0])
    notice.started()
    now[0] = 146.0
    notice.poll()
    notice.finished()
    assert tty.getvalue() == "\rsummarizer: waiting for the model (6 s)…\r\x1b[K"
