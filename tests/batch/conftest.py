"""Fixtures for the batch tests: a loopback server, a data dir, a manifest of articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefings import GOOD
from summarizer.testing.loopback import LoopbackServer, Reply


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    return home


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(fallback=lambda request: Reply.answer(GOOD)) as srv:
        yield srv
