"""Rosenbrock's banana: f(x, y) = (a - x)^2 + b (y - x^2)^2, minimum f(a, a^2) = 0."""

from __future__ import annotations

import numpy as np

from constraints import Interval
from surfaces import layout
from surfaces.params import ParamSpec
from surfaces.spec import SurfaceSpec


def value(xy: np.ndarray, *, a: float, b: float) -> np.ndarray:
    x, y = layout.split(xy)
    return (a - x) ** 2 + b * (y - x**2) ** 2


def grad(xy: np.ndarray, *, a: float, b: float) -> np.ndarray:
    x, y = layout.split(xy)
    valley = y - x**2
    return layout.gradient(-2.0 * (a - x) - 4.0 * b * x * valley, 2.0 * b * valley)


def hessian(xy: np.ndarray, *, a: float, b: float) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.hessian(
        2.0 - 4.0 * b * y + 12.0 * b * x**2, -4.0 * b * x, np.full_like(x, 2.0 * b)
    )


def minima(*, a: float, b: float) -> np.ndarray:
    return np.array([[a, a**2]])


SPEC = SurfaceSpec(
    name="rosenbrock",
    title="Rosenbrock",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-2.0, 2.0), (-1.0, 3.0)),
    minima=minima,
    start=(-1.2, 1.0),
    log_contour=True,
    formula_latex=r"f(x, y) = (a - x)^2 + b\,(y - x^2)^2",
    params=(
        ParamSpec(
            "a",
            1.0,
            Interval(float, -1.5, 1.5),
            log=False,
            meaning="position of the minimum (a, a^2)",
        ),
        ParamSpec(
            "b",
            100.0,
            Interval(float, 1.0, 1000.0),
            log=True,
            meaning="steepness of the valley walls",
        ),
    ),
)
