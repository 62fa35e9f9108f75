r"""RAdam (torch.optim.RAdam): Adam whose adaptive step waits until the variance estimate is
trustworthy.

For each point, t = step count (1 on the first step), g = gradient (negated if maximize),
bc1 = 1 - beta1^t, bc2 = 1 - beta2^t::

    g <- g + weight_decay * p                   L2, if weight_decay != 0 and not decoupled
    p <- p * (1 - lr * weight_decay)            decoupled
    m = lerp(m, g, 1 - beta1);  v = beta2 * v + (1 - beta2) * g^2
    m_hat = m / bc1
    rho_inf = 2 / (1 - beta2) - 1;  rho_t = rho_inf - 2 t beta2^t / bc2
    rho_t > 5:  r = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
                p <- p - lr * m_hat * r * sqrt(bc2) / (sqrt(v) + eps)
    else:       p <- p - lr * m_hat                 (plain momentum SGD)

Teaching switch torch lacks: ``bias_correction=False`` sets bc1 = bc2 = 1 in the step, so the
raw m and v drive it; rho_t, the length of the average v stands for, keeps its own bc2: it
decides when v can be trusted, not how large it is. There is no ``keras_epsilon`` here:
torch's RAdam already adds eps to sqrt(v) before the correction, which is Keras' "epsilon
hat" placement, so the switch would change nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import Value
from .preamble import prepare_gradient
from .spec import BIAS_CORRECTED, EXP_AVG, EXP_AVG_SQ, OptimizerSpec, hparam_table


class Hyper(NamedTuple):
    beta1: Value
    beta2: Value
    eps: Value
    weight_decay: Value
    decoupled_weight_decay: bool
    maximize: bool
    bias_correction: bool


class State(NamedTuple):
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Zero moments."""
    return State(np.zeros_like(params), np.zeros_like(params))


def bias_corrections(hp: Hyper, t: float | np.ndarray) -> tuple[Value, Value]:
    """(1 - beta1^t, 1 - beta2^t) for the step, or (1, 1) with bias correction switched off."""
    if not hp.bias_correction:
        return 1.0, 1.0
    return h.one_minus_power(hp.beta1, t), h.one_minus_power(hp.beta2, t)


def rectification(hp: Hyper, t: float | np.ndarray) -> tuple[Value, Value]:
    """(use_adaptive, r): rho_t > 5, and the variance rectification r (1 where rho_t <= 5)."""
    # numpy scalars, so a degenerate beta2 gives inf/nan (ignored below), not ZeroDivisionError
    beta2 = np.asarray(hp.beta2, dtype=np.float64)
    bc2 = 1 - beta2**t
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho_inf - 2 * t * beta2**t / bc2
    use_adaptive = rho_t > 5.0
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)
        r = np.where(use_adaptive, ratio, 1.0) ** 0.5
    return use_adaptive, (float(r) if np.ndim(r) == 0 else r)


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One RAdam step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr, decoupled=hp.decoupled_weight_decay)
    m, v = state
    m += (1 - hp.beta1) * (g - m)
    v *= hp.beta2
    v += (1 - hp.beta2) * g * g
    bc1, bc2 = bias_corrections(hp, step)
    use_adaptive, r = rectification(hp, step)
    np.divide(m, bc1, out=g)  # g now holds m_hat
    g *= lr
    if np.any(use_adaptive):
        adaptive = bc2**0.5 / (np.sqrt(v) + hp.eps)
        g *= np.where(use_adaptive, adaptive * r, 1.0) if np.ndim(use_adaptive) else adaptive * r
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
    """m_hat, v_hat = v / bc2, and the (rectified or plain) step."""
    bc1, bc2 = bias_corrections(hp, t)
    v = state["exp_avg_sq"]
    m_hat = state["exp_avg"] / bc1
    use_adaptive, r = rectification(hp, t)
    scale = np.where(use_adaptive, r * bc2**0.5 / (np.sqrt(v) + hp.eps), 1.0)
    return {"m_hat": m_hat, "v_hat": v / bc2, "step": lr * m_hat * scale}


SPEC = OptimizerSpec(
    name="radam",
    title="RAdam",
    torch_class="torch.optim.RAdam",
    hparams=hparam_table(
        h.lr(1e-3),
        h.betas(),
        h.eps(1e-8),
        h.weight_decay(),
        h.decoupled_weight_decay(),
        h.maximize(),
        h.bias_correction(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
\rho_\infty &= \frac{2}{1-\beta_2} - 1, \qquad
\rho_t = \rho_\infty - \frac{2t\,\beta_2^t}{1-\beta_2^t} \\
r_t &= \sqrt{\frac{(\rho_t-4)(\rho_t-2)\,\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\,\rho_t}} \\
\theta_t &= \begin{cases}
\theta_{t-1} - \eta\, \hat m_t\, r_t\,
  \dfrac{\sqrt{1-\beta_2^t}}{\sqrt{v_t} + \epsilon} & \rho_t > 5 \\
\theta_{t-1} - \eta\, \hat m_t & \text{otherwise}
\end{cases}
\end{aligned}""",
    summary=(
        "Adam that starts as plain momentum SGD while too few gradients have been seen to "
        "trust the second moment, then phases the adaptive step in through r_t."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"exp_avg": EXP_AVG, "exp_avg_sq": EXP_AVG_SQ, **BIAS_CORRECTED},
    inspector=None,
    derived=derived,
)
