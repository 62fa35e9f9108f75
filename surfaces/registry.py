"""The built-in surfaces, as data: adding one is a new module plus one line here."""

from __future__ import annotations

from surfaces import (
    ackley,
    beale,
    booth,
    goldstein_price,
    himmelblau,
    quadratic,
    rastrigin,
    rosenbrock,
    saddles,
    six_hump_camel,
)
from surfaces.spec import SurfaceSpec
from surfaces.surface import Surface

SURFACES: dict[str, SurfaceSpec] = {
    spec.name: spec
    for spec in (
        rosenbrock.SPEC,
        saddles.SADDLE,
        quadratic.NOISY_BOWL,
        quadratic.ELLIPTIC_BOWL,
        saddles.MONKEY_SADDLE,
        beale.SPEC,
        booth.SPEC,
        himmelblau.SPEC,
        six_hump_camel.SPEC,
        rastrigin.SPEC,
        ackley.SPEC,
        goldstein_price.SPEC,
    )
}


def names() -> list[str]:
    """Names of the built-in surfaces, in teaching order."""
    return list(SURFACES)


def get(name: str, **params: float) -> Surface:
    """The built-in surface `name` with its parameters (own ones, `noise`, `batch`) set;
    defaults fill the rest. Raises ValueError for an unknown name or a bad parameter."""
    if name not in SURFACES:
        raise ValueError(f"unknown surface {name!r}; choose one of: {', '.join(SURFACES)}")
    return SURFACES[name].build(**params)
