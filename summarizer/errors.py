"""The exceptions summarizer raises, in one place.

Every error carries the context a user needs to act on it and renders as one
line of plain language (``str(error)``); the CLI prints that line and exits
with the error's ``exit_code``.

Hierarchy::

    SummarizerError                 base; exit code 1
    ├── InputError                  the article or an option is unusable; exit code 2
    │   ├── ArticleNotFoundError    a path that does not exist or is a directory
    │   ├── EmptyArticleError       nothing left to brief after cleaning, or too short to quote
    │   ├── BinaryInputError        the input is not text (NUL bytes, an image, ...)
    │   ├── ArticleTooLargeError    over the size cap
    │   ├── PrivateAddressError     a URL (or a redirect) that leads to a non-public address
    │   ├── TooManyPartsError       so long it would take more parts (model calls) than the cap
    │   └── ConfigurationError      no endpoint or model configured, unknown mode, ...
    │       └── CallLogError        the call log's database file cannot be opened or used
    ├── GoldFileError               a gold briefing that breaks the gold schema; exit code 2
    ├── PromptError                 a prompt template is missing or fails to render
    ├── FetchError                  a page server failed: unreachable, timed out, 5xx, redirect loop
    ├── OutputError                 the batch output cannot be written (a full disk, an I/O error)
    │   └── OutputBusyError         another batch run is writing the same output
    └── ModelError                  the model call failed; carries attempts and usage
        ├── TransportError          HTTP faults left after the retry policy gave up
        ├── StaleRecordingError     replaying a cassette that holds no answer to today's request
        ├── ModelOutputError        the model's answer could not be parsed or validated
        └── UngroundedError         quotes, numbers, links or actors the article does not back,
                                    after re-asks (each with its reason and place)
    ├── CaseUnavailable (InputError)  a reference eval case whose article is not here
    └── EvalFailed                  eval runs failed, or the gate found a regression

Signals used inside one call, never seen by a caller::

    GroundingViolation (ValueError)  a validator found what the article does not back;
                                     pydantic wraps it, and ``UngroundedError`` reports it
    Refusal                          the model declined (an OpenAI ``refusal`` message)
    MalformedResponse                a 200 that is not a chat completion; retried
    RequestCaptured                  stops instructor once a request body is built, unsent
    ResponseTooLarge                 an answer over the size cap; not retried
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class SummarizerError(Exception):
    """Base class: one line of plain language, and the CLI exit code."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(SummarizerError):
    """The input (article, file, option) cannot be used."""

    exit_code = 2


class ArticleNotFoundError(InputError):
    def __init__(self, path: str, reason: str = "no such file") -> None:
        super().__init__(f"cannot read article {path!r}: {reason}")
        self.path = path


class EmptyArticleError(InputError):
    """Nothing to brief: no text at all, or none long enough to be quoted as evidence.

    Attributes:
        source: Where the article came from (its path, URL, ``<stdin>`` or ``<text>``).
        shortest: For text that is there but too short, the fewest characters a
            quote may have; None when there is no text at all.
        unbroken: For text that runs on without a break between words, the longest
            span the offline engine quotes (a quote never ends inside a word).
    """

    def __init__(
        self, source: str, *, shortest: int | None = None, unbroken: int | None = None
    ) -> None:
        if unbroken is not None:
            message = (
                f"article {source} has nothing to quote: its text runs on for over "
                f"{unbroken} characters with no break between words"
            )
        elif shortest is None:
            message = f"article {source} is empty: there is no text to brief"
        else:
            message = (
                f"article {source} is too short to brief: it has no run of words of "
                f"{shortest} characters or more to quote as evidence"
            )
        super().__init__(message)
        self.source = source
        self.shortest = shortest


class BinaryInputError(InputError):
    def __init__(self, source: str, detail: str) -> None:
        super().__init__(f"article {source} is not text ({detail})")
        self.source = source


class ArticleTooLargeError(InputError):
    def __init__(self, source: str, size: int, limit: int) -> None:
        super().__init__(f"article {source} is {size:,} bytes, over the {limit:,}-byte limit")
        self.source = source
        self.size = size
        self.limit = limit


