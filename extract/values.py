"""Small helpers on values that several components use the same way."""

from __future__ import annotations

import re

_STRENGTH = {"": 0, "approx": 1, "total": 1, "at_least": 2, "over": 2, "at_most": 2}


def close(a: float, b: float) -> bool:
    """Two figures within 1% of each other: one value written twice."""
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def lookup(table: dict[str, str], word: str) -> str:
    """A word's entry in a word table, whatever its case and spacing ("" when it has none)."""
    key = re.sub(r"\s+", " ", word.strip())
    for k, v in table.items():
        if k.lower() == key.lower():
            return v
    return ""


def stronger(a: str, b: str) -> str:
    """Of two qualifiers, the one that says more (a bound over "about", "about" over none)."""
    return b if _STRENGTH.get(b, 0) > _STRENGTH.get(a, 0) else a


def clock(hour: int, minute: int | None) -> str:
    """ "HH:MM", or "HH" for a time known to the hour."""
    return f"{hour:02d}" if minute is None else f"{hour:02d}:{minute:02d}"
