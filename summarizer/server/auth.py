"""Who is calling: the bearer key on ``/v1`` routes, checked against the stored hashes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from fastapi import Request

from summarizer.server.keys import key_name
from summarizer.server.problems import ProblemError
from summarizer.server.state import ServiceState

ANONYMOUS = "(no auth)"


@dataclass(frozen=True)
class Caller:
    """The caller of a request.

    Attributes:
        name: The API key's name; None when the server runs without auth.
    """

    name: str | None

    @property
    def limit_key(self) -> str:
        """Whose limits the request counts against."""
        return self.name if self.name is not None else ANONYMOUS


async def authenticated(request: Request) -> Caller:
    """The caller, after its key and its rate are checked (a FastAPI dependency).

    Raises:
        ProblemError: 401 without a valid key (saying nothing of which keys exist);
            429 when the key is over its rate.
    """
    state: ServiceState = request.app.state.service
    if not state.config.auth:
        caller = Caller(None)
    else:
        header = request.headers.get("authorization")
        name = await asyncio.to_thread(key_name, state.storage, header)
        if name is None:
            raise ProblemError(
                401,
                "Unauthorized",
                "a valid API key is required: send 'Authorization: Bearer <key>' "
                "(make one with 'summarizer keys create NAME')",
                headers={"WWW-Authenticate": 'Bearer realm="summarizer"'},
            )
        caller = Caller(name)
    state.limiter.hit(caller.limit_key)
    return caller
