"""URLs in a batch manifest are fetched as ``summarizer brief URL`` fetches them."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from briefings import ARTICLE
from summarizer.batch import runner
from summarizer.cli.main import main

from .helpers import read_lines

# The article with a word that is spelt differently in Latin-1 and UTF-8.
STORY = ARTICLE.replace("Mirela Vasko", "Mirela Vaskó").replace("\u2014", "-")


class Pages:
    """A stdlib HTTP server on 127.0.0.1: path -> (status, headers, body, delay)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        pages = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:
                status, headers, body, delay = pages.routes.get(
                    self.path, (404, {}, b"not here", 0.0)
                )
                if delay:
                    time.sleep(delay)  # a slow server, on its own thread
                self.send_response_only(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(
        self, path: str, body: bytes, status: int = 200, delay: float = 0.0, **headers: str
    ) -> str:
        self.routes[path] = (
            status,
            {k.replace("_", "-"): v for k, v in headers.items()},
            body,
            delay,
        )
        return self.base + path


@pytest.fixture
def pages() -> Iterator[Pages]:
    served = Pages()
    thread = threading.Thread(
        target=served.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield served
    finally:
        served.server.shutdown()
        served.server.server_close()


def _batch(tmp_path: Path, urls: dict[str, str], **texts: str) -> dict[str, dict[str, Any]]:
    manifest = tmp_path / "in.jsonl"
    records = [{"id": i, "url": u} for i, u in urls.items()]
    records += [{"id": i, "text": t} for i, t in texts.items()]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # The pages are served on 127.0.0.1, which a batch refuses unless allowed.
    argv = ["batch", str(manifest), "-o", str(out), "--engine", "extractive", "--no-progress"]
    main([*argv, "--allow-private-urls"])
    return {line["id"]: line for line in read_lines(out)}


def test_a_page_that_is_not_html_or_text_is_refused(pages: Pages, tmp_path: Path) -> None:
    body = json.dumps({"story": STORY}).encode()
    lines = _batch(tmp_path, {"api": pages.add("/api", body, content_type="application/json")})
    assert lines["api"]["status"] == "error"
    assert lines["api"]["error"]["type"] == "InputError"
    assert "application/json, not an HTML page or plain text" in lines["api"]["error"]["message"]


def test_the_declared_charset_is_honoured(pages: Pages, tmp_path: Path) -> None:
    url = pages.add(
        "/story", STORY.encode("latin-1"), content_type="text/plain; charset=iso-8859-1"
    )
    lines = _batch(tmp_path, {"latin": url})
    assert lines["latin"]["status"] == "ok", lines["latin"]["error"]
    assert "Vaskó" in json.dumps(lines["latin"]["briefing"], ensure_ascii=False)


def test_redirects_are_capped_as_for_brief(pages: Pages, tmp_path: Path) -> None:
    for i in range(7):
        pages.add(f"/hop{i}", b"", status=302, location=f"/hop{i + 1}")
    pages.add("/hop7", STORY.encode(), content_type="text/plain")
    lines = _batch(tmp_path, {"loop": pages.base + "/hop0"})
    assert lines["loop"]["error"]["type"] == "FetchError"
    assert "redirected more than 5 times" in lines["loop"]["error"]["message"]


def test_a_fetch_that_outlasts_the_deadline_fails_its_article_only(
    pages: Pages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "FETCH_DEADLINE", 0.2)
    slow = pages.add("/slow", STORY.encode(), delay=1.0, content_type="text/plain")
    lines = _batch(tmp_path, {"slow": slow}, inline=STORY)
    assert lines["inline"]["status"] == "ok"
    assert lines["slow"]["error"]["type"] == "FetchError"
    # Whichever comes first: no answer within the deadline, or no whole page.
    assert "within 0.2 s" in lines["slow"]["error"]["message"]


def test_a_url_is_recognised_as_brief_recognises_it(pages: Pages, tmp_path: Path) -> None:
    url = pages.add("/story", STORY.encode(), content_type="text/plain")
    lines = _batch(tmp_path, {"upper": "  " + url.replace("http://", "HTTP://")})
    assert lines["upper"]["status"] == "ok", lines["upper"]["error"]


def test_a_url_on_this_machine_is_refused_unless_allowed(pages: Pages, tmp_path: Path) -> None:
    manifest = tmp_path / "in.jsonl"
    page = ("<html><body><p>" + STORY + "</p></body></html>").encode()
    url = pages.add("/story", page, content_type="text/html; charset=utf-8")
    manifest.write_text(json.dumps({"id": "local", "url": url}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["batch", str(manifest), "-o", str(out), "--engine", "extractive", "--no-progress"])
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["status"] == "error" and line["error"]["type"] == "PrivateAddressError"
