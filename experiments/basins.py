"""Basins of attraction: a grid of start points, one vectorized summary-mode run from all of
them, each start labelled by the minimum its run ends at (``viz.basins`` colours them).

A start's class is the index k of the minimum within ``radius`` of its final point, or
``len(minima)`` ("elsewhere": still on its way, stuck at a saddle or in a local minimum the
surface does not list), or ``len(minima) + 1`` when the run diverged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import optimizers

from .progress import Fraction, as_fraction

MIN_CELLS = 8
MAX_CELLS = 128
MAX_STEPS = 2000
MAX_POINT_STEPS = 128 * 128 * 500
RADIUS_FRACTION = 0.02  # of the window's diagonal: close enough to call a minimum reached


def start_grid(bounds: Any, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs (n,), ys (n,), starts (n*n, 2)): cell centres of an n x n grid over ``bounds``,
    row-major (start i * n + j is at (xs[j], ys[i]))."""
    if isinstance(n, bool) or not isinstance(n, int) or not MIN_CELLS <= n <= MAX_CELLS:
        raise ValueError(f"cells must be an integer in [{MIN_CELLS}, {MAX_CELLS}]; got {n!r}")
    (x0, x1), (y0, y1) = bounds
    xs = x0 + (np.arange(n) + 0.5) * (x1 - x0) / n
    ys = y0 + (np.arange(n) + 0.5) * (y1 - y0) / n
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.stack([gx.ravel(), gy.ravel()], axis=1)


def classify(
    final_xy: np.ndarray, diverged_step: np.ndarray, minima: np.ndarray, radius: float
) -> np.ndarray:
    """Class of each run (N,): index of the nearest minimum within ``radius``, else K
    ("elsewhere"), or K + 1 if it diverged (K = number of minima)."""
    minima = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
    k = minima.shape[0]
    labels = np.full(final_xy.shape[0], k, dtype=np.int64)
    if k:
        distance = np.linalg.norm(final_xy[:, None, :] - minima[None, :, :], axis=2)
        nearest = np.argmin(distance, axis=1)
        close = distance[np.arange(final_xy.shape[0]), nearest] <= radius
        labels[close] = nearest[close]
    labels[diverged_step >= 0] = k + 1
    return labels


@dataclass(frozen=True)
class BasinsResult:
    """Which minimum each start reached: ``labels`` (n, n) over ``xs`` x ``ys``."""

    name: str
    title: str
    xs: np.ndarray
    ys: np.ndarray
    labels: np.ndarray
    minima: np.ndarray
    steps: int

    def shares(self) -> np.ndarray:
        """Fraction of starts in each class (K + 2,): minima, elsewhere, diverged."""
        counts = np.bincount(self.labels.ravel(), minlength=self.minima.shape[0] + 2)
        return counts / self.labels.size


def run_basins(
    optimizer: str,
    surface: Any,
    n: int,
    steps: int,
    *,
    title: str | None = None,
    seed: int = 0,
    progress: Fraction | None = None,
    **hparams: Any,
) -> BasinsResult:
    """One summary-mode run of ``optimizer`` from every cell centre of an n x n grid over the
    surface's bounds; each start is labelled by the minimum it ends at (see ``classify``).
    ``progress(fraction done)`` is called as the run advances."""
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be an integer in [1, {MAX_STEPS}]; got {steps!r}")
    xs, ys, starts = start_grid(surface.bounds, n)
    if starts.shape[0] * steps > MAX_POINT_STEPS:
        raise ValueError(
            f"starts x steps must be at most {MAX_POINT_STEPS:,}; got {starts.shape[0]:,} x "
            f"{steps} = {starts.shape[0] * steps:,}"
        )
    summary = optimizers.run(
        optimizer,
        surface,
        starts,
        steps,
        seed=seed,
        record="summary",
        progress=as_fraction(progress),
        **hparams,
    )
    (x0, x1), (y0, y1) = surface.bounds
    radius = RADIUS_FRACTION * float(np.hypot(x1 - x0, y1 - y0))
    minima = np.asarray(surface.minima, dtype=np.float64).reshape(-1, 2)
    labels = classify(summary.final_xy, summary.diverged_step, minima, radius)
    return BasinsResult(
        name=optimizer,
        title=title or optimizer,
        xs=xs,
        ys=ys,
        labels=labels.reshape(n, n),
        minima=minima,
        steps=steps,
    )
