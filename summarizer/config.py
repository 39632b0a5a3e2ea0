"""Configuration: which engine, which endpoint, which model, which mode.

Values come from explicit arguments first, then the environment
(``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``SUMMARIZER_MODEL``), read only when
``Settings.from_env`` is called with the mapping to read, never at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, get_args
from urllib.parse import urlsplit

from summarizer.errors import ConfigurationError

ModeName = Literal["tools", "json_schema", "json", "md_json"]
EngineName = Literal["auto", "llm", "extractive"]
MODES: tuple[str, ...] = get_args(ModeName)
ENGINES: tuple[str, ...] = get_args(EngineName)

# Used only when the endpoint is OpenAI's own (no base URL given).
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class Settings:
    """How to reach the model.

    Attributes:
        model: Model name; required for a custom endpoint.
        base_url: An OpenAI-compatible endpoint (``http://localhost:11434/v1``); None
            means OpenAI.
        api_key: The API key. Never shown in ``repr``.
        mode: How instructor asks for structured output: ``tools`` (function
            calling), ``json_schema`` (response_format with a schema), ``json``
            (JSON mode) or ``md_json`` (JSON in a Markdown fence, for servers that
            enforce nothing).
        engine: ``llm``, ``extractive``, or ``auto`` (the LLM when an endpoint is
            configured, else the offline extractive engine).
        max_reasks: Validation re-asks after the first answer.
        timeout: Seconds for one HTTP request.
        datamark: Show the article's spaces as a mark in the prompt (spotlighting),
            so the model can tell data from instructions.
        max_article_tokens: Articles estimated above this many tokens are split on
            paragraph boundaries, briefed part by part and merged.
    """

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: ModeName = "tools"
    engine: EngineName = "auto"
    max_reasks: int = 2
    timeout: float = 120.0
    datamark: bool = True
    max_article_tokens: int = 12_000

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigurationError(
                f"unknown mode {self.mode!r}; choose one of: {', '.join(MODES)}"
            )
        if self.engine not in ENGINES:
            raise ConfigurationError(
                f"unknown engine {self.engine!r}; choose one of: {', '.join(ENGINES)}"
            )
        if self.max_reasks < 0:
            raise ConfigurationError("max_reasks must be 0 or more")
        if self.timeout <= 0:
            raise ConfigurationError("timeout must be more than 0 seconds")
        if self.max_article_tokens < 500:
            raise ConfigurationError("max_article_tokens must be at least 500")
        if self.base_url is not None:
            parts = urlsplit(self.base_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigurationError(
                    f"base URL {self.base_url!r} is not an http(s) URL; "
                    "expected something like http://localhost:11434/v1"
                )

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: object) -> Settings:
        """Build settings from ``environ``, with ``overrides`` (not None) winning.

        Args:
            environ: The environment to read, e.g. ``os.environ``.
            **overrides: Explicit values, e.g. from command-line flags; None means unset.
        """
        base = cls(
            model=environ.get("SUMMARIZER_MODEL") or None,
            base_url=environ.get("OPENAI_BASE_URL") or None,
            api_key=environ.get("OPENAI_API_KEY") or None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given)  # type: ignore[arg-type]

    @property
    def endpoint_configured(self) -> bool:
        """True when an API key or a base URL says where a model is."""
        return self.api_key is not None or self.base_url is not None

    def resolved_engine(self) -> Literal["llm", "extractive"]:
        """The engine that will run: ``auto`` resolved against the configuration."""
        if self.engine == "auto":
            return "llm" if self.endpoint_configured else "extractive"
        return self.engine

    def resolved_model(self) -> str:
        """The model to ask for.

        Raises:
            ConfigurationError: No model is set and the endpoint is not OpenAI's.
        """
        if self.model:
            return self.model
        if self.base_url is None:
            return DEFAULT_OPENAI_MODEL
        raise ConfigurationError(
            f"no model set for the endpoint {self.base_url}; set model or SUMMARIZER_MODEL",
            settings=("model",),
        )

    def endpoint_kind(self) -> str:
        """A label for provenance: openai, azure, local or openai-compatible."""
        if self.base_url is None:
            return "openai"
        host = (urlsplit(self.base_url).hostname or "").lower()
        if host.endswith("api.openai.com"):
            return "openai"
        if host.endswith(".openai.azure.com"):
            return "azure"
        if host in ("localhost", "::1") or host.startswith("127."):
            return "local"
        return "openai-compatible"
