"""The eval's sets: fiction, real news (tuning) and two held-out real-news splits."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from summarizer.cli.main import main
from summarizer.evals.cases import MAIN_RUN, load_case
from summarizer.evals.sets import FICTION, FRESH, REAL_NEWS, SETS, VALIDATION, set_of
from support import REPO

CASES = REPO / "evals" / "cases"
FICTION_CASE = "dock-strike-crowd"
REAL_CASES = sorted(p.name for p in CASES.glob("wn-*") if (p / "gold.yaml").is_file())


def _source(case_id: str) -> str:
    return (CASES / case_id / "SOURCE.md").read_text(encoding="utf-8")


def _set(case_id: str) -> str | None:
    return load_case(CASES / case_id).eval_set


@pytest.mark.parametrize(
    ("tags", "reference", "expected"),
    [
        ([], False, FICTION),
        (["injection", "opposing-actors"], False, FICTION),
        (["validation"], False, FICTION),  # only real news is split
        (["real-news", "politics"], False, REAL_NEWS),
        (["real-news", "validation"], False, VALIDATION),
        (["real-news", "fresh"], False, FRESH),
        (["fresh"], False, FICTION),
        (["real-news", "validation"], True, None),
        (["reference", "boilerplate"], True, None),
    ],
)
def test_a_case_belongs_to_one_set_by_its_tags(
    tags: list[str], reference: bool, expected: str | None
) -> None:
    assert set_of(tags, reference=reference) == expected


def test_the_committed_real_news_split() -> None:
    if not REAL_CASES:
        pytest.skip("no real-news cases")
    sets = {case_id: _set(case_id) for case_id in REAL_CASES}
    validation = sorted(c for c, s in sets.items() if s == VALIDATION)
    fresh = sorted(c for c, s in sets.items() if s == FRESH)
    later = sorted(c for c in sets if "tuning (added later)" in _source(c))
    first = sorted(c for c, s in sets.items() if s != FRESH and c not in later)
    assert len(first) == 48 and len(validation) == 12 and len(fresh) == 24
    assert len(later) == 48 and all(sets[c] == REAL_NEWS for c in later)
    assert set(sets.values()) == {REAL_NEWS, VALIDATION, FRESH}
    # The first split was drawn by the SHA-256 of the id, before any engine ran: the 12
    # lowest of the first 48 cases. The fresh cases came later and are all held out;
    # the 48 added after them are all tuning cases.
    lowest = sorted(first, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[:12]
    assert validation == sorted(lowest)
    for case_id in fresh:
        tags = load_case(CASES / case_id).gold.tags
        assert "validation" not in tags
        source = _source(case_id)
        assert "fresh (held out)" in source and "Reviewed by: reviewer-" in source
    for case_id in later:
        assert "Reviewed by: reviewer-" in _source(case_id)
    assert _set(FICTION_CASE) == FICTION


def test_real_news_md_lists_every_real_news_case_with_its_split() -> None:
    page = (REPO / "evals" / "cases" / "REAL-NEWS.md").read_text(encoding="utf-8")
    flat = " ".join(page.replace("\n> ", "\n").split())
    assert (
        "Articles from English Wikinews (https://en.wikinews.org), by Wikinews contributors, "
        "licensed under CC BY 2.5. Changes were made:"
    ) in flat
    listed = dict(re.findall(r"^\| `(wn-[^`]+)` \| (tuning|validation|fresh) \|", page, flags=re.M))
    split = {REAL_NEWS: "tuning", VALIDATION: "validation", FRESH: "fresh"}
    expected = {case_id: split[str(_set(case_id))] for case_id in REAL_CASES}
    assert listed == expected


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A fiction case with recordings, and one real-news case of each split (none recorded)."""
    splits = [[c for c in REAL_CASES if _set(c) == name] for name in (REAL_NEWS, VALIDATION, FRESH)]
    if not (all(splits) and (CASES / FICTION_CASE).is_dir()):
        pytest.skip("eval cases not present")
    target = tmp_path / "cases"
    for case_id in (FICTION_CASE, *(cases[0] for cases in splits)):
        shutil.copytree(CASES / case_id, target / case_id)
    return target


def test_a_real_news_case_without_a_recording_is_no_llm_run_and_no_failure(mixed: Path) -> None:
    for case_id in (p.name for p in mixed.glob("wn-*")):
        case = load_case(mixed / case_id)
        assert case.real_news and case.answer is None
        assert case.runs() == []
    assert load_case(mixed / FICTION_CASE).runs()[0] == MAIN_RUN


def test_every_report_gives_every_metric_per_set(
    capsys: pytest.CaptureFixture[str], mixed: Path, tmp_path: Path
) -> None:
    paths = {kind: tmp_path / f"report.{kind}" for kind in ("json", "md", "html")}
    code = main(
        ["eval", "--cases", str(mixed), "--json", str(paths["json"])]
        + ["--markdown", str(paths["md"]), "--html", str(paths["html"])]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "FAILED" not in out and "not recorded" not in out
    coverage = (
        "LLM: recorded for 0 of 3 real-news cases (hand-written answers are not expected for these)"
    )
    assert " ".join(out.split()).count(coverage) == 1
    data = json.loads(paths["json"].read_text())
    assert sorted(data["sets"]) == sorted(SETS)
    assert data["llm_real_news"] == {"recorded": 0, "cases": 3}
    extractive = data["engines"]["extractive"]
    for name in SETS:
        aggregate = extractive["sets"][name]["aggregate"]
        assert set(aggregate) == set(data["metrics"])
        assert extractive["sets"][name]["cases"] == 1
        assert aggregate["length_aware_keypoint_score"] is not None
        assert extractive["sets"][name]["lead_k"]["length_aware_keypoint_score"] is not None
    assert data["engines"]["llm"]["sets"][REAL_NEWS]["cases"] == 0
    assert data["engines"]["llm"]["sets"][FICTION]["cases"] == 1
    sets = {cid: c["set"] for cid, c in extractive["cases"].items()}
    assert sorted(sets.values()) == sorted(SETS)
    for text in (out, paths["md"].read_text(), paths["html"].read_text()):
        flat = " ".join(text.split())
        assert "fiction" in flat and "real-news" in flat and "validation" in flat
        assert "fresh" in flat
        assert "compression" in flat and "false_disputes" in flat and "lead-k" in flat
        assert "unnamed_stance_actors" in flat and "mean_keypoint_words" in flat
    assert coverage in paths["md"].read_text() and coverage in paths["html"].read_text()


def test_recording_handwritten_answers_skips_real_news(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    shutil.rmtree(mixed / FICTION_CASE / "recorded")
    code = main(["eval", "--cases", str(mixed), "--record", "--handwritten"])
    out, err = capsys.readouterr()
    assert code == 0, err + out
    assert "real-news case: record it from a model" in " ".join(out.split())
    assert not list(mixed.glob("wn-*/recorded"))
    assert (mixed / FICTION_CASE / "recorded" / "answer.yaml").is_file()
