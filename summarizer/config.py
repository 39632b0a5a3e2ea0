"""Configuration: which engine, which endpoint, which model, which mode.

Values come from explicit arguments first, then the environment
(``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``SUMMARIZER_MODEL``), read only when
``Settings.from_env`` is called with the mapping to read, never at import time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Literal, get_args
from urllib.parse import unquote, urlsplit

from summarizer.errors import ConfigurationError

ModeName = Literal["tools", "json_schema", "json", "md_json"]
EngineName = Literal["auto", "llm", "extractive"]
MODES: tuple[str, ...] = get_args(ModeName)
ENGINES: tuple[str, ...] = get_args(EngineName)

# Used only when the endpoint is OpenAI's own (no base URL given).
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"

REDACTED = "[redacted]"
# In a URL the mark must keep it a URL ("[" would read as an IPv6 host).
URL_REDACTED = "redacted"
# The user information of a URL (``http://user:KEY@host``): everything between
# the scheme's ``//`` (if any) and the last ``@`` before the path.
_USERINFO = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)?(?P<userinfo>[^/?#]*)@")
# Query parameters that carry credentials on some gateways (``?key=...``).
_SECRET_PARAM = re.compile(
    r"(?P<name>[?&](?:key|api-key|api_key|apikey|access_token|token|sig|signature)=)[^&#]*",
    re.IGNORECASE,
)


def redact_url(url: str) -> str:
    """``url`` fit to store or print: its user information and credential parameters hidden.

    ``http://user:KEY@host/v1?key=K`` becomes ``http://redacted@host/v1?key=redacted``
    (still a URL that parses).
    Used wherever a URL is written down: messages, the call log, the Batch API
    ledger, debug output.
    """
    url = _USERINFO.sub(lambda m: f"{m.group('scheme') or ''}{URL_REDACTED}@", url, count=1)
    return _SECRET_PARAM.sub(lambda m: m.group("name") + URL_REDACTED, url)


_URL_IN_TEXT = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)[^/\s?#@\"'<>]*@")


def redact_text(text: str, secrets: tuple[str, ...] | list[str] = ()) -> str:
    """``text`` with ``secrets`` and the user information of any URL in it hidden.

    For what a server or a library says back (an error message echoing the
    endpoint URL or the key) before it is stored or printed.
    """
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return _URL_IN_TEXT.sub(lambda m: m.group("scheme") + URL_REDACTED + "@", text)


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The credentials a URL carries in its user information, to scrub from other text.

    The password always; the user name too when it stands alone (``http://TOKEN@host``).
    Both as written and percent-decoded.
    """
    match = _USERINFO.match(url or "")
    if match is None:
        return ()
    user, has_password, password = match.group("userinfo").partition(":")
    found = [password] if has_password else [user]
    found += [unquote(s) for s in found]
    return tuple(sorted({s for s in found if len(s) >= 4}, key=len, reverse=True))


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
        timeout: Seconds for one HTTP request, all of it: connecting, sending, waiting
            and reading the answer to its last byte (a deadline, not a per-read limit).
        max_tokens: The completion budget sent with each request: the most tokens the
            model may write (a briefing needs about 1,000-2,000); an answer cut off at
            it is an error.
        datamark: Show the article's spaces as a mark in the prompt (spotlighting),
            so the model can tell data from instructions.
        max_article_tokens: Articles estimated above this many tokens *as sent*
            (datamarks counted: they take about 2.7 times the tokens of plain text on
            some tokenizers) are split on paragraph boundaries, briefed part by part
            and merged. The default suits a model with a 32k context; for a local
            server with a smaller one, lower it (about half the server's context).
        temperature: The sampling temperature sent with each request; None sends none
            (the endpoint's default). A recording meant to be repeatable sets 0.
    """

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: ModeName = "tools"
    engine: EngineName = "auto"
    max_reasks: int = 2
    timeout: float = 120.0
    datamark: bool = True
    max_article_tokens: int = 24_000
    max_tokens: int = 4096
    temperature: float | None = None

    def __repr__(self) -> str:
        # The dataclass repr, with the key left out and the base URL's credentials hidden.
        shown = []
        for f in fields(self):
            if f.repr:
                value = getattr(self, f.name)
                if f.name == "base_url" and value is not None:
                    value = redact_url(value)
                shown.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(shown)})"

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
        if not _finite(self.timeout) or self.timeout <= 0:
            raise ConfigurationError(
                f"timeout must be a finite number of seconds more than 0, not {self.timeout!r}",
                settings=("timeout",),
            )
        if self.max_article_tokens < 500:
            raise ConfigurationError("max_article_tokens must be at least 500")
        if isinstance(self.max_tokens, bool) or not isinstance(self.max_tokens, int):
            raise ConfigurationError(
                f"max_tokens must be a whole number of tokens, not {self.max_tokens!r}",
                settings=("max_tokens",),
            )
        if self.max_tokens < 1:
            raise ConfigurationError("max_tokens must be at least 1", settings=("max_tokens",))
        if self.temperature is not None and (not _finite(self.temperature) or self.temperature < 0):
            raise ConfigurationError(
                f"temperature must be a finite number of 0 or more, not {self.temperature!r}",
                settings=("temperature",),
            )
        if self.base_url is not None:
            try:
                parts = urlsplit(self.base_url)
                usable = parts.scheme in ("http", "https") and bool(parts.hostname)
            except ValueError:  # an unbalanced [ in an IPv6 host
                usable = False
            if not usable:
                raise ConfigurationError(
                    f"base URL {redact_url(self.base_url)!r} is not an http(s) URL; "
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
            f"no model set for the endpoint {self.endpoint()}; set model or SUMMARIZER_MODEL",
            settings=("model",),
        )

    def endpoint(self) -> str:
        """The endpoint as messages name it: the base URL, credentials hidden."""
        return redact_url(self.base_url) if self.base_url else "the OpenAI API"

    def secrets(self) -> tuple[str, ...]:
        """Every credential these settings hold (the key, a password in the base URL)."""
        return tuple(s for s in (self.api_key, *url_secrets(self.base_url)) if s)

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


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
