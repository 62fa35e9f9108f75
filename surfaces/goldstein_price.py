"""Goldstein-Price: f = A B, minimum f(0, -1) = 3, values up to about 10^6 in view, with

    A = 1 + p^2 q,   p = x + y + 1,  q = 19 - 14x + 3x^2 - 14y + 6xy + 3y^2
    B = 30 + s^2 t,  s = 2x - 3y,    t = 18 - 32x + 12x^2 + 48y - 36xy + 27y^2

Derivatives by the product rule, with p and s linear and q and t quadratic:
grad A = 2 p q grad p + p^2 grad q,
Hess A = 2 q grad p grad p^T + 2 p (grad p grad q^T + grad q grad p^T) + p^2 Hess q,
grad f = B grad A + A grad B,  Hess f = B Hess A + grad A grad B^T + grad B grad A^T + A Hess B.
"""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec


def _square_times_quadratic(lin, dlin, quad, dquad, d2quad):
    """l^2 q with its gradient and Hessian, for l linear and q quadratic."""
    value = lin**2 * quad
    grad = 2.0 * (lin * quad)[..., None] * dlin + (lin**2)[..., None] * dquad
    cross = layout.outer(dlin, dquad)
    hess = (
        2.0 * quad[..., None, None] * layout.outer(dlin, dlin)
        + 2.0 * lin[..., None, None] * (cross + np.swapaxes(cross, -1, -2))
        + (lin**2)[..., None, None] * d2quad
    )
    return value, grad, hess


def _factors(xy: np.ndarray):
    x, y = layout.split(xy)
    ones = np.ones_like(x)
    p = x + y + 1.0
    q = 19.0 - 14.0 * x + 3.0 * x**2 - 14.0 * y + 6.0 * x * y + 3.0 * y**2
    dq = -14.0 + 6.0 * x + 6.0 * y
    a, da, d2a = _square_times_quadratic(
        p,
        layout.gradient(ones, ones),
        q,
        layout.gradient(dq, dq),
        layout.hessian(6.0 * ones, 6.0, 6.0),
    )
    s = 2.0 * x - 3.0 * y
    t = 18.0 - 32.0 * x + 12.0 * x**2 + 48.0 * y - 36.0 * x * y + 27.0 * y**2
    b, db, d2b = _square_times_quadratic(
        s,
        layout.gradient(2.0 * ones, -3.0),
        t,
        layout.gradient(-32.0 + 24.0 * x - 36.0 * y, 48.0 - 36.0 * x + 54.0 * y),
        layout.hessian(24.0 * ones, -36.0, 54.0),
    )
    return 1.0 + a, da, d2a, 30.0 + b, db, d2b


def value(xy: np.ndarray) -> np.ndarray:
    a, _, _, b, _, _ = _factors(xy)
    return a * b


def grad(xy: np.ndarray) -> np.ndarray:
    a, da, _, b, db, _ = _factors(xy)
    return b[..., None] * da + a[..., None] * db


def hessian(xy: np.ndarray) -> np.ndarray:
    a, da, d2a, b, db, d2b = _factors(xy)
    cross = layout.outer(da, db)
    # The two cross terms are added first so H[0, 1] and H[1, 0] round alike: exact symmetry.
    symmetric_cross = cross + np.swapaxes(cross, -1, -2)
    return b[..., None, None] * d2a + a[..., None, None] * d2b + symmetric_cross


SPEC = SurfaceSpec(
    name="goldstein_price",
    title="Goldstein-Price",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-2.0, 2.0), (-2.0, 2.0)),
    minima=((0.0, -1.0),),
    # Passes between the global basin and the local minima at (-0.6, -0.4) and (1.8, 0.2).
    saddles=((-0.4, -0.6), (1.2, -0.2)),
    start=(-1.5, 1.5),
    log_contour=True,
    formula_latex=(
        r"f(x, y) = \left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\right]"
        r"\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\right]"
    ),
)
