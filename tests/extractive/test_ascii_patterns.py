"""The ASCII twins of the word patterns: the same words, read faster from ASCII text.

Tokens, content words and word counts read most sentences (all-ASCII ones) with a
pattern of character ranges instead of Unicode classes; on every ASCII text the
two must find exactly the same words, or a briefing would change.
"""

from __future__ import annotations

import random
import string

import pytest

from summarizer.extractive import actors, disputes, sentences, tokens

_PAIRS = [
    (tokens._TOKEN, tokens._ASCII_TOKEN),
    (disputes._WORD, disputes._ASCII_WORD),
    (sentences._WORDS, sentences._ASCII_WORDS),
    (actors._LOWER_WORD, actors._LOWER_WORD_ASCII),
]


def _texts() -> list[str]:
    rng = random.Random(14)
    made_up = [
        "The ferry's 3,400 riders paid $12.50 (up 4.5%) on the co-op's route_2 line.",
        "Harbour-master O'Neill said: \"Nobody's counting 1.2.3 or 7,000,000 -- yet.\"",
        "Tabs\tand\nnewlines; colons: semi;colons, and_underscores_9 and 'single' quotes",
    ]
    every_char = "".join(chr(c) for c in range(128))
    shuffled = ["".join(rng.choice(string.printable) for _ in range(400)) for _ in range(20)]
    return [*made_up, every_char, every_char[::-1], *shuffled]


@pytest.mark.parametrize("text", _texts())
def test_the_ascii_patterns_find_the_words_the_unicode_ones_find(text: str) -> None:
    assert text.isascii()
    for unicode_pattern, ascii_pattern in _PAIRS:
        found = [m.span() for m in unicode_pattern.finditer(text)]
        assert [m.span() for m in ascii_pattern.finditer(text)] == found


def test_an_article_read_line_by_line_has_the_lower_case_words_read_whole() -> None:
    text = (
        "The harbour’s new dredger, ‘Tern’, starts in May.\n\n"
        "Its crew of twelve—all local—said the o’clock tide\nwould decide.\n"
        "well-known pier-side traders' stalls reopen"
    )
    assert actors.lowercase_words(text) == set(actors._LOWER_WORD.findall(text))
