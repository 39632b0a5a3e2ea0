"""Errors are problem details with the CLI's types and messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from summarizer.inputs.article import DEFAULT_MAX_BYTES

from .conftest import MakeClient

PROBLEM = "application/problem+json"


def _problem(answer: Any, status: int, error_type: str) -> dict[str, object]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM
    body: dict[str, object] = answer.json()
    assert body["status"] == status and body["error_type"] == error_type
    assert body["type"] == f"urn:summarizer:problem:{error_type}" and body["title"]
    assert "Traceback" not in answer.text
    return body


def _cli_error(stdin: bytes) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", "-", "--engine", "extractive"],
        input=stdin,
        capture_output=True,
        check=False,
    )
    assert out.returncode == 2
    line = out.stderr.decode().strip()
    assert line.startswith("summarizer: error: ")
    return line.removeprefix("summarizer: error: ").replace("<stdin>", "<text>")


@pytest.mark.parametrize(
    ("content", "error_type"),
    [
        (b"   \n\n  ", "EmptyArticleError"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "BinaryInputError"),
    ],
)
def test_a_bad_article_is_a_422_with_the_cli_error_and_message(
    client: TestClient, content: bytes, error_type: str
) -> None:
    answer = client.post("/v1/briefings", content=content, headers={"content-type": "text/plain"})
    body = _problem(answer, 422, error_type)
    assert body["detail"] == _cli_error(content)


def test_an_article_over_5mb_is_a_413_as_json_and_as_a_raw_body(client: TestClient) -> None:
    big = "word " * (DEFAULT_MAX_BYTES // 5 + 10)
    body = _problem(client.post("/v1/briefings", json={"text": big}), 413, "ArticleTooLargeError")
    assert "over the 5,000,000-byte limit" in str(body["detail"])
    raw = client.post("/v1/briefings", content=big.encode(), headers={"content-type": "text/plain"})
    _problem(raw, 413, "ArticleTooLargeError")


def test_a_body_over_the_limit_is_refused_before_it_is_read(make_client: MakeClient) -> None:
    client = make_client(max_body_bytes=1000)
    declared = client.post(
        "/v1/briefings", content=b"x" * 2000, headers={"content-type": "text/plain"}
    )
    _problem(declared, 413, "BodyTooLarge")

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 300

    streamed = client.post(
        "/v1/briefings", content=chunks(), headers={"content-type": "text/plain"}
    )
    _problem(streamed, 413, "BodyTooLarge")


@pytest.mark.parametrize(
    ("kwargs", "status", "error_type"),
    [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            422,
            "RequestValidationError",
        ),
        ({"json": {"text": "a", "url": "https://example.org/"}}, 422, "RequestValidationError"),
        ({"json": {}}, 422, "RequestValidationError"),
        ({"json": {"text": "Some text.", "engine": "magic"}}, 422, "RequestValidationError"),
        ({"json": {"text": "Some text.", "base_url": "http://x/"}}, 422, "RequestValidationError"),
        (
            {"content": b"%PDF-1.7", "headers": {"content-type": "application/pdf"}},
            415,
            "UnsupportedMediaType",
        ),
        ({"json": {"url": "ftp://example.org/story"}}, 422, "InputError"),
        ({"json": {"text": "The council met.", "engine": "llm"}}, 400, "ConfigurationError"),
    ],
)
def test_bad_requests_are_4xx_problems(
    client: TestClient, kwargs: dict[str, object], status: int, error_type: str
) -> None:
    _problem(client.post("/v1/briefings", **kwargs), status, error_type)  # type: ignore[arg-type]


def test_unknown_ids_and_routes_are_404_problems(client: TestClient) -> None:
    _problem(client.get("/v1/briefings/b_00000000000000000000"), 404, "NotFound")
    _problem(client.get("/v1/briefings/../../etc/passwd"), 404, "NotFound")
    _problem(client.get("/v1/briefings/nope.html"), 404, "NotFound")
    _problem(client.get("/v1/batches/j_00000000000000000000"), 404, "NotFound")
    _problem(client.get("/no/such/route"), 404, "NotFound")
    _problem(client.delete("/v1/briefings"), 405, "MethodNotAllowed")


def test_an_unforeseen_failure_is_a_500_problem_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = client.app.state.service  # type: ignore[attr-defined]

    class Broken:
        def summarize(self, article: object) -> None:
            raise RuntimeError("secret internals /srv/app/module.py line 12")

    monkeypatch.setattr(state.briefer, "summarizer", lambda *args: Broken())
    body = _problem(
        client.post("/v1/briefings", json={"text": "The council met."}), 500, "InternalError"
    )
    assert "secret internals" not in str(body) and "module.py" not in str(body)
