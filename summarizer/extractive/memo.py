"""Answers kept for the length of one briefing: rules ask them of the same text again.

Several rules read the same sentence (its content words, its figures): inside
``remembered()`` a function wrapped by ``per_briefing`` works each text out once.
Nothing is kept between briefings, so each article costs what its own text costs,
and memory stays within one article's sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

_T = TypeVar("_T")

# One dict per wrapped function, by its text; None outside a briefing.
_STORE: ContextVar[dict[Callable[..., Any], dict[str, Any]] | None] = ContextVar(
    "per_briefing", default=None
)


@contextmanager
def remembered() -> Iterator[None]:
    """Keep the answers of ``per_briefing`` functions for the length of this block."""
    token = _STORE.set({})
    try:
        yield
    finally:
        _STORE.reset(token)


def per_briefing(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function`` of a text, its answers kept inside ``remembered()``.

    The answer is shared: ``function`` must return something its callers never
    change (a tuple, a frozenset, a string).
    """

    @wraps(function)
    def wrapper(text: str) -> _T:
        store = _STORE.get()
        if store is None:
            return function(text)
        answers = store.get(function)
        if answers is None:
            answers = store[function] = {}
        elif text in answers:
            answers_found: _T = answers[text]
            return answers_found
        answer = answers[text] = function(text)
        return answer

    return wrapper
