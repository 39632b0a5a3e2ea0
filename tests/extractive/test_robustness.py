"""Bad input never tracebacks or hangs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from summarizer.errors import EmptyArticleError
from summarizer.extractive import brief_extractive
from summarizer.models import Briefing

TEN_MB = 10 * 1024 * 1024

Grounded = Callable[[Briefing, str], None]
Loader = Callable[[str], str]


@pytest.mark.parametrize(
    "line",
    [
        "a" * TEN_MB,
        ("word " * (TEN_MB // 5)),
        "." * TEN_MB,
        ('"' * 1000 + "$1" + "," * 1000) * (TEN_MB // 2002),
        "1" * TEN_MB,
        "Police said 12,000 people came to the rally on Monday. " * (TEN_MB // 55),
    ],
    ids=["letters", "words-no-stops", "dots", "quotes-and-commas", "digits", "prose"],
)
def test_a_ten_megabyte_line_is_briefed_from_a_bounded_prefix(line: str) -> None:
    # Speed is measured as ratios in bench/bench_extractive.py (and bench_long.py),
    # not timed here: a shared machine makes a wall-clock bound flaky. What this
    # holds is that such a line is briefed, from its start, with short evidence.
    try:
        briefing = brief_extractive(line)
    except EmptyArticleError:
        briefing = None
    if briefing is not None:
        assert len(briefing.key_points[0].evidence[0]) <= 300
        assert briefing.key_points[0].evidence[0][:50] in line


def test_text_without_sentences_falls_back_to_its_first_span(grounded: Grounded) -> None:
    text = "MARKET CLOSE\n\n4,512.30 4,498.10 -0.3\n\n"
    briefing = brief_extractive(text)
    assert [kp.evidence for kp in briefing.key_points] == [["MARKET CLOSE"]]
    assert briefing.stances == [] and briefing.disputed_figures == []
    grounded(briefing, text)


def test_text_of_only_numbers_gives_one_verbatim_point() -> None:
    text = "123 456 789 1011 1213 1415"
    briefing = brief_extractive(text)
    assert [kp.evidence for kp in briefing.key_points] == [[text]]
    assert briefing.disputed_figures == []


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "!!! ??", "ab", "\"'\"'\"'\"'\"'"])
def test_nothing_usable_raises_empty_article(text: str) -> None:
    with pytest.raises(EmptyArticleError) as raised:
        brief_extractive(text, source="stdin")
    assert "stdin" in str(raised.value)


def test_non_english_text_is_briefed_without_inventions(grounded: Grounded) -> None:
    text = (
        "Der Stadtrat von Marlau hat am Dienstag den neuen Hafenplan gebilligt. "
        "Die Abstimmung fiel mit großer Mehrheit aus, und die Arbeiten beginnen im Frühjahr.\n\n"
        "東京の市議会は火曜日に新しい計画を承認した。工事は春に始まる。"
    )
    briefing = brief_extractive(text)
    assert briefing.key_points
    assert briefing.disputed_figures == []
    grounded(briefing, text)


def test_unbalanced_quotes_do_not_swallow_the_article(grounded: Grounded) -> None:
    body = 'He said "this never closes. ' + "The council met again on Monday to vote. " * 50
    briefing = brief_extractive(body)
    grounded(briefing, body)
    assert all(len(kp.evidence[0]) < 1500 for kp in briefing.key_points)
