"""Briefing a URL: pages served on 127.0.0.1, and every way a fetch goes wrong."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2
import pytest

from summarizer.cli.main import main
from summarizer.errors import InputError, PrivateAddressError
from summarizer.inputs.addresses import address_refusal
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
PUBLIC_IP = "93.184.216.34"


def public_dns(host: str, port: int) -> list[str]:
    """A resolver that answers a public address for every name, without any lookup."""
    return [PUBLIC_IP]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_brief_a_url_keeps_the_page_metadata_and_drops_hidden_text(
    pages: Pages, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.add("/news/fares", PAGE, headers=HTML)
    code, out, err = run(
        capsys, "brief", url, "--format", "json", "--provenance", "--allow-private-urls"
    )
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
        read_article(url, http_client=client, allow_private=True)
    (request,) = seen
    assert request.headers["user-agent"].startswith("summarizer")
    assert "text/html" in request.headers["accept"]


def test_plain_text_is_read_as_text(pages: Pages) -> None:
    url = pages.add("/story.txt", STORY, headers={"Content-Type": "text/plain"})
    article = read_article(url, allow_private=True)
    assert article.text == STORY.strip() and article.source == url


def test_the_declared_charset_decodes_the_page(pages: Pages) -> None:
    body = STORY.replace("Harbour", "Café").encode("latin-1")
    url = pages.add("/l1", body, headers={"Content-Type": "text/plain; charset=ISO-8859-1"})
    assert "Café workers" in read_article(url, allow_private=True).text


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "hex", "unicode_escape"])
def test_a_page_declaring_a_charset_that_is_not_text_is_refused(
    pages: Pages, capsys: pytest.CaptureFixture[str], charset: str
) -> None:
    url = pages.add("/odd", STORY, headers={"Content-Type": f"text/plain; charset={charset}"})
    code, out, err = run(capsys, "brief", url, "--allow-private-urls")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"declares charset {charset!r}, which is not a text encoding" in err
    assert "--encoding" in err
    meta = f'<html><head><meta charset="{charset}"></head><body><p>{STORY}</p></body></html>'
    url = pages.add("/meta", meta, headers={"Content-Type": "text/html"})
    code, _, err = run(capsys, "brief", url, "--allow-private-urls")
    assert code == 2 and "not a text encoding" in err


def test_redirects_are_followed_and_the_final_url_is_the_source(pages: Pages) -> None:
    final = pages.add("/new", PAGE, headers=HTML)
    url = pages.add("/old", status=301, headers={"Location": "/new"})
    assert read_article(url, allow_private=True).source == final


def test_a_redirect_loop_gives_up(pages: Pages) -> None:
    url = pages.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch_page(url, allow_private=True)
    assert len(pages.hits) == 6


def test_a_redirect_to_another_scheme_is_refused(pages: Pages) -> None:
    url = pages.add("/evil", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InputError, match="only http:// and https://"):
        fetch_page(url, allow_private=True)


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
    got, out, err = run(capsys, "brief", url, "--allow-private-urls")
    assert got == code and out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert message in err and url in err


def test_an_unreachable_server_is_exit_code_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:  # a port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/gone"
    code, _, err = run(capsys, "brief", url, "--allow-private-urls")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"summarizer: error: cannot reach the page server for {url}")


def test_a_timeout_is_exit_code_1() -> None:
    def stall(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    with (
        httpx2.Client(transport=httpx2.MockTransport(stall)) as client,
        pytest.raises(FetchError, match=r"did not answer within 3 s") as caught,
    ):
        fetch_article("http://news.example/a", client=client, timeout=3, resolver=public_dns)
    assert caught.value.exit_code == 1


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_what_is_not_a_page_is_refused_with_a_hint(
    pages: Pages, capsys: pytest.CaptureFixture[str], content_type: str
) -> None:
    url = pages.add("/f", b"%PDF-1.7 ...", headers={"Content-Type": content_type})
    code, _, err = run(capsys, "brief", url, "--allow-private-urls")
    assert code == 2
    assert f"is {content_type}, not an HTML page or plain text" in err
    assert "--input-format" in err


def test_input_format_overrides_the_content_type(pages: Pages) -> None:
    url = pages.add("/odd", PAGE, headers={"Content-Type": "application/octet-stream"})
    assert (
        read_article(url, input_format="html", allow_private=True).outlet == "The Lakeport Ledger"
    )


def test_a_page_over_the_declared_cap_is_refused_before_reading(pages: Pages) -> None:
    url = pages.add("/big", PAGE, headers=HTML)
    with pytest.raises(InputError, match=r"is 1,\d{3} bytes, over the 1,000-byte limit"):
        read_article(url, max_bytes=1000, allow_private=True)


def test_a_streamed_page_over_the_cap_stops_reading(pages: Pages) -> None:
    url = pages.add("/endless", b"x" * 4096, headers=HTML, chunks=10_000)  # 40 MB
    with pytest.raises(InputError, match="over the 10,000-byte limit; stopped reading"):
        fetch_page(url, max_bytes=10_000, allow_private=True)


def test_input_format_url_insists_on_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "brief", "notes/story.txt", "--input-format", "url")
    assert code == 2 and "is not an http:// or https:// URL" in err


def test_prompt_reads_urls_too(pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
    url = pages.add("/p", PAGE, headers=HTML)
    code, out, _ = run(capsys, "prompt", url, "--allow-private-urls")
    assert code == 0 and "Lakeport" in out and "Hidden promo" not in out


# --- Private addresses: refused unless asked for, checked before any connection ---------


class Recorder:
    """A MockTransport handler: records every request, answers from a table by URL path."""

    def __init__(self, answers: dict[str, httpx2.Response] | None = None) -> None:
        self.sent: list[httpx2.Request] = []
        self.answers = answers or {}

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        answer = self.answers.get(request.url.path)
        return answer if answer is not None else httpx2.Response(200, html=PAGE.decode())


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/admin",
        "http://127.1.2.3/",
        "http://[::1]/",
        "http://10.0.0.5/",
        "http://172.16.4.2/",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fd00::5]/",
        "http://0.0.0.0:8000/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[::127.0.0.1]/",
        "http://[2002:7f00:1::]/",
        "http://[64:ff9b::a00:5]/",
    ],
)
def test_a_url_to_this_machine_or_its_network_is_refused_before_anything_is_sent(
    url: str,
) -> None:
    handler = Recorder()
    with (
        httpx2.Client(transport=httpx2.MockTransport(handler)) as client,
        pytest.raises(PrivateAddressError, match="--allow-private-urls") as caught,
    ):
        fetch_article(url, client=client, resolver=public_dns)
    assert handler.sent == []
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    "answers",
    [["10.0.0.5"], ["169.254.169.254"], ["::1"], [PUBLIC_IP, "127.0.0.1"], ["::ffff:10.0.0.1"]],
)
def test_a_name_that_resolves_to_a_private_address_is_refused(answers: list[str]) -> None:
    handler = Recorder()
    asked: list[tuple[str, int]] = []

    def dns(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return answers

    with (
        httpx2.Client(transport=httpx2.MockTransport(handler)) as client,
        pytest.raises(PrivateAddressError, match=r"intranet\.example resolves to") as caught,
    ):
        fetch_article("https://intranet.example/wiki", client=client, resolver=dns)
    assert handler.sent == [] and asked == [("intranet.example", 443)]
    assert caught.value.address in answers


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:8080/admin",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://[::1]:6379/",
        "http://10.1.1.1/",
        "http://metadata.internal/computeMetadata/v1/",
        "//localhost.internal/x",
    ],
)
def test_a_redirect_to_a_private_address_is_refused(location: str) -> None:
    handler = Recorder({"/story": httpx2.Response(302, headers={"Location": location})})

    def dns(host: str, port: int) -> list[str]:
        return {"metadata.internal": ["169.254.169.254"], "localhost.internal": ["127.0.0.1"]}.get(
            host, [PUBLIC_IP]
        )

    with (
        httpx2.Client(transport=httpx2.MockTransport(handler)) as client,
        pytest.raises(PrivateAddressError, match=r"redirected from http://news\.example/story"),
    ):
        fetch_article("http://news.example/story", client=client, resolver=dns)
    assert [r.url.path for r in handler.sent] == ["/story"]


def test_the_request_goes_to_the_address_that_was_checked() -> None:
    # A name that answers a public address to the check and a private one later
    # (DNS rebinding) must not reach the private one: the request is pinned.
    handler = Recorder()
    answers = iter([[PUBLIC_IP], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    with httpx2.Client(transport=httpx2.MockTransport(handler)) as client:
        article = fetch_article(
            "https://news.example:8443/a?b=1", client=client, resolver=rebinding
        )
    (request,) = handler.sent
    assert request.url.host == PUBLIC_IP and request.url.port == 8443
    assert request.headers["host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"
    assert article.source == "https://news.example:8443/a?b=1"


@pytest.mark.parametrize(
    "host", ["localhost", "127.1", "2130706433", "0x7f000001", "0x7f.1", "LOCALHOST"]
)
def test_names_and_old_number_forms_of_loopback_are_refused_by_the_system_resolver(
    host: str,
) -> None:
    # Resolved by the C library's own parsing (numbers, /etc/hosts), never by DNS.
    def local_only(name: str, port: int) -> list[str]:
        flags = 0 if name.lower() == "localhost" else socket.AI_NUMERICHOST
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM, flags=flags)
        return [str(info[4][0]) for info in infos]

    handler = Recorder()
    with (
        httpx2.Client(transport=httpx2.MockTransport(handler)) as client,
        pytest.raises(PrivateAddressError, match="loopback"),
    ):
        fetch_article(f"http://{host}:8080/", client=client, resolver=local_only)
    assert handler.sent == []


def test_a_name_that_does_not_resolve_is_a_fetch_error(capsys: pytest.CaptureFixture[str]) -> None:
    def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve the host of http://nowhere.example/"):
        fetch_article("http://nowhere.example/", resolver=nxdomain)


def test_brief_refuses_a_loopback_url_unless_allowed(
    pages: Pages, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.add("/local", PAGE, headers=HTML)
    code, out, err = run(capsys, "brief", url)
    assert code == 2 and out == "" and pages.hits == []
    assert err.count("\n") == 1
    assert err.startswith(f"summarizer: error: refusing to fetch {url}: 127.0.0.1 is a loopback")
    assert "--allow-private-urls" in err
    code, out, err = run(capsys, "brief", url, "--allow-private-urls")
    assert code == 0 and "Lakeport" in out and pages.hits == ["/local"]


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("93.184.216.34", False),
        ("2606:4700::6810:84e5", False),
        ("::ffff:93.184.216.34", False),
        ("64:ff9b::5db8:d822", False),  # NAT64 of a public address
        ("127.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("fec0::1", True),
        ("240.0.0.1", True),
        ("255.255.255.255", True),
        ("ff02::1", True),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", True),  # Teredo
        ("not an address", True),
    ],
)
def test_address_refusal_tells_public_from_everything_else(address: str, refused: bool) -> None:
    assert (address_refusal(address) is not None) == refused


# --- Malformed URLs and redirects --------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::1", "not a valid URL"),
        ("https://[fe80::1/x", "not a valid URL"),
        ("http://exa mple.com/", "is not a valid host name"),
        ("http://a..b/", "is not a valid host name"),
        ("http://0177.0.0.1/", "not a valid URL"),
        ("http://-bad-.example/", "is not a valid host name"),
        ("http://" + "x" * 64 + ".example/", "is not a valid host name"),
        ("http://news.example:99999/", "port 99999 is out of range"),
        ("http:///path-only", "has no host"),
    ],
)
def test_a_malformed_url_is_a_clear_input_error(
    capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    code, out, err = run(capsys, "brief", url)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: cannot fetch")
    assert message in err and "internal error" not in err


@pytest.mark.parametrize("location", ["http://[::1", "http://news.example:99999/", "https://[x"])
def test_a_malformed_redirect_is_a_clear_fetch_error(location: str) -> None:
    handler = Recorder({"/story": httpx2.Response(301, headers={"Location": location})})
    with (
        httpx2.Client(transport=httpx2.MockTransport(handler)) as client,
        pytest.raises(FetchError, match="redirected to a malformed URL") as caught,
    ):
        fetch_article("http://news.example/story", client=client, resolver=public_dns)
    assert repr(location) in str(caught.value)


_SLOW_PAGE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    + b"X-Padding: "
    + b"a" * 400
    + b"\r\n"
    + b"Content-Length: 60\r\n\r\n<html><body><p>The pier reopened on Saturday.</p></body></html>"
)


@pytest.mark.parametrize("phase", ["head", "body"])
def test_a_page_that_trickles_in_is_cut_at_the_fetch_deadline(phase: str) -> None:
    # A byte every 20 ms: each read is far inside the timeout, the whole page is
    # ten seconds away. The fetch deadline is the whole fetch, headers included.
    from rawserver import RawServer, read_request, trickle

    if phase == "head":
        server = RawServer(trickle(_SLOW_PAGE, 0.02))
    else:
        head, body = _SLOW_PAGE.split(b"\r\n\r\n", 1)

        def handle(conn: socket.socket, stopping: threading.Event) -> None:
            read_request(conn)
            conn.sendall(head + b"\r\n\r\n")
            for byte in body * 10:
                if stopping.wait(0.1):
                    return
                conn.sendall(bytes([byte]))

        server = RawServer(handle)
    with server:
        url = server.base_url.removesuffix("/v1") + "/story"
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"within 0\.5 s"):
            fetch_page(url, timeout=0.5, allow_private=True)
        # Generous over the 0.5 s deadline for a loaded machine; the page itself
        # would take ten seconds and more.
        assert time.monotonic() - started < 5
