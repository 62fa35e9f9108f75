r"""Rprop (torch.optim.Rprop): only the gradient's sign matters; each coordinate adapts its own
step size.

For each point, g = gradient (negated if maximize); step_size starts at lr, prev at 0::

    s = sign(g * prev)
    factor = etaplus where s > 0, etaminus where s < 0, 1 where s == 0
    step_size = clip(step_size * factor, step_size_min, step_size_max)
    g <- 0 where s < 0                 (after a sign flip, wait one step)
    p <- p - sign(g) * step_size
    prev = g
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from constraints import Interval

from . import hparams as h
from .hparams import HParam, Value
from .spec import OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    etaminus: Value
    etaplus: Value
    step_size_min: Value
    step_size_max: Value
    maximize: bool


class State(NamedTuple):
    prev: np.ndarray
    step_size: np.ndarray


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Every step size starts at the lr of the first step (later lrs do not matter, as in torch)."""
    return State(np.zeros_like(params), np.full_like(params, lr))


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One Rprop step for all points; reuses the memory of params, grad and state."""
    g = grad
    if hp.maximize:
        np.negative(g, out=g)
    prev, step_size = state
    sign = np.sign(g * prev)
    step_size *= np.where(sign > 0, hp.etaplus, np.where(sign < 0, hp.etaminus, 1.0))
    np.clip(step_size, hp.step_size_min, hp.step_size_max, out=step_size)
    np.copyto(g, 0.0, where=sign < 0)
    np.copyto(prev, g)
    params -= np.sign(g) * step_size
    return params, state


SPEC = OptimizerSpec(
    name="rprop",
    title="Rprop",
    torch_class="torch.optim.Rprop",
    hparams=hparam_table(
        h.lr(1e-2),
        HParam(
            "etas",
            (0.5, 1.2),
            "factors that shrink the step after a sign flip and grow it while the sign holds",
            items=(
                HParam(
                    "etaminus",
                    0.5,
                    "step-size factor after the gradient changes sign",
                    constraint=Interval(float, 0.0, 1.0, "neither"),
                    slider=(0.1, 0.9),
                ),
                HParam(
                    "etaplus",
                    1.2,
                    "step-size factor while the gradient keeps its sign",
                    constraint=Interval(float, 1.0, math.inf, "neither"),
                    slider=(1.01, 2.0),
                ),
            ),
        ),
        HParam(
            "step_sizes",
            (1e-6, 50.0),
            "smallest and largest allowed step size",
            items=(
                HParam(
                    "step_size_min",
                    1e-6,
                    "smallest allowed step size",
                    slider=(1e-8, 1e-2),
                    log=True,
                    constraint=h.NON_NEGATIVE,
                ),
                HParam(
                    "step_size_max",
                    50.0,
                    "largest allowed step size",
                    slider=(0.01, 100.0),
                    log=True,
                    constraint=h.NON_NEGATIVE,
                ),
            ),
        ),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
s &= \operatorname{sign}(g_t\, g_{t-1}) \\
\Delta_t &= \operatorname{clip}\big(\Delta_{t-1}\cdot
  \{\eta_+ \text{ if } s>0;\ \eta_- \text{ if } s<0;\ 1\},\ \Delta_{\min},\ \Delta_{\max}\big) \\
\theta_t &= \theta_{t-1} - \operatorname{sign}(g_t)\, \Delta_t
  \quad (g_t \leftarrow 0 \text{ if } s < 0)
\end{aligned}""",
    summary=(
        "Ignores the gradient's size and follows only its sign: each coordinate's step grows "
        "while the sign holds and halves when it flips, so it crosses flat plateaus quickly."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={
        "prev": Series("g₍ₜ₋₁₎", "#bcbd22", "other"),
        "step_size": Series("η", "#e377c2", "other"),
    },
    inspector=None,
)
