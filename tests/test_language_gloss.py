"""A wiki's rendered language gloss ("((de))German language: \u200d...") is no part of the story."""

from __future__ import annotations

import pytest

from summarizer.inputs.article import clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The Green Valley Party ((de))German language: \u200dGrüne Talpartei said it "
            "would stand in every district.",
            "The Green Valley Party Grüne Talpartei said it would stand in every district.",
        ),
        (
            'She said "the river is rising" ((pt-BR))Portuguese language: \u200do rio está '
            "subindo, and left.",
            'She said "the river is rising" o rio está subindo, and left.',
        ),
        (
            "The mayor ((nl))Dutch language:burgemeester spoke first.",
            "The mayor burgemeester spoke first.",
        ),
    ],
)
def test_a_rendered_language_gloss_marker_is_dropped(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_double_parentheses_that_are_no_language_code_stay() -> None:
    raw = "The formula ((a+b)) holds, and so does ((x)) in the appendix."
    assert clean_text(raw) == raw
