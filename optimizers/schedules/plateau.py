"""ReduceLROnPlateau: the one loss-driven schedule, as pure functions vectorized over N runs."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np


class PlateauState(NamedTuple):
    """ReduceLROnPlateau's bookkeeping, one entry per trajectory (torch's attribute names)."""

    lr: np.ndarray  # (N,) lr for the coming step
    best: np.ndarray  # (N,) best metric seen so far
    num_bad_epochs: np.ndarray  # (N,) int, steps since the last improvement
    cooldown_counter: np.ndarray  # (N,) int, steps left before bad steps count again


@dataclass(frozen=True)
class Schedule:
    """A loss-driven schedule as pure functions, vectorized over N trajectories.

    ``st = s.init(N)``; at every step k: ``lr_k = s.lr(st)``, take the step with ``lr_k``, then
    ``st = s.update(st, loss_k)`` with the loss at the point where step k's gradient was taken.
    """

    name: str
    params: Mapping[str, Any]
    init: Callable[[int], PlateauState]
    lr: Callable[[PlateauState], np.ndarray]
    update: Callable[[PlateauState, np.ndarray], PlateauState]


def plateau(
    lr: float,
    mode: str,
    factor: float,
    patience: int,
    threshold: float,
    threshold_mode: str,
    cooldown: int,
    min_lr: float,
    eps: float,
) -> Schedule:
    worse = math.inf if mode == "min" else -math.inf

    def is_better(a: np.ndarray, best: np.ndarray) -> np.ndarray:
        # inf * (1 - threshold) is nan for threshold == 1; nan compares False, like torch.
        with np.errstate(invalid="ignore"):
            if mode == "min" and threshold_mode == "rel":
                return a < best * (1.0 - threshold)
            if mode == "min":
                return a < best - threshold
            if threshold_mode == "rel":
                return a > best * (threshold + 1.0)
            return a > best + threshold

    def init(n_points: int) -> PlateauState:
        return PlateauState(
            lr=np.full(n_points, lr),
            best=np.full(n_points, worse),
            num_bad_epochs=np.zeros(n_points, dtype=np.int64),
            cooldown_counter=np.zeros(n_points, dtype=np.int64),
        )

    def current_lr(state: PlateauState) -> np.ndarray:
        return state.lr

    def update(state: PlateauState, loss: np.ndarray) -> PlateauState:
        loss = np.asarray(loss, dtype=np.float64)
        if loss.shape != state.lr.shape:
            raise ValueError(
                f"plateau: loss must have shape {state.lr.shape} (one per trajectory); "
                f"got {loss.shape}"
            )
        better = is_better(loss, state.best)
        best = np.where(better, loss, state.best)
        bad = np.where(better, 0, state.num_bad_epochs + 1)
        in_cooldown = state.cooldown_counter > 0
        cooldown_counter = state.cooldown_counter - in_cooldown
        bad = np.where(in_cooldown, 0, bad)
        reduce = bad > patience
        new_lr = np.maximum(state.lr * factor, min_lr)
        # torch skips reductions smaller than eps, so lr stops moving near min_lr.
        lr_next = np.where(reduce & (state.lr - new_lr > eps), new_lr, state.lr)
        return PlateauState(
            lr=lr_next,
            best=best,
            num_bad_epochs=np.where(reduce, 0, bad),
            cooldown_counter=np.where(reduce, cooldown, cooldown_counter),
        )

    params = {
        "mode": mode,
        "factor": factor,
        "patience": patience,
        "threshold": threshold,
        "threshold_mode": threshold_mode,
        "cooldown": cooldown,
        "min_lr": min_lr,
        "eps": eps,
    }
    return Schedule("plateau", params, init, current_lr, update)
