"""The README's commands and example are real: CI runs the first, this runs the rest."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def _first_screen() -> list[str]:
    first_screen = _blocks("sh")[0]
    return [line for line in first_screen.splitlines() if line and not line.startswith("#")]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = _first_screen()
    assert len(commands) == 4, "the first screen gives three commands and a curl"
    demo, tests, serve, curl = commands
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
    assert "summarizer brief examples/harbour-vote.page.txt" in demo
    assert (REPO / "examples" / "harbour-vote.page.txt").is_file()
    assert serve.endswith("summarizer serve --no-auth &") and "'.[server]'" in serve
    assert curl.startswith("curl ") and "@examples/harbour-vote.page.txt" in curl


def test_the_readme_service_command_and_curl_brief_the_example(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the service needs the server extra")
    import httpx
    from server.helpers import free_port, serve_process, wait_ready

    _, _, serve, curl = _first_screen()
    args = shlex.split(serve.split("&&")[-1].rstrip("& "))
    assert args[0] == ".venv/bin/summarizer" and args[1] == "serve"
    words = shlex.split(curl)
    url = words[-1]
    header = words[words.index("-H") + 1]
    body = words[words.index("--data-binary") + 1].removeprefix("@")
    port = free_port()
    proc = serve_process(tmp_path / "data", port, *args[2:])
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base, proc)
        name, _, value = header.partition(":")
        answer = httpx.post(
            url.replace("127.0.0.1:8000", f"127.0.0.1:{port}"),
            content=(REPO / body).read_bytes(),
            headers={name: value.strip()},
            timeout=60,
        )
    finally:
        proc.kill()
        proc.communicate()
    assert answer.status_code == 201, answer.text
    assert "Saltmere" in answer.json()["briefing"]["headline"]


def test_the_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (example,) = _blocks("python")
    monkeypatch.chdir(REPO)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "extractive" in out and "claimed by" in out
