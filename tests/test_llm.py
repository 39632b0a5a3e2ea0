"""The LLM engine end to end: openai SDK -> retry policy -> instructor -> validators.

Every test talks to the loopback OpenAI-compatible server on 127.0.0.1 and
asserts the request that was sent as well as the briefing that came back.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import summarizer
from briefings import ARTICLE, GOOD, INVENTED_QUOTE, ungrounded, wrong_figure
from summarizer import Summarizer
from summarizer.errors import ModelOutputError, TransportError, UngroundedError
from summarizer.inputs.article import article_from_text
from summarizer.llm.prompts import article_fence, messages_hash, render
from summarizer.models import Briefing
from summarizer.testing.loopback import LoopbackServer, RecordedRequest, Reply


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(models=("loopback-model",)) as srv:
        yield srv


def _summarizer(server: LoopbackServer, **options: Any) -> Summarizer:
    options.setdefault("model", "loopback-model")
    return Summarizer.from_env({}, base_url=server.base_url, api_key="sk-test-key", **options)


def _sent_messages(request: RecordedRequest) -> list[dict[str, Any]]:
    assert request.body is not None
    messages: list[dict[str, Any]] = request.body["messages"]
    return messages


def test_tools_mode_briefing_and_the_request_that_produced_it(server: LoopbackServer) -> None:
    server.script(Reply.answer(GOOD, usage=(900, 300)))
    with _summarizer(server) as s:
        result = s.summarize(ARTICLE)

    assert result.briefing.disputed_figures[0].figure == "$12.4 million"
    assert [st.actor for st in result.briefing.stances] == ["Mirela Vasko", "Tomas Brell"]

    (request,) = server.requests
    body = request.body
    assert body is not None
    assert body["model"] == "loopback-model"
    assert body["tools"][0]["function"]["name"] == "Briefing"
    assert request.headers["authorization"] == "Bearer sk-test-key"
    user = _sent_messages(request)[1]["content"]
    fence_open, fence_close = article_fence(article_from_text(ARTICLE))
    assert fence_open in user and fence_close in user
    fenced = user.split(fence_open)[1].split(fence_close)[0]
    assert "TomasˆBrellˆtoldˆreporters" in fenced  # datamarked (spotlighting)

    p = result.provenance
    expected = render(article_from_text(ARTICLE))
    assert p.prompt_hash == expected.hash == messages_hash(_sent_messages(request))
    assert (p.engine, p.model, p.mode, p.endpoint_kind) == (
        "llm",
        "loopback-model",
        "tools",
        "local",
    )
    assert (p.requests, p.reasks, p.transport_retries) == (1, 0, 0)
    assert (p.prompt_tokens, p.completion_tokens, p.total_tokens) == (900, 300, 1200)


@pytest.mark.parametrize(
    ("mode", "form"),
    [("json", "content"), ("md_json", "markdown"), ("json_schema", "content")],
)
def test_json_modes_ask_without_tools_and_parse_the_content(
    server: LoopbackServer, mode: str, form: str
) -> None:
    server.script(Reply.answer(GOOD, form=form))  # type: ignore[arg-type]
    with _summarizer(server, mode=mode) as s:
        result = s.summarize(ARTICLE)
    assert result.briefing.headline == GOOD["headline"]
    assert result.provenance.mode == mode
    body = server.requests[0].body
    assert body is not None and "tools" not in body
    if mode == "json_schema":
        assert body["response_format"]["type"] == "json_schema"


def test_an_ungrounded_quote_is_reasked_once_then_accepted(server: LoopbackServer) -> None:
    server.script(Reply.answer(ungrounded()), Reply.answer(GOOD))
    with _summarizer(server) as s:
        result = s.summarize(ARTICLE)

    assert len(server.requests) == 2
    assert (result.provenance.requests, result.provenance.reasks) == (2, 1)
    assert result.provenance.transport_retries == 0
    # The re-ask tells the model which quote was wrong, and keeps the original prompt.
    reask = json.dumps(_sent_messages(server.requests[1]))
    assert INVENTED_QUOTE in reask and "does not occur in the article" in reask
    assert _sent_messages(server.requests[1])[:2] == _sent_messages(server.requests[0])[:2]
    assert INVENTED_QUOTE not in result.briefing.model_dump_json()


def test_a_model_that_never_grounds_gets_a_typed_error_listing_what_was_wrong(
    server: LoopbackServer,
) -> None:
    server.script(*[Reply.answer(wrong_figure()) for _ in range(3)])
    with _summarizer(server, max_reasks=2) as s, pytest.raises(UngroundedError) as info:
        s.summarize(ARTICLE)
    err = info.value
    assert len(server.requests) == 3 and err.attempts == 3
    assert [(i.location, i.text) for i in err.items] == [
        ("disputed_figures[0].figure", "$14 million")
    ]
    assert "$14 million" in str(err) and "\n" not in str(err)
    assert err.last_response is not None and "$14 million" in err.last_response


def test_a_malformed_answer_is_reasked_then_reported(server: LoopbackServer) -> None:
    broken = {k: v for k, v in GOOD.items() if k != "key_points"}
    server.script(Reply.answer(broken), Reply.answer(broken))
    with _summarizer(server, max_reasks=1) as s, pytest.raises(ModelOutputError) as info:
        s.summarize(ARTICLE)
    assert "key_points" in str(info.value)
    assert len(server.requests) == 2


def test_rate_limit_is_retried_after_the_servers_wait(
    server: LoopbackServer, sleeps: list[float]
) -> None:
    server.script(
        Reply.error(429, headers={"Retry-After": "2"}),
        Reply.error(503),
        Reply.answer(GOOD),
    )
    with _summarizer(server) as s:
        result = s.summarize(ARTICLE)
    assert len(server.requests) == 3
    assert sleeps[0] == 2.0 and len(sleeps) == 2
    p = result.provenance
    assert (p.transport_retries, p.reasks, p.requests) == (2, 0, 1)
    # A transport retry repeats the identical request; nothing is re-asked.
    assert server.requests[0].body == server.requests[2].body


def test_transport_faults_that_outlast_the_policy_raise_a_typed_error(
    server: LoopbackServer,
) -> None:
    server.script(*[Reply.error(500) for _ in range(5)])
    with _summarizer(server) as s, pytest.raises(TransportError) as info:
        s.summarize(ARTICLE)
    assert info.value.status_code == 500
    assert len(server.requests) == 5  # the policy's five attempts, and the SDK added none
    assert "HTTP 500" in str(info.value) and "sk-test-key" not in str(info.value)


def test_a_client_error_is_reported_at_once_with_a_hint(server: LoopbackServer) -> None:
    server.script(Reply.error(401, message="invalid key sk-test-key"))
    with _summarizer(server) as s, pytest.raises(TransportError) as info:
        s.summarize(ARTICLE)
    assert len(server.requests) == 1
    assert "OPENAI_API_KEY" in str(info.value)
    assert "sk-test-key" not in str(info.value)


@pytest.mark.parametrize(
    "line",
    ["{{ 7*7 }}", "{% if x %}yes{% endif %}", "{# c #}", "{% raw %}{% endraw %}", "{{ config }}"],
)
def test_template_syntax_in_the_article_reaches_the_model_untouched(
    server: LoopbackServer, line: str
) -> None:
    text = ARTICLE + f"\nA banner in the hall read {line} all week, staff said.\n"
    server.script(Reply.answer(GOOD))
    with _summarizer(server) as s:
        result = s.summarize(text)
    user = _sent_messages(server.requests[0])[1]["content"].replace("ˆ", " ")
    assert f"read {line} all week" in user
    assert result.provenance.prompt_hash == messages_hash(_sent_messages(server.requests[0]))


def test_a_quote_containing_template_syntax_is_grounded_verbatim(server: LoopbackServer) -> None:
    text = ARTICLE + "\nA banner in the hall read {{ 7*7 }} all week, staff said.\n"
    answer = json.loads(json.dumps(GOOD))
    answer["key_points"][1]["evidence"] = ["A banner in the hall read {{ 7*7 }} all week"]
    server.script(Reply.answer(answer))
    with _summarizer(server) as s:
        result = s.summarize(text)
    assert result.briefing.key_points[1].evidence == [
        "A banner in the hall read {{ 7*7 }} all week"
    ]
    assert len(server.requests) == 1


async def test_asummarize_works_like_summarize(server: LoopbackServer, sleeps: list[float]) -> None:
    server.script(
        Reply.error(429, headers={"retry-after-ms": "150"}),
        Reply.answer(ungrounded()),
        Reply.answer(GOOD),
    )
    s = _summarizer(server)
    try:
        result = await s.asummarize(ARTICLE)
    finally:
        await s.aclose()
    assert result.briefing.headline == GOOD["headline"]
    p = result.provenance
    assert (p.transport_retries, p.reasks, p.requests) == (1, 1, 2)
    assert sleeps == [0.15]


def test_the_api_key_is_not_in_any_repr(server: LoopbackServer) -> None:
    with _summarizer(server) as s:
        assert "sk-test-key" not in repr(s)
        assert "sk-test-key" not in repr(s.settings)


async def test_concurrent_briefings_are_each_checked_against_their_own_article(
    server: LoopbackServer,
) -> None:
    # Each answer quotes only its own article; a grounding context that leaked
    # between concurrent calls would reject one of them.
    other_article = ARTICLE.replace("Tomas Brell", "Ilse Marten")
    other = json.loads(json.dumps(GOOD).replace("Tomas Brell", "Ilse Marten"))

    def answer(request: RecordedRequest) -> Reply:
        user = _sent_messages(request)[1]["content"]
        return Reply.answer(other if "IlseˆMarten" in user else GOOD, delay=0.05)

    server.fallback = answer
    s = _summarizer(server)
    try:
        results = await asyncio.gather(
            *(s.asummarize(text) for text in [ARTICLE, other_article] * 4)
        )
    finally:
        await s.aclose()
    actors = [r.briefing.stances[1].actor for r in results]
    assert actors == ["Tomas Brell", "Ilse Marten"] * 4
    assert [r.provenance.requests for r in results] == [1] * 8
    assert len(server.requests) == 8


def test_a_briefing_validated_after_a_call_is_not_grounded_in_that_calls_article(
    server: LoopbackServer,
) -> None:
    server.script(Reply.answer(GOOD))
    with _summarizer(server) as s:
        s.summarize(ARTICLE)
    # Saved JSON loads with type checks only once the call is over.
    loaded = Briefing.model_validate_json(json.dumps(ungrounded()))
    assert INVENTED_QUOTE in json.dumps(loaded.model_dump())


def test_nothing_in_the_package_assigns_into_instructor_or_openai() -> None:
    # instructor is used through its public API only: no function of its (or the
    # SDK's) modules is replaced, which would change it for every user in the process.
    package = Path(summarizer.__file__).parent
    offending = []
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"^\s*(instructor|openai|_instructor\w*|_async_validators)\.[\w.]+\s*=[^=]",
            r"setattr\(\s*(instructor|openai|_instructor)",
            r"import instructor\.v2\.core",
            r"from instructor\.v2",
        ):
            if re.search(pattern, text, re.M):
                offending.append(f"{path.name}: {pattern}")
    assert offending == []


def test_a_completion_missing_fields_local_servers_leave_out_is_still_read(
    server: LoopbackServer,
) -> None:
    # No id, object, created or usage, and a finish_reason off the spec: the
    # SDK reads such bodies without validating, and so must we.
    arguments = json.dumps(GOOD)
    call = {
        "id": "c1",
        "type": "function",
        "function": {"name": "Briefing", "arguments": arguments},
    }
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    body = {
        "model": "loopback-model",
        "choices": [{"index": 0, "message": message, "finish_reason": "eos"}],
    }
    server.script(Reply.raw(json.dumps(body), content_type="application/json"))
    with _summarizer(server) as s:
        result = s.summarize(ARTICLE)
    assert result.briefing.headline == GOOD["headline"]
    assert (result.provenance.requests, result.provenance.prompt_tokens) == (1, 0)


def test_a_program_using_the_library_gets_the_typed_error_and_no_stray_log_lines(
    server: LoopbackServer,
) -> None:
    server.script(Reply.error(400, message="bad request"))
    code = (
        "import sys\n"
        "from summarizer import Summarizer\n"
        "from summarizer.errors import TransportError\n"
        f"s = Summarizer.from_env({{}}, base_url={server.base_url!r}, model='m')\n"
        "try:\n"
        f"    s.summarize({ARTICLE!r})\n"
        "except TransportError as exc:\n"
        "    print('typed:', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.startswith("typed: the model endpoint")
    assert done.stderr == ""


def test_a_completion_budget_is_sent_and_can_be_changed(server: LoopbackServer) -> None:
    server.script(Reply.answer(GOOD), Reply.answer(GOOD))
    with _summarizer(server) as s:
        s.summarize(ARTICLE)
    with _summarizer(server, max_tokens=1500) as s:
        s.summarize(ARTICLE)
    budgets = [r.body["max_tokens"] for r in server.requests if r.body is not None]
    assert budgets == [4096, 1500]


def test_a_temperature_is_sent_only_when_one_is_set(server: LoopbackServer) -> None:
    # Greedy decoding (0) makes a local model's recording repeatable; unset, the
    # request is the one every earlier recording holds.
    from summarizer import Settings
    from summarizer.errors import ConfigurationError

    server.script(Reply.answer(GOOD), Reply.answer(GOOD))
    with _summarizer(server) as s:
        s.summarize(ARTICLE)
    # A setting of the recording sets, not a summarize() option.
    settings = Settings(
        engine="llm", base_url=server.base_url, model="loopback-model", temperature=0.0
    )
    with Summarizer(settings) as s:
        s.summarize(ARTICLE)
    sent = [r.body for r in server.requests if r.body is not None]
    assert "temperature" not in sent[0] and sent[1]["temperature"] == 0
    with pytest.raises(ConfigurationError, match="temperature"):
        Settings(temperature=-1.0)


@pytest.mark.parametrize("value", [0, -5])
def test_a_completion_budget_must_be_positive(value: int) -> None:
    from summarizer import Settings
    from summarizer.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="max_tokens"):
        Settings(max_tokens=value)
