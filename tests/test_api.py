"""The Python API as a caller meets it: typed options, paths and text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefings import ARTICLE
from summarizer import summarize


def test_a_path_is_read_as_a_file_and_a_str_is_the_text(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE + "\nSign up for our newsletter\n", encoding="utf-8")
    from_path = summarize(story, engine="extractive")
    assert from_path.source.source == str(story)
    assert from_path.source.removed_lines == 1  # read as read_article reads it
    from_text = summarize(ARTICLE, engine="extractive")
    assert from_text.briefing == from_path.briefing
    assert from_text.source.source == "<text>"


def test_a_misspelt_option_is_refused_at_run_time_by_name() -> None:
    with pytest.raises(TypeError, match="'modle'"):
        summarize(ARTICLE, modle="m")  # type: ignore[call-arg]


def test_a_misspelt_option_is_a_type_checker_error(tmp_path: Path) -> None:
    snippet = tmp_path / "caller.py"
    snippet.write_text(
        "from summarizer import summarize\nsummarize('text', modle='m')\n", encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1, out.stdout
    assert 'Unexpected keyword argument "modle"' in out.stdout
