"""The output file: never someone else's file, never two runs at once, never lost on a full disk."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.batch.output import ResultFile
from summarizer.cli.main import main
from summarizer.errors import OutputBusyError

from .helpers import read_lines, write_manifest


def _run(manifest: Path, out: Path | str, *extra: str) -> int:
    return main(["batch", str(manifest), "-o", str(out), "--no-progress", *extra])


@pytest.mark.parametrize(
    "content",
    [
        b"my notes, no newline at the end",
        b'{"id": "x"',  # looks like JSON, but not a line we write
        b"first line\nsecond line, torn",
        b'{"id":"a0","text":"a manifest line"}\n',
        b"\n",
    ],
    ids=["one-line-no-newline", "json-ish-tail", "two-lines", "a-manifest", "blank-line"],
)
def test_an_existing_file_that_is_not_our_output_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "notes.txt"
    out.write_bytes(content)
    assert _run(manifest, out) == 2
    assert out.read_bytes() == content
    err = capsys.readouterr().err
    assert err.startswith("summarizer: error: ") and str(out) in err
    assert "not a batch output" in err


def test_a_torn_line_of_ours_is_still_cut_off_and_the_run_resumes(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert _run(manifest, out) == 0
    whole = out.read_bytes().splitlines(keepends=True)
    for cut in (1, 5, 12, 40):  # anywhere in the line, even inside the id
        out.write_bytes(b"".join(whole[:2]) + whole[2][:cut])
        assert _run(manifest, out) == 0
        assert len(read_lines(out)) == 3


def test_an_empty_existing_file_is_used(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    out = tmp_path / "out.jsonl"
    out.touch()
    assert _run(manifest, out) == 0
    assert [line["id"] for line in read_lines(out)] == ["a0"]


@pytest.mark.parametrize("target", ["/dev/null", "fifo", "folder"])
def test_an_output_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    if target == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        target = str(path)
    elif target == "folder":
        (tmp_path / "dir.jsonl").mkdir()
        target = str(tmp_path / "dir.jsonl")
    assert _run(manifest, target) == 2
    err = capsys.readouterr().err
    assert ("is a directory" if target.endswith("dir.jsonl") else "not a regular file") in err


def test_batch_to_dev_stdout_through_a_pipe_ends_at_once(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(tmp_path / "data")
    cmd = [sys.executable, "-m", "summarizer", "batch", str(manifest), "-o", "/dev/stdout"]
    proc = subprocess.run(cmd, env=env, capture_output=True, timeout=60)  # stdout is a pipe
    assert proc.returncode == 2
    assert b"not a regular file" in proc.stderr


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    with ResultFile.open(out):  # another run, still writing
        assert _run(manifest, out) == 1
        err = capsys.readouterr().err
        assert "another summarizer batch is writing" in err and str(out) in err
        with pytest.raises(OutputBusyError):
            ResultFile.open(out)
        assert out.read_bytes() == b""
    # Once it is done, the next run goes ahead, and leaves no lock file behind.
    assert _run(manifest, out) == 0
    assert len(read_lines(out)) == 2
    assert not (tmp_path / "out.jsonl.lock").exists()


def test_two_processes_on_one_output_never_brief_an_article_twice(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(tmp_path / "data")
    cmd = [sys.executable, "-m", "summarizer", "batch", str(manifest), "-o", str(out)]
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    errs = [p.communicate(timeout=120)[1].decode() for p in procs]
    codes = [p.returncode for p in procs]
    ids = [line["id"] for line in read_lines(out)]
    assert len(ids) == len(set(ids)) == 30
    # Either they ran one after the other, or the second was turned away.
    assert sorted(codes) in ([0, 0], [0, 1])
    if 1 in codes:
        assert any("another summarizer batch is writing" in e for e in errs)


def test_a_full_disk_is_one_clear_error_and_keeps_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    real_write = os.write
    writes = {"n": 0}

    def filling(fd: int, data: bytes | memoryview) -> int:
        writes["n"] += 1
        if writes["n"] <= 2:
            return real_write(fd, data)
        real_write(fd, bytes(data)[:17])  # the disk fills in the middle of a line
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", filling)
    assert _run(manifest, out, "--concurrency", "1") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert "No space left on device" in err and str(out) in err
    assert "internal error" not in err and "ExceptionGroup" not in err
    kept = read_lines(out)  # whole lines only: the torn write was taken back
    assert [line["id"] for line in kept] == ["a0", "a1"]

    monkeypatch.setattr(os, "write", real_write)
    assert _run(manifest, out) == 0
    ids = [line["id"] for line in read_lines(out)]
    assert sorted(ids) == [f"a{i}" for i in range(6)]


def test_a_failing_fsync_is_an_output_error_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 2)

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    assert _run(manifest, tmp_path / "out.jsonl") == 1
    err = capsys.readouterr().err
    assert "Input/output error" in err and "internal error" not in err


def test_an_output_whose_folder_cannot_be_made_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    assert _run(manifest, blocker / "out.jsonl") == 2
    err = capsys.readouterr().err
    assert "cannot open output" in err and "internal error" not in err


def test_the_lock_holds_whatever_path_names_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = write_manifest(tmp_path / "in.jsonl", 1)
    out = tmp_path / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    with ResultFile.open(out):
        assert _run(manifest, link) == 1
        assert "another summarizer batch is writing" in capsys.readouterr().err


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(tmp_path / "data")
    return env


def test_an_output_that_is_the_commands_own_stdout_is_refused(tmp_path: Path) -> None:
    # `summarizer batch in.jsonl -o /dev/stdout > out.jsonl`: the summary printed on
    # stdout would overwrite the first result lines.
    manifest = write_manifest(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "summarizer", "batch", str(manifest), "-o", "/dev/stdout"]
    with out.open("wb") as stdout:
        proc = subprocess.run(
            cmd, env=_env(tmp_path), stdout=stdout, stderr=subprocess.PIPE, timeout=60
        )
    assert proc.returncode == 2
    assert b"is this command's standard output" in proc.stderr
    assert out.read_bytes() == b""


def test_a_manifest_path_to_a_pipe_is_an_error_line_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(
        '{"id": "pipe", "path": "story.txt"}\n{"id": "ok", "text": "Harbour workers walked '
        'out on Monday over pay, the union said, closing the port for the first time."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "summarizer", "batch", str(manifest), "-o", str(out)]
    proc = subprocess.run(cmd, env=_env(tmp_path), capture_output=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    lines = {line["id"]: line for line in read_lines(out)}
    assert lines["ok"]["status"] == "ok"
    assert "not a regular file" in lines["pipe"]["error"]["message"]


def test_a_manifest_that_is_a_pipe_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "list.jsonl"
    os.mkfifo(fifo)
    cmd = [sys.executable, "-m", "summarizer", "batch", str(fifo), "-o", str(tmp_path / "o")]
    proc = subprocess.run(cmd, env=_env(tmp_path), capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert b"is not a regular file" in proc.stderr
