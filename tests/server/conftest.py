"""Fixtures for the service tests: an app on a temporary data directory, keys, a client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service needs the server extra")

from fastapi.testclient import TestClient  # noqa: E402

from summarizer.config import Settings  # noqa: E402
from summarizer.server import ServerConfig, create_app  # noqa: E402
from summarizer.server.keys import create_key  # noqa: E402
from summarizer.server.storage import SQLiteStorage  # noqa: E402

MakeClient = Callable[..., TestClient]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    return home


@pytest.fixture
def make_client(data_home: Path) -> Iterator[MakeClient]:
    """Build a client for an app with these ServerConfig fields (auth off unless asked)."""
    clients: list[TestClient] = []

    def make(**fields: Any) -> TestClient:
        fields.setdefault("auth", False)
        fields.setdefault("settings", Settings(engine="extractive"))
        fields.setdefault("data_dir", data_home)
        client = TestClient(create_app(ServerConfig(**fields)), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@pytest.fixture
def api_key(data_home: Path) -> str:
    store = SQLiteStorage.in_dir(data_home)
    try:
        return create_key(store, "cms")
    finally:
        store.close()
