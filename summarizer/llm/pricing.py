"""What a model call costs: a built-in USD price table the user can override.

Prices are USD per million tokens, ``(input, output)``. The built-in table covers
a few OpenAI models; a user file (``prices.toml`` or ``prices.json`` in the data
directory, or any file given with ``--prices``) adds models or replaces prices::

    # prices.toml
    "gpt-4o-mini" = { input = 0.15, output = 0.60 }
    "qwen2.5:7b" = [0.0, 0.0]

A dated snapshot (``gpt-4o-mini-2024-07-18``) is priced as the longest table entry
it starts with. Unknown models cost None, never a guess. Provider Batch API calls
are billed at ``batch_discount`` of the live price (OpenAI: half).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigurationError

# USD per million tokens (input, output).
PRICES_PER_MTOK: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
}

PRICE_FILES = ("prices.toml", "prices.json")
BATCH_DISCOUNT = 0.5


@dataclass(frozen=True)
class PriceTable:
    """Prices per model.

    Attributes:
        prices: USD per million tokens, ``(input, output)``, by model name.
        batch_discount: The share of the live price a Batch API call costs.
    """

    prices: Mapping[str, tuple[float, float]] = field(default_factory=lambda: dict(PRICES_PER_MTOK))
    batch_discount: float = BATCH_DISCOUNT

    def price(self, model: str | None) -> tuple[float, float] | None:
        """The ``(input, output)`` price of ``model``, or None when unknown."""
        if not model:
            return None
        if model in self.prices:
            return self.prices[model]
        # Snapshots carry a date suffix; the longest matching family wins, so
        # "gpt-4o-mini-2024-07-18" is not priced as "gpt-4o".
        family = max(
            (name for name in self.prices if model.startswith(name + "-")), key=len, default=None
        )
        return self.prices[family] if family is not None else None

    def cost(
        self, model: str | None, prompt_tokens: int, completion_tokens: int, *, batch: bool = False
    ) -> float | None:
        """USD for one call, or None when the model's price is unknown."""
        price = self.price(model)
        if price is None:
            return None
        usd = (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
        return usd * self.batch_discount if batch else usd


def load_prices(path: Path | None = None, data_dir: Path | None = None) -> PriceTable:
    """The built-in table with the user's overrides applied.

    Args:
        path: An explicit price file (``--prices``); it must exist.
        data_dir: Where ``prices.toml`` / ``prices.json`` are looked for when no
            path is given.

    Raises:
        ConfigurationError: The file cannot be read or does not hold prices.
    """
    if path is None and data_dir is not None:
        path = next((data_dir / n for n in PRICE_FILES if (data_dir / n).is_file()), None)
    prices = dict(PRICES_PER_MTOK)
    if path is not None:
        prices.update(_read_price_file(path))
    return PriceTable(prices)


def _read_price_file(path: Path) -> dict[str, tuple[float, float]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"cannot read price file {path}: {exc.strerror or exc}") from exc
    try:
        data: Any = (
            json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode())
        )
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"price file {path} does not parse: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigurationError(f"price file {path} must map model names to prices")
    return {str(model): _price(path, str(model), value) for model, value in data.items()}


def _price(path: Path, model: str, value: Any) -> tuple[float, float]:
    if isinstance(value, dict) and set(value) == {"input", "output"}:
        value = [value["input"], value["output"]]
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in value)
    ):
        return float(value[0]), float(value[1])
    raise ConfigurationError(
        f"price file {path}: {model!r} must be {{input = USD, output = USD}} per million "
        f"tokens, or [input, output]; got {value!r}"
    )
