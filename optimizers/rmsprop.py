r"""RMSprop (torch.optim.RMSprop): divide by a running root-mean-square of the gradient.

For each point, g = gradient (negated if maximize)::

    g <- g + weight_decay * p                              if weight_decay != 0
    square_avg = alpha * square_avg + (1 - alpha) * g^2
    centered:  grad_avg = lerp(grad_avg, g, 1 - alpha);  avg = sqrt(square_avg - grad_avg^2)
    else:      avg = sqrt(square_avg)
    avg <- avg + eps
    momentum > 0:  buf = momentum * buf + g / avg;  p <- p - lr * buf
    else:          p <- p - lr * g / avg
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value, is_active
from .preamble import prepare_gradient
from .spec import MOMENTUM_BUFFER, SQUARE_AVG, OptimizerSpec, Series, hparam_table


class Hyper(NamedTuple):
    alpha: Value
    eps: Value
    weight_decay: Value
    momentum: Value
    centered: bool
    maximize: bool


class State(NamedTuple):
    square_avg: np.ndarray
    momentum_buffer: np.ndarray | None  # only with momentum > 0, as in torch
    grad_avg: np.ndarray | None  # only when centered


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """Zero averages; the optional buffers only where torch creates them."""
    return State(
        np.zeros_like(params),
        np.zeros_like(params) if is_active(hp.momentum) else None,
        np.zeros_like(params) if hp.centered else None,
    )


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One RMSprop step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr)
    square_avg, buf, grad_avg = state
    # One scratch array for every intermediate: at 65,536 points each fresh temporary
    # costs more than the arithmetic. (1 - alpha) * g * g, evaluated left to right as before.
    scratch = np.multiply(g, 1 - hp.alpha)
    scratch *= g
    square_avg *= hp.alpha
    square_avg += scratch
    if grad_avg is not None:
        np.subtract(g, grad_avg, out=scratch)
        scratch *= 1 - hp.alpha
        grad_avg += scratch
        np.multiply(grad_avg, grad_avg, out=scratch)
        np.subtract(square_avg, scratch, out=scratch)
        avg = np.sqrt(scratch, out=scratch)
    else:
        avg = np.sqrt(square_avg, out=scratch)
    avg += hp.eps
    g /= avg
    if buf is not None:
        # A point whose momentum is 0 gets buf = g / avg: the plain step, as in torch.
        buf *= hp.momentum
        buf += g
        np.multiply(buf, lr, out=g)
    else:
        g *= lr
    params -= g
    return params, state


SPEC = OptimizerSpec(
    name="rmsprop",
    title="RMSprop",
    torch_class="torch.optim.RMSprop",
    hparams=hparam_table(
        h.lr(1e-2),
        HParam(
            "alpha",
            0.99,
            "memory of the running average of squared gradients",
            constraint=h.NON_NEGATIVE,
            slider=(0.5, 0.999),
        ),
        h.eps(1e-8),
        h.weight_decay(),
        HParam(
            "momentum",
            0.0,
            "fraction of the previous normalized step kept in the buffer",
            constraint=h.NON_NEGATIVE,
            slider=(0.0, 0.99),
        ),
        HParam(
            "centered",
            False,
            "divide by the gradient's standard deviation instead of its root mean square",
            constraint=h.FLAG,
        ),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
v_t &= \alpha\, v_{t-1} + (1-\alpha)\, g_t^2 \\
\bar g_t &= \alpha\, \bar g_{t-1} + (1-\alpha)\, g_t
  \quad (\text{centered: } v_t \leftarrow v_t - \bar g_t^2) \\
b_t &= \mu\, b_{t-1} + \frac{g_t}{\sqrt{v_t} + \epsilon} \\
\theta_t &= \theta_{t-1} - \eta\, b_t
\end{aligned}""",
    summary=(
        "Like Adagrad, but forgets: it divides by a running average of squared gradients, so "
        "steps stop shrinking forever and adapt to the local slope."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={
        "square_avg": SQUARE_AVG,
        "momentum_buffer": MOMENTUM_BUFFER,
        "grad_avg": Series("ḡ", "#17becf", "first"),
    },
    inspector="rmsprop",
)
