"""Surface parameters declared once, as data: one `ParamSpec` drives validation, the error
message, the UI slider and the tests (the scikit-learn `_param_validation` idea)."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ParamSpec:
    """One numeric parameter: allowed closed interval `range`, slider on a log axis if `log`."""

    name: str
    default: float
    range: tuple[float, float]
    log: bool
    meaning: str
    integer: bool = False

    def check(self, value: object, owner: str) -> float | int:
        """Return `value` as float (int if `integer`), or raise ValueError naming the
        parameter, the allowed range and the value given."""
        lo, hi = self.range
        kind = "an integer" if self.integer else "a number"
        allowed = f"{owner}: parameter '{self.name}' must be {kind} in [{lo:g}, {hi:g}]"
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{allowed}, got {value!r}")
        number = float(value)
        if not math.isfinite(number) or not lo <= number <= hi:
            raise ValueError(f"{allowed}, got {value!r}")
        if self.integer:
            if not number.is_integer():
                raise ValueError(f"{allowed}, got {value!r}")
            return int(number)
        return number


def noise_spec(default: float = 0.0) -> ParamSpec:
    """Gradient noise: std of the Gaussian added to each gradient coordinate of one sample."""
    return ParamSpec(
        "noise",
        default,
        (0.0, 10.0),
        log=False,
        meaning="std of the Gaussian noise added to each gradient coordinate (one sample)",
    )


BATCH = ParamSpec(
    "batch",
    1,
    (1, 1024),
    log=True,
    meaning="mini-batch size: averaging over it divides the noise std by sqrt(batch)",
    integer=True,
)


def resolve(specs: tuple[ParamSpec, ...], given: Mapping[str, object], owner: str) -> dict:
    """Defaults filled in, every value checked; unknown names are an error, not ignored."""
    known = {spec.name for spec in specs}
    unknown = sorted(set(given) - known)
    if unknown:
        allowed = ", ".join(spec.name for spec in specs)
        raise ValueError(f"{owner}: unknown parameter '{unknown[0]}'; allowed: {allowed}")
    return {spec.name: spec.check(given.get(spec.name, spec.default), owner) for spec in specs}
