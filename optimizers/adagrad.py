r"""Adagrad (torch.optim.Adagrad): per-coordinate steps shrink with the sum of squared gradients.

For each point, t = step count (1 on the first step), g = gradient (negated if maximize)::

    g <- g + weight_decay * p                    if weight_decay != 0
    clr = lr / (1 + (t - 1) * lr_decay)
    sum = sum + g^2                              (sum starts at initial_accumulator_value)
    p <- p - clr * g / (sqrt(sum) + eps)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value
from .preamble import prepare_gradient
from .spec import OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    lr_decay: Value
    weight_decay: Value
    initial_accumulator_value: Value
    eps: Value
    maximize: bool


class State(NamedTuple):
    sum: np.ndarray


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """The accumulator starts at initial_accumulator_value."""
    return State(np.full_like(params, hp.initial_accumulator_value))


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One Adagrad step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr)
    clr = lr / (1 + (step - 1) * hp.lr_decay)
    total = state.sum
    total += g * g
    std = np.sqrt(total)
    std += hp.eps
    g /= std
    g *= clr
    params -= g
    return params, state


SPEC = OptimizerSpec(
    name="adagrad",
    title="Adagrad",
    torch_class="torch.optim.Adagrad",
    hparams=hparam_table(
        h.lr(1e-2),
        HParam(
            "lr_decay",
            0.0,
            "shrinks the learning rate as 1 / (1 + (t - 1) * lr_decay)",
            constraint=h.NON_NEGATIVE,
            slider=(0.0, 0.1),
        ),
        h.weight_decay(),
        HParam(
            "initial_accumulator_value",
            0.0,
            "starting value of the sum of squared gradients",
            constraint=h.NON_NEGATIVE,
            slider=(0.0, 1.0),
        ),
        h.eps(1e-10),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
s_t &= s_{t-1} + g_t^2 \\
\theta_t &= \theta_{t-1} - \frac{\eta}{1 + (t-1)\,\delta}\,\frac{g_t}{\sqrt{s_t} + \epsilon}
\end{aligned}""",
    summary=(
        "Divides each coordinate's step by the root of all its squared gradients so far: "
        "steep directions slow down at once, and every step keeps shrinking."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"sum": Series("G", "#e6550d", "second")},
    inspector="adagrad",
)
