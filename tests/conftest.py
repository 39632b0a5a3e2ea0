"""Hermetic test setup: no real environment, no real sleeps, no network.

Every test runs with the model-related environment variables removed, HOME
pointing at a temporary folder, and the retry policy's sleeps replaced by a
recorder, so no test waits for real and none can reach a live endpoint by
accident.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import retry
from support import SHARED_EXAMPLES

ENV_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "SUMMARIZER_MODEL",
    "SUMMARIZER_DEBUG",
    "SUMMARIZER_RECORD",
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
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


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


@pytest.fixture
def example_page() -> Path:
    """The real example page from the shared workspace (not redistributed here)."""
    path = SHARED_EXAMPLES / "blinken-wang.article.txt"
    if not path.is_file():
        pytest.skip(f"the shared example page is not present at {path}")
    return path
