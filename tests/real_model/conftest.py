"""A real llama.cpp server (llama-cpp-python) with SmolLM2-135M, started once per module.

The server is built by ``python scripts/realmodel.py build`` into a cache directory
outside the repository; where it is not built, every test here skips with that reason.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx2
import pytest

from support import REPO


def _realmodel() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "realmodel_script", REPO / "scripts" / "realmodel.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REALMODEL = _realmodel()
MODEL = str(REALMODEL.MODEL_NAME)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(context: int, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the server with ``context`` tokens of context; wait until it lists its model."""
    if not REALMODEL.built():
        pytest.skip(
            "the llama.cpp test server is not built: run `python scripts/realmodel.py build` "
            f"(about 20 minutes on 2 cores the first time; cache {REALMODEL.cache_dir()})"
        )
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            REALMODEL.serve_command(port, context), stdout=out, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the llama.cpp server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx2.get(f"{base_url}/models", timeout=2).status_code == 200:
                return process, base_url
        except httpx2.HTTPError:
            pass
        time.sleep(0.5)
    process.kill()
    pytest.fail("the llama.cpp server did not answer within 120 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def real_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a llama.cpp server with the default test context."""
    process, base_url = start_server(
        REALMODEL.CONTEXT, tmp_path_factory.mktemp("llama") / "server.log"
    )
    try:
        yield base_url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def small_context_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose context (1,024 tokens) is too small for the example article."""
    process, base_url = start_server(1024, tmp_path_factory.mktemp("llama-small") / "server.log")
    try:
        yield base_url
    finally:
        stop_server(process)
