"""The web page in a real headless Chromium: paste an article, read the briefing.

Debian's chromium is driven by Playwright (which never downloads a browser
here); without it the test skips and says why.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import REPO

from .helpers import served

EXAMPLE = REPO / "examples" / "harbour-vote.page.txt"


def _chromium() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture
def browser() -> Iterator[object]:
    binary = _chromium()
    if binary is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=binary, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


def test_an_editor_pastes_an_article_and_reads_the_briefing(
    browser: object, tmp_path: Path
) -> None:
    from playwright import sync_api

    with served(tmp_path / "data", "--no-auth") as (base, _):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        problems: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))

        def check_host(request: object) -> None:
            url = request.url  # type: ignore[attr-defined]
            if urlsplit(url).scheme in ("http", "https") and not url.startswith(base):
                outside.append(url)

        page.on("request", check_host)
        page.goto(base + "/")
        assert page.title() == "summarizer: grounded briefings"
        assert not page.locator("#api-key").is_visible()  # no keys on loopback with --no-auth
        page.fill("#article", EXAMPLE.read_text(encoding="utf-8"))
        page.click("#brief-button")
        page.wait_for_selector("#status:has-text('Done')", timeout=30_000)

        frame = page.frame_locator("#briefing-frame")
        headline = frame.locator("#briefing h1").inner_text()
        assert "Saltmere" in headline
        assert frame.locator("#briefing h2", has_text="Key points").is_visible()
        assert frame.locator("ol.points > li").count() >= 3
        assert frame.locator("#briefing table").first.is_visible()  # the stance table
        assert frame.locator("#briefing h2", has_text="Disputed figures").is_visible()
        marks = frame.locator("#article mark[id^='q-']")
        assert marks.count() >= 3  # evidence highlighted in the article
        assert frame.locator("#article h2").inner_text().lower() == "the article"
        # The recent list shows it, and opening it from there shows it again.
        recent = page.locator("#recent a").first
        recent.wait_for(timeout=10_000)
        assert "Saltmere" in recent.inner_text()
        recent.click()
        # (wait_for_function would evaluate a string, which the page's CSP forbids)
        sync_api.expect(page.locator("#status")).to_have_text("", timeout=10_000)
        assert "Saltmere" in frame.locator("#briefing h1").inner_text()

        shot = tmp_path / "page.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 10_000
        assert not problems, problems
        assert not outside, outside


def test_with_keys_the_page_asks_for_one_and_says_when_it_is_wrong(
    browser: object, tmp_path: Path
) -> None:
    with served(tmp_path / "data") as (base, _):
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(base + "/")
        assert page.locator("#api-key").is_visible()
        page.fill("#api-key", "smz_wrong")
        page.fill(
            "#article", "The council voted 7 to 2 on Monday to close the pool, Mayor Ann Lee said."
        )
        page.click("#brief-button")
        page.wait_for_selector("#status.error", timeout=10_000)
        assert "API key" in page.locator("#status").inner_text()
