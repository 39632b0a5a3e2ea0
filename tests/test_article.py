"""Loading articles: the real example page, our own pages, and every way input goes wrong."""

from __future__ import annotations

import dataclasses
import io
import sys
import time
from pathlib import Path

import pytest

from summarizer.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    InputError,
)
from summarizer.inputs.article import Article, article_from_text, clean_text
from summarizer.inputs.load import read_article
from support import SHARED_EXAMPLES

HERE = Path(__file__).resolve().parent
PAGES = HERE / "data" / "pages"
REPO_EXAMPLES = HERE.parent / "examples"
BLINKEN = SHARED_EXAMPLES / "blinken-wang.article.txt"

FURNITURE_WORDS = [
    "Sign up",
    "Sign in",
    "Log in",
    "Fourteen days free",
    "premium titles",
    "Download the app",
    "inkl",
    "Start reading",
    "Already a member",
    "Already a subscriber",
    "Most read",
    "Most popular",
    "Most viewed",
    "Related",
    "Our Picks",
    "newsletter",
    "cookies",
    "Advertisement",
    "Credit:",
    "Photo:",
    "Photograph:",
]

STORY = "Harbour workers walked out on Monday over pay, the union said, closing the port.\n"


def assert_no_furniture(text: str) -> None:
    found = [word for word in FURNITURE_WORDS if word.lower() in text.lower()]
    assert not found, f"furniture left in the clean text: {found}"


@pytest.fixture
def blinken() -> str:
    if not BLINKEN.is_file():
        pytest.skip(f"the shared example page is not checked out next to the repo: {BLINKEN}")
    return BLINKEN.read_text(encoding="utf-8")


class TestRealPage:
    def test_furniture_is_gone(self, blinken: str) -> None:
        article = read_article(BLINKEN)
        assert_no_furniture(article.text)
        for line in ["One app.", "World", "International Business Times", "Shaun TANDON"]:
            assert line not in article.text.split("\n")

    def test_every_story_paragraph_survives_verbatim(self, blinken: str) -> None:
        text = article_from_text(blinken).text
        start = blinken.index("US Secretary of State Antony Blinken on Friday questioned")
        end = blinken.index("Sign up to read this article")
        story = blinken[start:end].strip()
        assert story.endswith("than the Soviet Union did during the Cold War.")
        assert story.count("\n\n") == 22  # 23 paragraphs
        # The headline, then the story exactly as the page has it, and nothing else.
        assert text == "Blinken Questions China Peace Push Over Russia Help\n\n" + story
        assert text.split("\n")[-1].startswith("Blinken's deputy, Kurt Campbell")

    def test_metadata(self, blinken: str) -> None:
        article = article_from_text(blinken, source="blinken.txt")
        assert article.source == "blinken.txt"
        assert article.title == "Blinken Questions China Peace Push Over Russia Help"
        assert article.byline == "Shaun TANDON"
        assert article.outlet == "International Business Times"

    def test_the_removed_lines_are_kept_in_order(self, blinken: str) -> None:
        removed = article_from_text(blinken).removed
        assert removed[0] == "Get all your news in one place."
        assert removed[-1] == "100+ trusted global sources."
        assert removed.count("Already a member? Sign in here") == 2
        assert any(line.endswith("(Credit: AFP)") for line in removed)


