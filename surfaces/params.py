"""Surface parameters declared once, as data: one `ParamSpec` drives validation, the error
message, the UI slider and the tests (its `constraint` comes from `constraints`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from constraints import Interval


@dataclass(frozen=True)
class ParamSpec:
    """One numeric parameter: the closed interval it allows (also the slider's span), the
    slider on a log axis if `log`."""

    name: str
    default: float
    constraint: Interval
    log: bool
    meaning: str

    @property
    def range(self) -> tuple[float, float]:
        return self.constraint.bounds

    @property
    def integer(self) -> bool:
        return self.constraint.integer

    def check(self, value: object, owner: str) -> float | int:
        """`value` as float (int for an integer parameter), or ValueError naming the
        parameter, the allowed range and the value given."""
        return self.constraint.validate(value, owner, self.name)


def noise_spec(default: float = 0.0) -> ParamSpec:
    """Gradient noise: std of the Gaussian added to each gradient coordinate of one sample."""
    return ParamSpec(
        "noise",
        default,
        Interval(float, 0.0, 10.0),
        log=False,
        meaning="std of the Gaussian noise added to each gradient coordinate (one sample)",
    )


BATCH = ParamSpec(
    "batch",
    1,
    Interval(int, 1, 1024),
    log=True,
    meaning="mini-batch size: averaging over it divides the noise std by sqrt(batch)",
)


def resolve(specs: tuple[ParamSpec, ...], given: Mapping[str, object], owner: str) -> dict:
    """Defaults filled in, every value checked; unknown names are an error, not ignored."""
    known = {spec.name for spec in specs}
    unknown = sorted(set(given) - known)
    if unknown:
        allowed = ", ".join(spec.name for spec in specs)
        raise ValueError(f"{owner}: unknown parameter '{unknown[0]}'; allowed: {allowed}")
    return {spec.name: spec.check(given.get(spec.name, spec.default), owner) for spec in specs}
