"""POST and GET briefings through the service, with the offline engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from fastapi.testclient import TestClient

from summarizer.resources import resource_dir
from support import REPO

from .conftest import MakeClient

EXAMPLE = REPO / "examples" / "harbour-vote.page.txt"
BRIEFING_SCHEMA = json.loads(resource_dir("schemas").joinpath("briefing.v1.json").read_text())


def _cli_json(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer",
            "brief",
            str(path),
            "--format",
            "json",
            "--provenance",
            "--engine",
            "extractive",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, object] = json.loads(out.stdout)
    return data


def _same_but_timing(a: dict[str, object], b: dict[str, object]) -> None:
    for d in (a, b):
        d["provenance"]["latency_s"] = 0  # type: ignore[index]
        d["source"]["source"] = "-"  # type: ignore[index]
    assert a == b


def test_a_posted_article_comes_back_as_the_cli_prints_it_and_is_stored(client: TestClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    answer = client.post("/v1/briefings", json={"text": text})

    assert answer.status_code == 201
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    jsonschema.validate(body["briefing"], BRIEFING_SCHEMA)
    assert body["provenance"]["engine"] == "extractive"
    assert body["source"]["title"] == "Saltmere Harbour Vote Splits Town Over Cost and Crowds"
    _same_but_timing(dict(body), _cli_json(EXAMPLE))

    where = answer.headers["location"]
    assert where.startswith("/v1/briefings/b_")
    again = client.get(where)
    assert again.status_code == 200 and again.json() == answer.json()


def test_a_raw_text_body_and_a_raw_html_body_are_briefed(client: TestClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    plain = client.post(
        "/v1/briefings",
        content=text.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert plain.status_code == 201, plain.text
    page = (
        "<html><head><title>Harbour</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        + "</article></body></html>"
    )
    html = client.post(
        "/v1/briefings?format=json", content=page.encode(), headers={"content-type": "text/html"}
    )
    assert html.status_code == 201, html.text
    assert html.json()["briefing"]["key_points"]


def test_the_html_page_of_a_stored_briefing_highlights_its_evidence(client: TestClient) -> None:
    made = client.post("/v1/briefings", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    page = client.get(made.headers["location"] + ".html")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<mark id="q-1"' in page.text and 'href="#q-1"' in page.text
    assert "Content-Security-Policy" in page.text
    # format=html on the POST gives the same page at once.
    direct = client.post(
        "/v1/briefings", json={"text": EXAMPLE.read_text(encoding="utf-8"), "format": "html"}
    )
    assert direct.status_code == 201 and direct.text.startswith("<!doctype html>")


def test_briefings_are_listed_newest_first_and_searched(client: TestClient) -> None:
    harbour = client.post("/v1/briefings", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    other = client.post(
        "/v1/briefings",
        json={
            "text": "The city council voted 7 to 2 on Monday to close the Elm Street pool, "
            "Mayor Ann Lee said. Residents said they would appeal."
        },
    )
    listing = client.get("/v1/briefings").json()
    ids = [item["id"] for item in listing["items"]]
    assert ids[:2] == [
        other.headers["location"].rsplit("/", 1)[1],
        harbour.headers["location"].rsplit("/", 1)[1],
    ]
    found = client.get("/v1/briefings", params={"q": "saltmere harbour"}).json()["items"]
    assert [i["id"] for i in found] == [ids[1]]
    assert found[0]["links"]["html"].endswith(".html")
    assert client.get("/v1/briefings", params={"q": "100%_nothing"}).json()["items"] == []
    page = client.get("/v1/briefings", params={"limit": 1}).json()
    assert len(page["items"]) == 1 and page["next_offset"] == 1


def test_a_briefing_survives_a_restart_of_the_app(make_client: MakeClient) -> None:
    first = make_client()
    made = first.post("/v1/briefings", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    first.__exit__(None, None, None)
    second = make_client()
    assert second.get(made.headers["location"]).json() == made.json()


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "checks": {}}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"storage": "ok"}


def test_readiness_fails_when_the_model_endpoint_is_down(make_client: MakeClient) -> None:
    from summarizer.config import Settings

    dead = make_client(settings=Settings(base_url="http://127.0.0.1:9/v1", model="m"))
    ready = dead.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["model_endpoint"].startswith("unreachable")
