"""Answers kept for one briefing: worked out once inside it, and forgotten after it."""

from __future__ import annotations

from summarizer.extractive.memo import per_briefing, per_briefing_call, remembered


def test_a_text_is_worked_out_once_per_briefing_and_forgotten_after() -> None:
    calls: list[str] = []

    @per_briefing
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    with remembered():
        assert shout("the ferry") == "THE FERRY"
        assert shout("the ferry") == "THE FERRY"
        assert shout("the quay") == "THE QUAY"
    assert calls == ["the ferry", "the quay"]
    with remembered():
        shout("the ferry")
    assert calls == ["the ferry", "the quay", "the ferry"]
    shout("the ferry")  # outside a briefing nothing is kept
    shout("the ferry")
    assert calls[-2:] == ["the ferry", "the ferry"]


def test_a_question_of_several_arguments_is_answered_once_per_briefing() -> None:
    calls: list[tuple[str, bool]] = []

    @per_briefing_call
    def tagged(name: str, loud: bool) -> str:
        calls.append((name, loud))
        return name.upper() if loud else name

    with remembered():
        assert tagged("the harbour board", True) == "THE HARBOUR BOARD"
        assert tagged("the harbour board", True) == "THE HARBOUR BOARD"
        assert tagged("the harbour board", False) == "the harbour board"
    assert calls == [("the harbour board", True), ("the harbour board", False)]
    with remembered():
        tagged("the harbour board", True)
    assert len(calls) == 3
    tagged("the harbour board", True)  # outside a briefing nothing is kept
    tagged("the harbour board", True)
    assert len(calls) == 5
