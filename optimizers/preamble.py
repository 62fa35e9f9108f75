"""The steps every torch optimizer takes before its own rule (ALGORITHMS.md's notation)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .hparams import Value, is_active


def prepare_gradient(
    params: np.ndarray, grad: np.ndarray, hp: Any, lr: Value, *, decoupled: bool = False
) -> np.ndarray:
    """g = grad, negated if ``maximize``; then L2 (g += wd * p) or, ``decoupled``, AdamW's
    p *= 1 - lr * wd with the current lr. Works in place on ``grad`` and ``params``; returns g.
    """
    g = grad
    if hp.maximize:
        np.negative(g, out=g)
    if is_active(hp.weight_decay):
        if decoupled:
            params *= 1 - lr * hp.weight_decay
        else:
            g += hp.weight_decay * params
    return g
