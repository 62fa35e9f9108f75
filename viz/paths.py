"""The Playground's main figure: paths on the contour map, loss and distance curves, one timeline.

One figure with subplots: the map (one panel for all optimizers, one panel each, or the
surface in 3D) on the left, loss vs step and distance to the nearest minimum vs step on
the right. Every path and curve is drawn whole once; the frames move only the current
points and the markers on the curves (see :mod:`viz.animation`), so play and scrub move
path, point and curves together and the payload grows linearly with the frames.

A diverged run (``diverged_step >= 0``) ends in a cross at its last finite point on the map
and on both curves; when that point lies outside the plotted window an arrow at the edge
names it with its true coordinates instead of moving it into view.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from plotly.subplots import make_subplots

from i18n import t
from viz import surface3d
from viz.animation import DEFAULT_MAX_FRAMES, Mover, animate, timeline
from viz.contour import Grid, ZScale, axis_layout, panel_traces, points_trace, z_scale

LAYOUTS = ("overlay", "grid", "surface3d")
# Okabe-Ito, without its yellow (unreadable on a light map): distinct for colour-blind eyes.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
START_STYLE = {"symbol": "circle-open", "size": 13, "color": "#111", "line": {"width": 2.5}}
DIVERGED_STYLE = {"symbol": "x", "size": 16, "line": {"color": "#111", "width": 1.5}}
CURVE_PAD = 0.05  # of a linear curve axis's span, at each end (as Plotly's own autorange pads)
# A log curve axis's pad at each end, in decades: its own, so an end moves only when the
# values at that end do (a pad in a share of the span moved the top when the bottom did).
LOG_CURVE_PAD = 0.1
TOP_LABEL_ROOM_PX = 12  # between the legend and the plots' top (half a tick label and a gap)
CURVES_WIDTH = 0.36  # share of the figure's width for the loss and distance column
PANEL_HEIGHT = 380
EDGE_ARROW_SHARE = 0.15  # an edge arrow's length, as a share of the window along it


@dataclass(frozen=True)
class PathRun:
    """One optimizer's path from one start point, as the figures draw it."""

    label: str
    xy: np.ndarray  # (steps+1, 2)
    loss: np.ndarray  # (steps+1,)
    diverged_step: int = -1  # -1: never
    color: str = PALETTE[0]

    @property
    def steps(self) -> int:
        return len(self.xy) - 1

    @property
    def end(self) -> int:
        """Last row worth drawing: the divergence row (it repeats the last finite point)."""
        return self.steps if self.diverged_step < 0 else min(self.diverged_step, self.steps)


def path_runs(labels: Sequence[str], trajectories: Sequence[Any], point: int = 0) -> list[PathRun]:
    """PathRuns from the core's Trajectories (point ``point`` of each), coloured in order."""
    return [
        PathRun(
            label=label,
            xy=np.asarray(traj.xy[:, point], dtype=np.float64),
            loss=np.asarray(traj.loss[:, point], dtype=np.float64),
            diverged_step=int(traj.diverged_step[point]),
            color=PALETTE[i % len(PALETTE)],
        )
        for i, (label, traj) in enumerate(zip(labels, trajectories, strict=True))
    ]


def distance_to_nearest(xy: np.ndarray, minima: np.ndarray) -> np.ndarray:
    """min_k ||xy_i - m_k|| for each row of ``xy`` (NaN when there are no minima)."""
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    minima = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
    if not len(minima):
        return np.full(len(xy), np.nan)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.sqrt(((xy[:, None, :] - minima[None, :, :]) ** 2).sum(-1)).min(axis=1)


def loss_gap(loss: np.ndarray, f_min: float | None) -> np.ndarray:
    """loss - f* where the minimum value f* is known (log axis), else the loss itself."""
    return np.asarray(loss, dtype=np.float64) - (0.0 if f_min is None else f_min)


def _shown(values: np.ndarray, log_axis: bool) -> np.ndarray:
    """Curve values as drawn: a log axis cannot show 0 (or less), so an exact hit leaves a
    gap rather than a made-up value; a linear axis shows them all (a loss may be negative)."""
    if not log_axis:
        return values
    with np.errstate(invalid="ignore"):
        return np.where(values > 0, values, np.nan)


