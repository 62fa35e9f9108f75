"""Hyperparameter declarations: one table drives validation, error messages, UI sliders, tests.

Each optimizer declares its hyperparameters once, as data (the scikit-learn ``Interval`` idea):
name, torch default, allowed values (a ``constraints`` object), slider span, log scale,
one-line meaning. The constraints repeat torch.optim's own argument checks
(``Adam(betas=(1.0, 0.999))`` fails in both); where torch checks nothing the lab only asks
for a finite number.

Numeric values may be a scalar or an array of shape (N,), one value per start point, so a
single vectorized run sweeps a grid of settings. Pairs (``betas``, ``etas``, ``step_sizes``)
hold two such values: ``betas=(np.linspace(0, 0.99, N), 0.999)``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from constraints import REFUSED, Constraint, Flag, Interval, Plain, invalid

Value = float | np.ndarray
"""A numeric hyperparameter after validation: a float, or an array of shape (N,)."""

FLAG = Flag()
FINITE = Interval(float)
NON_NEGATIVE = Interval(float, 0.0, math.inf, "left")  # torch: 0 <= lr, eps, weight_decay, ...
UNIT = Interval(float, 0.0, 1.0)
UNIT_OPEN = Interval(float, 0.0, 1.0, "left")  # torch: 0 <= beta < 1


@dataclass(frozen=True)
class HParam:
    """One hyperparameter of one optimizer.

    ``constraint`` says what it takes: an Interval of floats (scalar or one per point, (N,)),
    or FLAG (True or False, one value for the whole run). A pair (``betas`` -> ``beta1``,
    ``beta2``) declares its two floats as ``items`` instead. ``slider`` is the finite span a
    UI slider offers (inside ``constraint``); ``log`` asks for a log-scale slider. ``torch`` is
    False for the lab's teaching switches that torch lacks.
    """

    name: str
    default: Any
    meaning: str
    constraint: Constraint = FINITE
    slider: tuple[float, float] | None = None
    log: bool = False
    items: tuple[HParam, ...] = ()
    torch: bool = True

    @property
    def kind(self) -> str:
        """ "pair", "bool" or "float": what widget, link text and kernel value it has."""
        if self.items:
            return "pair"
        return "bool" if isinstance(self.constraint, Flag) else "float"

    def allowed(self) -> str:
        """The allowed values in words, as error messages print them."""
        if self.kind == "pair":
            return "a pair (" + ", ".join(item.allowed() for item in self.items) + ")"
        return self.constraint.describe()

    def contains(self, x: float | np.ndarray) -> bool | np.ndarray:
        """Elementwise: is x a float this hyperparameter allows? (NaN never is.)"""
        return self.constraint.contains(x)

    def validate(self, value: Any, optimizer: str, n_points: int, label: str = "") -> Any:
        """``value`` in canonical form, or ValueError naming the parameter, range and value.

        Floats come back as float or as a float64 array of shape (n_points,); pairs as a
        tuple of two such values; flags as bool. ``label`` names the value in messages
        (a pair's items print as ``betas[1]``).
        """
        label = label or self.name
        if self.kind == "bool":
            return self.constraint.validate(value, optimizer, label)
        if self.kind == "pair":
            if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
                raise invalid(optimizer, label, self.allowed(), value)
            if len(value) != 2:
                raise invalid(optimizer, label, "a pair of 2 values", value)
            return tuple(
                item.validate(v, optimizer, n_points, f"{label}[{i}]")
                for i, (item, v) in enumerate(zip(self.items, value, strict=True))
            )
        return self._validate_float(value, optimizer, n_points, label)

    def _validate_float(self, value: Any, optimizer: str, n_points: int, label: str) -> Value:
        scalar = self.constraint.convert(value)
        if scalar is not REFUSED:
            return scalar
        if isinstance(value, bool | np.bool_ | str | bytes | numbers.Real) or (
            isinstance(value, np.ndarray) and value.ndim == 0
        ):
            raise invalid(optimizer, label, self.allowed(), value)
        try:
            array = np.array(value, dtype=np.float64)  # a copy: the caller's array stays writable
        except (TypeError, ValueError):
            raise invalid(
                optimizer, label, f"{self.allowed()}, or an array of shape ({n_points},)", value
            ) from None
        if array.shape != (n_points,):
            raise invalid(
                optimizer,
                label,
                f"a scalar or an array of shape (N,) = ({n_points},), one value per start point",
                Plain(f"shape {array.shape}"),
            )
        self.constraint.validate_array(array, optimizer, label)
        array.flags.writeable = False
        return array

    def flat_names(self) -> tuple[str, ...]:
        """Names the kernels see: a pair's item names (beta1, beta2), else the name itself."""
        return tuple(item.name for item in self.items) if self.kind == "pair" else (self.name,)


def is_active(value: Value) -> bool:
    """False only for the scalar 0, so kernels skip work torch skips (``if weight_decay != 0``).

    Arrays always take the general path: their zero entries then add exactly nothing.
    """
    return isinstance(value, np.ndarray) or value != 0


def one_minus_power(beta: Value, t: int | np.ndarray) -> Value:
    """1 - beta^t (a bias correction), exactly as ``1 - beta**t`` computes it.

    NumPy's pow is many times slower where beta^t underflows (small per-point beta1s in a
    sweep: 40% of a 128 x 128 x 300 Adam sweep, 95% at 2,000 steps). So at step t, per-point
    betas whose power would fall below 2^-960 are raised to 2^(-960 / t) first: 1 - beta^t
    is 1.0 either way (it rounds to 1 below 2^-54), and every other beta is left as it is.
    """
    if isinstance(beta, np.ndarray) and isinstance(t, int) and t > 0:
        floor = 2.0 ** (-960 / t)
        if np.minimum.reduce(beta, axis=None) < floor:
            beta = np.maximum(beta, floor)
    return 1 - beta**t


# --- declarations shared by several optimizers ---------------------------------------------


def lr(default: float, slider: tuple[float, float] = (1e-4, 1.0)) -> HParam:
    """The learning rate (torch: ``0 <= lr``)."""
    return HParam(
        "lr",
        default,
        "learning rate: how far each step moves",
        slider=slider,
        log=True,
        constraint=NON_NEGATIVE,
    )


def eps(default: float) -> HParam:
    """The denominator's epsilon (torch: ``0 <= eps``)."""
    return HParam(
        "eps",
        default,
        "added to the denominator so it never divides by zero",
        slider=(1e-10, 1.0),
        log=True,
        constraint=NON_NEGATIVE,
    )


def weight_decay(default: float = 0.0) -> HParam:
    """L2 penalty, or decoupled decay where the optimizer says so (torch: ``0 <= weight_decay``)."""
    return HParam(
        "weight_decay",
        default,
        "pulls the point toward the origin in proportion to its distance",
        slider=(0.0, 0.5),
        constraint=NON_NEGATIVE,
    )


def betas(default: tuple[float, float] = (0.9, 0.999)) -> HParam:
    """Adam-family moment decay rates (torch: ``0 <= beta < 1`` for both)."""
    return HParam(
        "betas",
        default,
        "decay rates of the moving averages of the gradient and of its square",
        items=(
            HParam(
                "beta1",
                default[0],
                "memory of the first-moment (gradient) average",
                slider=(0.0, 0.999),
                constraint=UNIT_OPEN,
            ),
            HParam(
                "beta2",
                default[1],
                "memory of the second-moment (squared gradient) average",
                slider=(0.5, 0.9999),
                constraint=UNIT_OPEN,
            ),
        ),
    )


def maximize() -> HParam:
    """torch's ``maximize``: climb instead of descend."""
    return HParam("maximize", False, "climb the surface instead of descending it", constraint=FLAG)


def decoupled_weight_decay() -> HParam:
    """torch's switch between L2 (added to the gradient) and AdamW-style decay of the point."""
    return HParam(
        "decoupled_weight_decay",
        False,
        "decay the point directly (AdamW) instead of adding weight_decay * p to the gradient",
        constraint=FLAG,
    )


def amsgrad() -> HParam:
    """AMSGrad: normalize by the largest second moment seen so far."""
    return HParam(
        "amsgrad",
        False,
        "divide by the running maximum of the second moment (AMSGrad)",
        constraint=FLAG,
    )


def keras_epsilon() -> HParam:
    """Teaching switch: Keras' epsilon placement ("epsilon hat"), which torch lacks."""
    return HParam(
        "keras_epsilon",
        False,
        "add eps to sqrt(v) before bias correction, as Keras does (acts 1/sqrt(1-beta2^t) "
        "times larger)",
        constraint=FLAG,
        torch=False,
    )


def bias_correction() -> HParam:
    """Teaching switch: turn the 1 - beta^t corrections off, which torch cannot."""
    return HParam(
        "bias_correction",
        True,
        "divide the moments by 1 - beta^t; off shows the slow, biased start",
        constraint=FLAG,
        torch=False,
    )
