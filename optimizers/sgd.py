r"""SGD with momentum, dampening, Nesterov and L2 weight decay (torch.optim.SGD).

For each point, t = step count (1 on the first step), g = gradient (negated if maximize)::

    g <- g + weight_decay * p                          if weight_decay != 0
    buf = g                                            t == 1        (momentum != 0)
    buf = momentum * buf + (1 - dampening) * g         t > 1
    g <- g + momentum * buf   if nesterov   else   g <- buf
    p <- p - lr * g
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np

from . import hparams as h
from .hparams import HParam, Value, is_active
from .preamble import prepare_gradient
from .spec import MOMENTUM_BUFFER, OptimizerSpec, hparam_table


class Hyper(NamedTuple):
    momentum: Value
    dampening: Value
    weight_decay: Value
    nesterov: bool
    maximize: bool


class State(NamedTuple):
    momentum_buffer: np.ndarray | None  # torch creates it only when momentum != 0


def init(params: np.ndarray, lr: Value, hp: Hyper) -> State:
    """No buffer without momentum, as in torch."""
    return State(np.zeros_like(params) if is_active(hp.momentum) else None)


def update(
    params: np.ndarray, grad: np.ndarray, state: State, step: int, lr: Value, hp: Hyper
) -> tuple[np.ndarray, State]:
    """One SGD step for all points; reuses the memory of params, grad and state."""
    g = prepare_gradient(params, grad, hp, lr)
    buf = state.momentum_buffer
    direction = g
    if buf is not None:
        if step == 1:
            np.copyto(buf, g)  # torch clones the first gradient: no dampening on step 1
        else:
            buf *= hp.momentum
            buf += (1 - hp.dampening) * g if is_active(hp.dampening) else g
        if hp.nesterov:
            g += hp.momentum * buf
        elif isinstance(hp.momentum, np.ndarray):
            # Points whose momentum is 0 skip the buffer, as torch does for such a group.
            np.copyto(g, buf, where=hp.momentum != 0)
        else:
            direction = buf  # lr * buf straight into g: one pass instead of a copy and a scale
    params -= np.multiply(direction, lr, out=g)
    return params, state


def _check(resolved: Mapping[str, Any], name: str) -> None:
    """torch: "Nesterov momentum requires a momentum and zero dampening"."""
    if not resolved["nesterov"]:
        return
    momentum, dampening = np.broadcast_arrays(resolved["momentum"], resolved["dampening"])
    bad = np.flatnonzero((momentum <= 0) | (dampening != 0))
    if bad.size:
        i = int(bad[0])
        at = f" at index {i}" if momentum.ndim else ""
        raise ValueError(
            f"{name}: nesterov=True requires momentum > 0 and dampening == 0; got "
            f"momentum={float(momentum.flat[i])!r}, dampening={float(dampening.flat[i])!r}{at}"
        )


SPEC = OptimizerSpec(
    name="sgd",
    title="SGD",
    torch_class="torch.optim.SGD",
    hparams=hparam_table(
        h.lr(1e-3),
        HParam(
            "momentum",
            0.0,
            "fraction of the previous step kept in the velocity buffer",
            constraint=h.NON_NEGATIVE,
            slider=(0.0, 0.99),
        ),
        HParam(
            "dampening",
            0.0,
            "shrinks the new gradient's share of the velocity buffer",
            slider=(0.0, 1.0),
        ),
        h.weight_decay(),
        HParam("nesterov", False, "take the gradient one momentum step ahead", constraint=h.FLAG),
        h.maximize(),
    ),
    state_names=State._fields,
    formula_latex=r"""\begin{aligned}
b_t &= \mu\, b_{t-1} + (1-\tau)\, g_t \quad (b_1 = g_1) \\
d_t &= \begin{cases} g_t + \mu\, b_t & \text{nesterov} \\ b_t & \text{otherwise} \end{cases} \\
\theta_t &= \theta_{t-1} - \eta\, d_t
\end{aligned}""",
    summary=(
        "Steps straight down the gradient. With momentum it keeps a velocity that builds up "
        "along consistent directions and cancels out across oscillating ones; Nesterov looks "
        "one momentum step ahead."
    ),
    hyper=Hyper,
    init=init,
    update=update,
    series={"momentum_buffer": MOMENTUM_BUFFER},
    inspector="sgd",
    check=_check,
)