# --- subplot grid -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cells:
    layout: dict  # make_subplots' axes/scenes/annotations (no template)
    panels: list[
        tuple[str, str]
    ]  # trace axis refs of each map panel: ("x2", "y2") or ("scene", "")
    curves: list[tuple[str, str]]  # ... of loss [, distance]


@functools.lru_cache(maxsize=64)
def _subplots_json(n_panels: int, n_curves: int, panel_type: str, titled: bool) -> str:
    """Map panels in a near-square grid, the curves stacked in one column on the right.

    Computed by make_subplots once per shape (it is slow), returned as JSON so every caller
    gets a fresh copy to fill in.
    """
    cols = 1 if n_panels == 1 else math.ceil(math.sqrt(n_panels))
    rows = math.ceil(n_panels / cols)
    unit = n_curves  # grid rows per panel row, so the curves can split the height evenly
    specs: list[list[dict | None]] = [[None] * (cols + 1) for _ in range(rows * unit)]
    panel_cells, curve_cells = [], []
    for i in range(n_panels):
        r, c = divmod(i, cols)
        specs[r * unit][c] = {"rowspan": unit, "type": panel_type}
        panel_cells.append((r * unit + 1, c + 1))
    for k in range(n_curves):
        specs[k * rows][cols] = {"rowspan": rows}
        curve_cells.append((k * rows + 1, cols + 1))
    titles = [f"{{{i}}}" for i in range(n_panels)] if titled else None
    fig = make_subplots(
        rows=rows * unit,
        cols=cols + 1,
        specs=specs,
        column_widths=[(1 - CURVES_WIDTH) / cols] * cols + [CURVES_WIDTH],
        horizontal_spacing=0.09 if n_panels == 1 else 0.06,
        vertical_spacing=0.1 if rows * unit > 1 else 0.0,
        subplot_titles=_ordered_titles(specs, panel_cells, titles) if titled else None,
    )

    def refs(cell: tuple[int, int]) -> tuple[str, str]:
        subplot = fig.get_subplot(*cell)
        if panel_type == "scene" and cell in panel_cells:
            return subplot.plotly_name, ""
        return subplot.xaxis.plotly_name.replace("axis", ""), subplot.yaxis.plotly_name.replace(
            "axis", ""
        )

    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)
    return json.dumps(
        {
            "layout": layout,
            "panels": [refs(c) for c in panel_cells],
            "curves": [refs(c) for c in curve_cells],
        }
    )


def _ordered_titles(specs: list, panel_cells: list, titles: list[str]) -> list[str]:
    """make_subplots takes titles row by row over every cell; only maps get one."""
    by_cell = dict(zip(panel_cells, titles, strict=True))
    return [
        by_cell.get((r + 1, c + 1), "")
        for r, row in enumerate(specs)
        for c, spec in enumerate(row)
        if spec is not None
    ]


def _cells(n_panels: int, n_curves: int, panel_type: str, titles: Sequence[str] | None) -> _Cells:
    made = json.loads(_subplots_json(n_panels, n_curves, panel_type, titles is not None))
    layout = made["layout"]
    if titles is not None:
        for note in layout.get("annotations", []):
            text = note.get("text", "")
            if text.startswith("{") and text.endswith("}"):
                note["text"] = titles[int(text[1:-1])]
    return _Cells(layout, [tuple(p) for p in made["panels"]], [tuple(c) for c in made["curves"]])


def _layout_key(ref: str, axis: str) -> str:
    """Trace ref "x2" -> layout key "xaxis2"."""
    return f"{axis}axis{ref[1:]}"


# --- traces -------------------------------------------------------------------------------------


