"""The LLM engine through the service, against the loopback model server.

The same faults the CLI meets (tests/test_llm.py, tests/test_faults.py) reach an
HTTP client as problem details with the same error types and messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from briefings import ARTICLE, GOOD, INVENTED_QUOTE, ungrounded, wrong_figure
from summarizer.config import Settings
from summarizer.inputs.article import article_from_text
from summarizer.llm.prompts import article_fence, messages_hash
from summarizer.testing.loopback import LoopbackServer, Reply

from .conftest import MakeClient

KEY = "sk-test-service-key-0123456789"


@pytest.fixture
def model() -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("loopback-model",)) as srv:
        yield srv


@pytest.fixture
def llm(make_client: MakeClient, model: LoopbackServer) -> TestClient:
    settings = Settings(base_url=model.base_url, model="loopback-model", api_key=KEY, timeout=0.5)
    return make_client(settings=settings)


def test_a_briefing_from_the_model_and_the_request_that_produced_it(
    llm: TestClient, model: LoopbackServer
) -> None:
    model.script(Reply.answer(GOOD, usage=(900, 300)))
    answer = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["briefing"]["disputed_figures"][0]["figure"] == "$12.4 million"
    p = body["provenance"]
    assert (p["engine"], p["model"], p["endpoint_kind"], p["requests"]) == (
        "llm",
        "loopback-model",
        "local",
        1,
    )
    assert (p["prompt_tokens"], p["completion_tokens"]) == (900, 300)

    (request,) = model.requests
    assert request.body is not None and request.headers["authorization"] == f"Bearer {KEY}"
    user = request.body["messages"][1]["content"]
    fence_open, fence_close = article_fence(article_from_text(ARTICLE))
    assert fence_open in user and fence_close in user
    assert p["prompt_hash"] == messages_hash(request.body["messages"])


def test_a_request_may_choose_the_model_and_the_offline_engine(
    llm: TestClient, model: LoopbackServer
) -> None:
    model.script(Reply.answer(GOOD))
    chosen = llm.post("/v1/briefings", json={"text": ARTICLE, "model": "other-model"})
    assert chosen.status_code == 201
    assert model.requests[0].body is not None
    assert model.requests[0].body["model"] == "other-model"
    offline = llm.post("/v1/briefings", json={"text": ARTICLE, "engine": "extractive"})
    assert offline.json()["provenance"]["engine"] == "extractive"
    assert len(model.requests) == 1


def test_an_ungrounded_quote_is_reasked_then_accepted(
    llm: TestClient, model: LoopbackServer
) -> None:
    model.script(Reply.answer(ungrounded()), Reply.answer(GOOD))
    answer = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert answer.status_code == 201
    assert answer.json()["provenance"]["reasks"] == 1
    assert INVENTED_QUOTE not in answer.text


def test_a_model_that_never_grounds_is_a_502_listing_what_was_wrong(
    llm: TestClient, model: LoopbackServer
) -> None:
    model.script(*[Reply.answer(wrong_figure()) for _ in range(3)])
    answer = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert answer.status_code == 502
    problem = answer.json()
    assert problem["error_type"] == "UngroundedError"
    assert "$14 million" in problem["detail"] and "disputed_figures[0].figure" in problem["detail"]
    assert llm.get("/v1/briefings").json()["items"] == []  # nothing stored


@pytest.mark.parametrize(
    ("replies", "status", "words"),
    [
        ([Reply.error(429, headers={"Retry-After": "1"})] * 5, 503, "HTTP 429"),
        ([Reply.error(503)] * 5, 503, "HTTP 503"),
        ([Reply.error(500)] * 5, 502, "HTTP 500"),
        ([Reply.stall(2.0)] * 5, 504, "timed out"),
        ([Reply.answer({"headline": "x"})] * 3, 502, "Field required"),
        ([Reply.refusal()], 502, "refused"),
    ],
)
def test_model_faults_map_to_502_503_504_with_the_cli_message(
    llm: TestClient, model: LoopbackServer, replies: list[Reply], status: int, words: str
) -> None:
    model.script(*replies)
    answer = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert answer.status_code == status, answer.text
    problem = answer.json()
    assert problem["error_type"] in ("TransportError", "ModelOutputError")
    assert words in problem["detail"]
    assert "Traceback" not in answer.text


def test_the_model_key_is_never_shown_stored_or_counted(
    llm: TestClient, model: LoopbackServer, data_home: object
) -> None:
    model.script(Reply.error(401, message=f"invalid key {KEY}"), Reply.answer(GOOD))
    refused = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert refused.status_code == 502 and "OPENAI_API_KEY" in refused.json()["detail"]
    made = llm.post("/v1/briefings", json={"text": ARTICLE + "\nMore.\n"})
    assert made.status_code == 201
    seen = [
        refused.text,
        made.text,
        llm.get(made.headers["location"]).text,
        llm.get(made.headers["location"] + ".html").text,
        llm.get("/v1/briefings").text,
        llm.get("/metrics").text,
        llm.get("/readyz").text,
        llm.get("/openapi.json").text,
        json.dumps(dict(refused.headers)) + json.dumps(dict(made.headers)),
    ]
    assert not [text for text in seen if KEY in text]


def test_a_repeated_request_is_answered_from_the_call_log(
    llm: TestClient, model: LoopbackServer
) -> None:
    model.script(Reply.answer(GOOD, usage=(900, 300)))
    first = llm.post("/v1/briefings", json={"text": ARTICLE})
    second = llm.post("/v1/briefings", json={"text": ARTICLE})
    assert first.status_code == second.status_code == 201
    assert len(model.requests) == 1
    metrics = llm.get("/metrics").text
    assert "summarizer_model_calls_total 1" in metrics
    assert "summarizer_model_cache_hits_total 1" in metrics
    assert "summarizer_model_prompt_tokens_total 900" in metrics
