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
CELLS = "sweep-cells"  # ``meta`` of the metric's heatmap, the layer a hover reads and a click opens
HOVER_DIGITS = 3  # significant digits of the final loss a hover shows


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
    """Heatmap of ``metric`` over the grid, diverged cells in their own colour, cells where
    the tolerance was never reached in grey; a cell's hover gives its final loss, steps to
    the tolerance and divergence step, and a click on it names its (row, col)."""
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
    fig.add(_flag_layer(xs, ys, np.isnan(z) & ~diverged, NOT_REACHED_COLOR, "not_reached", lang))
    fig.add(_flag_layer(xs, ys, diverged, DIVERGED_COLOR, "diverged", lang))
    # On top, the metric's own cells are what a hover reads and a click opens (their
    # (row, col) is the event's point index), blank cells included (hoverongaps).
    fig.add(
        {
            "type": "heatmap",
            "x": xs,
            "y": ys,
            "z": z,
            # Plotly.js names no reversed scales ("Viridis_r" is Plotly Python's, and the
            # browser drew its default red-blue: red cells read as diverged): reversescale.
            "colorscale": "Viridis",
            "reversescale": metric == "final_loss",  # a low loss bright
            "colorbar": {"title": {"text": colorbar, "side": "right"}},
            "customdata": hover_data(result),
            "hoverongaps": True,
            "hovertemplate": (
                f"{result.x_axis.name} = %{{x:.3g}}<br>{result.y_axis.name} = %{{y:.3g}}<br>"
                f"{t('sweep.fig.hover_loss', lang)} = %{{customdata[0]:.{HOVER_DIGITS}g}}<br>"
                f"{t('sweep.fig.hover_steps', lang)} = %{{customdata[1]}}<br>"
                f"{t('sweep.fig.hover_diverged', lang)} = %{{customdata[2]}}<extra></extra>"
            ),
            "name": t(f"sweep.metric.{metric}", lang),
            "meta": CELLS,
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


def _flag_layer(xs, ys, cells: np.ndarray, color: str, name: str, lang: str) -> dict:
    """A one-colour heatmap of ``cells`` (sweep.fig.<name>), blank elsewhere, that a hover
    passes through; float32, half the bytes of float64."""
    return {
        "type": "heatmap",
        "x": xs,
        "y": ys,
        "z": np.where(cells, np.float32(1.0), np.float32(np.nan)),
        "colorscale": [[0, color], [1, color]],
        "showscale": False,
        "hoverinfo": "skip",
        "name": t(f"sweep.fig.{name}", lang),
    }


def hover_data(result: Any) -> np.ndarray:
    """(ny, nx, 3) float32: each cell's final loss, steps to tol and divergence step (-1:
    none). The loss is rounded to the digits its hover shows, so float32 (half the bytes a
    phone downloads) shows the same text; the step counts are exact in float32 (< 2**24)."""
    loss = [float(f"{v:.{HOVER_DIGITS}g}") for v in result.final_loss.ravel().tolist()]
    loss = np.reshape(loss, result.final_loss.shape)
    return np.stack([loss, result.steps_to_tol, result.diverged_step], axis=-1).astype(np.float32)


def best_cell(result: Any, metric: str = "final_loss") -> tuple[int, int] | None:
    """(row, col) of the best finite cell (lowest metric), or None if every cell is blank."""
    z = metric_values(result, metric)
    if np.all(np.isnan(z)):
        return None
    row, col = np.unravel_index(int(np.nanargmin(z)), z.shape)
    return int(row), int(col)
