"""Bad input through the CLI: a clear outcome and the documented exit code, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_ten_megabyte_article_is_refused_with_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The council met. " * 620_000)  # about 10.5 MB
    code, out, err = run(capsys, "brief", str(path))
    assert code == 2 and out == ""
    assert "over the 5,000,000-byte limit" in err and err.count("\n") == 1


def test_a_ten_megabyte_line_on_stdin_is_refused_too() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", "-"],
        input=b"x" * 10_000_000,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert b"over the 5,000,000-byte limit" in done.stderr and b"Traceback" not in done.stderr


def test_html_passed_as_text_is_read_as_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "saved.txt"
    page.write_text(
        "<!doctype html><html><head><title>Pier Reopens</title></head><body>"
        "<nav>Home | News</nav><article><h1>Pier Reopens</h1>"
        "<p>The pier at Wexcombe reopened on Saturday after a two-year repair, "
        "the council said.</p>"
        "<p>Harbour master Ada Lenn said 4,000 visitors came on the first day.</p>"
        "</article></body></html>"
    )
    code, out, _ = run(capsys, "brief", str(page), "--format", "json")
    assert code == 0
    text = json.dumps(json.loads(out))
    assert "<p>" not in text and "Home | News" not in text
    assert "Wexcombe" in text


def test_a_non_english_article_is_briefed_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(
        "Der Stadtrat von Eschenau hat am Dienstag den Haushalt beschlossen. "
        "Bürgermeisterin Lena Brandt sagte, die Stadt werde 12 Millionen Euro "
        "in Schulen investieren. "
        "Die Opposition kritisierte den Plan als zu teuer.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "brief", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["key_points"] and "Eschenau" in json.dumps(data, ensure_ascii=False)


def test_an_unknown_encoding_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The council met on Monday and approved the plan.")
    code, _, err = run(capsys, "brief", str(path), "--encoding", "klingon-8")
    assert code == 2 and "unknown encoding" in err


# Python names byte transforms (rot13, base64, zlib...) and its own escapes as codecs;
# none is the character set of an article.
NOT_CHARSETS = [
    "rot13",
    "rot_13",
    "base64",
    "base_64",
    "hex",
    "zlib",
    "zip",
    "bz2",
    "uu",
    "quopri",
    "quoted-printable",
    "undefined",
    "idna",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
]


@pytest.mark.parametrize("encoding", NOT_CHARSETS)
def test_an_encoding_that_is_not_a_character_set_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The council met on Monday and approved the plan.")
    code, out, err = run(capsys, "brief", str(path), "--encoding", encoding)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("summarizer: error: ")
    assert "is not a text encoding" in err and "internal error" not in err


def _every_codec_name() -> list[str]:
    import encodings.aliases

    return sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values()))


def test_every_encoding_name_either_reads_the_file_or_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        "The council met on Monday – “quoted” – and approved the plan.\n".encode()
        + bytes(range(0x20, 0x100))
    )
    for encoding in _every_codec_name():
        code, _, err = run(capsys, "prompt", str(path), "--encoding", encoding)
        assert code in (0, 2), (encoding, err)
        assert "internal error" not in err, (encoding, err)


def test_an_error_naming_a_file_carries_no_terminal_escape_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty\x1b]0;pwned\x07\x1b[2J.txt"
    path.write_text("   \n", encoding="utf-8")
    code, _, err = run(capsys, "brief", str(path))
    assert code == 2 and "is empty" in err
    assert "\x1b" not in err and "\x07" not in err and "pwned" not in err


def test_prompt_shows_page_metadata_without_terminal_escape_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = "".join(
        f"<p>The ferry company said on Tuesday that fares would rise by {n} percent in May.</p>"
        for n in range(2, 7)
    )
    page = (
        "<!doctype html><html><head><title>Fares&#27;[2J&#27;]0;owned&#7; Rise</title>"
        '<meta name="author" content="Jo&#x9b;31m Park">'
        '<meta property="og:site_name" content="Eastbay&#27;[5m Post"></head>'
        f"<body><article><h1>Fares Rise</h1>{story}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    for argv in (["prompt", str(path)], ["prompt", str(path), "--request"]):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        controls = [ch for ch in out if ch not in "\n\t" and (ord(ch) < 32 or 127 <= ord(ch) < 160)]
        assert controls == [] and "owned" not in out


@pytest.mark.parametrize("text", ["hello", "Yes.\n\nNo.", "OK!"])
def test_text_too_short_to_quote_is_called_too_short_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(text)
    code, out, err = run(capsys, "brief", str(path))
    assert code == 2 and out == ""
    line = err.strip().splitlines()[-1]
    assert "note.txt is too short to brief" in line and "empty" not in line
