"""Which logged answer one model call ended on, so that it can be marked accepted.

The call log (``calllog``) sits under the openai SDK, instructor and the retry
policy: it sees every exchange but not which answer became a briefing. The
engine opens a ``collecting`` scope around one model call (its first request,
retries and re-asks); the caching transport notes in it every 200 answer it
hands up, and reads from it whether a request is the call's first. When the
call succeeds, its last answer is the one instructor validated; the caller
accepts it once the briefing it produced is final (``api``), and only then may
it answer a later request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

Accept = Callable[[], None]


@dataclass
class CallAnswers:
    """The requests and answers of one model call, as the transport saw them.

    Attributes:
        requests: Chat requests sent in this call so far (cached or not).
        answers: For each 200 chat answer, in order: how to mark it accepted in
            the log, or None when there is nothing to mark (a cache hit, no log).
    """

    requests: int = 0
    answers: list[Accept | None] = field(default_factory=list)

    def last(self) -> Accept | None:
        """How to accept the call's last answer (the validated one, if the call succeeded)."""
        return self.answers[-1] if self.answers else None


_CURRENT: ContextVar[CallAnswers | None] = ContextVar("summarizer_call_answers", default=None)


@contextmanager
def collecting() -> Iterator[CallAnswers]:
    """Note the answers of the model call made within this block (one task or thread)."""
    answers = CallAnswers()
    token = _CURRENT.set(answers)
    try:
        yield answers
    finally:
        _CURRENT.reset(token)


def current() -> CallAnswers | None:
    """The model call being made in this task or thread, if any."""
    return _CURRENT.get()
