r"""Adam, AdamW and AMSGrad (torch.optim.Adam, torch.optim.AdamW), with two teaching switches.

For each point, t = step count (1 on the first step), g = gradient (negated if maximize),
bc1 = 1 - beta1^t, bc2 = 1 - beta2^t::

    g <- g + weight_decay * p             L2, if weight_decay != 0 and not decoupled
    p <- p * (1 - lr * weight_decay)      decoupled (AdamW), with the current lr
    m = lerp(m, g, 1 - beta1)             exp_avg
    v = beta2 * v + (1 - beta2) * g^2     exp_avg_sq
    vmax = max(vmax, v)                   max_exp_avg_sq, amsgrad only (v below means vmax)
    p <- p - (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)

Teaching switches torch lacks:

- ``keras_epsilon``: Keras' "epsilon hat" placement,
  ``p <- p - lr * sqrt(bc2) / bc1 * m / (sqrt(v) + eps)``: the same eps then acts like a torch
  eps 1/sqrt(bc2) times larger (about 31.6x at t = 1 with beta2 = 0.999).
- ``bias_correction=False``: bc1 = bc2 = 1, the raw moments drive the step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import Value
from .preamble import prepare_gradient
from .spec import BIAS_CORRECTED, EXP_AVG, EXP_AVG_SQ, OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    beta1: Value
    beta2: Value
    eps: Value
    weight_decay: Value
    amsgrad: bool
    maximize: bool
    decoupled_weight_decay: bool
    keras_epsilon: bool
    bias_correction: bool


class State(NamedTuple):
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray
    max_exp_avg_sq: np.ndarray | None  # amsgrad only


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Zero moments (and zero running maximum with amsgrad)."""
    return State(
        np.zeros_like(params),
        np.zeros_like(params),
        np.zeros_like(params) if hp.amsgrad else None,
    )


def bias_corrections(hp: Hyper, t: float | np.ndarray) -> tuple[Value, Value]:
    """(1 - beta1^t, 1 - beta2^t), or (1, 1) with bias correction switched off."""
    if not hp.bias_correction:
        return 1.0, 1.0
    return h.one_minus_power(hp.beta1, t), h.one_minus_power(hp.beta2, t)


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One Adam step for all points; reuses the memory of params, grad and state.

    No temporary arrays: at 65,536 points each one costs more than the arithmetic.
    """
    g = prepare_gradient(params, grad, hp, lr, decoupled=hp.decoupled_weight_decay)
    m, v, v_max = state
    # m = g + beta1 * (m - g): torch's exp_avg.lerp_(grad, 1 - beta1) in its weight >= 0.5 form.
    m -= g
    m *= hp.beta1
    m += g
    g *= g  # from here on g holds g^2
    g *= 1 - hp.beta2
    v *= hp.beta2
    v += g
    if v_max is not None:
        np.maximum(v_max, v, out=v_max)
        v = v_max
    bc1, bc2 = bias_corrections(hp, step)
    # torch's (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps), numerator and denominator times
    # sqrt(bc2): one pass fewer, and Keras differs only in leaving eps unscaled.
    denom = np.sqrt(v, out=g)
    denom += hp.eps if hp.keras_epsilon else hp.eps * bc2**0.5
    np.divide(m, denom, out=denom)
    denom *= lr * bc2**0.5 / bc1
    params -= denom
    return params, state


def derived(
    xy: np.ndarray,
    grad: np.ndarray,
    state: Mapping[str, np.ndarray],
    t: np.ndarray,
    lr: np.ndarray,
    hp: Hyper,
) -> dict[str, np.ndarray]:
    """m_hat, v_hat and the step over the whole history: x_{k+1} = x_k - step (after decay)."""
    bc1, bc2 = bias_corrections(hp, t)
    second = state["max_exp_avg_sq"] if hp.amsgrad else state["exp_avg_sq"]
    m_hat = state["exp_avg"] / bc1
    v_hat = second / bc2
    eps = hp.eps / bc2**0.5 if hp.keras_epsilon else hp.eps
    return {"m_hat": m_hat, "v_hat": v_hat, "step": lr * m_hat / (np.sqrt(v_hat) + eps)}


_FORMULA = r"""\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
\hat m_t &= \frac{m_t}{1-\beta_1^t}, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t} \\
\theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}
\end{aligned}"""

_SERIES = {
    "exp_avg": EXP_AVG,
    "exp_avg_sq": EXP_AVG_SQ,
    "max_exp_avg_sq": Series("vₘₐₓ", "#9467bd", "second"),
    **BIAS_CORRECTED,
}

ADAM = OptimizerSpec(
    name="adam",
    title="Adam",
    torch_class="torch.optim.Adam",
    hparams=hparam_table(
        h.lr(1e-3),
        h.betas(),
        h.eps(1e-8),
        h.weight_decay(),
        h.amsgrad(),
        h.maximize(),
        h.decoupled_weight_decay(),
        h.keras_epsilon(),
        h.bias_correction(),
    ),
    state_names=State._fields,
    formula_latex=_FORMULA,
    summary=(
        "Momentum on the gradient (first moment) divided by the root of a running average of "
        "its square (second moment), both bias-corrected for their zero start: steps of about "
        "lr in every direction, whatever the slope."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series=_SERIES,
    inspector="adam",
    derived=derived,
)

ADAMW = OptimizerSpec(
    name="adamw",
    title="AdamW",
    torch_class="torch.optim.AdamW",
    hparams=hparam_table(
        h.lr(1e-3),
        h.betas(),
        h.eps(1e-8),
        h.weight_decay(1e-2),
        h.amsgrad(),
        h.maximize(),
        h.keras_epsilon(),
        h.bias_correction(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
\theta_{t-1} &\leftarrow \theta_{t-1}\,(1 - \eta\lambda) \\
"""
    + _FORMULA.removeprefix("\\begin{aligned}\n"),
    summary=(
        "Adam with decoupled weight decay: the point itself shrinks by lr * weight_decay each "
        "step, instead of the decay passing through Adam's normalization."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series=_SERIES,
    inspector="adam",
    derived=derived,
    fixed={"decoupled_weight_decay": True},
)
