"""Hyperparameter declarations: one table drives validation, error messages, UI sliders, tests.

Each optimizer declares its hyperparameters once, as data (the scikit-learn ``Interval`` idea):
name, torch default, allowed range, slider span, log scale, one-line meaning. ``range`` and
``closed`` repeat torch.optim's own argument checks (``Adam(betas=(1.0, 0.999))`` fails in
both); where torch checks nothing the lab only asks for a finite number.

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

Value = float | np.ndarray
"""A numeric hyperparameter after validation: a float, or an array of shape (N,)."""


@dataclass(frozen=True)
class HParam:
    """One hyperparameter of one optimizer.

    kind "float": a real number in ``range`` (ends included as ``closed`` says), scalar or (N,).
    kind "bool": True or False, one value for the whole run.
    kind "pair": two floats declared by ``items`` (``betas`` -> ``beta1``, ``beta2``).
    ``slider`` is the finite span a UI slider offers (inside ``range``); ``log`` asks for a
    log-scale slider. ``torch`` is False for the lab's teaching switches that torch lacks.
    """

    name: str
    default: Any
    meaning: str
    kind: str = "float"  # "float" | "bool" | "pair"
    range: tuple[float, float] = (-math.inf, math.inf)
    closed: str = "both"  # "both" | "left" | "right" | "neither"
    slider: tuple[float, float] | None = None
    log: bool = False
    items: tuple[HParam, ...] = ()
    torch: bool = True

    def allowed(self) -> str:
        """The allowed values in words, as error messages print them."""
        if self.kind == "bool":
            return "True or False"
        if self.kind == "pair":
            return "a pair (" + ", ".join(item.allowed() for item in self.items) + ")"
        lo, hi = self.range
        if math.isinf(lo) and math.isinf(hi):
            return "a finite float"
        left = "[" if self.closed in ("both", "left") else "("
        right = "]" if self.closed in ("both", "right") else ")"
        return f"a finite float in {left}{lo:g}, {hi:g}{right}"

    def contains(self, x: np.ndarray) -> np.ndarray:
        """Elementwise: is x finite and inside ``range``? (NaN is never inside.)"""
        lo, hi = self.range
        above = lo <= x if self.closed in ("both", "left") else lo < x
        below = x <= hi if self.closed in ("both", "right") else x < hi
        return np.isfinite(x) & above & below

    def validate(self, value: Any, optimizer: str, n_points: int, label: str = "") -> Any:
        """``value`` in canonical form, or ValueError naming the parameter, range and value.

        Floats come back as float or as a float64 array of shape (n_points,); pairs as a
        tuple of two such values; flags as bool. ``label`` names the value in messages
        (a pair's items print as ``betas[1]``).
        """
        label = label or self.name
        if self.kind == "bool":
            if isinstance(value, bool | np.bool_):
                return bool(value)
            raise ValueError(f"{optimizer}: {label} must be True or False; got {value!r}")
        if self.kind == "pair":
            if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
                raise ValueError(f"{optimizer}: {label} must be {self.allowed()}; got {value!r}")
            if len(value) != 2:
                raise ValueError(
                    f"{optimizer}: {label} must be a pair of 2 values; got {len(value)}: {value!r}"
                )
            return tuple(
                item.validate(v, optimizer, n_points, f"{label}[{i}]")
                for i, (item, v) in enumerate(zip(self.items, value, strict=True))
            )
        return self._validate_float(value, optimizer, n_points, label)

    def _validate_float(self, value: Any, optimizer: str, n_points: int, label: str) -> Value:
        if isinstance(value, bool | np.bool_ | str | bytes):
            raise ValueError(f"{optimizer}: {label} must be {self.allowed()}; got {value!r}")
        if isinstance(value, numbers.Real) or (isinstance(value, np.ndarray) and value.ndim == 0):
            x = float(value)
            if not self.contains(np.float64(x)):
                raise ValueError(f"{optimizer}: {label} must be {self.allowed()}; got {x!r}")
            return x
        try:
            array = np.array(value, dtype=np.float64)  # a copy: the caller's array stays writable
        except (TypeError, ValueError):
            raise ValueError(
                f"{optimizer}: {label} must be {self.allowed()}, or an array of shape "
                f"({n_points},); got {value!r}"
            ) from None
        if array.shape != (n_points,):
            raise ValueError(
                f"{optimizer}: {label} must be a scalar or an array of shape (N,) = "
                f"({n_points},), one value per start point; got shape {array.shape}"
            )
        bad = np.flatnonzero(~self.contains(array))
        if bad.size:
            i = int(bad[0])
            raise ValueError(
                f"{optimizer}: {label} must be {self.allowed()}; "
                f"got {float(array[i])!r} at index {i}"
            )
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


# --- declarations shared by several optimizers ---------------------------------------------

_NON_NEGATIVE = {"range": (0.0, math.inf), "closed": "left"}
_UNIT_OPEN = {"range": (0.0, 1.0), "closed": "left"}


def lr(default: float, slider: tuple[float, float] = (1e-4, 1.0)) -> HParam:
    """The learning rate (torch: ``0 <= lr``)."""
    return HParam(
        "lr",
        default,
        "learning rate: how far each step moves",
        slider=slider,
        log=True,
        **_NON_NEGATIVE,
    )


def eps(default: float) -> HParam:
    """The denominator's epsilon (torch: ``0 <= eps``)."""
    return HParam(
        "eps",
        default,
        "added to the denominator so it never divides by zero",
        slider=(1e-10, 1.0),
        log=True,
        **_NON_NEGATIVE,
    )


def weight_decay(default: float = 0.0) -> HParam:
    """L2 penalty, or decoupled decay where the optimizer says so (torch: ``0 <= weight_decay``)."""
    return HParam(
        "weight_decay",
        default,
        "pulls the point toward the origin in proportion to its distance",
        slider=(0.0, 0.5),
        **_NON_NEGATIVE,
    )


def betas(default: tuple[float, float] = (0.9, 0.999)) -> HParam:
    """Adam-family moment decay rates (torch: ``0 <= beta < 1`` for both)."""
    return HParam(
        "betas",
        default,
        "decay rates of the moving averages of the gradient and of its square",
        kind="pair",
        items=(
            HParam(
                "beta1",
                default[0],
                "memory of the first-moment (gradient) average",
                slider=(0.0, 0.999),
                **_UNIT_OPEN,
            ),
            HParam(
                "beta2",
                default[1],
                "memory of the second-moment (squared gradient) average",
                slider=(0.5, 0.9999),
                **_UNIT_OPEN,
            ),
        ),
    )


def maximize() -> HParam:
    """torch's ``maximize``: climb instead of descend."""
    return HParam("maximize", False, "climb the surface instead of descending it", kind="bool")


def decoupled_weight_decay() -> HParam:
    """torch's switch between L2 (added to the gradient) and AdamW-style decay of the point."""
    return HParam(
        "decoupled_weight_decay",
        False,
        "decay the point directly (AdamW) instead of adding weight_decay * p to the gradient",
        kind="bool",
    )


def amsgrad() -> HParam:
    """AMSGrad: normalize by the largest second moment seen so far."""
    return HParam(
        "amsgrad",
        False,
        "divide by the running maximum of the second moment (AMSGrad)",
        kind="bool",
    )


def keras_epsilon() -> HParam:
    """Teaching switch: Keras' epsilon placement ("epsilon hat"), which torch lacks."""
    return HParam(
        "keras_epsilon",
        False,
        "add eps to sqrt(v) before bias correction, as Keras does (acts 1/sqrt(1-beta2^t) "
        "times larger)",
        kind="bool",
        torch=False,
    )


def bias_correction() -> HParam:
    """Teaching switch: turn the 1 - beta^t corrections off, which torch cannot."""
    return HParam(
        "bias_correction",
        True,
        "divide the moments by 1 - beta^t; off shows the slow, biased start",
        kind="bool",
        torch=False,
    )
