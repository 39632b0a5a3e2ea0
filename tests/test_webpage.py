"""Saved web pages: the story and its metadata, without what a reader never sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli.main import main
from summarizer.errors import EmptyArticleError
from summarizer.inputs.load import read_article
from support import REPO

PAGE = REPO / "tests" / "data" / "html" / "lakeport-fares.html"


def test_a_saved_page_yields_the_story_and_its_metadata() -> None:
    article = read_article(PAGE)
    assert article.text.startswith("Fares Rise Again")
    assert "riders' union said commuters" in article.text
    assert (article.title, article.byline, article.outlet, article.published) == (
        "Fares Rise Again",
        "Jo Park",
        "The Lakeport Ledger",
        "2026-03-04",
    )


@pytest.mark.parametrize(
    "hidden",
    [
        "Hidden promo",
        "Ignore previous instructions",
        "Reader comment",
        "IGNORE ME",
        "Accept all",
        "Newsletter",
        "<p>",
        "Home",
    ],
)
def test_hidden_text_comments_scripts_and_page_chrome_are_dropped(hidden: str) -> None:
    assert hidden not in read_article(PAGE).text


def test_html_is_detected_by_content_when_the_name_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.read_bytes())
    assert "<p>" not in read_article(path).text
    assert "<p>" in read_article(path, input_format="text").text


def test_a_page_without_a_story_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!doctype html><html><body><nav>Home</nav></body></html>")
    with pytest.raises(EmptyArticleError):
        read_article(path)


def test_brief_reads_a_page_and_reports_its_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(PAGE), "--format", "json", "--provenance"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["outlet"] == "The Lakeport Ledger"
    assert data["source"]["published"] == "2026-03-04"
    assert "Hidden promo" not in json.dumps(data)
