"""How the service runs: where it keeps its data, which engine briefs, what it allows."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.config import Settings
from summarizer.inputs.article import DEFAULT_MAX_BYTES
from summarizer.llm.calllog import data_dir

# A JSON body escapes its text (quotes, newlines, non-ASCII as \\uXXXX when a
# client chooses to), so the body may be larger than the article it carries;
# the article itself is held to DEFAULT_MAX_BYTES once decoded.
DEFAULT_MAX_BODY_BYTES = 2 * DEFAULT_MAX_BYTES
DEFAULT_MAX_BATCH_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """The service's configuration.

    Attributes:
        settings: The engine, endpoint, model and mode briefings use (a request
            may choose the engine and the model, never the endpoint or the key).
        data_dir: Where the service database, batch files and call log live.
        auth: Require an API key on ``/v1`` routes.
        rate_per_minute: Requests per minute per key (0: no limit).
        concurrent_briefings: Briefings in flight at once per key (0: no limit).
        max_body_bytes: The largest request body, batches aside.
        max_batch_bytes: The largest batch body.
        max_article_bytes: The largest article, once decoded.
        use_cache: Answer repeated model requests from the call log.
        job_concurrency: Articles of one batch job briefed at once.
        grace_s: Seconds a SIGTERM waits for requests in flight before exiting.
        environ: The environment (for the call log's location and prices).
    """

    settings: Settings = field(default_factory=Settings)
    data_dir: Path = field(default_factory=lambda: data_dir(os.environ))
    auth: bool = True
    rate_per_minute: int = 120
    concurrent_briefings: int = 8
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_batch_bytes: int = DEFAULT_MAX_BATCH_BYTES
    max_article_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    job_concurrency: int = 8
    grace_s: float = 30.0
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ), repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: object) -> ServerConfig:
        """The configuration ``summarizer serve`` passes its workers through the environment.

        ``SUMMARIZER_SERVE_*`` variables carry the command's flags into each
        worker process (uvicorn starts workers from an import string).
        """

        def number(name: str, default: float) -> float:
            raw = environ.get(f"SUMMARIZER_SERVE_{name}")
            return float(raw) if raw else default

        settings = Settings.from_env(
            environ,
            engine=environ.get("SUMMARIZER_SERVE_ENGINE") or None,
            mode=environ.get("SUMMARIZER_SERVE_MODE") or None,
        )
        values: dict[str, object] = {
            "settings": settings,
            "data_dir": data_dir(environ),
            "auth": environ.get("SUMMARIZER_SERVE_NO_AUTH") != "1",
            "rate_per_minute": int(number("RATE_PER_MINUTE", cls.rate_per_minute)),
            "concurrent_briefings": int(number("CONCURRENT", cls.concurrent_briefings)),
            "use_cache": environ.get("SUMMARIZER_SERVE_NO_CACHE") != "1",
            "job_concurrency": int(number("JOB_CONCURRENCY", cls.job_concurrency)),
            "grace_s": number("GRACE", cls.grace_s),
            "environ": dict(environ),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
