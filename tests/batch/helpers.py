"""Helpers shared by the batch tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefings import ARTICLE
from summarizer.testing.loopback import LoopbackServer


def article(i: int) -> str:
    """A distinct article (so no two requests are identical) that GOOD is grounded in."""
    return f"{ARTICLE}\nReference {i}.\n"


def write_manifest(path: Path, count: int, start: int = 0) -> Path:
    lines = (json.dumps({"id": f"a{i}", "text": article(i)}) for i in range(start, start + count))
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def llm_args(server: LoopbackServer) -> list[str]:
    return ["--base-url", server.base_url, "--model", "loopback-model", "--no-progress"]
