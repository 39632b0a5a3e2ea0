"""The output file's group commit: many workers, one fsync per group, every line once."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from summarizer.batch.output import GroupCommit, ResultFile, error_line
from summarizer.errors import OutputError


async def test_lines_finishing_together_share_an_fsync_and_each_is_written_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.jsonl"
    fsyncs: list[int] = []
    real_fsync = os.fsync

    def counted(fd: int) -> None:
        fsyncs.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counted)
    with ResultFile.open(path) as out:
        writer = GroupCommit(out)
        await asyncio.gather(*(writer.append(error_line(f"a{i}", "E", "m")) for i in range(50)))
        assert out.done == {f"a{i}" for i in range(50)}
    ids = [json.loads(line)["id"] for line in path.read_text().splitlines()]
    assert sorted(ids) == sorted(f"a{i}" for i in range(50))
    assert 1 <= len(fsyncs) <= 3  # one for the first line, one or two for the rest


async def test_a_lone_line_is_written_at_once_and_a_write_error_reaches_its_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.jsonl"
    with ResultFile.open(path) as out:
        writer = GroupCommit(out)
        await writer.append(error_line("first", "E", "m"))
        assert json.loads(path.read_text())["id"] == "first"

        def full(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        results = await asyncio.gather(
            *(writer.append(error_line(f"b{i}", "E", "m")) for i in range(3)),
            return_exceptions=True,
        )
    # One clear error of ours, naming the file and the cause, for every writer waiting.
    assert all(isinstance(r, OutputError) for r in results)
    assert "No space left on device" in str(results[0]) and str(path) in str(results[0])
