from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import GoldFileError
from summarizer.evals.gold import load_gold
from support import SHARED_EXAMPLES

GOOD = """\
headline: The council approved the dredging plan.
aliases:
  Mirela Vasko: [Vasko]
key_points:
  - text: The council approved the plan.
    importance: core
disputed_figures:
  - figure: $12.4 million
    value: 12400000
    unit: USD
    measure: cost of the plan
    claimed_by: Mirela Vasko
    disputed_by: [Dockworkers' union]
must_not_contain: [Sign up]
"""


def test_the_shared_example_gold_is_valid() -> None:
    path = SHARED_EXAMPLES / "blinken-wang.gold.yaml"
    if not path.is_file():
        pytest.skip(f"shared example gold not present at {path}")
    gold = load_gold(path)
    assert [f.figure for f in gold.disputed_figures] == ["70 percent", "90 percent"]
    assert "Sign up" in gold.must_not_contain


def test_a_valid_gold_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(GOOD)
    gold = load_gold(path)
    assert gold.disputed_figures[0].value == 12_400_000
    assert gold.aliases == {"Mirela Vasko": ["Vasko"]}


@pytest.mark.parametrize(
    ("broken", "line", "reason"),
    [
        (GOOD.replace("importance: core", "importance: crucial"), 6, "key_points.0.importance"),
        (GOOD.replace("    measure: cost of the plan\n", ""), 8, "disputed_figures.0.measure"),
        (GOOD.replace("must_not_contain", "must_not_contian"), 14, "must_not_contian"),
        (GOOD.replace("value: 12400000", "value: twelve"), 9, "disputed_figures.0.value"),
        ("headline: [unclosed\n", 2, "not valid YAML"),
    ],
)
def test_a_broken_gold_file_is_refused_with_file_line_and_reason(
    tmp_path: Path, broken: str, line: int, reason: str
) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(broken)
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    message = str(info.value)
    assert f"{path}:{line}" in message
    assert reason in message
