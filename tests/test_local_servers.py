"""What local servers (llama.cpp, Ollama, vLLM) do that OpenAI does not, handled plainly."""

from __future__ import annotations

import pytest

from briefings import ARTICLE, GOOD
from summarizer import Summarizer
from summarizer.errors import ModelOutputError, TransportError
from summarizer.testing.loopback import LoopbackServer, Reply

LLAMA_400 = (
    "request (2843 tokens) exceeds the available context size (2048 tokens), try increasing it"
)
LLAMA_500 = "Context size has been exceeded."
LLAMA_CPP_PYTHON = "Requested tokens (9000) exceed context window of 8192"


@pytest.mark.parametrize(
    ("status", "message"), [(400, LLAMA_400), (500, LLAMA_500), (400, LLAMA_CPP_PYTHON)]
)
def test_a_prompt_too_long_for_the_context_is_refused_once_with_the_setting_to_change(
    status: int, message: str, sleeps: list[float]
) -> None:
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.error(status, message=message), Reply.answer(GOOD))
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            with pytest.raises(TransportError) as info:
                s.summarize(ARTICLE)
        assert len(server.requests) == 1  # not retried: it would fail the same way
    text = str(info.value)
    assert "too long for its context" in text
    assert "llama.cpp -c" in text and "--parallel" in text and "OLLAMA_CONTEXT_LENGTH" in text
    assert "{'error'" not in text  # the server's words, not a Python dict
    assert sleeps == []


def test_an_ordinary_500_is_still_retried(sleeps: list[float]) -> None:
    with LoopbackServer(models=("m",)) as server:
        server.script(Reply.error(500, message="model is loading"), Reply.answer(GOOD))
        with Summarizer.from_env({}, base_url=server.base_url, model="m") as s:
            result = s.summarize(ARTICLE)
    assert result.provenance.transport_retries == 1


def test_a_model_that_never_calls_the_tool_is_told_to_try_json_schema() -> None:
    prose = "Here is a summary of the article: the harbour vote was close."
    with LoopbackServer(models=("m",)) as server:
        server.script(*[Reply.answer(prose, form="content")] * 3)
        with Summarizer.from_env({}, base_url=server.base_url, model="m", mode="tools") as s:
            with pytest.raises(ModelOutputError) as info:
                s.summarize(ARTICLE)
    assert "try mode json_schema" in str(info.value)
