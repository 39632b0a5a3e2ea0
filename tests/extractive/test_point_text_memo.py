"""A sentence read by the key points, the headline and the summary is cleaned once per briefing."""

from __future__ import annotations

import pytest

import summarizer.extractive.keytext as keytext
from summarizer.extractive.attribution import Attribution
from summarizer.extractive.keytext import point_text
from summarizer.extractive.memo import remembered
from summarizer.extractive.sentences import Sentence

EVIDENCE = "However, she said the lock gates at Pellow Reach would reopen by March."
SENTENCE = Sentence(EVIDENCE, 0, 0, 3, "sentence")
SAID = Attribution(SENTENCE, "Maren Quist", "lock keeper", "said", "the lock gates would reopen")
# The same speaker found through another statement: only her name matters here.
SAID_AGAIN = Attribution(SENTENCE, "Maren Quist", None, "said", "they would reopen")


def test_each_sentence_is_cleaned_once_per_briefing(monkeypatch: pytest.MonkeyPatch) -> None:
    cleaned: list[str] = []
    original = keytext.clean_prose  # type: ignore[attr-defined]

    def counting(text: str) -> str:
        cleaned.append(text)
        return original(text)

    monkeypatch.setattr(keytext, "clean_prose", counting)
    with remembered():
        first = point_text(EVIDENCE, SAID)
        again = point_text(EVIDENCE, SAID_AGAIN)
        bare = point_text(EVIDENCE, None)
    assert cleaned == [EVIDENCE, EVIDENCE]  # with her name, and without a speaker
    named = "Maren Quist said the lock gates at Pellow Reach would reopen by March."
    assert first == again == named
    assert bare == "She said the lock gates at Pellow Reach would reopen by March."


def test_the_text_is_the_same_inside_and_outside_a_briefing() -> None:
    subject_cases = [
        (EVIDENCE, SAID, None),
        (EVIDENCE, None, "Maren Quist"),
        ("Her report on the lock gates was published on Monday.", None, "Maren Quist"),
        ("He said the gates were sound.", SAID, "Oskar Tel"),
        ('"The gates are sound," she said.', SAID, None),
        ("The gates, she said, were sound.", SAID, None),
    ]
    outside = [point_text(*case) for case in subject_cases]
    with remembered():
        inside = [point_text(*case) for case in subject_cases]
        twice = [point_text(*case) for case in subject_cases]
    assert inside == twice == outside
