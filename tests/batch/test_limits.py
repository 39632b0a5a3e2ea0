"""Limits on what one article may cost: a cap on parts, checked before any request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings import GOOD
from long_article import answer_for, long_article, part_from_request
from summarizer import Summarizer
from summarizer.cli.main import main
from summarizer.errors import TooManyPartsError
from summarizer.inputs.article import article_from_text
from summarizer.pipeline.longdoc import MAX_PARTS, article_parts
from summarizer.testing.loopback import LoopbackServer, RecordedRequest, Reply

from .helpers import llm_args, read_lines


def _over_the_cap(max_tokens: int) -> str:
    # A word is more than a token (four characters), so this is over MAX_PARTS parts.
    return long_article(words=(MAX_PARTS + 2) * max_tokens)


def _by_part(request: RecordedRequest) -> Reply:
    assert request.body is not None
    return Reply.answer(answer_for(part_from_request(request.body)))


def test_the_parts_cap_is_documented_and_sane() -> None:
    assert 5 <= MAX_PARTS <= 50


def test_an_article_over_the_parts_cap_is_refused_before_any_request(tmp_path: Path) -> None:
    text = _over_the_cap(500)
    with LoopbackServer(fallback=lambda r: Reply.answer(GOOD)) as srv:
        with (
            Summarizer.from_env(
                {}, base_url=srv.base_url, model="loopback-model", max_article_tokens=500
            ) as s,
            pytest.raises(TooManyPartsError, match=f"over the limit of {MAX_PARTS} parts"),
        ):
            s.summarize(text)
        assert srv.requests == []


def test_an_article_at_the_cap_is_still_briefed_in_parts() -> None:
    text = long_article(words=3_000)
    parts = article_parts(article_from_text(text), 500)
    assert 1 < len(parts) <= MAX_PARTS


@pytest.mark.parametrize("via", ["live", "batch-api"])
def test_a_batch_article_over_the_parts_cap_is_an_error_line_with_no_model_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], via: str
) -> None:
    manifest = tmp_path / "in.jsonl"
    manifest.write_text(
        json.dumps({"id": "huge", "text": _over_the_cap(500)})
        + "\n"
        + json.dumps({"id": "small", "text": long_article(words=300)})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    with LoopbackServer(fallback=_by_part) as srv:
        args = ["batch", str(manifest), "-o", str(out), "--max-article-tokens", "500"]
        args += ["--via", via, "--poll-interval", "0", *llm_args(srv)]
        assert main(args) == 1
        bodies = [r.body for r in srv.requests if r.path.endswith("/chat/completions")]
        sent = json.dumps(bodies) + json.dumps(srv.batch_api.batch_bodies)
    lines = {line["id"]: line for line in read_lines(out)}
    assert lines["small"]["status"] == "ok"
    assert lines["huge"]["error"]["type"] == "TooManyPartsError"
    assert f"over the limit of {MAX_PARTS} parts" in lines["huge"]["error"]["message"]
    assert "section 50 " not in sent  # nothing of the long article was sent
