"""Hyperparameter sweeps: one vectorized summary-mode run over a grid of two hyperparameters,
and the heatmap of its outcome.

Every grid cell is one start point of the same run: the core takes any numeric
hyperparameter as an array of shape (N,), so an nx x ny grid of (lr, beta1) is a single run
of N = nx * ny points from the same x0, with ``lr`` and ``betas[0]`` varying per point.
The cell (row i, column j) holds x value j and y value i (row-major, as the heatmap draws it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

import optimizers
from i18n import t
from viz.subplots import Canvas

MIN_CELLS = 2
MAX_CELLS = 128  # per axis: 128 x 128 = 16,384 points in one run
MAX_STEPS = 2000
MAX_POINT_STEPS = 128 * 128 * 500  # bounds one request's work whatever the grid and steps
METRICS = ("final_loss", "steps_to_tol")
GAP_FLOOR = 1e-16  # f - f* below this is drawn as this: log10 needs a positive number
DIVERGED_COLOR = "#d62728"  # red: no Viridis colour comes close
NOT_REACHED_COLOR = "#d9d9d9"
CHUNK_POINTS = 4096  # the progress bar advances per chunk; larger chunks gain nothing


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
    progress: Callable[[float], None] | None = None,
) -> SweepResult:
    """Run ``optimizer`` from ``x0`` (2,) once for every cell of the x_axis x y_axis grid.

    One vectorized summary-mode run (``record="summary"``) over N = nx * ny points; with a
    ``progress`` callback the grid is cut into row chunks of about CHUNK_POINTS points, each
    one vectorized run, and progress(fraction done) is called after each.
    """
    x_axis, y_axis = check_axis(optimizer, x_axis), check_axis(optimizer, y_axis)
    n_points = x_axis.n * y_axis.n
    check_work(n_points, steps)
    kwargs = grid_hparams(optimizer, x_axis, y_axis, fixed)
    start = np.broadcast_to(np.asarray(x0, dtype=np.float64).reshape(1, 2), (n_points, 2))
    rows_per_chunk = y_axis.n if progress is None else max(1, CHUNK_POINTS // x_axis.n)
    parts = []
    for row0 in range(0, y_axis.n, rows_per_chunk):
        rows = slice(row0 * x_axis.n, min(row0 + rows_per_chunk, y_axis.n) * x_axis.n)
        summary = optimizers.run(
            optimizer,
            surface,
            np.array(start[rows]),
            steps,
            seed=seed,
            record="summary",
            tol=tol,
            **_take(kwargs, rows, n_points),
        )
        parts.append(summary)
        if progress is not None:
            progress(rows.stop / n_points)
    shape = (y_axis.n, x_axis.n)

    def joined(field: str) -> np.ndarray:
        return np.concatenate([getattr(p, field) for p in parts]).reshape(shape)

    return SweepResult(
        optimizer=optimizer,
        x_axis=x_axis,
        y_axis=y_axis,
        final_loss=joined("final_loss"),
        best_loss=joined("best_loss"),
        steps_to_tol=joined("steps_to_tol"),
        diverged_step=joined("diverged_step"),
        f_min=parts[0].f_min,
        steps=steps,
        tol=tol,
    )


def _take(kwargs: Mapping[str, Any], rows: slice, n_points: int) -> dict[str, Any]:
    """The hyperparameters of the points in ``rows``: per-point arrays sliced, the rest kept."""

    def part(value: Any) -> Any:
        if isinstance(value, np.ndarray) and value.shape == (n_points,):
            return value[rows]
        if isinstance(value, tuple):
            return tuple(part(v) for v in value)
        return value

    return {k: part(v) for k, v in kwargs.items()}


def metric_values(result: SweepResult, metric: str) -> np.ndarray:
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


def sweep_figure(result: SweepResult, metric: str = "final_loss", *, lang: str = "en") -> dict:
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


def diverged_share(result: SweepResult) -> float:
    """Fraction of cells that diverged."""
    return float(np.mean(result.diverged_step >= 0))


def best_cell(result: SweepResult, metric: str = "final_loss") -> tuple[int, int] | None:
    """(row, col) of the best finite cell (lowest metric), or None if every cell is blank."""
    z = metric_values(result, metric)
    if np.all(np.isnan(z)):
        return None
    row, col = np.unravel_index(int(np.nanargmin(z)), z.shape)
    return int(row), int(col)


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
