"""``summarizer doctor`` against the loopback server, in configurations that pass and fail."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from summarizer.cli.main import main
from summarizer.config import Settings
from summarizer.llm.doctor import diagnose
from summarizer.testing.loopback import LoopbackServer, Reply

PONG = {"word": "pong", "number": 7}


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("loopback-model", "other-model")) as srv:
        yield srv


def doctor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["doctor", *argv])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("mode", "sent"),
    [("tools", "tools"), ("json_schema", "response_format"), ("json", "response_format")],
)
def test_a_working_endpoint_passes_every_check(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], mode: str, sent: str
) -> None:
    server.script(Reply.answer(PONG))
    code, lines = doctor(
        capsys, "--base-url", server.base_url, "--model", "loopback-model", "--mode", mode
    )
    assert code == 0, lines
    assert lines[0] == f"summarizer doctor: {server.base_url} · model loopback-model · mode {mode}"
    assert lines[1] == f"  ok    endpoint reachable: GET {server.base_url}/models listed 2 model(s)"
    assert lines[2] == "  ok    model listed: loopback-model"
    assert lines[3].startswith(f"  ok    structured output ({mode}): a tiny schema request")
    assert lines[4] == "  skip  context length: the server does not report it for this model"
    assert lines[-1] == "All checks passed."
    request = server.requests[-1]
    assert request.path == "/v1/chat/completions" and request.body is not None
    assert sent in request.body and request.body["model"] == "loopback-model"


def test_md_json_passes_with_a_warning_that_nothing_is_enforced(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(Reply.answer(PONG, form="markdown"))
    code, lines = doctor(
        capsys, "--base-url", server.base_url, "--model", "loopback-model", "--mode", "md_json"
    )
    assert code == 0
    assert "  warn  structured output (md_json): the answer validated" in "\n".join(lines)


def test_settings_come_from_the_environment_too(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("SUMMARIZER_MODEL", "other-model")
    server.script(Reply.answer(PONG))
    code, lines = doctor(capsys)
    assert code == 0 and lines[2] == "  ok    model listed: other-model"


def test_an_unreachable_endpoint_fails_and_says_what_to_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, lines = doctor(capsys, "--base-url", f"http://127.0.0.1:{port}/v1", "--model", "m")
    assert code == 1
    assert lines[1].startswith(f"  FAIL  endpoint reachable: cannot reach http://127.0.0.1:{port}")
    assert lines[2].startswith("        fix: start the server, or check --base-url")
    assert "Ollama http://localhost:11434/v1" in lines[2]
    assert [line.split(":")[0] for line in lines[3:6]] == [
        "  skip  model listed",
        "  skip  structured output",
        "  skip  context length",
    ]
    assert lines[-1] == "1 check(s) failed."


def test_a_base_url_without_v1_is_pointed_out(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    root = server.base_url.removesuffix("/v1")
    code, lines = doctor(capsys, "--base-url", root, "--model", "loopback-model")
    assert code == 1
    assert "answered HTTP 404" in lines[1] and "the base URL usually ends in /v1" in lines[2]


def test_a_model_the_server_does_not_list_fails(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(Reply.error(404, message="model 'qwen2.5:7b' not found"))
    code, lines = doctor(capsys, "--base-url", server.base_url, "--model", "qwen2.5:7b")
    assert code == 1
    assert lines[2] == (
        "  FAIL  model listed: qwen2.5:7b is not listed; the server lists: "
        "loopback-model, other-model"
    )
    assert "fix: pass --model with a listed name" in lines[3]
    assert "model 'qwen2.5:7b' not found" in "\n".join(lines)


def test_no_model_set_lists_what_the_server_offers(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = doctor(capsys, "--base-url", server.base_url)
    assert code == 1
    assert "no model set; the server lists: loopback-model, other-model" in lines[2]
    assert "  skip  structured output: no model to ask" in lines


@pytest.mark.parametrize(
    ("mode", "fix"),
    [("tools", "try --mode json_schema"), ("json_schema", "try --mode tools")],
)
def test_broken_structured_output_fails_with_a_mode_hint(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], mode: str, fix: str
) -> None:
    server.script(Reply.answer("not json", form="content"))
    code, lines = doctor(
        capsys, "--base-url", server.base_url, "--model", "loopback-model", "--mode", mode
    )
    assert code == 1
    (failed,) = [i for i, line in enumerate(lines) if line.startswith("  FAIL")]
    assert lines[failed].startswith(f"  FAIL  structured output ({mode}): the answer did not")
    assert fix in lines[failed + 1]
    assert len(server.requests) == 2  # GET /models and one request: no re-asks hide a failure


def test_a_server_that_refuses_the_mode_fails(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(Reply.error(400, message="tools are not supported by this model"))
    code, lines = doctor(capsys, "--base-url", server.base_url, "--model", "loopback-model")
    assert code == 1
    text = "\n".join(lines)
    assert "the server refused the request: HTTP 400: tools are not supported" in text
    assert "try --mode json_schema" in text


def test_no_endpoint_configured_fails_without_touching_the_network(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines = doctor(capsys)
    assert code == 1
    assert lines[1] == "  FAIL  endpoint configured: no API key and no base URL"
    assert "set OPENAI_API_KEY" in lines[2]


def test_a_rejected_key_says_to_check_it(capsys: pytest.CaptureFixture[str]) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(401, json={"error": {"message": "bad key"}})

    settings = Settings(base_url="https://llm.example/v1", model="m", api_key="sk-wrong")
    with httpx2.Client(transport=httpx2.MockTransport(handler)) as client:
        checks = diagnose(settings, http_client=client)
    assert (checks[0].status, checks[0].fix) == ("fail", "check OPENAI_API_KEY")


def _server_reporting(entry: dict[str, Any]) -> httpx2.MockTransport:
    def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/models"):
            return httpx2.Response(200, json={"object": "list", "data": [entry]})
        call = {"name": "Probe", "arguments": json.dumps(PONG)}
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "c", "type": "function", "function": call}],
        }
        choice = {"index": 0, "message": message, "finish_reason": "tool_calls"}
        return httpx2.Response(
            200,
            json={
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "m",
                "choices": [choice],
            },
        )

    return httpx2.MockTransport(handler)


@pytest.mark.parametrize(
    ("entry", "status", "detail"),
    [
        ({"id": "m", "max_model_len": 32768}, "ok", "32,768 tokens"),
        (
            {"id": "m", "context_length": 4096},
            "fail",
            "4,096 tokens, but briefing the bundled example needs about",
        ),
        ({"id": "m", "context_length": 16384}, "warn", "16,384 tokens: enough for the example"),
        # llama.cpp reports the context it was started with (-c) as meta.n_ctx.
        ({"id": "m", "meta": {"n_ctx": 2048, "n_ctx_train": 8192}}, "fail", "2,048 tokens, but"),
        ({"id": "m", "metadata": {"context_window": 131072}}, "ok", "131,072 tokens"),
        # llama.cpp: the trained length says nothing about the server's -c.
        ({"id": "m", "meta": {"n_ctx_train": 131072}}, "skip", "the server does not report"),
        ({"id": "m"}, "skip", "the server does not report it"),
    ],
)
def test_the_context_length_is_reported_when_the_server_gives_it(
    entry: dict[str, Any], status: str, detail: str
) -> None:
    settings = Settings(base_url="http://127.0.0.1:9/v1", model="m")
    with httpx2.Client(transport=_server_reporting(entry)) as client:
        checks = diagnose(settings, http_client=client)
    assert [c.status for c in checks[:3]] == ["ok", "ok", "ok"]
    assert (checks[3].name, checks[3].status) == ("context length", status)
    assert checks[3].detail.startswith(detail)


def test_a_server_that_answers_for_an_unlisted_name_is_a_warning_not_a_failure(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # llama.cpp serves its one model under any name: the README's `--model any`.
    server.script(Reply.answer(PONG))
    code, lines = doctor(capsys, "--base-url", server.base_url, "--model", "any")
    assert code == 0, lines
    assert lines[2].startswith("  warn  model listed: any is not listed")
    assert "the server answered for it" in lines[2]
    assert lines[-1] == "All checks passed."


def test_llama_cpp_s_own_context_is_read_from_props_when_models_does_not_say() -> None:
    seen: list[str] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.url.path)
        if request.url.path.endswith("/models"):
            entry = {"id": "m.gguf", "owned_by": "llamacpp", "meta": {"n_ctx_train": 131072}}
            return httpx2.Response(200, json={"object": "list", "data": [entry]})
        if request.url.path == "/props":
            return httpx2.Response(200, json={"default_generation_settings": {"n_ctx": 2048}})
        message = {"role": "assistant", "content": json.dumps(PONG)}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        body = {"id": "x", "object": "chat.completion", "created": 0, "model": "m"}
        return httpx2.Response(200, json={**body, "choices": [choice]})

    settings = Settings(base_url="http://127.0.0.1:9/v1", model="m.gguf", mode="json_schema")
    with httpx2.Client(transport=httpx2.MockTransport(handler)) as client:
        checks = diagnose(settings, http_client=client)
    context = checks[3]
    assert (context.name, context.status) == ("context length", "fail")
    assert context.detail.startswith("2,048 tokens, but briefing the bundled example needs")
    assert "-c" in (context.fix or "") and "/props" in seen
