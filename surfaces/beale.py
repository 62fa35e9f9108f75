"""Beale's function, a sum of three squared residuals
r_i = c_i - x + x y^i, c = (1.5, 2.25, 2.625):  f = sum r_i^2, minimum f(3, 0.5) = 0.

grad f = 2 sum r_i grad r_i,  Hessian = 2 sum (grad r_i grad r_i^T + r_i Hessian r_i).
"""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec

_C = (1.5, 2.25, 2.625)


def _residuals(xy: np.ndarray):
    """Yield r_i, grad r_i (..., 2) and Hessian r_i (..., 2, 2) for i = 1, 2, 3."""
    x, y = layout.split(xy)
    for i, c in enumerate(_C, start=1):
        r = c - x + x * y**i
        dr = layout.gradient(y**i - 1.0, i * x * y ** (i - 1))
        d2r = layout.hessian(
            np.zeros_like(x), i * y ** (i - 1), i * (i - 1) * x * y ** max(i - 2, 0)
        )
        yield r, dr, d2r


def value(xy: np.ndarray) -> np.ndarray:
    return sum(r**2 for r, _, _ in _residuals(xy))


def grad(xy: np.ndarray) -> np.ndarray:
    return sum(2.0 * r[..., None] * dr for r, dr, _ in _residuals(xy))


def hessian(xy: np.ndarray) -> np.ndarray:
    return sum(
        2.0 * (layout.outer(dr, dr) + r[..., None, None] * d2r) for r, dr, d2r in _residuals(xy)
    )


SPEC = SurfaceSpec(
    name="beale",
    title="Beale",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-4.5, 4.5), (-4.5, 4.5)),
    minima=((3.0, 0.5),),
    saddles=((0.0, 1.0), (0.10053793732415837, -2.644513585023125)),
    start=(1.0, 1.5),
    log_contour=True,
    formula_latex=(r"f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2"),
)
