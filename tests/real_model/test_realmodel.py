"""A real model in the loop: llama.cpp serving SmolLM2-135M-Instruct (Q4_1) on 127.0.0.1.

The server is llama-cpp-python's, which accepts ``response_format`` of type ``text``
or ``json_object`` only (a ``json_schema`` request is its HTTP 500), so the briefs
here use ``--mode json``; doctor is run in every mode and must report each cleanly.

A 135M model cannot be expected to ground a briefing; what these tests hold is that
whatever it does flows through the checks cleanly: a grounded briefing, or one typed
error whose reasons are the model's real faults, within a bounded time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from real_model.conftest import MODEL
from summarizer import Summarizer
from summarizer.checks.grounding import ArticleIndex
from summarizer.cli.main import main
from summarizer.config import MODES
from summarizer.errors import ModelError, TransportError, UngroundedError
from summarizer.inputs.load import read_article
from support import REPO

EXAMPLE = REPO / "examples" / "harbour-vote.page.txt"


@pytest.mark.parametrize("mode", MODES)
def test_doctor_reports_every_mode_cleanly(
    real_server: str, mode: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["doctor", "--base-url", real_server, "--model", MODEL, "--mode", mode])
    out = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in out.out + out.err and "internal error" not in out.err
    assert "ok    endpoint" in out.out or "ok    reachable" in out.out, out.out
    assert f"structured output ({mode})" in out.out


def test_a_brief_is_grounded_or_refused_for_the_models_real_faults(real_server: str) -> None:
    article = read_article(EXAMPLE)
    index = ArticleIndex(article.text)
    with Summarizer.from_env(
        {},
        base_url=real_server,
        model=MODEL,
        mode="json",
        max_reasks=1,
        max_tokens=512,  # bounded: a rambling answer is cut off, and that is a clean error
        timeout=600,
    ) as s:
        try:
            result = s.summarize(article)
        except UngroundedError as exc:
            assert exc.items, "an ungrounded answer names what was not found"
            for item in exc.items:
                # Each reason is the model's own fault: that text is really not usable.
                assert item.location and item.text
                if "not found" in getattr(item, "reason", "not found"):
                    assert not index.contains_quote(item.text), item
            return
        except ModelError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            return
    for _, quote in result.briefing.evidence_quotes():
        assert index.contains_quote(quote), quote


def test_an_article_over_the_servers_context_is_refused_once_with_the_setting_to_change(
    small_context_server: str,
) -> None:
    with Summarizer.from_env(
        {}, base_url=small_context_server, model=MODEL, mode="json", timeout=600
    ) as s:
        with pytest.raises(TransportError) as info:
            s.summarize(read_article(EXAMPLE))
    message = str(info.value)
    assert "context" in message
    assert "-c" in message or "n_ctx" in message
    assert info.value.attempts == 1  # not retried: it would fail the same way


def test_a_batch_of_three_finishes_with_one_line_each(
    real_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(
        [
            "batch",
            str(folder),
            "-o",
            str(out),
            "--engine",
            "llm",
            "--base-url",
            real_server,
            "--model",
            MODEL,
            "--mode",
            "json_schema",
            "--max-reasks",
            "0",
            "--timeout",
            "600",
            "--concurrency",
            "1",
            "--no-progress",
        ]
    )
    assert code in (0, 1)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    assert {line["status"] for line in lines} <= {"ok", "error"}
    assert "internal error" not in capsys.readouterr().err