class PrivateAddressError(InputError):
    """A URL, or a redirect, leads to an address that is not public (refused by default).

    Attributes:
        url: The URL refused.
        address: The address it is or resolves to.
        host: The URL's host.
        redirected_from: The URL first asked for, when ``url`` is a redirect target.
    """

    def __init__(
        self,
        url: str,
        address: str,
        kind: str,
        *,
        host: str,
        redirected_from: str | None = None,
    ) -> None:
        what = f"{address} is" if host == address else f"{host} resolves to {address},"
        where = f" (redirected from {redirected_from})" if redirected_from else ""
        super().__init__(
            f"refusing to fetch {url}{where}: {what} {kind}; "
            "pass --allow-private-urls (allow_private=True) to read pages on this machine "
            "or its network"
        )
        self.url = url
        self.address = address
        self.host = host
        self.redirected_from = redirected_from


class TooManyPartsError(InputError):
    """An article so long that briefing it would take more parts than the cap allows.

    Each part is one model call (more with re-asks), so the cap bounds what one
    article can cost; it is refused before any request is sent.
    """

    def __init__(self, source: str, parts: int, limit: int, max_tokens: int) -> None:
        super().__init__(
            f"article {source} is too long: it would be briefed in {parts} parts of about "
            f"{max_tokens:,} tokens, over the limit of {limit} parts (one model call each); "
            "split it, or raise --max-article-tokens if the model's context allows"
        )
        self.source = source
        self.parts = parts
        self.limit = limit


