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
from typing import Any, TypeVar, cast

_T = TypeVar("_T")
_F = TypeVar("_F", bound=Callable[..., Any])

# One dict per wrapped function, by its text (or its arguments); None outside a briefing.
_STORE: ContextVar[dict[Callable[..., Any], dict[Any, Any]] | None] = ContextVar(
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


def per_briefing_call(function: _F) -> _F:
    """``function`` of hashable arguments, its answers kept inside ``remembered()``.

    As :func:`per_briefing`, for a rule asked about the same objects of one briefing
    (a statement, a set of names) by several steps. Positional arguments only; the
    answer is shared and must not be changed by its callers.
    """

    @wraps(function)
    def wrapper(*args: Any) -> Any:
        store = _STORE.get()
        if store is None:
            return function(*args)
        answers = store.get(function)
        if answers is None:
            answers = store[function] = {}
        elif args in answers:
            return answers[args]
        answer = answers[args] = function(*args)
        return answer

    return cast(_F, wrapper)
