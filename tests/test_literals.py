"""The factored pattern of many literal words finds exactly what a scan per word finds."""

from __future__ import annotations

import random
import re

from summarizer.checks.literals import literal_pattern

WORDS = ("to the ", "to any ", "summar", "summary", "ai", "ai:", "<|", "inst]", "you ", "your")


def test_pattern_matches_exactly_the_words() -> None:
    pattern = re.compile(literal_pattern(WORDS))
    assert {w for w in WORDS if pattern.fullmatch(w)} == set(WORDS)
    assert pattern.fullmatch("summa") is None
    assert pattern.fullmatch("to the") is None


def test_search_agrees_with_a_scan_per_word() -> None:
    pattern = re.compile(literal_pattern(WORDS))
    pieces = [*WORDS, "a", "i", "t", "o", " ", ":", "<", "|", "]", "yo", "sum"]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 6)))
        assert (pattern.search(text) is not None) == any(w in text for w in WORDS), text