class ConfigurationError(InputError):
    """The configuration cannot work (no endpoint, unknown mode, ...).

    Attributes:
        settings: The ``Settings`` fields that would fix it (``base_url``, ``model``);
            the CLI names its flags for them, the library does not know flags.
    """

    def __init__(self, message: str, *, settings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.settings = settings


class CallLogError(ConfigurationError):
    """The call log (SQLite, in the user's data directory) cannot be opened or used.

    Attributes:
        path: The database file.
    """

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(
            f"the call log {path} cannot be used: {problem}; move the file aside (it is a "
            "record and a cache, nothing else depends on it) or set SUMMARIZER_HOME to "
            "another folder"
        )
        self.path = path


class GoldFileError(SummarizerError):
    """A gold briefing file breaks the gold schema."""

    exit_code = 2

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"invalid gold file {where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class PromptError(SummarizerError):
    """A prompt template is missing or does not render."""


class FetchError(SummarizerError):
    """The page server failed: unreachable, timed out, a 5xx, or a redirect loop.

    A 4xx or a response that is not a page is the user's input problem and is an
    ``InputError`` instead.

    Attributes:
        url: The URL that failed.
        status_code: The HTTP status, when the server answered.
    """

    def __init__(self, message: str, *, url: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status_code = status_code


class OutputError(SummarizerError):
    """The batch output cannot be written: a full disk, an I/O error.

    The lines written before the failure are kept; a rerun with the same output
    goes on from them.

    Attributes:
        path: The output file.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class OutputBusyError(OutputError):
    """Another batch run holds the lock on the same output file."""


class ModelError(SummarizerError):
    """The model call failed.

    Attributes:
        model: The model name asked for.
        attempts: How many requests were made in all (transport retries and re-asks).
        last_response: The raw text of the model's last answer, when there was one.
        prompt_tokens: Prompt tokens the failed call used (what it cost, though it failed).
        completion_tokens: Completion tokens the failed call used.
    """

    def __init__(
        self,
        message: str,
        *,
        model: str | None = None,
        attempts: int = 0,
        last_response: str | None = None,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
    ) -> None:
        super().__init__(message)
        self.model = model
        self.attempts = attempts
        self.last_response = last_response
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens


class TransportError(ModelError):
    """An HTTP fault (status, timeout, connection) that outlasted the retry policy.

    Attributes:
        status_code: The last HTTP status, when the server answered at all.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        model: str | None = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(message, model=model, attempts=attempts)
        self.status_code = status_code


class StaleRecordingError(ModelError):
    """A replayed cassette has no recorded answer for the request sent today.

    The prompt, schema, model or article changed since it was recorded; an old
    answer must never be scored as a new one.
    """


class ModelOutputError(ModelError):
    """The model answered, but not with a valid briefing, after every re-ask."""


@dataclass(frozen=True)
class Ungrounded:
    """One thing in a briefing the article does not back: a quote, figure, number, link or actor.

    Attributes:
        location: Where it sits in the briefing, e.g. ``key_points[1].evidence[0]``
            (the first place, when it is repeated).
        text: The quote, figure, number, link or name as the model wrote it.
        reason: Why it was refused, e.g. "is too short to be evidence; quote a full
            phrase or sentence" (the part after ";" is advice for the model).
        locations: Every place it sits, ``location`` first.
    """

    location: str
    text: str
    reason: str = "does not occur in the article"
    locations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.locations:
            object.__setattr__(self, "locations", (self.location,))

    @property
    def finding(self) -> str:
        """The reason without the advice: "is too short to be evidence"."""
        return self.reason.split(";")[0].strip()

    def describe(self, *, advice: bool = True, every_place: bool = True) -> str:
        """One line: where, what, and why (with the advice for the model, if asked)."""
        if every_place or len(self.locations) == 1:
            where = ", ".join(self.locations)
        else:
            where = f"{self.location} (and {len(self.locations) - 1} more place(s))"
        text = self.text if advice else _clip(self.text)
        return f"{where}: {text!r} {self.reason if advice else self.finding}"


class UngroundedError(ModelError):
    """The model kept writing quotes, figures, numbers, links or actors the article does not back.

    Attributes:
        items: Each problem once, with its reason and every place it sits.
    """

    def __init__(
        self,
        items: Sequence[Ungrounded],
        *,
        model: str | None = None,
        attempts: int = 0,
        last_response: str | None = None,
    ) -> None:
        shown = "; ".join(i.describe(advice=False, every_place=False) for i in items[:3])
        more = f" (and {len(items) - 3} more)" if len(items) > 3 else ""
        super().__init__(
            f"the model's briefing is not grounded in the article after {attempts} "
            f"attempt(s): {len(items)} problem(s): {shown}{more}",
            model=model,
            attempts=attempts,
            last_response=last_response,
        )
        self.items = list(items)


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class GroundingViolation(ValueError):
    """Raised inside a validator when a briefing says what the article does not back.

    Pydantic wraps it into the validation error; the caller finds it again in the
    error's ``ctx`` to tell ungrounded answers from malformed ones. Its message is
    what the model is re-asked with: every problem, each with where it is and why.

    Attributes:
        items: Each problem once. An item with an empty ``location`` sits where
            pydantic's error says.
    """

    def __init__(self, message: str, items: Sequence[Ungrounded]) -> None:
        super().__init__(message)
        self.items = list(items)

    @property
    def texts(self) -> list[str]:
        """The offending quotes, figures, numbers, links or names, as the model wrote them."""
        return [i.text for i in self.items]


class Refusal(Exception):  # noqa: N818 - reads as what happened
    """The model declined to answer (an OpenAI ``refusal`` message)."""


class MalformedResponse(Exception):  # noqa: N818 - reads as what happened
    """The endpoint answered 200 with something that is not a chat completion.

    A proxy's HTML error page, a truncated body, an empty ``choices`` list: the
    request was fine and the answer was lost on the way, so it is retried like
    any other transport fault.
    """


class ResponseTooLarge(Exception):  # noqa: N818 - reads as what happened
    """The endpoint's answer is over the size cap; reading stopped there.

    Not retried: the same request would most likely be answered the same way.

    Attributes:
        limit: The cap, in bytes.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(f"a response over the {limit:,}-byte limit")
        self.limit = limit


class EvalFailed(SummarizerError):
    """Runs failed, or the gate found a regression."""


class CaseUnavailable(InputError):
    """A reference case whose article is not on this machine."""


class RequestCaptured(Exception):  # noqa: N818 - a signal, not an error
    """Stops instructor once it has built a request (``llm.request.build_body``)."""
