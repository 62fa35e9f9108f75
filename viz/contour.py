"""The loss surface as a contour map: grid, colour scale, minima, saddles, click-to-start.

Reusable by every page that draws on the surface: :func:`surface_grid` evaluates f once,
:class:`ZScale` maps f to what is shown (log10(f - f_min + offset) where the surface asks
for a log scale), :func:`panel_traces` gives one map panel's traces (plain Plotly dicts,
bound to any subplot's axes), :func:`axis_layout` its fixed axes, and
:func:`contour_figure` a ready single-panel figure.

Traces are plain dicts rather than ``go`` objects, and figures plain figure dicts (see
:mod:`viz.subplots`): nothing here builds or validates a ``go.Figure``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from i18n import t
from viz.subplots import Canvas

Bounds = tuple[tuple[float, float], tuple[float, float]]

DEFAULT_RESOLUTION = 101
MAX_RESOLUTION = 301
PICK_START = "pick-start"  # ``meta`` of the clickable map: a click on it picks a start point
LOG_OFFSET = 1e-6  # of the range of f: keeps log10 finite at the minimum, resolves the valley
# Light where the loss is low (where the paths go, so they stay visible), steel blue on the
# walls; contour lines carry the shape.
COLORSCALE = [
    [0.0, "#fffdf5"],
    [0.4, "#f0f3f3"],
    [0.75, "#d8e2ea"],
    [1.0, "#b9cbda"],
]
CONTOUR_LINE = {"width": 0.7, "color": "rgba(60,80,100,0.3)"}
MINIMUM_STYLE = {
    "symbol": "star",
    "size": 15,
    "color": "#ffd166",
    "line": {"color": "#222", "width": 1},
}
SADDLE_STYLE = {
    "symbol": "x-thin",
    "size": 11,
    "color": "#444",
    "line": {"color": "#444", "width": 2},
}


@dataclass(frozen=True)
class Grid:
    """f on a regular grid: ``z[i, j] = f(x[j], y[i])``, NaN where f is not finite."""

    x: np.ndarray  # (nx,)
    y: np.ndarray  # (ny,)
    z: np.ndarray  # (ny, nx)

    @property
    def bounds(self) -> Bounds:
        return (float(self.x[0]), float(self.x[-1])), (float(self.y[0]), float(self.y[-1]))


def surface_grid(
    value: Callable[[np.ndarray], np.ndarray],
    bounds: Bounds,
    resolution: int = DEFAULT_RESOLUTION,
) -> Grid:
    """Evaluate ``value`` (points (N, 2) -> (N,)) on ``resolution`` x ``resolution`` points."""
    if (
        isinstance(resolution, bool)
        or not isinstance(resolution, int)
        or not 2 <= resolution <= MAX_RESOLUTION
    ):
        raise ValueError(
            f"resolution must be an integer in [2, {MAX_RESOLUTION}]; got {resolution!r}"
        )
    (xmin, xmax), (ymin, ymax) = bounds
    if not (np.isfinite([xmin, xmax, ymin, ymax]).all() and xmin < xmax and ymin < ymax):
        raise ValueError(
            "bounds must be finite ((xmin, xmax), (ymin, ymax)) with xmin < xmax and "
            f"ymin < ymax; got {bounds!r}"
        )
    x = np.linspace(xmin, xmax, resolution)
    y = np.linspace(ymin, ymax, resolution)
    points = np.stack(np.meshgrid(x, y), axis=-1).reshape(-1, 2)
    with np.errstate(all="ignore"):
        z = np.asarray(value(points), dtype=np.float64).reshape(resolution, resolution)
    return Grid(x, y, np.where(np.isfinite(z), z, np.nan))


@dataclass(frozen=True)
class ZScale:
    """What the colour (and the 3D height) shows: f itself, or log10(f - zmin + offset)."""

    log: bool
    zmin: float = 0.0
    offset: float = 1.0

    def apply(self, f: np.ndarray) -> np.ndarray:
        f = np.asarray(f, dtype=np.float64)
        if not self.log:
            return f
        with np.errstate(invalid="ignore"):
            return np.log10(np.maximum(f - self.zmin, 0.0) + self.offset)

    def title(self, lang: str) -> str:
        return t("fig.log_value", lang) if self.log else t("fig.value", lang)


def z_scale(grid: Grid, log: bool, f_min: float | None = None) -> ZScale:
    """The scale for ``grid``: log10(f - min f + 1e-6 * range of f) when ``log``.

    ``f_min`` (the known minimum) lowers zmin below the grid's minimum, so the true
    minimum, which the grid may miss, still maps to the bottom of the scale.
    """
    finite = grid.z[np.isfinite(grid.z)]
    if not log or finite.size == 0:
        return ZScale(False)
    lo, hi = float(finite.min()), float(finite.max())
    if f_min is not None and np.isfinite(f_min):
        lo = min(lo, float(f_min))
    return ZScale(True, lo, max((hi - lo) * LOG_OFFSET, np.finfo(float).tiny))


def contour_trace(
    grid: Grid,
    scale: ZScale,
    *,
    lang: str = "en",
    showscale: bool = True,
    colorbar_x: float = 1.02,
    axes: tuple[str, str] = ("x", "y"),
) -> dict:
    """Filled contours of ``scale.apply(z)`` (float32: half the payload, ample for colour)."""
    return {
        "type": "contour",
        "x": grid.x,
        "y": grid.y,
        "z": scale.apply(grid.z).astype(np.float32),
        "colorscale": COLORSCALE,
        "ncontours": 28,
        "line": CONTOUR_LINE,
        "showscale": showscale,
        "colorbar": {
            "title": {"text": scale.title(lang), "side": "right"},
            "x": colorbar_x,
            "thickness": 12,
            "len": 0.9,
        },
        "hoverinfo": "skip",
        "name": scale.title(lang),
        "showlegend": False,
        "xaxis": axes[0],
        "yaxis": axes[1],
    }


def points_trace(
    points: np.ndarray,
    *,
    name: str,
    marker: Mapping[str, Any],
    showlegend: bool = True,
    axes: tuple[str, str] = ("x", "y"),
) -> dict:
    """Markers at fixed points (minima, saddles, a start point)."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return {
        "type": "scatter",
        "x": points[:, 0].tolist(),
        "y": points[:, 1].tolist(),
        "mode": "markers",
        "marker": dict(marker),
        "name": name,
        "legendgroup": name,
        "showlegend": showlegend,
        "hovertemplate": f"{name}<br>x=%{{x:.4g}}<br>y=%{{y:.4g}}<extra></extra>",
        "xaxis": axes[0],
        "yaxis": axes[1],
    }


