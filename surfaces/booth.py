"""Booth's function f = (x + 2y - 7)^2 + (2x + y - 5)^2, minimum f(1, 3) = 0.
A quadratic with constant Hessian [[10, 8], [8, 10]] (eigenvalues 18 and 2)."""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec


def value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return (x + 2.0 * y - 7.0) ** 2 + (2.0 * x + y - 5.0) ** 2


def grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    r1, r2 = x + 2.0 * y - 7.0, 2.0 * x + y - 5.0
    return layout.gradient(2.0 * r1 + 4.0 * r2, 4.0 * r1 + 2.0 * r2)


def hessian(xy: np.ndarray) -> np.ndarray:
    x, _ = layout.split(xy)
    return layout.hessian(np.full_like(x, 10.0), np.full_like(x, 8.0), np.full_like(x, 10.0))


SPEC = SurfaceSpec(
    name="booth",
    title="Booth",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-10.0, 10.0), (-10.0, 10.0)),
    minima=((1.0, 3.0),),
    start=(-8.0, 8.0),
    formula_latex=r"f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2",
)
