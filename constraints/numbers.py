"""Numbers in an interval, scalar or one per start point, and lists of integers."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from constraints.base import REFUSED, Constraint, invalid

CLOSED = ("both", "left", "right", "neither")
# A plain ASCII decimal number (no nan, inf, hex, underscores or other scripts' digits), short
# because the text may come from a link anybody can edit.
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
MAX_NUMBER_CHARS = 40


def parse_number(text: str) -> float | None:
    """The plain decimal number in ``text`` (surrounding spaces allowed), else None."""
    stripped = text.strip()
    if len(stripped) > MAX_NUMBER_CHARS or not _NUMBER.fullmatch(stripped):
        return None
    return float(stripped)


def _end(value: float, integer: bool) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return str(int(value)) if integer else f"{value:g}"


@dataclass(frozen=True)
class Interval(Constraint):
    """Finite numbers from ``lo`` to ``hi``, ends included as ``closed`` says
    ("both", "left", "right", "neither"); an infinite end is never included.

    ``type`` float takes any real number; int takes integral values (50.0 is 50), not bools.
    """

    type: type = float
    lo: float = -math.inf
    hi: float = math.inf
    closed: str = "both"

    def __post_init__(self) -> None:
        if self.type not in (float, int) or self.closed not in CLOSED or not self.lo <= self.hi:
            raise ValueError(f"not an interval: {self!r}")

    @property
    def integer(self) -> bool:
        return self.type is int

    @property
    def bounds(self) -> tuple[float, float]:
        return self.lo, self.hi

    def contains(self, x: float | np.ndarray) -> bool | np.ndarray:
        """Elementwise for arrays: is x finite (integral for int) and inside? NaN never is."""
        x = np.asarray(x, dtype=np.float64)
        above = self.lo <= x if self.closed in ("both", "left") else self.lo < x
        below = x <= self.hi if self.closed in ("both", "right") else x < self.hi
        inside = np.isfinite(x) & above & below
        if self.integer:
            inside &= np.mod(np.where(np.isfinite(x), x, 0.0), 1.0) == 0
        return inside if inside.ndim else bool(inside)

    def convert(self, value: Any) -> float | int:
        if isinstance(value, bool | np.bool_ | str | bytes):
            return REFUSED
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value.item()
        if not isinstance(value, numbers.Real) or not self.contains(float(value)):
            return REFUSED
        return int(value) if self.integer else float(value)

    def from_text(self, text: str) -> float | int:
        number = parse_number(text)
        return REFUSED if number is None else self.convert(number)

    def notation(self) -> str:
        """The interval as [lo, hi], open ends as ( and ): "[0, inf)", "[1, 2000]"."""
        left = "[" if self.closed in ("both", "left") and math.isfinite(self.lo) else "("
        right = "]" if self.closed in ("both", "right") and math.isfinite(self.hi) else ")"
        return f"{left}{_end(self.lo, self.integer)}, {_end(self.hi, self.integer)}{right}"

    def describe(self) -> str:
        if self.integer:
            return f"an integer in {self.notation()}"
        if math.isinf(self.lo) and math.isinf(self.hi):
            return "a finite float"
        return f"a finite float in {self.notation()}"

    def validate_array(self, array: np.ndarray, owner: str, name: str) -> np.ndarray:
        """``array`` when every entry is allowed, else the error for the first that is not."""
        bad = np.flatnonzero(~self.contains(array))
        if bad.size:
            i = int(bad[0])
            raise invalid(owner, name, self.describe(), float(array.flat[i]), f" at index {i}")
        return array

    def within(self, lo: float, hi: float) -> Interval:
        """This interval cut to [lo, hi] (a link's hard limits on one request's work)."""
        closed = {
            (True, True): "both",
            (True, False): "left",
            (False, True): "right",
            (False, False): "neither",
        }
        new_lo, new_hi = max(self.lo, lo), min(self.hi, hi)
        keeps_left = new_lo > self.lo or self.closed in ("both", "left")
        keeps_right = new_hi < self.hi or self.closed in ("both", "right")
        return Interval(self.type, new_lo, new_hi, closed[keeps_left, keeps_right])


@dataclass(frozen=True)
class IntegerList(Constraint):
    """A list of integers, each in ``items`` (an int Interval), at most ``max_items`` long.

    As text: "50, 100, 150". A repeated entry stays (MultiStepLR decays twice there).
    """

    items: Interval
    max_items: int | None = None

    def convert(self, value: Any) -> tuple[int, ...]:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            return REFUSED
        converted = tuple(self.items.convert(v) for v in value)
        too_many = self.max_items is not None and len(converted) > self.max_items
        return REFUSED if too_many or REFUSED in converted else converted

    def from_text(self, text: str) -> tuple[int, ...]:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        numbers = [parse_number(part) for part in parts]
        if not parts or None in numbers:
            return REFUSED
        return self.convert(numbers)

    def describe(self) -> str:
        count = "" if self.max_items is None else f"at most {self.max_items} "
        return f"a list of {count}integers in {self.items.notation()}"

    @staticmethod
    def text(value: Iterable[int]) -> str:
        """The list as it is typed: "50, 100, 150"."""
        return ", ".join(str(v) for v in value)
