"""The briefing service over HTTP: ``summarizer serve``, ``pip install 'summarizer[server]'``.

``create_app(config)`` builds the FastAPI app; run it with ``summarizer serve`` or
under your own process manager with ``uvicorn --factory summarizer.server:create_app``
(configured from the environment, as ``summarizer serve`` configures its workers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer.server.app import create_app
    from summarizer.server.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the app is asked for: ``summarizer keys``
    # works without the server extra, and says what to install when it is missing.
    if name == "create_app":
        from summarizer.server.app import create_app

        return create_app
    if name == "ServerConfig":
        from summarizer.server.config import ServerConfig

        return ServerConfig
    raise AttributeError(f"module 'summarizer.server' has no attribute {name!r}")
