"""Replaying recorded model traffic, and the path that records it.

The cassettes under tests/cassettes/test_cassettes/ hold the exact HTTP
exchanges of briefings of tests/briefings.py's article. No live model was
reachable when they were made: the answers are hand-written (tests/briefings.py),
served by the loopback server and recorded through the real openai client; each
file says so at its top. Re-record with `pytest tests/test_cassettes.py --record-cassettes`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefings import ARTICLE, GOOD, ungrounded, wrong_figure
from summarizer import Summarizer
from summarizer.errors import StaleRecordingError, UngroundedError
from summarizer.llm.prompts import messages_hash
from summarizer.testing.cassettes import CassetteOrigin, cassette
from summarizer.testing.loopback import LoopbackServer, Reply

CASSETTES = Path(__file__).parent / "cassettes" / "test_cassettes"
KEY = "sk-test-key-not-a-real-one"
# Nothing listens on port 9 (discard); in replay every request must come from the cassette.
NOWHERE = "http://127.0.0.1:9/v1"
ORIGIN = CassetteOrigin(
    endpoint="loopback OpenAI-compatible server (summarizer.testing.loopback) on 127.0.0.1",
    model="loopback-model",
    answers="written by hand in tests/briefings.py; no live model was reachable",
    recorded_at=datetime(2026, 11, 29, tzinfo=UTC),
    recorded_by="tests/test_cassettes.py --record-cassettes",
)


@contextmanager
def briefing_session(
    path: Path, answers: list[dict[str, Any]], *, record: bool
) -> Iterator[Summarizer]:
    """A Summarizer whose traffic is replayed from ``path``, or recorded into it."""
    if not record:
        with (
            cassette(path),
            Summarizer.from_env({}, base_url=NOWHERE, api_key=KEY, model="loopback-model") as s,
        ):
            yield s
        return
    with LoopbackServer(models=("loopback-model",)) as server:
        server.script(*[Reply.answer(a, usage=(1200, 400)) for a in answers])
        with (
            cassette(path, record=True, origin=ORIGIN, secrets=(KEY,)),
            Summarizer.from_env(
                {}, base_url=server.base_url, api_key=KEY, model="loopback-model"
            ) as s,
        ):
            yield s


@pytest.fixture
def record(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--record-cassettes"))


def interactions(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["interactions"]
    return found


def test_replayed_briefing(record: bool) -> None:
    path = CASSETTES / "briefing.yaml"
    with briefing_session(path, [GOOD], record=record) as s:
        result = s.summarize(ARTICLE)
    assert result.briefing.model_dump(mode="json") == GOOD | {
        "disputed_figures": [GOOD["disputed_figures"][0] | {"value": 12400000.0}]
    }
    (exchange,) = interactions(path)
    sent = json.loads(exchange["request"]["body"])
    assert sent["model"] == "loopback-model"
    assert result.provenance.prompt_hash == messages_hash(sent["messages"])
    assert (result.provenance.prompt_tokens, result.provenance.completion_tokens) == (1200, 400)


def test_replayed_reask_two_exchanges_then_success(record: bool) -> None:
    path = CASSETTES / "reask_then_grounded.yaml"
    with briefing_session(path, [ungrounded(), GOOD], record=record) as s:
        result = s.summarize(ARTICLE)
    assert len(interactions(path)) == 2
    assert (result.provenance.requests, result.provenance.reasks) == (2, 1)
    assert result.briefing.key_points[0].evidence == GOOD["key_points"][0]["evidence"]


def test_replayed_model_that_never_grounds(record: bool) -> None:
    path = CASSETTES / "never_grounded.yaml"
    with pytest.raises(UngroundedError) as info:
        with briefing_session(path, [wrong_figure()] * 3, record=record) as s:
            s.summarize(ARTICLE)
    assert len(interactions(path)) == 3
    assert [i.text for i in info.value.items] == ["$14 million"]


@pytest.mark.parametrize(
    "name", ["briefing.yaml", "reask_then_grounded.yaml", "never_grounded.yaml"]
)
def test_cassettes_say_what_made_them_and_hold_no_credentials(name: str) -> None:
    text = (CASSETTES / name).read_text(encoding="utf-8")
    assert text.startswith("# Recorded HTTP exchanges")
    assert "written by hand" in text.split("interactions:")[0]
    assert KEY not in text
    for header in ("authorization", "api-key", "x-stainless", "cookie"):
        assert header not in text.lower()


def test_a_changed_prompt_is_not_replayed_from_an_old_cassette() -> None:
    # The recorded request no longer matches: replay must fail, never score the old answer.
    with pytest.raises(StaleRecordingError, match="re-record"):
        with briefing_session(CASSETTES / "briefing.yaml", [], record=False) as s:
            s.summarize(ARTICLE + "\nThe harbour master resigned on Tuesday.\n")


def test_recording_writes_an_honest_scrubbed_cassette_that_replays(tmp_path: Path) -> None:
    path = tmp_path / "fresh.yaml"
    with briefing_session(path, [ungrounded(), GOOD], record=True) as s:
        recorded = s.summarize(ARTICLE)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(ORIGIN.header())
    assert KEY not in text and "authorization" not in text.lower()
    assert len(interactions(path)) == 2

    with briefing_session(path, [], record=False) as s:
        replayed = s.summarize(ARTICLE)
    assert replayed.briefing.model_dump() == recorded.briefing.model_dump()
    assert replayed.provenance.prompt_hash == recorded.provenance.prompt_hash
    assert replayed.provenance.reasks == 1


def test_recording_refuses_to_write_a_key_into_a_cassette(tmp_path: Path) -> None:
    leaked = dict(GOOD, summary=f"The key is {KEY}.")
    with pytest.raises(ValueError, match="would contain the API key"):
        with briefing_session(tmp_path / "leak.yaml", [leaked], record=True) as s:
            s.summarize(ARTICLE)
    assert not (tmp_path / "leak.yaml").exists()