def clickable(contour: dict, grid: Grid, label: str, *, show_f: bool = True) -> dict:
    """``contour`` as the map's click target: its hover reads x, y (and f, if ``show_f``) at
    the nearest grid node and says ``label``; ``meta`` = PICK_START tells
    :func:`picked_point` that a click there picks that node.

    The contour itself, not a layer of invisible markers over it: Plotly draws and styles
    every marker on every redraw, which was a third of a Playground redraw on a phone.
    """
    shown_f = "<br>f=%{customdata:.4g}" if show_f else ""
    traced = {key: value for key, value in contour.items() if key != "hoverinfo"}
    return {
        **traced,
        "hovertemplate": f"x=%{{x:.3g}}, y=%{{y:.3g}}{shown_f}<br>{label}<extra></extra>",
        "meta": PICK_START,
        **({"customdata": grid.z.astype(np.float32)} if show_f else {}),
    }


def picked_point(selection: Mapping[str, Any] | None, fig: Mapping) -> tuple[float, float] | None:
    """The start point a click on the chart asks for, or None.

    ``selection`` is what ``ui.chart`` reports of a click, shaped as ``st.plotly_chart``
    reports a selection (``{"points": [{"curve_number": i, "x": ..., "y": ...}, ...]}``);
    only points of a PICK_START trace of ``fig`` (:func:`clickable`) count, so a click on a
    loss curve never moves the start.
    """
    if not selection:
        return None
    data = fig.get("data", ())
    for point in selection.get("points") or ():
        curve = point.get("curve_number")
        if isinstance(curve, bool) or not isinstance(curve, int) or not 0 <= curve < len(data):
            continue
        trace = data[curve]
        meta = trace.get("meta")
        x, y = point.get("x"), point.get("y")
        if meta == PICK_START and isinstance(x, int | float) and isinstance(y, int | float):
            return float(x), float(y)
    return None


