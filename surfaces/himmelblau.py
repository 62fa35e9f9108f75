"""Himmelblau's function f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2: four global minima with
f = 0, four saddle points between their basins and one local maximum."""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec


def value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return (x**2 + y - 11.0) ** 2 + (x + y**2 - 7.0) ** 2


def grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    r1, r2 = x**2 + y - 11.0, x + y**2 - 7.0
    return layout.gradient(4.0 * x * r1 + 2.0 * r2, 2.0 * r1 + 4.0 * y * r2)


def hessian(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.hessian(12.0 * x**2 + 4.0 * y - 42.0, 4.0 * (x + y), 4.0 * x + 12.0 * y**2 - 26.0)


SPEC = SurfaceSpec(
    name="himmelblau",
    title="Himmelblau",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-5.0, 5.0), (-5.0, 5.0)),
    minima=(
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.2831859912861696),
        (3.5844283403304917, -1.8481265269644036),
    ),
    saddles=(
        (0.08667750455539634, 2.884254701174776),
        (-3.0730257507643897, -0.08135304428796751),
        (-0.12796134673068005, -1.9537149802445766),
        (3.385154183607021, 0.07385187983774928),
    ),
    start=(0.0, 0.0),
    log_contour=True,
    formula_latex=r"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
)
