"""The README's commands and example are real: CI runs the first, this runs the rest."""

from __future__ import annotations

import re

import pytest

from support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    first_screen = _blocks("sh")[0]
    commands = [line for line in first_screen.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2, "the first screen gives two commands"
    demo, tests = commands
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
    assert "summarizer brief examples/harbour-vote.page.txt" in demo
    assert (REPO / "examples" / "harbour-vote.page.txt").is_file()


def test_the_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (example,) = _blocks("python")
    monkeypatch.chdir(REPO)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "extractive" in out and "claimed by" in out
