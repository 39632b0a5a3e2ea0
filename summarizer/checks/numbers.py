"""Reading numbers: "70%" equals "70 percent", "$12.4 million" equals 12,400,000 USD."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_UNIT_ALIASES = {
    "%": "percent",
    "per cent": "percent",
    "pc": "percent",
    "percentage point": "percentage points",
    "percentage points": "percentage points",
    "points": "percentage points",
    "pp": "percentage points",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "person": "people",
    "persons": "people",
    "residents": "people",
    "protesters": "people",
    "marchers": "people",
    "job": "jobs",
    "post": "jobs",
    "posts": "jobs",
    "position": "jobs",
    "positions": "jobs",
    "crown": "crowns",
    "ton": "tonnes",
    "tons": "tonnes",
    "tonne": "tonnes",
    "litre": "litres",
    "liter": "litres",
    "liters": "litres",
}
# A number as written ("1,240,000", "12.4") and the scale word after it, if any.
_VALUE_PATTERN = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|mln|billion|bn|trillion|k|m)\b)?"
)
_NUMBER = re.compile(
    r"(?P<sym>[$€£¥])?\s*" + _VALUE_PATTERN + r"\s*(?P<unit>%|[a-zA-Z][a-zA-Z ]{0,30})?"
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, both normalised.

    Attributes:
        value: The value with scale words applied.
        unit: The canonical unit, or None.
    """

    value: float
    unit: str | None

    def same_as(self, other: Quantity, rel_tol: float = 0.005) -> bool:
        """True when both quantities are the same number in the same unit."""
        if not math.isclose(self.value, other.value, rel_tol=rel_tol, abs_tol=1e-9):
            return False
        if self.unit is None or other.unit is None:
            return True
        return self.unit == other.unit


def canonical_unit(unit: str | None) -> str | None:
    """The canonical spelling of ``unit`` ("%" -> "percent", "dollars" -> "USD")."""
    if unit is None:
        return None
    key = " ".join(unit.lower().replace(".", "").split())
    if not key:
        return None
    if key in _UNIT_ALIASES:
        return _UNIT_ALIASES[key]
    if len(key) == 3 and key.isalpha() and unit.strip().isupper():
        return key.upper()
    return key


def parse_figure(text: str) -> Quantity | None:
    """Parse a figure as written ("$12.4 million", "70 percent", "4,000 people")."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = float(match.group("num").replace(",", ""))
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    unit_text = (match.group("unit") or "").strip()
    unit: str | None = None
    if match.group("sym"):
        unit = _SYMBOLS[match.group("sym")]
    elif unit_text:
        words = unit_text.split()
        for size in (2, 1):  # "percentage points", "per cent" before "percent"
            candidate = " ".join(words[:size])
            if size <= len(words) and (candidate.lower() in _UNIT_ALIASES or size == 1):
                unit = canonical_unit(candidate)
                break
    return Quantity(value, unit)


def quantity(figure: str, value: float | None, unit: str | None) -> Quantity | None:
    """The quantity of a briefing's disputed figure: its fields, else its text."""
    parsed = parse_figure(figure)
    if value is not None:
        return Quantity(float(value), canonical_unit(unit) or (parsed.unit if parsed else None))
    return parsed


# ``_NUMBER`` without the currency and unit it reads around a number: the same
# numbers and scales, found in under half the time (articles run to 80,000 words).
_VALUE = re.compile(_VALUE_PATTERN)


def numbers_in(text: str) -> set[float]:
    """Every number written with digits in ``text``, scale words applied and not."""
    found: set[float] = set()
    for match in _VALUE.finditer(text):
        raw = float(match.group("num").replace(",", ""))
        found.add(raw)
        if match.group("scale"):
            found.add(raw * _SCALES[match.group("scale").lower()])
    return found
