"""The heatmap of a hyperparameter sweep (``experiments.sweep.SweepResult``).

It draws what it is given: a result with ``x_axis``, ``y_axis`` (name, n, log, values()),
the (ny, nx) arrays ``final_loss``, ``steps_to_tol``, ``diverged_step``, and ``f_min``,
``tol``, ``steps``, ``optimizer``. Row i, column j of each array is y value i, x value j.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from i18n import t
from viz.subplots import Canvas

METRICS = ("final_loss", "steps_to_tol")
GAP_FLOOR = 1e-16  # f - f* below this is drawn as this: log10 needs a positive number
DIVERGED_COLOR = "#d62728"  # red: no Viridis colour comes close
NOT_REACHED_COLOR = "#d9d9d9"
CELLS = "sweep-cells"  # ``meta`` of the clickable layer: one marker per cell, row-major


def metric_values(result: Any, metric: str) -> np.ndarray:
    """What a cell's colour shows, (ny, nx), NaN where there is nothing to show.

    final_loss: log10(f - f*) when the minimum f* is known (floored at 1e-16), else f itself;
    steps_to_tol: the step count, NaN where the tolerance was never reached. Diverged cells
    are NaN in both: they get their own colour.
    """
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {', '.join(METRICS)}; got {metric!r}")
    diverged = result.diverged_step >= 0
    if metric == "steps_to_tol":
        values = result.steps_to_tol.astype(np.float64)
        values[(result.steps_to_tol < 0) | diverged] = np.nan
        return values
    if result.f_min is None:
        values = result.final_loss.astype(np.float64)
    else:
        values = np.log10(np.maximum(result.final_loss - result.f_min, GAP_FLOOR))
    values[diverged] = np.nan
    return values


def sweep_figure(result: Any, metric: str = "final_loss", *, lang: str = "en") -> dict:
    """Heatmap of ``metric`` over the grid, diverged cells in their own dark colour, cells
    where the tolerance was never reached in grey; a clickable marker at every cell centre
    carries (row, col) as customdata, so a click names the cell."""
    z = metric_values(result, metric)
    xs, ys = result.x_axis.values(), result.y_axis.values()
    diverged = result.diverged_step >= 0
    if metric == "steps_to_tol":
        colorbar = t("sweep.fig.steps_to_tol", lang, tol=f"{result.tol:g}")
    elif result.f_min is None:
        colorbar = t("sweep.fig.final_loss", lang)
    else:
        colorbar = t("sweep.fig.log_gap", lang)
    fig = Canvas()
    fig.add(
        {
            "type": "heatmap",
            "x": xs,
            "y": ys,
            "z": np.where(np.isnan(z) & ~diverged, 1.0, np.nan),
            "colorscale": [[0, NOT_REACHED_COLOR], [1, NOT_REACHED_COLOR]],
            "showscale": False,
            "hoverinfo": "skip",
            "name": t("sweep.fig.not_reached", lang),
        }
    )
    fig.add(
        {
            "type": "heatmap",
            "x": xs,
            "y": ys,
            "z": z,
            "colorscale": "Viridis_r" if metric == "final_loss" else "Viridis",
            "colorbar": {"title": {"text": colorbar, "side": "right"}},
            "hoverinfo": "skip",
            "name": t(f"sweep.metric.{metric}", lang),
        }
    )
    fig.add(
        {
            "type": "heatmap",
            "x": xs,
            "y": ys,
            "z": np.where(diverged, 1.0, np.nan),
            "colorscale": [[0, DIVERGED_COLOR], [1, DIVERGED_COLOR]],
            "showscale": False,
            "hoverinfo": "skip",
            "name": t("sweep.fig.diverged", lang),
        }
    )
    gx, gy = np.meshgrid(xs, ys)
    rows, cols = np.indices(z.shape)
    custom = np.stack(
        [
            rows.ravel(),
            cols.ravel(),
            result.final_loss.ravel(),
            result.steps_to_tol.ravel(),
            result.diverged_step.ravel(),
        ],
        axis=1,
    )
    fig.add(
        {
            "type": "scatter",
            "x": gx.ravel(),
            "y": gy.ravel(),
            "mode": "markers",
            "marker": {"size": max(4, 360 // max(result.x_axis.n, result.y_axis.n)), "opacity": 0},
            "customdata": custom,
            "hovertemplate": (
                f"{result.x_axis.name} = %{{x:.3g}}<br>{result.y_axis.name} = %{{y:.3g}}<br>"
                f"{t('sweep.fig.hover_loss', lang)} = %{{customdata[2]:.3g}}<br>"
                f"{t('sweep.fig.hover_steps', lang)} = %{{customdata[3]}}<br>"
                f"{t('sweep.fig.hover_diverged', lang)} = %{{customdata[4]}}<extra></extra>"
            ),
            "name": t("sweep.fig.cells", lang),
            "meta": CELLS,
            "showlegend": False,
        }
    )
    fig.xaxis().update(
        title={"text": result.x_axis.name}, type="log" if result.x_axis.log else "linear"
    )
    fig.yaxis().update(
        title={"text": result.y_axis.name}, type="log" if result.y_axis.log else "linear"
    )
    fig.layout.update(
        height=560,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        title={
            "text": t(
                "sweep.fig.title",
                lang,
                optimizer=result.optimizer,
                metric=t(f"sweep.metric.{metric}", lang),
                steps=result.steps,
            )
        },
        clickmode="event+select",
        dragmode=False,
    )
    return fig.figure()


def best_cell(result: Any, metric: str = "final_loss") -> tuple[int, int] | None:
    """(row, col) of the best finite cell (lowest metric), or None if every cell is blank."""
    z = metric_values(result, metric)
    if np.all(np.isnan(z)):
        return None
    row, col = np.unravel_index(int(np.nanargmin(z)), z.shape)
    return int(row), int(col)
