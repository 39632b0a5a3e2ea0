"""Cheaper paths to the same answers: each must agree with the pattern it replaces.

A speed-up must not change a briefing, so each shortcut is checked against the
regular expression it stands for, on invented sentences and on random text.
"""

from __future__ import annotations

import random
import re

import pytest

from summarizer.extractive import actors, keytext


def _random_texts(alphabet: str, count: int = 40, size: int = 60) -> list[str]:
    rng = random.Random(14)
    return ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(count)]


_SENTENCES = [
    "Marlow said the pier would reopen, and Tessa Marlow agreed.",
    '"Marlow is wrong," said Ines Marlow, while Marlow-Hayes declined to comment.',
    "O'Marlow and _Marlow and 9Marlow never count, but (Marlow spoke) does.",
    "MarlowMarlow keeps quiet; Marlow Marlow says nothing; Marlow ",
    "Ünal Marlow met Ünal at noon, then Ünal left. Marlow’s aide stayed.",
]


@pytest.mark.parametrize(
    "text", _SENTENCES + _random_texts("Marlow ’'-_9aZÜ\n.", count=60, size=40)
)
@pytest.mark.parametrize("surname", ["Marlow", "Ünal", "M.", "a"])
def test_surname_mentions_are_the_pattern_matches(text: str, surname: str) -> None:
    pattern = re.compile(rf"(?<![\w’'\-]){re.escape(surname)}(?= [a-z])")
    expected = [m.span() for m in pattern.finditer(text)]
    assert list(keytext._mentions(text, surname)) == expected


@pytest.mark.parametrize(
    "word",
    ["Vance's", "Vance’s", "Ferries'", "Ferries’", "Vance", "O'Neill", "Vance's\n", "'", "’s", ""]
    + _random_texts("as'’\n", count=40, size=5),
)
def test_unpossessed_is_the_pattern_substitution(word: str) -> None:
    assert actors._unpossessed(word) == actors._POSSESSIVE.sub("", word)


@pytest.mark.parametrize(
    "run", ["U.S.", "Ann Holt.", "The U.N.", "Holt's.", "Holt", "A.B.\n", "Mr. Holt", "..", ""]
)
def test_clean_run_reads_as_before(run: str) -> None:
    stripped = run if actors._INITIALS_END.search(run) else run.rstrip(".")
    assert actors.clean_run(run) == actors._POSSESSIVE.sub("", stripped)
