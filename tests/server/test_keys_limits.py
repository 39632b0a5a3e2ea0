"""API keys, per-key limits and /metrics."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.server.storage import DB_NAME

from .conftest import MakeClient

TEXT = "The city council voted 7 to 2 on Monday to close the Elm Street pool, Mayor Ann Lee said."


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_keys_create_prints_the_key_once_and_stores_only_its_hash(data_home: Path) -> None:
    made = _cli(data_home, "keys", "create", "slack-bot")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert key.startswith("smz_") and len(key) > 40
    assert "shown only now" in made.stderr
    raw = (data_home / DB_NAME).read_bytes()
    for suffix in ("-wal", "-shm"):
        extra = data_home / (DB_NAME + suffix)
        raw += extra.read_bytes() if extra.exists() else b""
    assert key.encode() not in raw and key[8:].encode() not in raw
    listed = _cli(data_home, "keys", "list")
    assert "slack-bot" in listed.stdout and key not in listed.stdout
    again = _cli(data_home, "keys", "create", "slack-bot")
    assert again.returncode == 2 and "exists" in again.stderr


def test_v1_routes_need_a_valid_key_and_401_says_nothing_of_which_exist(
    make_client: MakeClient, api_key: str
) -> None:
    client = make_client(auth=True)
    answers = [
        client.post("/v1/briefings", json={"text": TEXT}),
        client.post("/v1/briefings", json={"text": TEXT}, headers={"Authorization": "Bearer nope"}),
        client.post(
            "/v1/briefings",
            json={"text": TEXT},
            headers={"Authorization": f"Bearer {api_key[:-1]}x"},
        ),
        client.post("/v1/briefings", json={"text": TEXT}, headers={"Authorization": api_key}),
        client.get("/v1/briefings"),
        client.post("/v1/batches", json={"items": [{"text": TEXT}]}),
    ]
    for answer in answers:
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert answer.json()["error_type"] == "Unauthorized"
        assert "cms" not in answer.text  # the one key's name is never told
    assert len({a.text for a in answers}) == 1  # every refusal reads the same
    ok = client.post(
        "/v1/briefings", json={"text": TEXT}, headers={"Authorization": f"Bearer {api_key}"}
    )
    assert ok.status_code == 201
    assert client.get("/healthz").status_code == 200  # probes need no key
    assert client.get("/").status_code == 200


def test_a_revoked_key_is_refused(make_client: MakeClient, api_key: str, data_home: Path) -> None:
    client = make_client(auth=True)
    auth = {"Authorization": f"Bearer {api_key}"}
    assert client.get("/v1/briefings", headers=auth).status_code == 200
    assert _cli(data_home, "keys", "revoke", "cms").returncode == 0
    assert client.get("/v1/briefings", headers=auth).status_code == 401


def test_a_key_over_its_rate_gets_429_with_retry_after(
    make_client: MakeClient, api_key: str, data_home: Path
) -> None:
    client = make_client(auth=True, rate_per_minute=3)
    auth = {"Authorization": f"Bearer {api_key}"}
    codes = [client.get("/v1/briefings", headers=auth).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/v1/briefings", headers=auth)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json()["error_type"] == "RateLimited"
    # Another key has its own allowance.
    other = _cli(data_home, "keys", "create", "other").stdout.strip()
    assert (
        client.get("/v1/briefings", headers={"Authorization": f"Bearer {other}"}).status_code == 200
    )


def test_a_key_with_its_briefings_in_flight_gets_429(make_client: MakeClient) -> None:
    client = make_client(concurrent_briefings=1)
    limiter = client.app.state.service.limiter  # type: ignore[attr-defined]
    with limiter.briefing("(no auth)"):  # one briefing of this caller is in flight
        busy = client.post("/v1/briefings", json={"text": TEXT})
    assert busy.status_code == 429 and busy.headers["retry-after"] == "1"
    assert busy.json()["error_type"] == "TooManyBriefings"
    assert client.post("/v1/briefings", json={"text": TEXT}).status_code == 201


def test_no_auth_is_refused_off_loopback_and_announced_on_it(data_home: Path) -> None:
    refused = _cli(data_home, "serve", "--no-auth", "--host", "0.0.0.0")
    assert refused.returncode == 2
    assert "only allowed on a loopback address" in refused.stderr


def test_metrics_count_routes_statuses_and_latency_and_hold_no_key_material(
    make_client: MakeClient, api_key: str
) -> None:
    client = make_client(auth=True)
    auth = {"Authorization": f"Bearer {api_key}"}
    made = client.post("/v1/briefings", json={"text": TEXT}, headers=auth)
    client.get(made.headers["location"], headers=auth)
    client.get("/v1/briefings/b_00000000000000000000", headers=auth)
    client.get("/v1/briefings", headers={"Authorization": "Bearer smz_wrong"})
    text = client.get("/metrics").text
    assert (
        'summarizer_http_requests_total{route="/v1/briefings",method="POST",status="201"} 1' in text
    )
    assert (
        'summarizer_http_requests_total{route="/v1/briefings/{briefing_id}",method="GET",'
        'status="404"} 1'
    ) in text
    assert 'route="/v1/briefings",method="GET",status="401"} 1' in text
    assert 'summarizer_briefing_seconds_count{engine="extractive"} 1' in text
    assert 'summarizer_briefings_total{engine="extractive",outcome="ok"} 1' in text
    assert "b_" not in text  # ids are not labels
    assert api_key not in text and api_key[4:12] not in text and "smz_wrong" not in text
    assert "cms" not in text


def test_several_processes_share_the_store(data_home: Path, make_client: MakeClient) -> None:
    a, b = make_client(), make_client()
    made = a.post("/v1/briefings", json={"text": TEXT})
    assert b.get(made.headers["location"]).status_code == 200
    mode = sqlite3.connect(data_home / DB_NAME).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


@pytest.mark.parametrize("name", ["", "has space", "x" * 65, "-dash"])
def test_keys_need_a_plain_name(data_home: Path, name: str) -> None:
    assert _cli(data_home, "keys", "create", name).returncode == 2