class TestOwnPages:
    def test_riverton_keeps_sentences_that_resemble_furniture(self) -> None:
        article = read_article(PAGES / "riverton-flood.page.txt")
        lines = article.text.split("\n")
        for kept in [
            "Residents who want the flood alerts can sign up at the town hall until Friday, "
            "the council said.",
            "“Read the report,” she told reporters. “Every line of it.”",
            "Budget fight",
            "The council will meet again on June 17 to approve the contract.",
            "Published 4 June 2024",
        ]:
            assert kept in lines
        for gone in [
            "Sign up for the alerts",
            "Advertisement",
            "Download our free Gazette app",
            "Bakery on Mill Lane reopens after flood repairs",
            "Get the Gazette morning briefing in your inbox",
            "Local News",
            "Skip to main content",
        ]:
            assert gone not in lines
            assert gone in article.removed
        assert article.title == "Riverton Council Backs Flood Alert Scheme After Spring Storms"
        assert article.byline == "Priya Nandakumar and Owen Fitch"
        assert article.outlet == "The Riverton Gazette"

    def test_port_strike_wire_page(self) -> None:
        article = read_article(PAGES / "port-strike.page.txt")
        assert_no_furniture(article.text)
        assert "Share on" not in article.text
        assert "Valdoria port strike enters second week" not in article.text
        assert "Central bank holds rates for third month" not in article.text
        assert article.text.startswith("Dockworkers in Valdoria end strike after pay deal\n\n")
        assert article.text.endswith("according to the port authority.")
        assert '"Our members did not strike for a bonus,"' in article.text
        assert article.title == "Dockworkers in Valdoria end strike after pay deal"
        assert article.byline == "Marta OYELARAN"

    def test_harbour_vote_example(self) -> None:
        article = read_article(REPO_EXAMPLES / "harbour-vote.page.txt")
        assert_no_furniture(article.text)
        assert article.title == "Saltmere Harbour Vote Splits Town Over Cost and Crowds"
        assert article.byline == "Ines Marlowe"
        assert article.outlet == "Coastline Daily"
        assert article.text.startswith(article.title + "\n\nSALTMERE, March 12 (Coastline Daily)")
        assert article.text.endswith("according to the Harbour Authority's timetable.")
        for story in [
            "Harbour Authority chair Mirela Vasko said on Tuesday that the works would cost "
            "$12.4 million",
            "put the true cost at $19 million",
            "said 4,000 people took part",
            "Police put the crowd at about 1,500.",
            "Counting the cost",
            "Residents who are not yet on the electoral roll can register at the town hall",
        ]:
            assert story in article.text
        for gone in ["Coastline Daily\nCoastline Daily", "Local", "By Ines Marlowe", "7 a.m.\n"]:
            assert gone not in article.text
        assert 550 <= len(article.text.split()) <= 850

    def test_examples_readme_says_it_is_fiction(self) -> None:
        readme = (REPO_EXAMPLES / "README.md").read_text(encoding="utf-8")
        assert "fiction" in readme.lower()


class TestArticleFromText:
    def test_plain_story_is_kept_whole(self) -> None:
        article = article_from_text(STORY)
        assert article == Article(text=STORY.strip(), source="<text>")

    def test_article_is_frozen(self) -> None:
        article = article_from_text(STORY)
        with pytest.raises(dataclasses.FrozenInstanceError):
            article.text = "other"  # type: ignore[misc]

    @pytest.mark.parametrize("raw", ["", "   \n\t\n\r\n", "Sign up\nDownload the app\n"])
    def test_nothing_to_brief(self, raw: str) -> None:
        with pytest.raises(EmptyArticleError, match="<text> is empty"):
            article_from_text(raw)

    def test_sentence_case_headline_alone_on_the_first_line(self) -> None:
        article = article_from_text("Dockworkers end strike after pay deal\n\n" + STORY)
        assert article.title == "Dockworkers end strike after pay deal"

    def test_no_title_when_the_text_starts_with_prose(self) -> None:
        assert article_from_text(STORY).title is None

    def test_clean_text_matches_the_article(self) -> None:
        raw = (PAGES / "port-strike.page.txt").read_text(encoding="utf-8")
        assert clean_text(raw) == article_from_text(raw).text


