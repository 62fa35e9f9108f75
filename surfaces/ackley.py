"""Ackley's function, minimum f(0, 0) = 0:

    f = -20 exp(-0.2 sqrt((x^2 + y^2) / 2)) - exp((cos 2 pi x + cos 2 pi y) / 2) + e + 20

The first term is a cone in r = sqrt(x^2 + y^2): with B = 0.2 / sqrt(2) and u = (x, y) / r,
its gradient is 20 B e^(-B r) u and its Hessian 20 B e^(-B r) ((I - u u^T) / r - B u u^T).
At the tip (r = 0) neither exists; we take 0 there (a subgradient), so the minimum counts as
stationary and nothing divides by zero.
"""

from __future__ import annotations

import numpy as np

from surfaces import layout
from surfaces.spec import SurfaceSpec

_B = 0.2 / np.sqrt(2.0)
_TWO_PI = 2.0 * np.pi
# Below this radius 1 / r would overflow: treat such points as the tip itself.
_TIP = np.finfo(np.float64).tiny


def _ripples(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.exp(0.5 * (np.cos(_TWO_PI * x) + np.cos(_TWO_PI * y)))


def _direction(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """r and the unit vector u = (x, y) / r, with u = 0 and r = 1 (a dummy) at the tip."""
    r = np.hypot(x, y)
    tip = r < _TIP
    safe_r = np.where(tip, 1.0, r)
    return np.where(tip, 0.0, r), np.where(tip, 0.0, x / safe_r), np.where(tip, 0.0, y / safe_r)


def value(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    return -20.0 * np.exp(-_B * np.hypot(x, y)) - _ripples(x, y) + np.e + 20.0


def grad(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    r, ux, uy = _direction(x, y)
    cone = 20.0 * _B * np.exp(-_B * r)
    ripple = np.pi * _ripples(x, y)
    return layout.gradient(
        cone * ux + ripple * np.sin(_TWO_PI * x), cone * uy + ripple * np.sin(_TWO_PI * y)
    )


def hessian(xy: np.ndarray) -> np.ndarray:
    x, y = layout.split(xy)
    r, ux, uy = _direction(x, y)
    cone = 20.0 * _B * np.exp(-_B * r)
    tip = r == 0.0
    inv_r = 1.0 / np.where(tip, 1.0, r)

    def cone_term(ui: np.ndarray, uj: np.ndarray, same: bool) -> np.ndarray:
        sideways = (float(same) - ui * uj) * inv_r
        return np.where(tip, 0.0, cone * (sideways - _B * ui * uj))

    e = _ripples(x, y)
    sx, sy = np.sin(_TWO_PI * x), np.sin(_TWO_PI * y)
    cx, cy = np.cos(_TWO_PI * x), np.cos(_TWO_PI * y)
    return layout.hessian(
        cone_term(ux, ux, True) + np.pi**2 * e * (2.0 * cx - sx**2),
        cone_term(ux, uy, False) - np.pi**2 * e * sx * sy,
        cone_term(uy, uy, True) + np.pi**2 * e * (2.0 * cy - sy**2),
    )


SPEC = SurfaceSpec(
    name="ackley",
    title="Ackley",
    value=value,
    grad=grad,
    hessian=hessian,
    bounds=((-5.0, 5.0), (-5.0, 5.0)),
    minima=((0.0, 0.0),),
    start=(3.2, 2.6),
    formula_latex=(
        r"f(x, y) = -20\,e^{-0.2\sqrt{(x^2 + y^2)/2}} - e^{(\cos 2\pi x + \cos 2\pi y)/2} + e + 20"
    ),
)