def panel_traces(
    grid: Grid,
    scale: ZScale,
    *,
    axes: tuple[str, str] = ("x", "y"),
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    lang: str = "en",
    pick_start: bool = False,
    showscale: bool = True,
    showlegend: bool = True,
    colorbar_x: float = 1.02,
) -> list[dict]:
    """One map panel: contours (clickable, if ``pick_start``), minima and saddles."""
    contour = contour_trace(
        grid, scale, lang=lang, showscale=showscale, colorbar_x=colorbar_x, axes=axes
    )
    if pick_start:
        contour = clickable(contour, grid, t("fig.click_to_start", lang))
    traces = [contour]
    if len(minima):
        traces.append(
            points_trace(
                minima,
                name=t("fig.minimum", lang),
                marker=MINIMUM_STYLE,
                showlegend=showlegend,
                axes=axes,
            )
        )
    if len(saddles):
        traces.append(
            points_trace(
                saddles,
                name=t("fig.saddle", lang),
                marker=SADDLE_STYLE,
                showlegend=showlegend,
                axes=axes,
            )
        )
    return traces


def axis_layout(bounds: Bounds, *, x_anchor: str = "x") -> tuple[dict, dict]:
    """Fixed x and y axes for a map (equal scales; ``x_anchor`` names the panel's x axis).

    Fixed ranges: a diverging path leaves the view instead of shrinking the surface to a dot.
    """
    (xmin, xmax), (ymin, ymax) = bounds
    x = {"range": [xmin, xmax], "autorange": False, "title": {"text": "x"}, "constrain": "domain"}
    y = {
        "range": [ymin, ymax],
        "autorange": False,
        "title": {"text": "y"},
        "constrain": "domain",
        "scaleanchor": x_anchor,
        "scaleratio": 1,
    }
    return x, y


def add_contour_panel(
    fig: Canvas,
    grid: Grid,
    scale: ZScale,
    *,
    row: int | None = None,
    col: int | None = None,
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    lang: str = "en",
    pick_start: bool = False,
    showscale: bool = True,
    showlegend: bool = True,
    colorbar_x: float = 1.02,
) -> None:
    """:func:`panel_traces` added to cell (row, col) of ``fig`` (or to a single-panel one),
    with the window's fixed x and y ranges (scales not tied: the caller decides)."""
    row, col = (1, 1) if row is None else (row, col)
    axes = fig.refs(row, col)
    for trace in panel_traces(
        grid,
        scale,
        axes=axes,
        minima=minima,
        saddles=saddles,
        lang=lang,
        pick_start=pick_start,
        showscale=showscale,
        showlegend=showlegend,
        colorbar_x=colorbar_x,
    ):
        fig.add(trace)
    xaxis, yaxis = axis_layout(grid.bounds, x_anchor=axes[0])
    yaxis.pop("scaleanchor")
    yaxis.pop("scaleratio")
    fig.xaxis(row, col).update(xaxis)
    fig.yaxis(row, col).update(yaxis)


def contour_figure(
    grid: Grid,
    scale: ZScale,
    *,
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    lang: str = "en",
    pick_start: bool = False,
    title: str | None = None,
    height: int = 520,
) -> dict:
    """A single contour panel with equal x and y scales, ready for paths or arrows."""
    xaxis, yaxis = axis_layout(grid.bounds)
    layout = {
        "xaxis": xaxis,
        "yaxis": yaxis,
        "height": height,
        "margin": {"l": 50, "r": 20, "t": 50 if title else 20, "b": 40},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "plot_bgcolor": "white",
    }
    if title:
        layout["title"] = {"text": title}
    data = panel_traces(
        grid, scale, minima=minima, saddles=saddles, lang=lang, pick_start=pick_start
    )
    return {"data": data, "layout": layout}
