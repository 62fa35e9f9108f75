r"""NAdam (torch.optim.NAdam): Adam with Nesterov momentum and a momentum warm-up schedule.

For each point, t = step count (1 on the first step), g = gradient (negated if maximize),
psi = momentum_decay, bc2 = 1 - beta2^t::

    g <- g + weight_decay * p                   L2, if weight_decay != 0 and not decoupled
    p <- p * (1 - lr * weight_decay)            decoupled
    mu_t    = beta1 * (1 - 0.5 * 0.96^(t * psi))
    mu_next = beta1 * (1 - 0.5 * 0.96^((t + 1) * psi))
    mu_product = mu_product * mu_t              (starts at 1)
    m = lerp(m, g, 1 - beta1);  v = beta2 * v + (1 - beta2) * g^2
    denom = sqrt(v / bc2) + eps
    p <- p - lr * (1 - mu_t) / (1 - mu_product) * g / denom
    p <- p - lr * mu_next / (1 - mu_product * mu_next) * m / denom

Teaching switches torch lacks, as on Adam:

- ``keras_epsilon``: the "epsilon hat" placement, eps added to sqrt(v) before the correction,
  ``denom = (sqrt(v) + eps) / sqrt(bc2)``: eps then acts 1/sqrt(bc2) times larger.
- ``bias_correction=False``: the three corrections 1 - mu_product, 1 - mu_product * mu_next
  and bc2 become 1, so the raw m, g and v drive the step (mu_product is still recorded).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value, is_active
from .preamble import prepare_gradient
from .spec import BIAS_CORRECTED, EXP_AVG, EXP_AVG_SQ, OptimizerSpec, hparam_table


class Hyper(NamedTuple):
    beta1: Value
    beta2: Value
    eps: Value
    weight_decay: Value
    momentum_decay: Value
    decoupled_weight_decay: bool
    maximize: bool
    keras_epsilon: bool
    bias_correction: bool


class State(NamedTuple):
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray
    mu_product: np.ndarray  # (N,): one number per point, like torch's scalar per tensor


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Zero moments; the product of momentum coefficients starts at 1."""
    return State(np.zeros_like(params), np.zeros_like(params), np.ones(len(params)))


def _momentum(hp: Hyper, t: float | np.ndarray) -> Value:
    """mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))."""
    return hp.beta1 * (1.0 - 0.5 * 0.96 ** (t * hp.momentum_decay))


def _corrections(
    hp: Hyper, product: np.ndarray, mu_next: Value, t: float | np.ndarray
) -> tuple[Value, Value, Value]:
    """(1 - mu_product, 1 - mu_product * mu_next, 1 - beta2^t), or 1s with correction off."""
    if not hp.bias_correction:
        return 1.0, 1.0, 1.0
    return 1.0 - product, 1.0 - product * mu_next, h.one_minus_power(hp.beta2, t)


def _denominator(v: np.ndarray, bc2: Value, hp: Hyper) -> np.ndarray:
    """sqrt(v / bc2) + eps (torch), or (sqrt(v) + eps) / sqrt(bc2) (Keras' epsilon hat)."""
    if hp.keras_epsilon:
        return (np.sqrt(v) + hp.eps) / bc2**0.5
    return np.sqrt(v / bc2) + hp.eps


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One NAdam step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr, decoupled=hp.decoupled_weight_decay)
    m, v, mu_product = state
    mu, mu_next = _momentum(hp, step), _momentum(hp, step + 1)
    # Per-point hyperparameters arrive as (N, 2) with equal columns; the product is per point.
    mu_product *= mu[:, 0] if isinstance(mu, np.ndarray) else mu
    m += (1 - hp.beta1) * (g - m)
    v *= hp.beta2
    v += (1 - hp.beta2) * g * g
    bc_grad, bc_momentum, bc2 = _corrections(hp, mu_product[:, None], mu_next, step)
    denom = _denominator(v, bc2, hp)
    g /= denom
    g *= lr * (1.0 - mu) / bc_grad
    params -= g
    np.divide(m, denom, out=g)
    g *= lr * mu_next / bc_momentum
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
    """Nesterov m_hat (gradient and momentum terms together), v_hat = v / bc2, and the step."""
    g = -grad if hp.maximize else grad
    if is_active(hp.weight_decay) and not hp.decoupled_weight_decay:
        g = g + hp.weight_decay * xy
    mu, mu_next = _momentum(hp, t), _momentum(hp, t + 1)
    bc_grad, bc_momentum, bc2 = _corrections(hp, state["mu_product"][..., None], mu_next, t)
    m_hat = mu_next * state["exp_avg"] / bc_momentum + (1.0 - mu) * g / bc_grad
    v_hat = state["exp_avg_sq"] / bc2
    step = lr * m_hat / _denominator(state["exp_avg_sq"], bc2, hp)
    return {"m_hat": m_hat, "v_hat": v_hat, "step": step}


SPEC = OptimizerSpec(
    name="nadam",
    title="NAdam",
    torch_class="torch.optim.NAdam",
    hparams=hparam_table(
        h.lr(2e-3),
        h.betas(),
        h.eps(1e-8),
        h.weight_decay(),
        HParam(
            "momentum_decay",
            4e-3,
            "how fast the momentum coefficient warms up toward beta1",
            constraint=h.NON_NEGATIVE,
            slider=(0.0, 0.05),
        ),
        h.decoupled_weight_decay(),
        h.maximize(),
        h.keras_epsilon(),
        h.bias_correction(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
\mu_t &= \beta_1\,(1 - \tfrac12\, 0.96^{t\psi}) \\
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \\
\hat m_t &= \frac{\mu_{t+1}\, m_t}{1 - \prod_{i=1}^{t+1}\mu_i}
  + \frac{(1-\mu_t)\, g_t}{1 - \prod_{i=1}^{t}\mu_i} \\
\theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}
\end{aligned}""",
    summary=(
        "Adam with Nesterov's look-ahead: the step mixes the momentum it is about to have with "
        "the fresh gradient, and the momentum coefficient warms up over the first steps."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"exp_avg": EXP_AVG, "exp_avg_sq": EXP_AVG_SQ, **BIAS_CORRECTED},
    inspector=None,
    derived=derived,
)
