"""Hyperparameter sweeps: one vectorized summary-mode run over a grid of two hyperparameters.

Every grid cell is one start point of the same run: the core takes any numeric
hyperparameter as an array of shape (N,), so an nx x ny grid of (lr, beta1) is a single run
of N = nx * ny points from the same x0, with ``lr`` and ``betas[0]`` varying per point.
The cell (row i, column j) holds x value j and y value i (row-major, as the heatmap draws it).
``viz.sweep`` draws the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

import optimizers

from .progress import Fraction, as_fraction

MIN_CELLS = 2
MAX_CELLS = 128  # per axis: 128 x 128 = 16,384 points in one run
MAX_STEPS = 2000
MAX_POINT_STEPS = 128 * 128 * 500  # bounds one request's work whatever the grid and steps


@dataclass(frozen=True)
class SweepAxis:
    """One axis of the grid: hyperparameter ``name`` (flat: lr, beta1, momentum, ...) over
    ``n`` values from ``lo`` to ``hi``, log-spaced if ``log``."""

    name: str
    lo: float
    hi: float
    n: int
    log: bool

    def values(self) -> np.ndarray:
        """The n grid values, from lo to hi inclusive."""
        if self.log:
            return np.geomspace(self.lo, self.hi, self.n)
        return np.linspace(self.lo, self.hi, self.n)


def sweepable(optimizer: str) -> dict[str, Any]:
    """Flat name -> HParam for every numeric hyperparameter of ``optimizer`` a grid can vary:
    floats with a slider span, and the items of pairs (``betas`` -> ``beta1``, ``beta2``)."""
    out: dict[str, Any] = {}
    for hp in optimizers.get(optimizer).hparams.values():
        for item in hp.items if hp.kind == "pair" else (hp,):
            if item.kind == "float" and item.slider is not None:
                out[item.name] = item
    return out


def default_axis(optimizer: str, name: str, n: int = 32) -> SweepAxis:
    """The axis over the hyperparameter's whole slider span, log-spaced where its slider is."""
    hp = sweepable(optimizer).get(name)
    if hp is None:
        raise ValueError(
            f"{optimizer}: axis must be one of {', '.join(sweepable(optimizer))}; got {name!r}"
        )
    lo, hi = hp.slider
    return check_axis(optimizer, SweepAxis(name, lo, hi, n, hp.log))


def check_axis(optimizer: str, axis: SweepAxis) -> SweepAxis:
    """``axis`` if its name, cell count and span are allowed; ValueError naming what is not."""
    hp = sweepable(optimizer).get(axis.name)
    if hp is None:
        raise ValueError(
            f"{optimizer}: axis must be one of {', '.join(sweepable(optimizer))}; got {axis.name!r}"
        )
    if (
        isinstance(axis.n, bool)
        or not isinstance(axis.n, int)
        or not (MIN_CELLS <= axis.n <= MAX_CELLS)
    ):
        raise ValueError(
            f"{axis.name}: cells must be an integer in [{MIN_CELLS}, {MAX_CELLS}]; got {axis.n!r}"
        )
    for label, value in (("lo", axis.lo), ("hi", axis.hi)):
        if not hp.contains(np.float64(value)):
            raise ValueError(f"{axis.name}: {label} must be {hp.allowed()}; got {value!r}")
    if not axis.lo < axis.hi:
        raise ValueError(f"{axis.name}: lo must be < hi; got lo={axis.lo!r}, hi={axis.hi!r}")
    if axis.log and axis.lo <= 0:
        raise ValueError(f"{axis.name}: a log axis needs lo > 0; got {axis.lo!r}")
    return axis


