"""Batches as jobs: submitted at once, run on the batch machinery, resumed after a kill."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from batch.helpers import article
from fastapi.testclient import TestClient

from briefings import GOOD
from summarizer.config import Settings
from summarizer.testing.loopback import LoopbackServer, Reply

from .conftest import MakeClient
from .helpers import served

TEXT = "The city council voted 7 to 2 on Monday to close the Elm Street pool, Mayor Ann Lee said."


def _finish(client: TestClient | httpx.Client, where: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status: dict[str, Any] = client.get(where).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    raise AssertionError(f"the job did not finish: {status}")


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_batch_returns_a_job_at_once_and_its_results_stream_as_jsonl(client: TestClient) -> None:
    items = [
        {"id": "pool", "text": TEXT},
        {"id": "empty", "text": "   "},
        {"text": TEXT + " Again."},
    ]
    made = client.post("/v1/batches", json={"items": items, "engine": "extractive"})
    assert made.status_code == 202
    job = made.json()
    assert job["status"] in ("queued", "running") and job["total"] == 3
    status = _finish(client, made.headers["location"])
    assert (status["status"], status["done"], status["failed"]) == ("done", 2, 1)
    results = client.get(status["links"]["results"])
    assert results.headers["content-type"].startswith("application/x-ndjson")
    lines = _lines(results.text)
    assert sorted(line["id"] for line in lines) == ["3", "empty", "pool"]
    by_id = {line["id"]: line for line in lines}
    assert by_id["pool"]["status"] == "ok" and by_id["pool"]["briefing"]["headline"]
    assert by_id["empty"]["error"]["type"] == "EmptyArticleError"
    only_errors = _lines(client.get(status["links"]["results"], params={"status": "error"}).text)
    assert [line["id"] for line in only_errors] == ["empty"]


def test_a_jsonl_body_is_a_batch(client: TestClient) -> None:
    body = "".join(
        json.dumps({"id": f"a{i}", "text": TEXT + f" Item {i}."}) + "\n" for i in range(5)
    )
    made = client.post(
        "/v1/batches?engine=extractive",
        content=body.encode(),
        headers={"content-type": "application/x-ndjson"},
    )
    assert made.status_code == 202, made.text
    status = _finish(client, made.headers["location"])
    assert status["done"] == 5


@pytest.mark.parametrize(
    ("body", "error_type"),
    [
        ({"items": [{"id": "a", "text": TEXT}, {"id": "a", "text": TEXT}]}, "DuplicateId"),
        ({"items": []}, "RequestValidationError"),
        ({"items": [{"id": "a"}]}, "RequestValidationError"),
        ({"items": [{"id": "a", "path": "/etc/passwd"}]}, "RequestValidationError"),
        ({"items": [{"id": "a", "url": "file:///etc/passwd"}]}, "InputError"),
        ({"items": [{"text": TEXT}], "via": "batch-api"}, "ConfigurationError"),
    ],
)
def test_a_bad_batch_is_refused_whole(
    client: TestClient, body: dict[str, Any], error_type: str
) -> None:
    answer = client.post("/v1/batches", json=body)
    assert answer.status_code == 422 and answer.json()["error_type"] == error_type


def test_progress_counts_tokens_and_cost_of_an_llm_job(make_client: MakeClient) -> None:
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD, usage=(1000, 200))) as model:
        client = make_client(settings=Settings(base_url=model.base_url, model="gpt-4o-mini"))
        items = [{"id": f"a{i}", "text": article(i)} for i in range(3)]
        made = client.post("/v1/batches", json={"items": items})
        status = _finish(client, made.headers["location"])
    assert (status["done"], status["prompt_tokens"], status["completion_tokens"]) == (3, 3000, 600)
    assert status["cost_usd"] == pytest.approx(3 * (1000 * 0.15 + 200 * 0.60) / 1e6)


def test_a_job_can_go_through_the_providers_batch_api(make_client: MakeClient) -> None:
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as model:
        client = make_client(settings=Settings(base_url=model.base_url, model="loopback-model"))
        items = [{"id": f"a{i}", "text": article(i)} for i in range(3)]
        made = client.post("/v1/batches", json={"items": items, "via": "batch-api"})
        assert made.status_code == 202, made.text
        status = _finish(client, made.headers["location"])
        assert any(r.path.endswith("/batches") for r in model.requests)
    assert (status["status"], status["done"]) == ("done", 3)


def test_sigkill_mid_job_then_restart_completes_every_article_exactly_once(tmp_path: Path) -> None:
    count = 40
    home = tmp_path / "data"
    items = [{"id": f"a{i}", "text": article(i)} for i in range(count)]
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD, delay=0.15)) as slow:
        args = (
            "--no-auth",
            "--base-url",
            slow.base_url,
            "--model",
            "loopback-model",
            "--job-concurrency",
            "4",
        )
        with served(home, *args) as (base, proc):
            made = httpx.post(base + "/v1/batches", json={"items": items}, timeout=10)
            assert made.status_code == 202
            where = made.headers["location"]
            job_id = where.rsplit("/", 1)[1]
            results = home / "jobs" / job_id / "results.jsonl"
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if results.exists() and results.read_bytes().count(b"\n") >= 6:
                    break
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
    written = results.read_bytes().count(b"\n")
    assert 6 <= written < count

    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as fast:
        again = ("--no-auth", "--base-url", fast.base_url, "--model", "loopback-model")
        with served(home, *again) as (base, _):
            with httpx.Client(base_url=base, timeout=10) as http:
                status = _finish(http, where, timeout=60)
                lines = _lines(http.get(where + "/results").text)
            assert len(fast.requests) <= count - written
    assert (status["status"], status["done"], status["failed"]) == ("done", count, 0)
    ids = [line["id"] for line in lines]
    assert sorted(ids) == sorted(f"a{i}" for i in range(count)) and len(ids) == len(set(ids))
