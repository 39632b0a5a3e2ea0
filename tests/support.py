"""Paths and small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"

# Every fake API key the suite uses starts with one of these; tests/conftest.py
# scans everything the suite writes (files, recordings, logs) for them.
SECRET_PREFIXES = ("sk-test", "sk-loopback", "sk-SECRET")
