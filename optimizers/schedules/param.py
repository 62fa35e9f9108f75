"""A schedule parameter, declared once, and the declarations several schedules share."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from constraints import Constraint, Flag, Formula, IntegerList, Interval, Options

Derive = Callable[[float, int | None, Mapping[str, Any]], Any]
"""A derived default: f(lr, steps, parameters declared before) -> value."""


@dataclass(frozen=True)
class Param:
    """One schedule parameter, declared once: validation, error messages, UI sliders, docs.

    ``constraint`` is the set of allowed values; ``slider`` is the finite span a UI slider
    offers. A ``default`` of None with a ``derive`` rule means "computed from lr, steps and the
    parameters declared before this one" (see ``meaning``).
    """

    name: str
    default: Any
    meaning: str
    constraint: Constraint
    slider: tuple[float, float] | None = None
    log: bool = False
    derive: Derive | None = None

    @property
    def kind(self) -> str:
        """What widget and link text it takes: float, int, bool, choice, ints or formula."""
        c = self.constraint
        if isinstance(c, Interval):
            return "int" if c.integer else "float"
        return {Flag: "bool", Options: "choice", IntegerList: "ints", Formula: "formula"}[type(c)]

    def validate(self, value: Any, schedule: str) -> Any:
        """Return ``value`` in canonical form, or raise ValueError naming this parameter."""
        return self.constraint.validate(value, schedule, self.name)


POSITIVE = Interval(float, 0.0, math.inf, "right")
NON_NEGATIVE = Interval(float, 0.0, math.inf)
FRACTION = Interval(float, 0.0, 1.0)
POSITIVE_FRACTION = Interval(float, 0.0, 1.0, "right")


def count(
    name: str, default: int | None, meaning: str, lo: int, slider_hi: int, **kw: Any
) -> Param:
    """A number of steps (or of anything) from ``lo`` up, with a slider to ``slider_hi``."""
    return Param(name, default, meaning, Interval(int, lo, math.inf), slider=(lo, slider_hi), **kw)


def gamma(default: float, meaning: str, slider: tuple[float, float]) -> Param:
    """A multiplicative decay factor (torch: > 0)."""
    return Param("gamma", default, meaning, POSITIVE, slider=slider)


def factor(name: str, meaning: str) -> Param:
    """A multiplier in (0, 1] that starts at a third (ConstantLR, LinearLR, warm-up)."""
    return Param(name, 1.0 / 3, meaning, POSITIVE_FRACTION, slider=(0.01, 1.0))


def eta_min() -> Param:
    return Param(
        "eta_min", 0.0, "floor of the cosine (absolute lr)", NON_NEGATIVE, slider=(0.0, 1.0)
    )


def lr_bound(name: str, meaning: str, derive: Derive) -> Param:
    """An absolute lr (OneCycleLR, CyclicLR) derived from the optimizer's lr by default."""
    return Param(name, None, meaning, NON_NEGATIVE, slider=(1e-5, 10.0), log=True, derive=derive)


def choice(name: str, default: str, meaning: str, choices: tuple[str, ...]) -> Param:
    return Param(name, default, meaning, Options(choices))


def horizon(lr: float, steps: int | None, p: Mapping[str, Any]) -> int | None:
    """Derived default: the run's number of steps."""
    return steps


LR = Param("lr", 1e-3, "the optimizer's learning rate", NON_NEGATIVE)
STEPS = count("steps", 100, "number of optimizer steps", 1, 5000)
