"""Six-hump camel: f = (4 - 2.1 x^2 + x^4 / 3) x^2 + x y + (-4 + 4 y^2) y^2, two global minima
f = -1.0316 at +-(0.0898, -0.7126) and four more local minima."""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec


def value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return (4.0 - 2.1 * x**2 + x**4 / 3.0) * x**2 + x * y + (-4.0 + 4.0 * y**2) * y**2


def grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.gradient(8.0 * x - 8.4 * x**3 + 2.0 * x**5 + y, x - 8.0 * y + 16.0 * y**3)


def hessian(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return layout.hessian(8.0 - 25.2 * x**2 + 10.0 * x**4, np.ones_like(x), -8.0 + 48.0 * y**2)


SPEC = SurfaceSpec(
    name="six_hump_camel",
    title="Six-hump camel",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-3.0, 3.0), (-2.0, 2.0)),
    minima=((0.08984201310031807, -0.7126564030207396), (-0.08984201310031807, 0.7126564030207396)),
    saddles=((0.0, 0.0),),
    start=(-1.5, -1.0),
    log_contour=True,
    formula_latex=r"f(x, y) = \left(4 - 2.1x^2 + \tfrac{x^4}{3}\right)x^2 + xy + (-4 + 4y^2)\,y^2",
)
