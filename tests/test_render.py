"""Rendering briefings: the terminal, Markdown, JSON and the HTML page with marked quotes."""

from __future__ import annotations

import copy
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import lxml.html
import pytest
from rich.console import Console

from briefings import ARTICLE, GOOD
from summarizer.checks.grounding import normalise
from summarizer.models import Briefing
from summarizer.render import render_briefing
from summarizer.render.html import to_html
from summarizer.render.rich import print_rich
from summarizer.results import BriefingResult, Provenance, SourceInfo
from summarizer.schema import packaged_schema
from support import REPO

EXAMPLE = REPO / "examples" / "harbour-vote.page.txt"


def result_of(answer: dict[str, Any], source: str = "story.txt") -> BriefingResult:
    return BriefingResult(
        briefing=Briefing.model_validate(answer),
        provenance=Provenance(engine="llm", model="m", mode="tools", summarizer_version="0"),
        source=SourceInfo(source=source, outlet="Port Alder Post", byline="Ana Ruiz"),
    )


def marks(page: str) -> dict[str, str]:
    """Each ``<mark id="q-N">``'s text (nested marks included), by id."""
    tree = lxml.html.document_fromstring(page)
    return {m.get("id"): m.text_content() for m in tree.iter("mark") if m.get("id")}


def links(page: str) -> list[tuple[str, str]]:
    """Each evidence link in the briefing: (target id, the quote it shows)."""
    tree = lxml.html.document_fromstring(page)
    return [
        (a.get("href").removeprefix("#"), a.text_content())
        for a in tree.iter("a")
        if (a.get("href") or "").startswith("#q-")
    ]


# --- HTML -----------------------------------------------------------------------------


def test_every_quote_is_marked_in_the_article_and_linked_from_its_item() -> None:
    page = to_html(result_of(GOOD), ARTICLE)
    found = marks(page)
    cited = links(page)
    briefing = Briefing.model_validate(GOOD)
    assert len(cited) == len(briefing.evidence_quotes())
    for target, quote in cited:
        assert normalise(found[target]) == normalise(quote)


def test_a_quote_cited_twice_is_one_mark_and_a_phrase_inside_a_quote_nests() -> None:
    page = to_html(result_of(GOOD), ARTICLE)
    cited = links(page)
    brell = "The real bill is closer to $19 million, and most of those jobs already exist"
    assert len({t for t, q in cited if q == brell}) == 1  # key point 2 and stance 2
    tree = lxml.html.document_fromstring(page)
    (inner,) = [m for m in tree.iter("mark") if m.text_content() == "would cost $12.4 million"]
    assert inner.getparent().tag == "mark"  # inside Vasko's whole sentence


def test_marks_are_numbered_in_article_order() -> None:
    page = to_html(result_of(GOOD), ARTICLE)
    ids = [m.get("id") for m in lxml.html.document_fromstring(page).iter("mark") if m.get("id")]
    assert ids == [f"q-{n}" for n in range(1, len(ids) + 1)]


def test_normalised_quotes_map_back_to_the_original_characters() -> None:
    article = (
        "Mayor Ines Alba said the levy \u2014 “a fair price” \u2014 would raise\n"
        "$3 million.\n\nCritics   disagreed.\n"
    )
    answer = {
        "headline": "A levy.",
        "summary": "A levy.",
        "key_points": [
            {"text": "Levy.", "evidence": ['the levy - "a fair price" - would raise $3 million']},
            {"text": "Critics.", "evidence": ["critics disagreed"]},
        ],
    }
    found = marks(to_html(result_of(answer), article))
    assert found == {
        "q-1": "the levy \u2014 “a fair price” \u2014 would raise\n$3 million",
        "q-2": "Critics   disagreed",
    }


def test_an_elided_quote_is_marked_part_by_part() -> None:
    answer = copy.deepcopy(GOOD)
    answer["key_points"][0]["evidence"] = [
        "Mirela Vasko said on Monday ... would cost $12.4 million"
    ]
    tree = lxml.html.document_fromstring(to_html(result_of(answer), ARTICLE))
    parts = [m for m in tree.iter("mark") if m.get("data-quote") == "1"]
    assert [p.text_content() for p in parts] == [
        "Mirela Vasko said on Monday",
        "would cost $12.4 million",
    ]
    assert parts[0].get("id") == "q-1" and parts[1].get("id") is None


