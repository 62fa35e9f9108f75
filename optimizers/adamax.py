r"""Adamax (torch.optim.Adamax): Adam with an infinity norm in place of the second moment.

For each point, t = step count (1 on the first step), g = gradient (negated if maximize),
bc1 = 1 - beta1^t::

    g <- g + weight_decay * p                   if weight_decay != 0
    m = lerp(m, g, 1 - beta1)                   exp_avg
    u = max(beta2 * u, |g| + eps)               exp_inf
    p <- p - (lr / bc1) * m / u

Teaching switches torch lacks: ``keras_epsilon`` takes eps out of the max,
``u = max(beta2 * u, |g|)`` and ``p <- p - (lr / bc1) * m / (u + eps)`` (Keras' Adamax);
``bias_correction=False`` sets bc1 = 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import Value
from .preamble import prepare_gradient
from .spec import BIAS_CORRECTED, EXP_AVG, OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    beta1: Value
    beta2: Value
    eps: Value
    weight_decay: Value
    maximize: bool
    keras_epsilon: bool
    bias_correction: bool


class State(NamedTuple):
    exp_avg: np.ndarray
    exp_inf: np.ndarray


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Zero first moment and zero infinity norm."""
    return State(np.zeros_like(params), np.zeros_like(params))


def _bias_correction(hp: Hyper, t: float | np.ndarray) -> Value:
    return h.one_minus_power(hp.beta1, t) if hp.bias_correction else 1.0


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One Adamax step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr)
    m, u = state
    # m = g + beta1 * (m - g): torch's exp_avg.lerp_(grad, 1 - beta1) in its weight >= 0.5 form.
    m -= g
    m *= hp.beta1
    m += g
    u *= hp.beta2
    np.abs(g, out=g)
    if not hp.keras_epsilon:
        g += hp.eps
    np.maximum(u, g, out=u)
    denom = np.add(u, hp.eps, out=g) if hp.keras_epsilon else u
    step_size = lr / _bias_correction(hp, step)
    np.divide(m, denom, out=g)
    g *= step_size
    params -= g
    return params, state


def derived(
    xy: np.ndarray,
    grad: np.ndarray,
    state: Mapping[str, np.ndarray],
    t: np.ndarray,
    lr: np.ndarray,
    hp: Hyper,
) -> dict[str, np.ndarray]:
    """m_hat = m / bc1, v_hat = the u buffer itself (no correction), and the step."""
    m_hat = state["exp_avg"] / _bias_correction(hp, t)
    u = state["exp_inf"]
    denom = u + hp.eps if hp.keras_epsilon else u
    return {"m_hat": m_hat, "v_hat": u, "step": lr * m_hat / denom}


SPEC = OptimizerSpec(
    name="adamax",
    title="Adamax",
    torch_class="torch.optim.Adamax",
    hparams=hparam_table(
        h.lr(2e-3),
        h.betas(),
        h.eps(1e-8),
        h.weight_decay(),
        h.maximize(),
        h.keras_epsilon(),
        h.bias_correction(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
u_t &= \max(\beta_2 u_{t-1},\ |g_t| + \epsilon) \\
\theta_t &= \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\, \frac{m_t}{u_t}
\end{aligned}""",
    summary=(
        "Adam with the largest recent gradient magnitude (a decaying maximum) in place of the "
        "root mean square: one big gradient sets the scale until it decays away."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"exp_avg": EXP_AVG, "exp_inf": Series("u", "#8c564b", "second"), **BIAS_CORRECTED},
    inspector="adamax",
    derived=derived,
)
