"""Tests for the loopback OpenAI-compatible server, through the real openai client."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import instructor
import openai
import pytest
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam
from pydantic import BaseModel

from summarizer.testing.loopback import LoopbackServer, RecordedRequest, Reply

TOOL = {
    "type": "function",
    "function": {
        "name": "emit_briefing",
        "parameters": {"type": "object", "properties": {"title": {"type": "string"}}},
    },
}
MESSAGES: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Summarize."}]


class Headline(BaseModel):
    title: str
    score: int


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def client(server: LoopbackServer) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as c:
        yield c


def _chat(client: openai.OpenAI, **kwargs: object) -> ChatCompletion:
    return client.chat.completions.create(  # type: ignore[call-overload, no-any-return]
        model="gpt-test", messages=MESSAGES, **kwargs
    )


def test_tool_call_answer(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.answer({"title": "Budget passes"}, usage=(7, 3)))
    completion = _chat(client, tools=[TOOL])
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    calls = choice.message.tool_calls
    assert calls is not None and len(calls) == 1
    call = calls[0]
    assert call.id == "call_0" and call.type == "function"
    assert call.function.name == "emit_briefing"
    assert json.loads(call.function.arguments) == {"title": "Budget passes"}
    assert completion.model == "gpt-test"
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.total_tokens) == (7, 10)
    assert server.pending == 0


def test_tool_choice_name_wins(server: LoopbackServer, client: openai.OpenAI) -> None:
    other = {"type": "function", "function": {"name": "other", "parameters": {}}}
    server.script(Reply.answer("{}"))
    choice = {"type": "function", "function": {"name": "other"}}
    completion = _chat(client, tools=[TOOL, other], tool_choice=choice)
    calls = completion.choices[0].message.tool_calls
    assert calls is not None
    assert calls[0].function.name == "other"  # type: ignore[union-attr]


def test_content_and_markdown_answers(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(
        Reply.answer({"a": 1}, model="served-model"),
        Reply.answer({"a": 1}, form="markdown"),
        Reply.answer('{"a": [1, 2', finish_reason="length"),
        Reply.answer({"a": 1}, form="content"),
    )
    first = _chat(client)
    assert first.choices[0].message.content == '{"a": 1}'
    assert first.choices[0].finish_reason == "stop"
    assert first.model == "served-model"
    assert _chat(client).choices[0].message.content == '```json\n{"a": 1}\n```'
    truncated = _chat(client)
    assert truncated.choices[0].message.content == '{"a": [1, 2'
    assert truncated.choices[0].finish_reason == "length"
    forced = _chat(client, tools=[TOOL])  # form="content" even though tools were sent
    assert forced.choices[0].message.content == '{"a": 1}'
    assert forced.choices[0].message.tool_calls is None


def test_request_recorded(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.answer({}))
    _chat(client, tools=[TOOL])
    [request] = server.requests
    assert isinstance(request, RecordedRequest)
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.body is not None
    assert request.body["model"] == "gpt-test"
    assert request.body["messages"] == MESSAGES
    assert request.body["tools"] == [TOOL]
    assert request.headers["authorization"] == "Bearer sk-test"
    assert all(name == name.lower() for name in request.headers)


def test_connections_are_kept_alive_like_a_real_endpoints(server: LoopbackServer) -> None:
    server.script(Reply.answer({}), Reply.answer({}))
    port = int(server.base_url.rsplit(":", 1)[1].split("/")[0])
    body = json.dumps({"model": "m", "messages": MESSAGES}).encode()
    head = f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}"
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        reader = sock.makefile("rb")
        for _ in range(2):  # two requests on one connection
            sock.sendall(head.encode() + b"\r\n\r\n" + body)
            assert reader.readline().startswith(b"HTTP/1.1 200 ")
            length = 0
            while (line := reader.readline()) != b"\r\n":
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert json.loads(reader.read(length))["object"] == "chat.completion"
    assert len(server.requests) == 2


def test_deterministic_bytes(server: LoopbackServer) -> None:
    def fetch() -> bytes:
        server.script(Reply.answer({"x": "é"}))
        body = json.dumps({"model": "m", "messages": MESSAGES}).encode()
        port = int(server.base_url.rsplit(":", 1)[1].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            head = (
                "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                f"Content-Length: {len(body)}"
            )
            sock.sendall(head.encode() + b"\r\n\r\n" + body)
            chunks = []
            while data := sock.recv(65536):
                chunks.append(data)
        return b"".join(chunks)

    first, second = fetch(), fetch()
    assert first == second
    assert first.startswith(b"HTTP/1.1 200 ")
    assert b"\r\ncontent-type: application/json\r\n" in first.lower()


def test_rate_limit_with_retry_after(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.error(429, message="slow down", headers={"Retry-After": "2"}))
    with pytest.raises(openai.RateLimitError) as info:
        _chat(client)
    assert info.value.status_code == 429
    assert info.value.response.headers["retry-after"] == "2"
    assert "slow down" in str(info.value)
    assert info.value.code == "rate_limit_exceeded"


def test_retry_after_ms_is_honoured_by_sdk_retries(server: LoopbackServer) -> None:
    server.script(Reply.error(429, headers={"retry-after-ms": "10"}), Reply.answer({"ok": True}))
    with openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=1) as client:
        assert _chat(client).choices[0].message.content == '{"ok": true}'
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors(server: LoopbackServer, client: openai.OpenAI, status: int) -> None:
    server.script(Reply.error(status))
    with pytest.raises(openai.InternalServerError) as info:
        _chat(client)
    assert info.value.status_code == status


def test_reset_is_connection_error(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.reset())
    with pytest.raises(openai.APIConnectionError) as info:
        _chat(client)
    assert not isinstance(info.value, openai.APITimeoutError)
    assert len(server.requests) == 1  # the request was read before the reset


def test_stall_is_timeout(server: LoopbackServer) -> None:
    server.script(Reply.stall(1.0))
    started = time.monotonic()
    with openai.OpenAI(
        base_url=server.base_url, api_key="sk-test", max_retries=0, timeout=0.2
    ) as client:
        with pytest.raises(openai.APITimeoutError):
            _chat(client)
    server.stop()  # must not wait for the rest of the stall
    assert time.monotonic() - started < 0.9


def test_stop_interrupts_stall_with_client_waiting(server: LoopbackServer) -> None:
    server.script(Reply.stall(30.0))
    stopper = threading.Timer(0.1, server.stop)
    started = time.monotonic()
    stopper.start()
    try:
        with openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as client:
            with pytest.raises(openai.APIConnectionError):
                _chat(client)
    finally:
        stopper.join()
    assert time.monotonic() - started < 2.0


def test_stall_then_answers(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.stall(0.05, then=Reply.answer({"late": 1})))
    assert _chat(client).choices[0].message.content == '{"late": 1}'


def test_raw_non_json_body(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.raw("<html>Bad gateway</html>", content_type="text/html"))
    raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.http_response.text == "<html>Bad gateway</html>"
    assert raw.headers["content-type"] == "text/html"
    server.script(Reply.raw(b"not json at all", status=502))
    with pytest.raises(openai.InternalServerError):
        _chat(client)


def test_empty_choices_and_refusal(server: LoopbackServer, client: openai.OpenAI) -> None:
    server.script(Reply.empty_choices(), Reply.refusal())
    assert _chat(client).choices == []
    message = _chat(client).choices[0].message
    assert message.content is None
    assert message.refusal == "I can't help with that."


def test_fallback_when_queue_empty() -> None:
    seen: list[RecordedRequest] = []

    def fallback(request: RecordedRequest) -> Reply:
        seen.append(request)
        return Reply.answer({"fallback": True})

    with LoopbackServer(fallback=fallback) as srv:
        srv.script(Reply.answer({"scripted": True}))
        with openai.OpenAI(base_url=srv.base_url, api_key="sk-test", max_retries=0) as client:
            assert _chat(client).choices[0].message.content == '{"scripted": true}'
            assert _chat(client).choices[0].message.content == '{"fallback": true}'
    assert len(seen) == 1 and seen[0].body is not None and seen[0].body["model"] == "gpt-test"


def test_no_reply_left_is_loud_500(client: openai.OpenAI) -> None:
    with pytest.raises(openai.InternalServerError) as info:
        _chat(client)
    assert info.value.status_code == 500
    assert "loopback: no scripted reply left" in str(info.value)


def test_models_list_and_unknown_route(client: openai.OpenAI) -> None:
    with LoopbackServer(models=("m-1", "m-2")) as srv:
        with openai.OpenAI(base_url=srv.base_url, api_key="sk-test", max_retries=0) as c:
            assert [m.id for m in c.models.list()] == ["m-1", "m-2"]
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="m", input="x")


def test_stop_frees_port_and_is_idempotent() -> None:
    srv = LoopbackServer()
    srv.start()
    port = int(srv.base_url.rsplit(":", 1)[1].split("/")[0])
    srv.stop()
    srv.stop()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_instructor_tools_mode(server: LoopbackServer) -> None:
    server.script(Reply.answer({"title": "Rates held", "score": 3}))
    with openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as raw:
        client = instructor.from_openai(raw, mode=instructor.Mode.TOOLS)
        result = client.chat.completions.create(
            model="gpt-test", response_model=Headline, messages=MESSAGES
        )
    assert isinstance(result, Headline)
    assert result.model_dump() == {"title": "Rates held", "score": 3}
    body = server.requests[0].body
    assert body is not None and body["tools"][0]["function"]["name"] == "Headline"


def test_instructor_json_mode(server: LoopbackServer) -> None:
    server.script(Reply.answer({"title": "Rates held", "score": 3}, form="content"))
    with openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as raw:
        client = instructor.from_openai(raw, mode=instructor.Mode.JSON)
        result = client.chat.completions.create(
            model="gpt-test", response_model=Headline, messages=MESSAGES
        )
    assert isinstance(result, Headline)
    assert result.model_dump() == {"title": "Rates held", "score": 3}
    body = server.requests[0].body
    assert body is not None and "tools" not in body
