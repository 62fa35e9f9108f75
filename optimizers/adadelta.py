r"""Adadelta (torch.optim.Adadelta): steps scaled by the ratio of past step and gradient sizes.

For each point, g = gradient (negated if maximize)::

    g <- g + weight_decay * p                        if weight_decay != 0
    square_avg = rho * square_avg + (1 - rho) * g^2
    delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g
    acc_delta = rho * acc_delta + (1 - rho) * delta^2
    p <- p - lr * delta
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value
from .preamble import prepare_gradient
from .spec import SQUARE_AVG, OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    rho: Value
    eps: Value
    weight_decay: Value
    maximize: bool


class State(NamedTuple):
    square_avg: np.ndarray
    acc_delta: np.ndarray


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Both running averages start at zero."""
    return State(np.zeros_like(params), np.zeros_like(params))


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One Adadelta step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr)
    square_avg, acc_delta = state
    square_avg *= hp.rho
    square_avg += (1 - hp.rho) * g * g
    std = np.sqrt(square_avg + hp.eps)
    delta = np.sqrt(acc_delta + hp.eps)
    delta /= std
    delta *= g
    acc_delta *= hp.rho
    acc_delta += (1 - hp.rho) * delta * delta
    delta *= lr
    params -= delta
    return params, state


SPEC = OptimizerSpec(
    name="adadelta",
    title="Adadelta",
    torch_class="torch.optim.Adadelta",
    hparams=hparam_table(
        h.lr(1.0, slider=(1e-2, 10.0)),
        HParam(
            "rho",
            0.9,
            "memory of the running averages of squared gradients and squared steps",
            constraint=h.UNIT,
            slider=(0.0, 0.999),
        ),
        h.eps(1e-6),
        h.weight_decay(),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^2 \\
\Delta_t &= \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\, g_t \\
u_t &= \rho\, u_{t-1} + (1-\rho)\, \Delta_t^2 \\
\theta_t &= \theta_{t-1} - \eta\, \Delta_t
\end{aligned}""",
    summary=(
        "Scales each step by the ratio of recent step sizes to recent gradient sizes, so the "
        "units work out and the learning rate can stay at 1; starts slowly because both "
        "averages start at zero."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"square_avg": SQUARE_AVG, "acc_delta": Series("u", "#8c564b", "second")},
    inspector="adadelta",
)