def _edge_arrow(run: PathRun, bounds, lang: str, axes: tuple[str, str]) -> dict:
    """An arrow at the window's edge pointing to a diverged run's last finite point, named
    with its coordinates; empty while that point is in the window (or the run is finite).

    A trace rather than an annotation, there for every run: the figure keeps its traces and
    layout when a run crosses into divergence, so the chart moves it in place (ui/chart.js).
    """
    (xmin, xmax), (ymin, ymax) = bounds
    x, y = run.xy[run.end]
    outside = run.diverged_step >= 0 and not (xmin <= x <= xmax and ymin <= y <= ymax)
    xs, ys, texts, position = [], [], [], "middle center"
    if outside:
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        dx, dy = x - cx, y - cy
        # Walk from the centre toward the point until the window's edge.
        scale = min(
            (xmax - cx) / dx if dx > 0 else (xmin - cx) / dx if dx < 0 else math.inf,
            (ymax - cy) / dy if dy > 0 else (ymin - cy) / dy if dy < 0 else math.inf,
        )
        ux, uy = dx / (xmax - xmin), dy / (ymax - ymin)  # the direction in shares of the window
        norm = math.hypot(ux, uy) or 1.0
        head = (cx + dx * scale, cy + dy * scale)
        tail = (
            head[0] - ux / norm * EDGE_ARROW_SHARE * (xmax - xmin),
            head[1] - uy / norm * EDGE_ARROW_SHARE * (ymax - ymin),
        )
        xs, ys = [tail[0], head[0]], [tail[1], head[1]]
        text = t(
            "fig.diverged_outside",
            lang,
            name=run.label,
            step=run.diverged_step,
            x=f"{x:.3g}",
            y=f"{y:.3g}",
        )
        texts = [text, ""]
        position = _away(ux / norm, uy / norm)
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines+markers+text",
        "line": {"color": run.color, "width": 2},
        "marker": {
            "symbol": ["circle", "arrow"],
            "size": [1, 13],
            "angleref": "previous",
            "color": run.color,
        },
        "text": texts,
        "textposition": position,
        # Its own halo: the label crosses contour lines of every colour.
        "textfont": {"color": run.color, "shadow": "auto"},
        "cliponaxis": False,
        "name": texts[0] if texts else "",
        "legendgroup": run.label,
        "showlegend": False,
        "hoverinfo": "skip",
        "xaxis": axes[0],
        "yaxis": axes[1],
    }


def _away(ux: float, uy: float) -> str:
    """The text position at an arrow's tail that keeps its label off the arrow pointing
    (ux, uy): a steep arrow's label above or below it, a flat one's beside it."""
    vertical = "bottom" if uy > 0.5 else "top" if uy < -0.5 else "middle"
    horizontal = "left" if ux > 0.5 else "right" if ux < -0.5 else "center"
    return f"{vertical} {horizontal}"


def _diverged_marker(run: PathRun, x: list, y: list, lang: str, axes: tuple[str, str]) -> dict:
    """The cross at a diverged run's last finite point (x, y); there, empty, for a finite
    run too, so that a run crossing into divergence leaves the traces as they were."""
    diverged = run.diverged_step >= 0
    text = t("fig.diverged_at", lang, name=run.label, step=run.diverged_step) if diverged else ""
    return {
        "type": "scatter",
        "x": x if diverged else [],
        "y": y if diverged else [],
        "mode": "markers",
        "marker": {**DIVERGED_STYLE, "color": run.color},
        "name": text,
        "legendgroup": run.label,
        "showlegend": False,
        "hovertemplate": text + "<extra></extra>",
        "xaxis": axes[0],
        "yaxis": axes[1],
    }


def _path_traces(run: PathRun, lang: str, axes: tuple[str, str]) -> list[dict]:
    xy = run.xy[: run.end + 1]
    traces = [
        {
            "type": "scatter",
            "x": xy[:, 0],
            "y": xy[:, 1],
            "mode": "lines",
            "line": {"color": run.color, "width": 2.5},
            "name": run.label,
            "legendgroup": run.label,
            "hovertemplate": f"{run.label}<br>{t('fig.step', lang)} %{{pointNumber}}"
            "<br>x=%{x:.4g}, y=%{y:.4g}<extra></extra>",
            "xaxis": axes[0],
            "yaxis": axes[1],
        }
    ]
    traces.append(_diverged_marker(run, xy[-1:, 0].tolist(), xy[-1:, 1].tolist(), lang, axes))
    return traces


