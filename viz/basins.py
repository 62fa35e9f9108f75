"""Basins of attraction: a grid of start points, one vectorized summary-mode run from all of
them, each start coloured by the minimum its run ends at.

A start's class is the index k of the minimum within ``radius`` of its final point, or
``len(minima)`` ("elsewhere": still on its way, stuck at a saddle or in a local minimum the
surface does not list), or ``len(minima) + 1`` when the run diverged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import optimizers
from i18n import t
from viz.subplots import Canvas

MIN_CELLS = 8
MAX_CELLS = 128
MAX_STEPS = 2000
MAX_POINT_STEPS = 128 * 128 * 500
RADIUS_FRACTION = 0.02  # of the window's diagonal: close enough to call a minimum reached
MINIMUM_COLORS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
)
ELSEWHERE_COLOR = "#d9d9d9"
DIVERGED_COLOR = "#3b0a0a"


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
    **hparams: Any,
) -> BasinsResult:
    """One summary-mode run of ``optimizer`` from every cell centre of an n x n grid over the
    surface's bounds; each start is labelled by the minimum it ends at (see ``classify``)."""
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be an integer in [1, {MAX_STEPS}]; got {steps!r}")
    xs, ys, starts = start_grid(surface.bounds, n)
    if starts.shape[0] * steps > MAX_POINT_STEPS:
        raise ValueError(
            f"starts x steps must be at most {MAX_POINT_STEPS:,}; got {starts.shape[0]:,} x "
            f"{steps} = {starts.shape[0] * steps:,}"
        )
    summary = optimizers.run(
        optimizer, surface, starts, steps, seed=seed, record="summary", **hparams
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


def class_colors(n_minima: int) -> list[str]:
    """Colour of each class: one per minimum (cycling), then elsewhere, then diverged."""
    own = [MINIMUM_COLORS[k % len(MINIMUM_COLORS)] for k in range(n_minima)]
    return [*own, ELSEWHERE_COLOR, DIVERGED_COLOR]


def _discrete_scale(colors: list[str]) -> list[list[Any]]:
    """A colourscale on 0..len-1 where each integer gets one flat colour band."""
    n = len(colors)
    scale: list[list[Any]] = []
    for k, color in enumerate(colors):
        scale += [[k / n, color], [(k + 1) / n, color]]
    return scale


def class_names(minima: np.ndarray, lang: str = "en") -> list[str]:
    """Legend names: each minimum by its coordinates, then elsewhere and diverged."""
    own = [t("basins.fig.minimum", lang, x=f"{x:.3g}", y=f"{y:.3g}") for x, y in np.asarray(minima)]
    return [*own, t("basins.fig.elsewhere", lang), t("basins.fig.diverged", lang)]


def basins_figure(results: list[BasinsResult], *, lang: str = "en") -> dict:
    """One panel per optimizer (shared axes): every start coloured by its class, the minima
    marked with their colours, a legend naming each class."""
    if not results:
        raise ValueError("results must hold at least one BasinsResult; got none")
    minima = results[0].minima
    colors = class_colors(minima.shape[0])
    names = class_names(minima, lang)
    cols = len(results)
    fig = Canvas(
        rows=1,
        cols=cols,
        shared_yaxes=True,
        horizontal_spacing=0.03,
        subplot_titles=[r.title for r in results],
    )
    n_classes = len(colors)
    for col, result in enumerate(results, start=1):
        fig.add(
            {
                "type": "heatmap",
                "x": result.xs,
                "y": result.ys,
                "z": result.labels,
                "zmin": -0.5,
                "zmax": n_classes - 0.5,
                "colorscale": _discrete_scale(colors),
                "showscale": False,
                "customdata": np.vectorize(names.__getitem__)(result.labels),
                "hovertemplate": "x0 = %{x:.3g}<br>y0 = %{y:.3g}<br>%{customdata}<extra></extra>",
                "name": result.title,
            },
            row=1,
            col=col,
        )
        if minima.size:
            fig.add(
                {
                    "type": "scatter",
                    "x": minima[:, 0],
                    "y": minima[:, 1],
                    "mode": "markers",
                    "marker": {
                        "symbol": "star",
                        "size": 14,
                        "color": "white",
                        "line": {"color": "black", "width": 1.5},
                    },
                    "name": t("basins.fig.minima", lang),
                    "showlegend": False,
                    "hoverinfo": "skip",
                },
                row=1,
                col=col,
            )
    for name, color in zip(names, colors, strict=True):
        fig.add(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"symbol": "square", "size": 12, "color": color},
                "name": name,
            }
        )
    fig.axes("x", title={"text": "x₀"})
    fig.yaxis(1, 1).update(title={"text": "y₀"})
    fig.layout.update(
        height=460 if cols > 1 else 560,
        margin={"l": 50, "r": 20, "t": 50, "b": 110},
        legend={"orientation": "h", "y": -0.16, "yanchor": "top"},
        title={"text": t("basins.fig.title", lang, steps=results[0].steps)},
    )
    return fig.figure()