def test_overlapping_quotes_stay_well_formed() -> None:
    article = "One two three four five six seven eight nine ten eleven twelve.\n"
    answer = {
        "headline": "Counting.",
        "summary": "Counting.",
        "key_points": [
            {"text": "A.", "evidence": ["two three four five six"]},
            {"text": "B.", "evidence": ["five six seven eight nine"]},
        ],
    }
    page = to_html(result_of(answer), article)
    assert page.count("<mark") == page.count("</mark>")
    body = lxml.html.document_fromstring(page).get_element_by_id("article")
    assert "One two three four five six seven eight nine ten" in body.text_content()
    assert set(marks(page)) == {"q-1", "q-2"}


def test_a_quote_across_paragraphs_is_marked_in_both() -> None:
    article = "The council met on Monday.\n\nIt voted to close the pool.\n"
    answer = {
        "headline": "Pool.",
        "summary": "Pool.",
        "key_points": [{"text": "Pool.", "evidence": ["met on Monday. It voted to close"]}],
    }
    tree = lxml.html.document_fromstring(to_html(result_of(answer), article))
    paragraphs = tree.get_element_by_id("article").findall("p")
    assert [p.find("mark").text_content() for p in paragraphs] == [
        "met on Monday.",
        "It voted to close",
    ]


def test_article_and_model_text_is_escaped_so_no_script_runs() -> None:
    article = (
        'The board said <script>document.title="pwned"</script> would not be tolerated.\n\n'
        "It met on <b>Tuesday</b> to discuss the plan.\n"
    )
    answer = {
        "headline": '<img src=x onerror="alert(1)"> Board meets',
        "summary": "The board met.",
        "key_points": [
            {
                "text": "<a href='javascript:alert(1)'>click</a>",
                "evidence": ['<script>document.title="pwned"</script> would not be tolerated'],
            }
        ],
    }
    page = to_html(result_of(answer, source="javascript:alert(1)"), article)
    tree = lxml.html.document_fromstring(page)
    assert tree.find(".//script") is None and tree.find(".//img") is None
    assert tree.find(".//b") is None
    assert not [a for a in tree.iter("a") if "javascript" in (a.get("href") or "")]
    assert (
        '<script>document.title="pwned"</script>'
        in tree.get_element_by_id("article").text_content()
    )
    assert "script-src" not in page and "default-src 'none'" in page


def test_the_page_is_self_contained() -> None:
    page = to_html(result_of(GOOD), ARTICLE)
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page


# --- Chromium --------------------------------------------------------------------------


def _chromium() -> str | None:
    import shutil

    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture
def chromium(tmp_path: Path) -> list[str]:
    binary = _chromium()
    if binary is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1400,1000",
    ]


