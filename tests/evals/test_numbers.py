from __future__ import annotations

import pytest

from summarizer.checks.numbers import Quantity, canonical_unit, numbers_in, parse_figure, quantity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("70%", "70 percent"),
        ("70 per cent", "70 percent"),
        ("$12.4 million", "12,400,000 dollars"),
        ("€3.2 billion", "3.2 billion euros"),
        ("4,000 people", "4000 people"),
        ("2 percentage points", "2 points"),
    ],
)
def test_the_same_figure_written_two_ways_is_equal(a: str, b: str) -> None:
    qa, qb = parse_figure(a), parse_figure(b)
    assert qa is not None and qb is not None and qa.same_as(qb), (qa, qb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2 percent", "2 percentage points"),
        ("$12.4 million", "$12.4 billion"),
        ("$12.4 million", "€12.4 million"),
        ("70 percent", "90 percent"),
        ("18 billion crowns", "18 billion dollars"),
    ],
)
def test_different_figures_are_not_equal(a: str, b: str) -> None:
    qa, qb = parse_figure(a), parse_figure(b)
    assert qa is not None and qb is not None and not qa.same_as(qb), (qa, qb)


def test_scale_words_and_currency_symbols_are_applied() -> None:
    assert parse_figure("18 billion crowns") == Quantity(18e9, "crowns")
    assert parse_figure("$12.4 million") == Quantity(12.4e6, "USD")
    assert parse_figure("no number here") is None


def test_a_briefing_figure_prefers_its_value_and_unit_fields() -> None:
    assert quantity("70 percent", 70.0, "%") == Quantity(70.0, "percent")
    assert quantity("$12.4 million", None, None) == Quantity(12.4e6, "USD")
    assert canonical_unit("Percentage Points") == "percentage points"


def test_numbers_in_text_include_scaled_values() -> None:
    assert {12.4, 12_400_000.0, 70.0} <= numbers_in("It cost $12.4 million, 70% more.")