def _curve_traces(
    run: PathRun, values: np.ndarray, log_axis: bool, lang: str, axes: tuple[str, str]
) -> list[dict]:
    shown = _shown(values[: run.end + 1], log_axis)
    traces = [
        {
            "type": "scatter",
            "x0": 0,
            "dx": 1,
            "y": shown,
            "mode": "lines",
            "line": {"color": run.color, "width": 2},
            "name": run.label,
            "legendgroup": run.label,
            "showlegend": False,
            "hovertemplate": (
                f"{run.label}<br>{t('fig.step', lang)} %{{x}}: %{{y:.4g}}<extra></extra>"
            ),
            "xaxis": axes[0],
            "yaxis": axes[1],
        }
    ]
    last = [v if math.isfinite(v) else None for v in shown[-1:].tolist()]
    traces.append(_diverged_marker(run, [run.end], last, lang, axes))
    return traces


def _moving_markers(colors: list[str], name: str, axes: tuple[str, str]) -> dict:
    return {
        "type": "scatter",
        "x": [None] * len(colors),
        "y": [None] * len(colors),
        "mode": "markers",
        "marker": {"size": 13, "color": colors, "line": {"color": "white", "width": 2}},
        "name": name,
        "showlegend": False,
        "hoverinfo": "skip",
        "xaxis": axes[0],
        "yaxis": axes[1],
    }


def curve_range(values: np.ndarray, log_axis: bool) -> list[float] | None:
    """The fixed range of a curve axis holding ``values`` (log10 units on a log axis), or
    None (autorange) when none can be shown.

    Padded (LOG_CURVE_PAD, CURVE_PAD) and rounded out, to half decades on a log axis and to
    a round step on a linear one: a slider that moves one optimizer then mostly leaves the
    range as it was, and the chart moves that optimizer's lines alone (``ui/chart.js``, which
    does so only on fixed ranges: the browser never autoranges a moved line). A range that
    changes costs the chart a redraw of every trace on it, the contour too.
    """
    shown = _shown(values, log_axis)
    finite = shown[np.isfinite(shown)]
    if finite.size == 0:
        return None
    low, high = float(finite.min()), float(finite.max())
    if log_axis:
        # A difference of logs, not the log of a ratio: a run that reaches f* leaves gaps
        # down to denormals (5e-324), and max / min of those overflows to inf.
        low, high = math.log10(low), math.log10(high)
    if log_axis:
        pad = LOG_CURVE_PAD
    else:
        span = high - low
        pad = CURVE_PAD * span if span > 0 else max(abs(high), 1.0) * CURVE_PAD
    low, high = low - pad, high + pad
    step = 0.5 if log_axis else _round_step((high - low) / 4)
    # Whole steps (a quotient a rounding error off one is that one), as the round numbers
    # they are: 0.3, not 0.30000000000000004.
    low = math.floor(round(low / step, 9)) * step
    high = math.ceil(round(high / step, 9)) * step
    return [float(f"{low:.12g}"), float(f"{high:.12g}")]


