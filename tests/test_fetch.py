"""Briefing a URL: pages served on 127.0.0.1, and every way a fetch goes wrong."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2
import pytest

from summarizer.cli.main import main
from summarizer.errors import InputError
from summarizer.inputs.fetch import FetchError, fetch_article, fetch_page
from summarizer.inputs.load import read_article
from support import REPO

PAGE = (REPO / "tests" / "data" / "html" / "lakeport-fares.html").read_bytes()
STORY = (
    "Harbour workers walked out on Monday over pay, the union said, closing the port "
    "for the first time since 1998.\n"
)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: int = 0  # > 0: send the body this many times, chunked, without a length


class Pages:
    """A stdlib HTTP server on 127.0.0.1 serving fixed routes."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        pages = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:
                pages.hits.append(self.path)
                route = pages.routes.get(self.path, Route(404, b"not here"))
                self.send_response_only(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Connection", "close")
                if route.chunks:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    try:
                        for _ in range(route.chunks):
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(route.body), route.body))
                        self.wfile.write(b"0\r\n\r\n")
                    except OSError:
                        pass  # the client stopped reading, as it should
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def add(self, path: str, body: bytes | str = b"", status: int = 200, **kw: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, data, **kw)
        return self.base + path


@pytest.fixture
def pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Pages]:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    served = Pages()
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()
    served.thread.join()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_brief_a_url_keeps_the_page_metadata_and_drops_hidden_text(
    pages: Pages, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.add("/news/fares", PAGE, headers=HTML)
    code, out, err = run(capsys, "brief", url, "--format", "json", "--provenance")
    assert code == 0, err
    data = json.loads(out)
    assert data["source"] == {
        "source": url,
        "title": "Fares Rise Again",
        "byline": "Jo Park",
        "outlet": "The Lakeport Ledger",
        "published": "2026-03-04",
        "removed_lines": 0,
    }
    assert "Hidden promo" not in out and "Reader comment" not in out


def test_the_request_says_who_asks_and_what_it_accepts(pages: Pages) -> None:
    url = pages.add("/p", PAGE, headers=HTML)
    seen: list[httpx2.Request] = []
    with httpx2.Client(event_hooks={"request": [seen.append]}) as client:
        read_article(url, http_client=client)
    (request,) = seen
    assert request.headers["user-agent"].startswith("summarizer")
    assert "text/html" in request.headers["accept"]


def test_plain_text_is_read_as_text(pages: Pages) -> None:
    url = pages.add("/story.txt", STORY, headers={"Content-Type": "text/plain"})
    article = read_article(url)
    assert article.text == STORY.strip() and article.source == url


def test_the_declared_charset_decodes_the_page(pages: Pages) -> None:
    body = STORY.replace("Harbour", "Café").encode("latin-1")
    url = pages.add("/l1", body, headers={"Content-Type": "text/plain; charset=ISO-8859-1"})
    assert "Café workers" in read_article(url).text


def test_redirects_are_followed_and_the_final_url_is_the_source(pages: Pages) -> None:
    final = pages.add("/new", PAGE, headers=HTML)
    url = pages.add("/old", status=301, headers={"Location": "/new"})
    assert read_article(url).source == final


def test_a_redirect_loop_gives_up(pages: Pages) -> None:
    url = pages.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch_page(url)
    assert len(pages.hits) == 6


def test_a_redirect_to_another_scheme_is_refused(pages: Pages) -> None:
    url = pages.add("/evil", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InputError, match="only http:// and https://"):
        fetch_page(url)


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (404, 2, "answered HTTP 404 Not Found (check the URL)"),
        (403, 2, "answered HTTP 403 Forbidden (the site refused"),
        (500, 1, "failed (HTTP 500 Internal Server Error); try again later"),
        (503, 1, "failed (HTTP 503 Service Unavailable)"),
    ],
)
def test_http_errors_are_one_line_with_the_right_exit_code(
    pages: Pages, capsys: pytest.CaptureFixture[str], status: int, code: int, message: str
) -> None:
    url = pages.add("/x", "<p>error page</p>", status=status, headers=HTML)
    got, out, err = run(capsys, "brief", url)
    assert got == code and out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert message in err and url in err


def test_an_unreachable_server_is_exit_code_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:  # a port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/gone"
    code, _, err = run(capsys, "brief", url)
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"summarizer: error: cannot reach the page server for {url}")


def test_a_timeout_is_exit_code_1() -> None:
    def stall(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    with (
        httpx2.Client(transport=httpx2.MockTransport(stall)) as client,
        pytest.raises(FetchError, match=r"did not answer within 3 s") as caught,
    ):
        fetch_article("http://news.example/a", client=client, timeout=3)
    assert caught.value.exit_code == 1


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_what_is_not_a_page_is_refused_with_a_hint(
    pages: Pages, capsys: pytest.CaptureFixture[str], content_type: str
) -> None:
    url = pages.add("/f", b"%PDF-1.7 ...", headers={"Content-Type": content_type})
    code, _, err = run(capsys, "brief", url)
    assert code == 2
    assert f"is {content_type}, not an HTML page or plain text" in err
    assert "--input-format" in err


def test_input_format_overrides_the_content_type(pages: Pages) -> None:
    url = pages.add("/odd", PAGE, headers={"Content-Type": "application/octet-stream"})
    assert read_article(url, input_format="html").outlet == "The Lakeport Ledger"


def test_a_page_over_the_declared_cap_is_refused_before_reading(pages: Pages) -> None:
    url = pages.add("/big", PAGE, headers=HTML)
    with pytest.raises(InputError, match=r"is 1,\d{3} bytes, over the 1,000-byte limit"):
        read_article(url, max_bytes=1000)


def test_a_streamed_page_over_the_cap_stops_reading(pages: Pages) -> None:
    url = pages.add("/endless", b"x" * 4096, headers=HTML, chunks=10_000)  # 40 MB
    with pytest.raises(InputError, match="over the 10,000-byte limit; stopped reading"):
        fetch_page(url, max_bytes=10_000)


def test_input_format_url_insists_on_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", "notes/story.txt", "--input-format", "url")
    assert code == 2 and "is not an http:// or https:// URL" in err


def test_prompt_reads_urls_too(pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
    url = pages.add("/p", PAGE, headers=HTML)
    code, out, _ = run(capsys, "prompt", url)
    assert code == 0 and "Lakeport" in out and "Hidden promo" not in out
