"""Saddle points: stationary points that are not minima.

saddle:        f(x, y) = x^2 - y^2            (Hessian diag(2, -2): indefinite)
monkey_saddle: f(x, y) = x^3 - 3 x y^2        (gradient and Hessian both vanish at 0)
"""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec


def saddle_value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return x**2 - y**2


def saddle_grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.gradient(2.0 * x, -2.0 * y)


def saddle_hessian(xy: np.ndarray) -> np.ndarray:
    x, _ = layout.split(xy)
    return layout.hessian(np.full_like(x, 2.0), np.zeros_like(x), np.full_like(x, -2.0))


def monkey_value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return x**3 - 3.0 * x * y**2


def monkey_grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.gradient(3.0 * x**2 - 3.0 * y**2, -6.0 * x * y)


def monkey_hessian(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.hessian(6.0 * x, -6.0 * y, -6.0 * x)


SADDLE = SurfaceSpec(
    name="saddle",
    title="Saddle",
    value=saddle_value,
    grad=saddle_grad,
    hessian=saddle_hessian,
    bounds=((-2.0, 2.0), (-2.0, 2.0)),
    minima=(),
    saddles=((0.0, 0.0),),
    # Almost on the line y = 0 that leads into the saddle: the tiny offset in y is all
    # gradient descent has to escape with, so it stalls before it slides off.
    start=(-1.8, 1e-3),
    formula_latex=r"f(x, y) = x^2 - y^2",
)

MONKEY_SADDLE = SurfaceSpec(
    name="monkey_saddle",
    title="Monkey saddle",
    value=monkey_value,
    grad=monkey_grad,
    hessian=monkey_hessian,
    bounds=((-2.0, 2.0), (-2.0, 2.0)),
    minima=(),
    saddles=((0.0, 0.0),),
    start=(1.5, 0.05),
    formula_latex=r"f(x, y) = x^3 - 3 x y^2",
)
