r"""Damped, saddle-free Newton: steps through the surface's curvature (no torch counterpart).

For each point, g = gradient (negated if maximize), H = the surface's Hessian at the point,
with eigen-decomposition H = V diag(lambda) V^T (closed form for 2x2)::

    |H|_damped = V diag(|lambda| + damping) V^T
    p <- p - lr * |H|_damped^-1 g

Where H is positive definite this is damped Newton, p - lr (H + damping I)^-1 g, which with
lr = 1 and damping = 0 jumps to a quadratic's minimum in one step. Plain Newton would step
*toward* a saddle or a maximum where H is indefinite or negative; taking |lambda| (Dauphin
et al., 2014, "saddle-free Newton") keeps the step a descent direction, and damping > 0
keeps it finite where an eigenvalue is 0. lr is the fraction of the full Newton step taken.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value
from .spec import OptimizerSpec, hparam_table


class Hyper(NamedTuple):
    damping: Value
    maximize: bool


class State(NamedTuple):
    """Newton keeps no buffers: each step uses only the current gradient and Hessian."""


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Nothing to remember."""
    return State()


def eigen(hessian: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Closed-form eigen-decomposition of symmetric 2x2 matrices (N, 2, 2).

    Returns (eigenvalues (N, 2), cos, sin (N,)), eigenvectors (cos, sin) and (-sin, cos).
    The Hessian is symmetrized first, so a numerical one with tiny asymmetry still works.
    """
    a, c = hessian[:, 0, 0], hessian[:, 1, 1]
    b = 0.5 * (hessian[:, 0, 1] + hessian[:, 1, 0])
    half_diff, mean = 0.5 * (a - c), 0.5 * (a + c)
    radius = np.hypot(half_diff, b)
    angle = 0.5 * np.arctan2(b, half_diff)  # tan(2 angle) = 2b / (a - c)
    eigenvalues = np.stack([mean + radius, mean - radius], axis=1)
    return eigenvalues, np.cos(angle), np.sin(angle)


def update(
    params: np.ndarray,
    grad: np.ndarray,
    state: State,
    step: int,
    lr: Value,
    hp: Hyper,
    hessian: np.ndarray,
) -> tuple[np.ndarray, State]:
    """One damped saddle-free Newton step for all points; reuses the memory of params and grad."""
    g = grad
    if hp.maximize:
        np.negative(g, out=g)
    eigenvalues, cos, sin = eigen(hessian)
    # g in the eigenbasis, scaled by 1 / (|lambda| + damping), then rotated back.
    along = np.stack([cos * g[:, 0] + sin * g[:, 1], cos * g[:, 1] - sin * g[:, 0]], axis=1)
    along /= np.abs(eigenvalues) + hp.damping
    g[:, 0] = cos * along[:, 0] - sin * along[:, 1]
    g[:, 1] = sin * along[:, 0] + cos * along[:, 1]
    g *= lr
    params -= g
    return params, state


SPEC = OptimizerSpec(
    name="newton",
    title="Newton (damped, saddle-free)",
    torch_class=None,
    hparams=hparam_table(
        h.lr(1.0, slider=(0.01, 1.0)),
        HParam(
            "damping",
            1e-3,
            "added to every |eigenvalue| of the Hessian, so flat directions do not explode",
            constraint=h.NON_NEGATIVE,
            slider=(1e-6, 10.0),
            log=True,
        ),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
H &= V \operatorname{diag}(\lambda_1, \lambda_2)\, V^\top \\
\theta_t &= \theta_{t-1}
  - \eta\, V \operatorname{diag}\!\Big(\frac{1}{|\lambda_i| + \delta}\Big) V^\top g_t
\end{aligned}""",
    summary=(
        "Uses the curvature as well as the slope: divides the gradient by the Hessian, so a "
        "bowl is crossed in one step. Absolute eigenvalues keep it going downhill near "
        "saddles; damping keeps flat directions from exploding."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={},
    inspector=None,
    needs_hessian=True,
)