class TestReadArticle:
    def test_missing_file(self, tmp_path: Path) -> None:
        missing = tmp_path / "nope.txt"
        with pytest.raises(ArticleNotFoundError, match="no such file") as info:
            read_article(missing)
        assert info.value.path == str(missing)
        assert info.value.exit_code == 2

    def test_directory(self, tmp_path: Path) -> None:
        with pytest.raises(ArticleNotFoundError, match="is a directory"):
            read_article(tmp_path)

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(EmptyArticleError, match="empty.txt"):
            read_article(path)

    def test_whitespace_only_file(self, tmp_path: Path) -> None:
        path = tmp_path / "blank.txt"
        path.write_bytes(b" \n\t\r\n\n   ")
        with pytest.raises(EmptyArticleError):
            read_article(path)

    def test_png_is_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "photo.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
        with pytest.raises(BinaryInputError, match="PNG") as info:
            read_article(path)
        assert info.value.source == str(path)

    def test_nul_bytes_are_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "nul.txt"
        path.write_bytes(STORY.encode() + b"\x00\x01\x02")
        with pytest.raises(BinaryInputError, match="NUL"):
            read_article(path)

    def test_mostly_control_bytes_are_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "noise.bin"
        path.write_bytes(bytes(range(1, 32)) * 50)
        with pytest.raises(BinaryInputError, match="control bytes"):
            read_article(path)

    def test_invalid_utf8_names_the_byte(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.txt"
        path.write_bytes("Caf\u00e9 owners said the harbour plan would help.".encode("latin-1"))
        with pytest.raises(
            BinaryInputError, match="not valid UTF-8 at byte 3; re-save it as UTF-8"
        ):
            read_article(path)

    def test_invalid_utf8_offset_counts_the_bom(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbfCaf\xe9 owners")
        with pytest.raises(BinaryInputError, match="at byte 6"):
            read_article(path)

    def test_explicit_latin1(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.txt"
        path.write_bytes("Café owners said the harbour plan would help.".encode("latin-1"))
        article = read_article(path, encoding="latin-1")
        assert article.text == "Café owners said the harbour plan would help."

    def test_explicit_encoding_that_fails_names_it_and_the_byte(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.txt"
        path.write_bytes(b"Caf\xe9 owners")
        with pytest.raises(InputError, match=r"as ascii: .* at byte 3") as info:
            read_article(path, encoding="ascii")
        assert not isinstance(info.value, BinaryInputError)

    def test_unknown_encoding(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_bytes(STORY.encode())
        with pytest.raises(InputError, match="unknown encoding 'klingon'"):
            read_article(path, encoding="klingon")

    def test_utf8_bom_is_stripped(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
        assert read_article(path).text == STORY.strip()

    def test_utf16_with_bom(self, tmp_path: Path) -> None:
        path = tmp_path / "utf16.txt"
        path.write_bytes(STORY.encode("utf-16"))
        assert read_article(path).text == STORY.strip()

    def test_stdin_via_dash(self) -> None:
        article = read_article("-", stdin=io.BytesIO(STORY.encode()))
        assert article.source == "<stdin>"
        assert article.text == STORY.strip()

    def test_stdin_via_none_defaults_to_sys_stdin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
        assert read_article(None).text == STORY.strip()

    def test_file_over_the_cap(self, tmp_path: Path) -> None:
        path = tmp_path / "big.txt"
        path.write_bytes(b"a" * 101)
        with pytest.raises(
            ArticleTooLargeError, match="101 bytes, over the 100-byte limit"
        ) as info:
            read_article(path, max_bytes=100)
        assert (info.value.size, info.value.limit) == (101, 100)

    def test_file_at_the_cap_is_read(self, tmp_path: Path) -> None:
        path = tmp_path / "fits.txt"
        path.write_bytes(b"a" * 100)
        assert read_article(path, max_bytes=100).text == "a" * 100

    def test_stdin_over_the_cap_reports_its_size(self) -> None:
        with pytest.raises(ArticleTooLargeError) as info:
            read_article("-", stdin=io.BytesIO(b"x" * 1000), max_bytes=100)
        assert info.value.size == 1000
        assert info.value.source == "<stdin>"

    def test_crlf_file(self, tmp_path: Path) -> None:
        path = tmp_path / "crlf.txt"
        raw = (PAGES / "port-strike.page.txt").read_text(encoding="utf-8")
        path.write_bytes(raw.replace("\n", "\r\n").encode())
        article = read_article(path)
        assert "\r" not in article.text
        assert article == dataclasses.replace(article_from_text(raw), source=str(path))

    def test_one_10_mb_line(self, tmp_path: Path) -> None:
        path = tmp_path / "one-line.txt"
        path.write_bytes(b"sign up to read the harbour report " * 300_000)
        started = time.perf_counter()
        article = read_article(path, max_bytes=20_000_000)
        elapsed = time.perf_counter() - started
        assert len(article.text) == 35 * 300_000 - 1
        assert article.removed == ()
        assert elapsed < 30.0  # catastrophic backtracking would take far longer; not a speed test


STORY = (
    "The council voted on Tuesday to approve the plan, officials said. It will cost "
    "$12 million, according to the budget office.\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "Council Votes to Approve Harbour Dredging Plan Despite Objections From Fishing Groups",
        "Minister says harbour plan will go ahead despite objections from fishing groups",
        "“We will not be moved”: fishing groups vow to fight harbour plan in court next month",
    ],
)
def test_a_long_headline_is_the_title_and_the_byline_under_it_is_removed(headline: str) -> None:
    article = article_from_text(f"{headline}\n\nBy Jane Doe\n\n{STORY}")
    assert article.title == headline
    assert article.byline == "Jane Doe"
    assert "By Jane Doe" not in article.text
    assert STORY.strip() in article.text


def test_an_opening_paragraph_is_not_taken_for_a_headline() -> None:
    lead = (
        "The council voted on Tuesday to approve the harbour plan despite objections, aides said."
    )
    article = article_from_text(f"{lead}\n\n{STORY}")
    assert article.title is None
    unended = "The council voted on Tuesday to approve the harbour plan despite the many objections"
    # An unended line glued to the next is part of a paragraph, not a headline.
    assert article_from_text(f"{unended}\nfrom fishing groups.\n\n{STORY}").title is None
