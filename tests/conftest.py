"""Hermetic test setup: no real environment, no real sleeps, no network.

Every test runs with the model-related environment variables removed, HOME
pointing at a temporary folder, and the retry policy's sleeps replaced by a
recorder, so no test waits for real and none can reach a live endpoint by
accident.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.llm import retry
from support import REPO, SECRET_PREFIXES, SHARED_EXAMPLES

ENV_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "SUMMARIZER_MODEL",
    "SUMMARIZER_DEBUG",
    "SUMMARIZER_RECORD",
    "SUMMARIZER_DEBUG_HTTP",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--record-cassettes",
        action="store_true",
        help="Re-record tests/cassettes from the loopback server's hand-written answers.",
    )


class Sleeps(list[float]):
    """The waits the retry policy asked for, in order."""


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    # The call log and its cache live here: never the user's real ones, and a
    # value set in the environment (even one naming a file) cannot break a test.
    monkeypatch.setenv("SUMMARIZER_HOME", str(home / "summarizer"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sleeps]:
    """Replace the retry policy's sleeps; the test can read what was asked for."""
    recorded = Sleeps()

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(retry, "_sleep", fake_sleep)
    monkeypatch.setattr(retry, "_async_sleep", fake_async_sleep)
    yield recorded


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _leaks_in_files(roots: list[Path]) -> list[str]:
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if not path.is_file() or path.stat().st_size > 20_000_000:
                continue
            data = path.read_bytes()
            if any(prefix.encode() in data for prefix in SECRET_PREFIXES):
                found.append(str(path))
    return found


@pytest.fixture(scope="session", autouse=True)
def _no_key_in_anything_written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the whole suite: no fake API key in any file it wrote, recording or log line."""
    records = _Records()
    logging.getLogger().addHandler(records)
    yield
    logging.getLogger().removeHandler(records)
    roots = [
        tmp_path_factory.getbasetemp(),
        REPO / "tests" / "cassettes",
        REPO / "evals",
    ]
    leaks = _leaks_in_files(roots)
    leaks += [
        f"log: {line[:120]}" for line in records.lines if any(p in line for p in SECRET_PREFIXES)
    ]
    assert not leaks, f"an API key was written by the suite: {leaks[:5]}"


@pytest.fixture
def example_page() -> Path:
    """The real example page from the shared workspace (not redistributed here)."""
    path = SHARED_EXAMPLES / "blinken-wang.article.txt"
    if not path.is_file():
        pytest.skip(f"the shared example page is not present at {path}")
    return path
