r"""The schedules of ``torch.optim.lr_scheduler`` as closed forms: each factory returns the lr
as a function of the 0-based step array ``k`` (:math:`\eta` is the optimizer's ``lr``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

LrFn = Callable[[np.ndarray], np.ndarray]
"""lr as a function of the 0-based step array k."""


def constant(lr: float, factor: float, total_iters: int) -> LrFn:
    return lambda k: lr * np.where(k < total_iters, factor, 1.0)


def step(lr: float, step_size: int, gamma: float) -> LrFn:
    return lambda k: lr * gamma ** (k // step_size)


def multistep(lr: float, milestones: tuple[int, ...], gamma: float) -> LrFn:
    # A milestone listed twice decays twice, as torch's Counter of milestones does.
    ordered = np.sort(np.asarray(milestones, dtype=np.int64))
    return lambda k: lr * gamma ** np.searchsorted(ordered, k, side="right")


def exponential(lr: float, gamma: float) -> LrFn:
    return lambda k: lr * gamma**k


def cosine(lr: float, T_max: int, eta_min: float) -> LrFn:
    # Not clamped after T_max: torch's recursive form keeps following the cosine back up.
    return lambda k: eta_min + (lr - eta_min) * (1 + np.cos(math.pi * k / T_max)) / 2


def cosine_warm_restarts(lr: float, T_0: int, T_mult: int, eta_min: float) -> LrFn:
    def at(k: np.ndarray) -> np.ndarray:
        # Restart i starts at T_0 * (1 + T_mult + ... + T_mult^(i-1)) and lasts T_0 * T_mult^i.
        starts, length = [0], T_0
        while starts[-1] <= k.max(initial=0):
            starts.append(starts[-1] + length)
            length *= T_mult
        cycle = np.searchsorted(np.asarray(starts), k, side="right") - 1
        T_cur = k - np.asarray(starts)[cycle]
        T_i = T_0 * np.float64(T_mult) ** cycle
        return eta_min + (lr - eta_min) * (1 + np.cos(math.pi * T_cur / T_i)) / 2

    return at


def linear(lr: float, start_factor: float, end_factor: float, total_iters: int) -> LrFn:
    return lambda k: (
        lr * (start_factor + (end_factor - start_factor) * np.minimum(total_iters, k) / total_iters)
    )


def polynomial(lr: float, total_iters: int, power: float) -> LrFn:
    return lambda k: lr * (1.0 - np.minimum(total_iters, k) / total_iters) ** power


def _onecycle_phases(p: Mapping[str, Any]) -> tuple[tuple[float, float, float], ...]:
    """(end_step, start_lr, end_lr) per phase, exactly as torch's OneCycleLR lays them out."""
    initial = p["max_lr"] / p["div_factor"]
    final = initial / p["final_div_factor"]
    total, pct = p["total_steps"], p["pct_start"]
    if p["three_phase"]:
        return (
            (float(pct * total) - 1, initial, p["max_lr"]),
            (float(2 * pct * total) - 2, p["max_lr"], initial),
            (total - 1, initial, final),
        )
    return ((float(pct * total) - 1, initial, p["max_lr"]), (total - 1, p["max_lr"], final))


def _anneal_cos(start: float, end: float, pct: np.ndarray) -> np.ndarray:
    return end + (start - end) / 2.0 * (np.cos(math.pi * pct) + 1)


def _anneal_linear(start: float, end: float, pct: np.ndarray) -> np.ndarray:
    return (end - start) * pct + start


def onecycle(lr: float, **p: Any) -> LrFn:
    phases = _onecycle_phases(p)
    anneal = {"cos": _anneal_cos, "linear": _anneal_linear}[p["anneal_strategy"]]
    starts = np.array([0.0] + [end for end, _, _ in phases[:-1]])

    def at(k: np.ndarray) -> np.ndarray:
        lrs = np.empty(k.shape)
        remaining = np.ones(k.shape, dtype=bool)
        for i, (end, first, last) in enumerate(phases):
            here = remaining & ((k <= end) | (i == len(phases) - 1))
            lrs[here] = anneal(first, last, (k[here] - starts[i]) / (end - starts[i]))
            remaining &= ~here
        return lrs

    return at


def check_onecycle(p: Mapping[str, Any], steps: int) -> None:
    """torch's own refusals, raised before the run instead of in its middle."""
    if p["total_steps"] < steps:
        raise ValueError(
            f"onecycle: total_steps must be an integer in [steps, inf) = [{steps}, inf) "
            f"(torch raises when stepped past total_steps); got {p['total_steps']}"
        )
    start, k = 0.0, 0
    phases = _onecycle_phases(p)
    for i, (end, _, _) in enumerate(phases):
        last = i == len(phases) - 1
        reached = k <= steps - 1 and (last or k <= end)
        if reached and end == start:
            raise ValueError(
                "onecycle: pct_start * total_steps must not make a phase of zero length "
                f"(torch divides by zero); got pct_start={p['pct_start']}, "
                f"total_steps={p['total_steps']}, three_phase={p['three_phase']}"
            )
        k = max(k, math.floor(end) + 1)
        start = end


def cyclic(
    lr: float,
    base_lr: float,
    max_lr: float,
    step_size_up: int,
    step_size_down: int,
    mode: str,
    gamma: float,
) -> LrFn:
    total_size = float(step_size_up) + float(step_size_down)
    step_ratio = step_size_up / total_size

    def at(k: np.ndarray) -> np.ndarray:
        cycle = np.floor(1 + k / total_size)
        x = 1.0 + k / total_size - cycle
        scale_factor = np.where(x <= step_ratio, x / step_ratio, (x - 1) / (step_ratio - 1))
        base_height = (max_lr - base_lr) * scale_factor
        scale = {
            "triangular": lambda: 1.0,
            "triangular2": lambda: 1 / (2.0 ** (cycle - 1)),
            "exp_range": lambda: gamma ** k.astype(float),
        }[mode]()
        return base_lr + base_height * scale

    return at


def lambda_lr(lr: float, lr_lambda: str | Callable[[int], float]) -> LrFn:
    if callable(lr_lambda):
        # Called once per integer step, as torch does: the callable need not be vectorized.
        return lambda k: lr * np.array([float(lr_lambda(int(i))) for i in k])
    # sympy is heavy and only this path needs it: import on use, not with every schedule.
    import formulas

    try:
        fn = formulas.compile_function(lr_lambda, ("t",))
    except formulas.ExpressionError as err:
        # Same class, so the page can still point at err.position in the typed text.
        raise formulas.ExpressionError(
            f"lambda: lr_lambda is not a valid formula in t: {err}", err.position, err.token
        ) from err
    return lambda k: lr * np.broadcast_to(fn(k.astype(float)), k.shape)