def grid_hparams(
    optimizer: str, x_axis: SweepAxis, y_axis: SweepAxis, fixed: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Keyword arguments for ``optimizers.run``: ``fixed`` with the two axes as (N,) arrays.

    N = x.n * y.n, row-major: point i * x.n + j has y value i and x value j. A pair item
    replaces its slot of the pair (``beta1`` -> ``betas=(array, fixed beta2)``).
    """
    if x_axis.name == y_axis.name:
        raise ValueError(f"the two axes must differ; both are {x_axis.name!r}")
    gx, gy = np.meshgrid(x_axis.values(), y_axis.values())
    varying = {x_axis.name: gx.ravel(), y_axis.name: gy.ravel()}
    spec = optimizers.get(optimizer)
    kwargs = {k: v for k, v in (fixed or {}).items() if k in spec.hparams}
    for hp in spec.hparams.values():
        if hp.kind == "pair":
            current = kwargs.get(hp.name, hp.default)
            items = [varying.get(item.name, current[i]) for i, item in enumerate(hp.items)]
            if any(item.name in varying for item in hp.items):
                kwargs[hp.name] = tuple(items)
        elif hp.name in varying:
            kwargs[hp.name] = varying[hp.name]
    return kwargs


@dataclass(frozen=True)
class SweepResult:
    """The outcome of every cell, each array of shape (ny, nx)."""

    optimizer: str
    x_axis: SweepAxis
    y_axis: SweepAxis
    final_loss: np.ndarray
    best_loss: np.ndarray
    steps_to_tol: np.ndarray
    diverged_step: np.ndarray
    f_min: float | None
    steps: int
    tol: float

    def cell(self, row: int, col: int) -> dict[str, float]:
        """The two hyperparameter values of cell (row, col), by flat name."""
        return {
            self.x_axis.name: float(self.x_axis.values()[col]),
            self.y_axis.name: float(self.y_axis.values()[row]),
        }


def check_work(n_points: int, steps: int) -> None:
    """ValueError when a run of ``n_points`` x ``steps`` would exceed the per-request bound."""
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be an integer in [1, {MAX_STEPS}]; got {steps!r}")
    if n_points * steps > MAX_POINT_STEPS:
        raise ValueError(
            f"grid points x steps must be at most {MAX_POINT_STEPS:,}; got {n_points:,} x "
            f"{steps} = {n_points * steps:,}"
        )


def run_sweep(
    optimizer: str,
    surface: Any,
    x0: np.ndarray,
    steps: int,
    x_axis: SweepAxis,
    y_axis: SweepAxis,
    *,
    fixed: Mapping[str, Any] | None = None,
    seed: int = 0,
    tol: float = 1e-6,
    progress: Fraction | None = None,
) -> SweepResult:
    """Run ``optimizer`` from ``x0`` (2,) once for every cell of the x_axis x y_axis grid.

    One vectorized summary-mode run (``record="summary"``) over N = nx * ny points;
    ``progress(fraction done)`` is called as it advances (``optimizers.run``'s progress).
    """
    x_axis, y_axis = check_axis(optimizer, x_axis), check_axis(optimizer, y_axis)
    n_points = x_axis.n * y_axis.n
    check_work(n_points, steps)
    start = np.broadcast_to(np.asarray(x0, dtype=np.float64).reshape(1, 2), (n_points, 2))
    summary = optimizers.run(
        optimizer,
        surface,
        start,
        steps,
        seed=seed,
        record="summary",
        tol=tol,
        progress=as_fraction(progress),
        **grid_hparams(optimizer, x_axis, y_axis, fixed),
    )
    shape = (y_axis.n, x_axis.n)
    return SweepResult(
        optimizer=optimizer,
        x_axis=x_axis,
        y_axis=y_axis,
        final_loss=summary.final_loss.reshape(shape),
        best_loss=summary.best_loss.reshape(shape),
        steps_to_tol=summary.steps_to_tol.reshape(shape),
        diverged_step=summary.diverged_step.reshape(shape),
        f_min=summary.f_min,
        steps=steps,
        tol=tol,
    )


def diverged_share(result: SweepResult) -> float:
    """Fraction of cells that diverged."""
    return float(np.mean(result.diverged_step >= 0))


def sweep_csv(result: SweepResult) -> str:
    """Every cell as a CSV row: the two hyperparameters, then final and best loss, steps to
    tolerance and divergence step (-1: never), row-major as the run computed them."""
    gx, gy = np.meshgrid(result.x_axis.values(), result.y_axis.values())
    header = [
        result.x_axis.name,
        result.y_axis.name,
        "final_loss",
        "best_loss",
        f"steps_to_tol({result.tol:g})",
        "diverged_step",
    ]
    lines = [",".join(header)]
    for x, y, final, best, to_tol, diverged in zip(
        gx.ravel(),
        gy.ravel(),
        result.final_loss.ravel(),
        result.best_loss.ravel(),
        result.steps_to_tol.ravel(),
        result.diverged_step.ravel(),
        strict=True,
    ):
        lines.append(
            f"{float(x)!r},{float(y)!r},{float(final)!r},{float(best)!r},{int(to_tol)},{int(diverged)}"
        )
    return "\n".join(lines) + "\n"
