"""What a batch reads: every article once, under its own id; bad records are error lines."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli.main import main
from summarizer.testing.loopback import LoopbackServer

from .helpers import article, llm_args, read_lines


def _run(*args: str) -> int:
    return main(["batch", *args, "--no-progress"])


def _summary(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out.strip().splitlines()
    summary: dict[str, object] = json.loads(out[-1])
    return summary


def test_two_folders_holding_the_same_file_name_brief_both_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day, n in (("day1", 1), ("day2", 2)):
        (tmp_path / day / "sub").mkdir(parents=True)
        (tmp_path / day / "story.txt").write_text(article(n), encoding="utf-8")
        (tmp_path / day / "sub" / "other.txt").write_text(article(n + 10), encoding="utf-8")
    (tmp_path / "day2" / "only.txt").write_text(article(3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = _run(str(tmp_path / "day1"), str(tmp_path / "day2") + "/", "-o", str(out))
    assert code == 0
    lines = read_lines(out)
    day1, day2 = (tmp_path / "day1").as_posix(), (tmp_path / "day2").as_posix()
    # Names found in both folders are told apart by their folder; the rest keep their short id.
    assert sorted(line["id"] for line in lines) == sorted(
        [
            f"{day1}/story.txt",
            f"{day2}/story.txt",
            f"{day1}/sub/other.txt",
            f"{day2}/sub/other.txt",
            "only.txt",
        ]
    )
    # Each id carries its own article: not one briefing twice.
    by_id = {line["id"]: line for line in lines}
    assert by_id[f"{day1}/story.txt"]["source"]["source"].endswith("day1/story.txt")
    assert by_id[f"{day2}/story.txt"]["source"]["source"].endswith("day2/story.txt")
    summary = _summary(capsys)
    assert (summary["done"], summary["skipped"], summary["failed"]) == (5, 0, 0)
    # The ids do not depend on the order of the inputs, so a rerun in another order resumes.
    assert _run(str(tmp_path / "day2"), str(tmp_path / "day1"), "-o", str(out)) == 0
    summary = _summary(capsys)
    assert (summary["done"], summary["skipped"]) == (0, 5)


def test_a_duplicate_manifest_id_is_an_error_line_not_a_silent_skip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    first.write_text(
        json.dumps({"id": "x", "text": article(1)})
        + "\n"
        + json.dumps({"id": "x", "text": article(2)})
        + "\n",
        encoding="utf-8",
    )
    second.write_text(json.dumps({"id": "x", "text": article(3)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(first), str(second), "-o", str(out)) == 1
    lines = {line["id"]: line for line in read_lines(out)}
    assert lines["x"]["status"] == "ok"
    dupes = [line for line in lines.values() if line["status"] == "error"]
    assert len(dupes) == 2
    for line in dupes:
        assert "duplicate id 'x'" in line["error"]["message"]
        assert f"{first}:1" in line["error"]["message"]
    assert {line["id"] for line in dupes} == {f"{first}:2", f"{second}:1"}
    summary = _summary(capsys)
    assert (summary["done"], summary["failed"], summary["skipped"]) == (1, 2, 0)


def test_a_folder_input_briefs_articles_not_readmes_or_licences(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(article(1), encoding="utf-8")
    (folder / "notes.md").write_text(article(2), encoding="utf-8")
    (folder / "page.html").write_text(f"<html><body><p>{article(3)}</p></body></html>")
    for name in ("README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "LICENSE", "data.json"):
        (folder / name).write_text(article(4), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(folder), "-o", str(out)) == 0
    assert sorted(line["id"] for line in read_lines(out)) == ["notes.md", "page.html", "story.txt"]
    # Named on the command line, a README is briefed: the user asked for it.
    readme = folder / "README.md"
    assert _run(str(readme), "-o", str(tmp_path / "readme.jsonl")) == 0
    assert [line["id"] for line in read_lines(tmp_path / "readme.jsonl")] == [str(readme)]


def test_the_bundled_examples_folder_briefs_the_example_not_its_readme(tmp_path: Path) -> None:
    from support import REPO

    out = tmp_path / "out.jsonl"
    assert _run(str(REPO / "examples"), "-o", str(out)) == 0
    assert [line["id"] for line in read_lines(out)] == ["harbour-vote.page.txt"]


def test_a_manifest_that_is_not_utf8_fails_only_its_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "in.jsonl"
    good = json.dumps({"id": "good", "text": article(1)}).encode()
    bad = good.replace(b'"good"', b'"caf\xe9"')  # Latin-1, not UTF-8
    manifest.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b"good", b"also") + b"\n")
    out = tmp_path / "out.jsonl"
    assert _run(str(manifest), "-o", str(out)) == 1
    assert _run(str(manifest), "-o", str(out)) == 0  # the rerun skips all three, and says so
    assert _summary(capsys)["skipped"] == 3
    lines = {line["id"]: line for line in read_lines(out)}
    assert lines["good"]["status"] == lines["also"]["status"] == "ok"
    bad_line = lines[f"{manifest}:2"]
    assert bad_line["status"] == "error" and "not valid UTF-8" in bad_line["error"]["message"]
    assert "internal error" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("entry", "expect"),
    [
        ({"id": "\ud800", "text": "x"}, "id"),
        ({"id": "lone", "text": "Harbour \udc80 workers walked out."}, "text"),
        ({"id": "nul", "path": "a\u0000b.txt"}, "path"),
    ],
    ids=["surrogate-id", "surrogate-text", "nul-in-path"],
)
def test_a_record_with_unusable_text_is_an_error_line_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: dict[str, str], expect: str
) -> None:
    manifest = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "before", "text": article(1)}),
        json.dumps(entry),  # ensure_ascii: the lone surrogate travels as a \\u escape
        json.dumps({"id": "after", "text": article(2)}),
    ]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for expected in (1, 0):  # and the rerun, which finds them all done
        assert _run(str(manifest), "-o", str(out)) == expected
        err = capsys.readouterr().err
        assert "internal error" not in err and "ExceptionGroup" not in err
    written = read_lines(out)  # the output stays valid UTF-8 JSON lines
    by_id = {line["id"]: line for line in written}
    assert by_id["before"]["status"] == by_id["after"]["status"] == "ok"
    (failed,) = [line for line in written if line["status"] == "error"]
    assert failed["error"]["type"] == "InputError"
    assert expect in failed["error"]["message"]
    out.read_bytes().decode("utf-8")


def test_inline_manifest_text_has_the_same_size_limit_as_a_file(
    tmp_path: Path, server: LoopbackServer
) -> None:
    manifest = tmp_path / "in.jsonl"
    huge = "Harbour workers walked out on Monday. " * 140_000  # 5.3 MB
    manifest.write_text(json.dumps({"id": "huge", "text": huge}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(manifest), "-o", str(out), *llm_args(server)) == 1
    (line,) = read_lines(out)
    assert line["error"]["type"] == "ArticleTooLargeError"
    assert "5,000,000-byte limit" in line["error"]["message"]
    assert server.requests == []


def test_a_file_name_that_is_not_utf8_is_briefed_under_a_readable_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text(article(1), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take such names")
    out = tmp_path / "out.jsonl"
    assert _run(str(folder), "-o", str(out)) == 0
    (line,) = read_lines(out)
    assert line["status"] == "ok"
    assert line["id"] == "caf\\xe9.txt" and line["source"]["source"].endswith("caf\\xe9.txt")
    assert _summary(capsys)["done"] == 1


def test_a_result_that_cannot_be_written_is_counted_as_the_error_it_becomes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.batch import runner
    from summarizer.batch.output import ok_line as real

    def poisoned(item_id: str, result: Any) -> dict[str, Any]:
        line = real(item_id, result)
        line["briefing"]["headline"] += "\ud800"  # a value no UTF-8 file can hold
        return line

    monkeypatch.setattr(runner, "ok_line", poisoned)
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(json.dumps({"id": "a", "text": article(1)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run(str(manifest), "-o", str(out)) == 1
    (line,) = read_lines(out)
    assert line["status"] == "error" and "UTF-8" in line["error"]["message"]
    summary = _summary(capsys)
    assert (summary["done"], summary["failed"]) == (0, 1)
