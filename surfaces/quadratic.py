"""Quadratic bowls f(p) = 1/2 p^T A p with A = u u^T + kappa v v^T, where
u = (cos theta, sin theta) and v = (-sin theta, cos theta): curvature 1 along u and
kappa (the condition number) along v. grad f = A p, Hessian = A everywhere.

elliptic_bowl: kappa and theta are parameters.
noisy_bowl:    kappa = 1 (round), with gradient noise switched on by default.
"""

from __future__ import annotations

import functools

import numpy as np

from constraints import Interval
from surfaces import layout
from surfaces.params import ParamSpec
from surfaces.spec import SurfaceSpec


def _curvature(condition: float, angle: float) -> tuple[float, float, float]:
    """The entries (a_xx, a_xy, a_yy) of A; `angle` in degrees."""
    theta = np.deg2rad(angle)
    cos, sin = np.cos(theta), np.sin(theta)
    return (
        cos**2 + condition * sin**2,
        (1.0 - condition) * cos * sin,
        sin**2 + condition * cos**2,
    )


def value(xy: np.ndarray, *, condition: float, angle: float) -> np.ndarray:
    x, y = layout.split(xy)
    a_xx, a_xy, a_yy = _curvature(condition, angle)
    return 0.5 * (a_xx * x**2 + 2.0 * a_xy * x * y + a_yy * y**2)


def grad(xy: np.ndarray, *, condition: float, angle: float) -> np.ndarray:
    x, y = layout.split(xy)
    a_xx, a_xy, a_yy = _curvature(condition, angle)
    return layout.gradient(a_xx * x + a_xy * y, a_xy * x + a_yy * y)


def hessian(xy: np.ndarray, *, condition: float, angle: float) -> np.ndarray:
    x, _ = layout.split(xy)
    a_xx, a_xy, a_yy = _curvature(condition, angle)
    return layout.hessian(np.full_like(x, a_xx), np.full_like(x, a_xy), np.full_like(x, a_yy))


ELLIPTIC_BOWL = SurfaceSpec(
    name="elliptic_bowl",
    title="Elliptic bowl",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-3.0, 3.0), (-3.0, 3.0)),
    minima=((0.0, 0.0),),
    start=(-2.5, 1.5),
    formula_latex=(
        r"f(x, y) = \tfrac{1}{2}\left(u^2 + \kappa\, v^2\right),\quad "
        r"u = x\cos\theta + y\sin\theta,\ v = -x\sin\theta + y\cos\theta"
    ),
    params=(
        ParamSpec(
            "condition",
            10.0,
            Interval(float, 1.0, 1000.0),
            log=True,
            meaning="condition number kappa",
        ),
        ParamSpec(
            "angle",
            0.0,
            Interval(float, 0.0, 90.0),
            log=False,
            meaning="rotation theta of the valley, degrees",
        ),
    ),
)

NOISY_BOWL = SurfaceSpec(
    name="noisy_bowl",
    title="Noisy bowl",
    value=functools.partial(value, condition=1.0, angle=0.0),
    grad=functools.partial(grad, condition=1.0, angle=0.0),
    hessian=functools.partial(hessian, condition=1.0, angle=0.0),
    bounds=((-3.0, 3.0), (-3.0, 3.0)),
    minima=((0.0, 0.0),),
    start=(2.5, 2.0),
    formula_latex=r"f(x, y) = \tfrac{1}{2}\left(x^2 + y^2\right),\quad \tilde g = \nabla f + "
    r"\tfrac{\sigma}{\sqrt{B}}\,\xi,\ \xi \sim \mathcal{N}(0, I)",
    default_noise=1.0,
)
