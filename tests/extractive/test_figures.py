import pytest

from summarizer.extractive.figures import find_figures


@pytest.mark.parametrize(
    ("sentence", "figure", "value", "unit"),
    [
        ("The line is running $12.4 million over budget.", "$12.4 million", 12_400_000, "USD"),
        ("It will invest 18 billion crowns in steel.", "18 billion crowns", 18e9, "crowns"),
        ("China provided 70 percent of machine tools.", "70 percent", 70, "percent"),
        ("Turnout fell to 45% this year.", "45%", 45, "percent"),
        ("Taxes would rise 3 percentage points.", "3 percentage points", 3, "percentage points"),
        ("Police said 12,000 people marched.", "12,000 people", 12_000, "people"),
        ("The plant will cut 300 new jobs.", "300 new jobs", 300, "jobs"),
        ("A budget of €3bn was approved.", "€3bn", 3e9, "EUR"),
        (
            "The brook held 7.5 parts per million of zinc.",
            "7.5 parts per million",
            7.5,
            "parts per million",
        ),
    ],
)
def test_figures_parse_to_value_and_unit(
    sentence: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(sentence)
    assert [(f.text, f.value, f.unit) for f in found] == [(figure, value, unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge was built in 1887 and reopened on November 5.",
        "The 45-year-old engineer, aged 45, worked there for 12 years.",
        "In 2022 officials met twice.",
        "The vote is on Jan. 14 at 10 in the morning.",
    ],
)
def test_dates_ages_and_durations_are_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_percent_measure_names_what_it_is_a_share_of() -> None:
    (figure,) = find_figures("China provided 70 percent of machine tools to Russia.")
    assert figure.measure == "share of machine tools"