def test_chromium_renders_the_page_with_its_highlights(chromium: list[str], tmp_path: Path) -> None:
    article = ARTICLE + '\nA reader wrote <script>document.title="pwned"</script> below.\n'
    page_path = tmp_path / "briefing.html"
    page_path.write_text(to_html(result_of(GOOD), article), encoding="utf-8")
    url = page_path.as_uri()
    dom = subprocess.run(
        [*chromium, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    tree = lxml.html.document_fromstring(dom)
    assert tree.findtext(".//title").startswith("Briefing: ")  # no script retitled it
    assert len(marks(dom)) == len({t for t, _ in links(dom)}) >= 4
    shot = tmp_path / "briefing.png"
    subprocess.run(
        [*chromium, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


# --- terminal, Markdown, JSON --------------------------------------------------------


def test_rich_shows_points_stances_and_figures_with_claimant_against_disputant() -> None:
    out = io.StringIO()
    print_rich(result_of(GOOD), Console(file=out, width=110, color_system=None))
    text = out.getvalue()
    assert text.startswith("Port Alder's harbour chief")
    for heading in ("KEY POINTS", "STANCES", "DISPUTED FIGURES", "Claimed by", "Disputed by"):
        assert heading in text
    (row,) = [line for line in text.splitlines() if "$12.4 million" in line and " vs " in line]
    assert row.index("Mirela Vasko") < row.index(" vs ") < row.index("Tomas Brell")


def test_rich_shows_markup_and_escapes_in_the_text_literally() -> None:
    answer = copy.deepcopy(GOOD)
    answer["key_points"][0]["text"] = "[bold red]Vasko[/] says \x1b[2Jthe cost is $12.4 million."
    out = io.StringIO()
    print_rich(result_of(answer), Console(file=out, width=110, force_terminal=True))
    text = out.getvalue()
    assert "[bold red]Vasko[/]" in text and "\x1b[2J" not in text


def _run_on_a_terminal(*argv: str) -> str:
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "110", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    with subprocess.Popen(
        [sys.executable, "-m", "summarizer", *argv],
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=env,
    ) as proc:
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_text_on_a_terminal_is_rich_and_plain_when_piped() -> None:
    on_tty = _run_on_a_terminal("brief", str(EXAMPLE))
    assert "\x1b[" in on_tty and "Claimed by" in on_tty and "KEY POINTS" in on_tty
    piped = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "\x1b[" not in piped and "Claimed by" not in piped and "KEY POINTS" in piped


def test_json_validates_against_the_schema() -> None:
    data = json.loads(render_briefing(result_of(GOOD), "json"))
    jsonschema.validate(data, json.loads(packaged_schema("briefing.v1.json")))


def test_markdown_escapes_article_text() -> None:
    answer = copy.deepcopy(GOOD)
    answer["headline"] = "Vasko [says](http://evil.example) **yes**"
    text = render_briefing(result_of(answer), "markdown")
    assert "[says](http" not in text and r"\[says\]" in text
    assert "| Actor | Topic | Position |" in text


def test_html_needs_the_article() -> None:
    with pytest.raises(ValueError, match="needs the article text"):
        render_briefing(result_of(GOOD), "html")


def test_brief_writes_an_html_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.cli.main import main

    target = tmp_path / "brief.html"
    assert main(["brief", str(EXAMPLE), "--format", "html", "--out", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert len(marks(page)) >= 3 and links(page)


def test_a_point_made_of_its_quotes_is_shown_once_not_twice() -> None:
    answer = copy.deepcopy(GOOD)
    quotes = [
        "Opponents marched from the harbour to the town hall on Saturday.",
        "Police put the crowd at about 1,500.",
    ]
    answer["key_points"][0] = {"text": " ".join(quotes), "evidence": quotes}
    text = " ".join(render_briefing(result_of(answer), "text").split())
    assert text.count("Police put the crowd at about 1,500.") == 1
    assert "(the article's own words)" in text
    # A point in the model's words still lists its quotes.
    answer["key_points"][0]["text"] = "Police counted far fewer marchers than organisers."
    text = " ".join(render_briefing(result_of(answer), "text").split())
    assert "“Police put the crowd at about 1,500.”" in text


# --- Model text cannot restructure Markdown, nor reach the terminal as escape codes ------


def _hostile() -> dict[str, Any]:
    """GOOD with model text that tries to add Markdown structure and links."""
    answer = copy.deepcopy(GOOD)
    answer["headline"] = "Costs rise\n# Injected heading\n\n---\nPay at https://evil.example/pay"
    answer["summary"] = (
        "- a fake bullet\n1. a fake numbered item\n> a fake quote\n## a fake heading\n"
        "    indented code\n```\nfenced\n```\n***\nwww.evil-site.com and pay@evil-site.com"
    )
    answer["key_points"][0]["text"] = "Vasko backs it.\n\n# Heading\n* star\n+ plus\n2) paren\n==="
    answer["key_points"][0]["evidence"] = ["first line\n- second line\n\n> third"]
    answer["key_points"][1]["text"] = "3. Starts like an ordered item"
    answer["stances"][0]["actor"] = "Mirela Vasko\n---"
    answer["stances"][0]["position"] = "x | y\n| forged | row | here |\n\nafter the table"
    answer["stances"][1]["topic"] = "- topic\r\n# topic"
    answer["disputed_figures"][0]["measure"] = "cost\n- forged figure\n  > forged quote"
    answer["disputed_figures"][0]["counter_claim"] = "see evil-site.com/login\n\n# h"
    return answer


def _structure(markdown: str) -> dict[str, int]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("gfm-like").parse(markdown)  # tables, strikethrough, linkify
    counts: dict[str, int] = {}
    for token in tokens:
        for t in [token, *(token.children or [])]:
            key = f"{t.type}:{t.tag}" if t.type.endswith("_open") else t.type
            counts[key] = counts.get(key, 0) + 1
    return counts


def test_markdown_model_text_cannot_add_headings_rules_lists_or_table_rows() -> None:
    briefing = Briefing.model_validate(_hostile())
    structure = _structure(render_briefing(result_of(_hostile()), "markdown"))
    assert structure["heading_open:h2"] == 1 and structure["heading_open:h3"] == 3
    assert "heading_open:h1" not in structure and "heading_open:h4" not in structure
    assert "hr" not in structure and "fence" not in structure and "code_block" not in structure
    assert structure["ordered_list_open:ol"] == 1
    assert structure["list_item_open:li"] == len(briefing.key_points) + 2  # figure + counter
    quotes = sum(len(p.evidence) for p in briefing.key_points) + sum(
        len(f.evidence) for f in briefing.disputed_figures
    )
    assert structure["blockquote_open:blockquote"] == quotes
    assert structure["table_open:table"] == 1
    assert structure["tr_open:tr"] == 1 + len(briefing.stances)
    assert structure["td_open:td"] == 3 * len(briefing.stances)


def test_markdown_urls_and_addresses_are_shown_but_not_linked() -> None:
    text = render_briefing(result_of(_hostile()), "markdown")
    structure = _structure(text)
    assert "link_open:a" not in structure  # linkify on: bare URLs, www., e-mails
    for shown in ("evil.example/pay", "www.evil-site.com", "pay@evil-site.com", "evil-site.com"):
        assert shown in text


def test_markdown_keeps_ordinary_text_readable() -> None:
    text = render_briefing(result_of(GOOD), "markdown")
    assert "Harbour Authority chair Mirela Vasko backs deepening the northern channel." in text
    assert "| Mirela Vasko (Harbour Authority chair) |" in text
    assert "- **$12.4 million**: cost of deepening the northern channel" in text


CONTROLS = (
    "\x1b[2J\x1b[1;31mred\x1b[0m \x1b]0;pwned title\x07 \x1b]8;;http://evil.example\x1b\\link"
    "\x1b]8;;\x1b\\ bell\x07 back\x08space cr\rreturn \x9b31mc1-csi \x9d0;osc\x9c vt\x0b ff\x0c "
    "nul\x00 del\x7f rtl\u202eoverride\u202c"
)


def _control_result() -> BriefingResult:
    answer = copy.deepcopy(GOOD)
    answer["headline"] = "Headline " + CONTROLS
    answer["key_points"][0]["text"] = "Point " + CONTROLS
    answer["stances"][0]["position"] = "Position " + CONTROLS
    answer["disputed_figures"][0]["claimed_by"] = "Mirela Vasko" + CONTROLS
    result = result_of(answer, source="story\x1b[2J.txt")
    source = result.source.model_copy(update={"outlet": "Post\x1b]0;x\x07", "byline": "A\x9bB"})
    return result.model_copy(update={"source": source})


def _controls_in(text: str) -> list[str]:
    bad = [ch for ch in text if ch not in "\n\t" and (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F)]
    bad += [ch for ch in text if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    return bad


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_no_output_format_passes_terminal_control_codes_through(fmt: str) -> None:
    out = render_briefing(_control_result(), fmt, article_text=ARTICLE, provenance=True)
    assert _controls_in(out) == []
    assert "pwned title" not in out or fmt == "json"  # OSC payloads go with their ESC


def test_json_keeps_control_characters_escaped_not_lost() -> None:
    out = render_briefing(_control_result(), "json")
    assert json.loads(out)["headline"] == "Headline " + CONTROLS


def test_rich_output_drops_whole_escape_sequences() -> None:
    out = io.StringIO()
    print_rich(_control_result(), Console(file=out, width=110, color_system=None))
    text = out.getvalue()
    assert _controls_in(text) == [] and "pwned title" not in text and "[1;31m" not in text


def test_brief_piped_to_a_file_carries_no_escape_codes_from_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.cli.main import main

    page = (REPO / "tests" / "data" / "html" / "lakeport-fares.html").read_text(encoding="utf-8")
    page = page.replace('content="The Lakeport Ledger"', 'content="The Lakeport&#27;[2J Ledger"')
    page = page.replace('content="Jo Park"', 'content="Jo&#x9b;31m Park"')
    source = tmp_path / "page\x1b[31m.html"
    source.write_text(page, encoding="utf-8")
    for fmt in ("text", "markdown", "html", "json"):
        target = tmp_path / f"out.{fmt}"
        argv = ["brief", str(source), "--format", fmt, "--out", str(target), "--provenance"]
        assert main(argv) == 0, capsys.readouterr().err
        assert _controls_in(target.read_text(encoding="utf-8")) == [], fmt
