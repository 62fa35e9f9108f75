"""What ``run`` returns: the full history of a run, or an O(N) summary of it.

Arrays are read-only, so a result cached by the app cannot be changed by the page using it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Trajectory:
    """Everything a run did, step by step (``record="full"``), for N start points.

    xy (steps+1, N, 2)      positions; row 0 is x0
    loss (steps+1, N)       surface value at each position (exact, no noise)
    grad (steps, N, 2)      gradient used at step k (at xy[k], noise included, before
                            maximize / weight decay)
    lr (steps,) | (steps, N)  learning rate used at step k
    state                   torch name -> (steps, N, 2) buffer after step k
                            (per-point scalars such as NAdam's mu_product: (steps, N))
    derived                 name -> (steps, N, 2): "step", the step the rule applied at step k
                            (x_{k+1} = x_k - step, after any decoupled decay); for the Adam
                            family also "m_hat" and "v_hat" (Adamax: the u buffer)
    diverged_step (N,)      -1, or the first row k whose position or loss was non-finite or
                            outside +-ESCAPE. From that row on, xy and loss repeat row k-1;
                            the per-step records (grad, state, derived) of step k-1 and
                            later are NaN: the point took no valid step any more.
    """

    name: str
    hparams: Mapping[str, Any]
    xy: np.ndarray
    loss: np.ndarray
    grad: np.ndarray
    lr: np.ndarray
    state: Mapping[str, np.ndarray]
    derived: Mapping[str, np.ndarray]
    diverged_step: np.ndarray

    @property
    def steps(self) -> int:
        """Number of optimizer steps taken."""
        return self.grad.shape[0]

    @property
    def n_points(self) -> int:
        """Number of start points N."""
        return self.xy.shape[1]


@dataclass(frozen=True)
class Summary:
    """The outcome of a run in O(N) memory (``record="summary"``), for N start points.

    final_xy (N, 2), final_loss (N,)   where each point ended (frozen points: last finite)
    best_loss (N,)                     lowest loss along the way, x0 included
    steps_to_tol (N,) int              first row k with loss_k - f_min <= tol; -1 if never,
                                       or if f_min is unknown (no surface.minima, maximize)
    diverged_step (N,) int             as in Trajectory
    f_min                              min of surface.value(surface.minima), or None
    """

    name: str
    hparams: Mapping[str, Any]
    final_xy: np.ndarray
    final_loss: np.ndarray
    best_loss: np.ndarray
    steps_to_tol: np.ndarray
    diverged_step: np.ndarray
    f_min: float | None
    tol: float
