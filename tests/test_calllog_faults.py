"""A call log that cannot be used is reported as what it is, naming the file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefings import ARTICLE, GOOD
from summarizer.cli.main import main
from summarizer.llm.calllog import CallLog
from summarizer.testing.loopback import LoopbackServer, Reply


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("m",), fallback=lambda r: Reply.answer(GOOD)) as srv:
        monkeypatch.setenv("OPENAI_BASE_URL", srv.base_url)
        monkeypatch.setenv("SUMMARIZER_MODEL", "m")
        yield srv


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, it is a note someone saved here\n" * 100)


def _other_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE calls (note TEXT)")
        db.execute("INSERT INTO calls VALUES ('mine')")
    db.close()


def _damaged_pages(path: Path) -> None:
    with CallLog(path) as log:
        for i in range(200):
            log.record(
                key=f"k{i}",
                url="http://h/v1/chat/completions",
                request={"model": "m", "messages": [{"role": "user", "content": "x" * 2000}]},
                status=500,
                response="e" * 2000,
                latency_s=0.1,
                attempt=1,
                cache_hit=False,
            )
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):  # keep the header and schema pages
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def _a_directory(path: Path) -> None:
    path.mkdir()


def _read_only(path: Path) -> None:
    with CallLog(path):
        pass
    path.chmod(0o444)
    path.parent.chmod(0o555)


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "not a database": _garbage,
    "a calls table of another shape": _other_table,
    "damaged pages": _damaged_pages,
    "a directory": _a_directory,
    "read-only": _read_only,
}


@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_an_unusable_call_log_is_named_not_blamed_on_the_endpoint(
    corruption: str,
    server: LoopbackServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if corruption == "read-only" and os.geteuid() == 0:
        pytest.skip("root writes to read-only files")
    home = Path(os.environ["SUMMARIZER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    log = home / "calls.db"
    CORRUPTIONS[corruption](log)
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    try:
        code = main(["brief", str(story)])
    finally:
        home.chmod(0o755)
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"the call log {log}" in err, err
    assert "cannot reach" not in err and "internal error" not in err
    errors = [line for line in err.splitlines() if line.startswith("summarizer: error:")]
    assert len(errors) == 1 and errors[0] == err.strip().splitlines()[-1]
    assert "SUMMARIZER_HOME" in errors[0]  # where to point it instead
    assert len(server.requests) == 0
