"""Logging around model calls: ``summarizer``'s own logger, and instructor's kept decent.

summarizer logs to the ``summarizer`` logger (transport retries at INFO) and
configures no handler: a program that wants the lines configures logging.

instructor logs every failed attempt at ERROR. This module is the one place
that touches its logger, through the ``logging`` API only:

- a ``NullHandler``, so Python's last-resort handler does not print those lines
  on the stderr of programs that never configured logging (the typed error we
  raise already says what went wrong);
- a filter that drops the records of a request capture (``build_body`` stops
  instructor on purpose: no failure to report) and scrubs the API key, and the
  credentials of any URL, from the rest (a server may echo them back in an error
  message).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from summarizer.config import redact_text

LOGGER = logging.getLogger("summarizer")

_INSTRUCTOR = "instructor"
_SECRETS: ContextVar[tuple[str, ...]] = ContextVar("summarizer_secrets", default=())
_CAPTURING: ContextVar[bool] = ContextVar("summarizer_capturing", default=False)
REDACTED = "[redacted]"


class _InstructorFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _CAPTURING.get():
            return False
        message = record.getMessage()
        scrubbed = redact_text(message, _SECRETS.get())
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def _install() -> None:
    logger = logging.getLogger(_INSTRUCTOR)
    if not any(isinstance(f, _InstructorFilter) for f in logger.filters):
        logger.addHandler(logging.NullHandler())
        logger.addFilter(_InstructorFilter())
    # A logger's filters see only the records made on it, not its children's:
    # the loggers instructor 1.17 reports failed attempts on get the filter too.
    for name in ("instructor.v2.retry", "instructor.v2"):
        child = logging.getLogger(name)
        if not any(isinstance(f, _InstructorFilter) for f in child.filters):
            child.addFilter(_InstructorFilter())


_install()


@contextmanager
def secrets_hidden(*secrets: str | None) -> Iterator[None]:
    """Within this block, scrub ``secrets`` from instructor's log records."""
    token = _SECRETS.set(tuple(s for s in secrets if s))
    try:
        yield
    finally:
        _SECRETS.reset(token)


@contextmanager
def capturing() -> Iterator[None]:
    """Within this block, instructor's records are dropped (a deliberate stop)."""
    token = _CAPTURING.set(True)
    try:
        yield
    finally:
        _CAPTURING.reset(token)
