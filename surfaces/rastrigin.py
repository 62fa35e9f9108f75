"""Rastrigin's function f = 20 + sum_i (x_i^2 - 10 cos(2 pi x_i)), minimum f(0, 0) = 0,
with a local minimum near every integer point."""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec

_TWO_PI = 2.0 * np.pi


def value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return 20.0 + x**2 - 10.0 * np.cos(_TWO_PI * x) + y**2 - 10.0 * np.cos(_TWO_PI * y)


def grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.gradient(
        2.0 * x + 10.0 * _TWO_PI * np.sin(_TWO_PI * x),
        2.0 * y + 10.0 * _TWO_PI * np.sin(_TWO_PI * y),
    )


def hessian(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.hessian(
        2.0 + 10.0 * _TWO_PI**2 * np.cos(_TWO_PI * x),
        np.zeros_like(x),
        2.0 + 10.0 * _TWO_PI**2 * np.cos(_TWO_PI * y),
    )


SPEC = SurfaceSpec(
    name="rastrigin",
    title="Rastrigin",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-5.12, 5.12), (-5.12, 5.12)),
    minima=((0.0, 0.0),),
    start=(3.3, -2.6),
    formula_latex=r"f(x, y) = 20 + x^2 - 10\cos(2\pi x) + y^2 - 10\cos(2\pi y)",
)