def _round_step(rough: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten at or above ``rough`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def _log_ticks(low: float, high: float) -> dict:
    """Ticks of a log axis over [10^low, 10^high]: whole decades only, at most ~6 labels (the
    default 2-5 minor labels crowd a log axis); under two decades, round values instead
    (:func:`_nice_ticks`)."""
    decades = high - low
    if decades < 2:
        return _nice_ticks(low, high)
    return {"dtick": max(1, math.ceil(decades / 6)), "exponentformat": "power"}


def _nice_ticks(low: float, high: float) -> dict:
    """Labels at 1, 2, 5 (or every digit, on a short axis) times the powers of ten between
    10^low and 10^high, full size: Plotly's own labels there are small digits (9 8 7 ... for
    0.9 0.8 0.7 ...), crowded and too small to read on a projector."""
    for mantissas in ((1, 2, 5), tuple(range(1, 10))):
        nice = (
            float(f"{m}e{e}")
            for e in range(math.floor(low), math.ceil(high) + 1)
            for m in mantissas
        )
        values = [v for v in nice if low <= math.log10(v) <= high]
        if len(values) >= 3:
            break
    if len(values) < 2:
        return {}
    return {"tickmode": "array", "tickvals": values, "ticktext": [f"{v:g}" for v in values]}


# --- the figure ---------------------------------------------------------------------------------


def paths_figure(
    grid: Grid,
    runs: Sequence[PathRun],
    *,
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    log_contour: bool = False,
    f_min: float | None = None,
    layout: str = "overlay",
    current_step: int = 0,
    speed: float = 1.0,
    max_frames: int = DEFAULT_MAX_FRAMES,
    pick_start: bool = False,
    lang: str = "en",
) -> dict:
    """Paths of ``runs`` over ``grid`` with loss and distance curves on one animated timeline.

    ``layout`` "overlay": every path on one contour map; "grid": one map per run (small
    multiples, shared axes); "surface3d": the paths on the surface in 3D. ``f_min`` (the
    minimum value, if known) turns the loss curve into loss - f* on a log axis; the distance
    curve needs ``minima``. ``current_step`` is the step shown before Play (the scrubber
    starts at its frame); ``speed`` scales the play rate; ``pick_start`` adds the invisible
    click layer to the maps (see :func:`viz.contour.picked_point`).
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}; got {layout!r}")
    if not runs:
        raise ValueError("runs must hold at least one PathRun; got none")
    steps = {run.steps for run in runs}
    if len(steps) != 1:
        raise ValueError(f"runs must all have the same number of steps; got {sorted(steps)}")
    n_steps = steps.pop()
    minima = np.asarray(minima, dtype=np.float64).reshape(-1, 2)
    with_distance = len(minima) > 0
    grid_layout = layout == "grid"
    cells = _cells(
        len(runs) if grid_layout else 1,
        2 if with_distance else 1,
        "scene" if layout == "surface3d" else "xy",
        [run.label for run in runs] if grid_layout else None,
    )
    fig_layout = cells.layout
    scale = z_scale(grid, log_contour, f_min)
    panel_of = list(range(len(runs))) if grid_layout else [0] * len(runs)
    data: list[dict] = []
    keep: list[int] = []
    if layout == "surface3d":
        _surface_panel(data, fig_layout, cells.panels[0][0], grid, scale, runs, minima, f_min, lang)
    else:
        keep = _map_panels(
            data, fig_layout, cells, grid, scale, runs, panel_of, minima, saddles, pick_start, lang
        )

    curve_values = [np.stack([loss_gap(run.loss, f_min) for run in runs], axis=1)]
    curve_titles = [t("fig.loss_gap", lang) if f_min is not None else t("fig.loss", lang)]
    curve_log = [f_min is not None]
    if with_distance:
        curve_values.append(np.stack([distance_to_nearest(run.xy, minima) for run in runs], axis=1))
        curve_titles.append(t("fig.distance", lang))
        curve_log.append(True)
    for axes, values, title, log_axis in zip(
        cells.curves, curve_values, curve_titles, curve_log, strict=True
    ):
        for i, run in enumerate(runs):
            data.extend(_curve_traces(run, values[:, i], log_axis, lang, axes))
        shown_range = curve_range(values, log_axis)
        fig_layout[_layout_key(axes[1], "y")].update(
            title={"text": title},
            type="log" if log_axis else "linear",
            **({} if shown_range is None else {"range": shown_range, "autorange": False}),
            **(_log_ticks(*shown_range) if log_axis and shown_range else {}),
        )
        fig_layout[_layout_key(axes[0], "x")].update(
            title={"text": t("fig.step", lang)}, range=[0, n_steps]
        )

    # Moving traces last: the current points on each map (or in the scene), one per curve.
    line = timeline(n_steps, max_frames)
    rows = np.minimum(line.steps[:, None], np.array([run.end for run in runs])[None, :])
    picked = np.arange(len(runs))[None, :]
    xs = np.stack([run.xy[:, 0] for run in runs], axis=1)[rows, picked]
    ys = np.stack([run.xy[:, 1] for run in runs], axis=1)[rows, picked]
    colors = [run.color for run in runs]
    current = t("fig.current", lang)
    movers = []
    if layout == "surface3d":
        data.append(surface3d.current_points_trace(colors, lang=lang, scene=cells.panels[0][0]))
        zs = surface3d.frame_heights(runs, rows, scale, grid)
        movers.append(Mover(len(data) - 1, {"x": xs, "y": ys, "z": zs}))
    else:
        for p, axes in enumerate(cells.panels):
            members = [i for i in range(len(runs)) if panel_of[i] == p]
            data.append(_moving_markers([colors[i] for i in members], current, axes))
            movers.append(Mover(len(data) - 1, {"x": xs[:, members], "y": ys[:, members]}))
    for axes, values, log_axis in zip(cells.curves, curve_values, curve_log, strict=True):
        data.append(_moving_markers(colors, current, axes))
        shown = _shown(values[rows, picked], log_axis)
        movers.append(Mover(len(data) - 1, {"x": rows.astype(float), "y": shown}))

    panel_rows = math.ceil(len(cells.panels) / max(1, math.ceil(math.sqrt(len(cells.panels)))))
    height = max(600, PANEL_HEIGHT * panel_rows + 160)
    margin = {"l": 55, "r": 20, "t": 80 if grid_layout else 40, "b": 110}
    if not grid_layout:
        # The legend sits on the plots' top edge there: an axis's highest tick label, centred
        # on that edge, would lie half under it (10² on the loss axis, 3 on a projector's map).
        room = TOP_LABEL_ROOM_PX / (height - margin["t"] - margin["b"])
        for key, axis in fig_layout.items():
            if key.startswith("yaxis") and axis.get("domain", [0, 1])[1] == 1.0:
                axis["domain"] = [axis["domain"][0], 1.0 - room]
    fig_layout.update(
        height=height,
        margin=margin,
        legend=(
            {"orientation": "h", "x": 0, "y": 0.995, "yanchor": "top", "yref": "container"}
            if grid_layout
            else {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"}
        ),
        plot_bgcolor="white",
        hovermode="closest",
    )
    return animate(
        {"data": data, "layout": fig_layout},
        line,
        movers,
        lang=lang,
        current=line.frame_of(current_step),
        speed=speed,
        redraw=layout == "surface3d",
        controls_y=-0.1 if panel_rows == 1 else -0.06,
        keep=keep,
    )


def _map_panels(
    data: list[dict],
    fig_layout: dict,
    cells: _Cells,
    grid: Grid,
    scale: ZScale,
    runs: Sequence[PathRun],
    panel_of: list[int],
    minima: np.ndarray,
    saddles: np.ndarray | Sequence,
    pick_start: bool,
    lang: str,
) -> list[int]:
    """Contour panels with their paths and edge arrows.

    Returns the scatter traces the frames must re-plot (see ``viz.animation.animate``'s
    ``keep``) because their panel takes clicks. Only the first panel takes clicks: small
    multiples share one start point.
    """
    keep = []
    for p, axes in enumerate(cells.panels):
        first = len(data)
        clickable = pick_start and p == 0
        data.extend(
            panel_traces(
                grid,
                scale,
                axes=axes,
                minima=minima,
                saddles=saddles,
                lang=lang,
                pick_start=clickable,
                showscale=False,  # the hover reads f; a colour bar would crowd the curves
                showlegend=p == 0,
            )
        )
        start = runs[panel_of.index(p)].xy[0]
        data.append(
            points_trace(
                start, name=t("fig.start", lang), marker=START_STYLE, showlegend=p == 0, axes=axes
            )
        )
        xaxis, yaxis = axis_layout(grid.bounds, x_anchor=axes[0])
        if p > 0:  # small multiples share the first panel's axes
            xaxis["matches"], yaxis["matches"] = "x", "y"
        fig_layout[_layout_key(axes[0], "x")].update(xaxis)
        fig_layout[_layout_key(axes[1], "y")].update(yaxis)
        for i, run in enumerate(runs):
            if panel_of[i] != p:
                continue
            data.extend(_path_traces(run, lang, axes))
            data.append(_edge_arrow(run, grid.bounds, lang, axes))
        if clickable:
            keep.extend(i for i in range(first, len(data)) if data[i]["type"] == "scatter")
    return keep


def _surface_panel(
    data: list[dict],
    fig_layout: dict,
    scene: str,
    grid: Grid,
    scale: ZScale,
    runs: Sequence[PathRun],
    minima: np.ndarray,
    f_min: float | None,
    lang: str,
) -> None:
    data.append(surface3d.surface_trace(grid, scale, lang=lang, scene=scene))
    if len(minima) and f_min is not None:
        values = np.full(len(minima), f_min)
        data.append(
            surface3d.points_trace3d(
                minima, values, scale, grid, name=t("fig.minimum", lang), scene=scene
            )
        )
    for run in runs:
        data.extend(surface3d.path_traces(run, grid, scale, lang=lang, scene=scene))
    fig_layout[scene].update(surface3d.scene_layout(grid, scale, lang))
