"""Paths and small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The project's shared folder sits beside the repository (../shared); tests that
# need it skip with a reason when it is absent.
SHARED = REPO.parent / "shared"
SHARED_EXAMPLES = SHARED / "examples"
SHARED_DATA = SHARED / "data"

# Every fake API key the suite uses starts with one of these; tests/conftest.py
# scans everything the suite writes (files, recordings, logs) for them.
SECRET_PREFIXES = ("sk-test", "sk-loopback", "sk-SECRET")
