"""What an optimizer carries inside, pictured on one timeline: its state buffers per
coordinate over the steps, and on the contour at the current point three arrows, the raw
gradient, the momentum (m-hat) and the step actually taken.

One figure with subplots shares the frames: play or scrub moves the point, the arrows and the
cursor on every buffer curve together. Frame f shows position x_s (s = the frame's step);
the arrows and the cursor show the step that starts there, t = s + 1 in torch's count:
g_t = grad f(x_s), m_hat_t, and x_{s+1} - x_s. Arrows show directions at a fixed length
(the magnitudes differ by orders: the step inspector shows the numbers).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from i18n import t
from viz import animation, contour
from viz.subplots import Canvas

ARROW_FRACTION = 0.12  # arrow length, as a fraction of the shorter side of the window
ROWS = ("first", "second", "step", "other")
LOG_ROWS = ("second",)  # squared gradients span orders of magnitude
PATH_COLOR = "#333333"


COORD_DASH = ("solid", "dash")
# Trace ``meta``: "arrow.<key>", "current", "<record>.<x|y>" for a buffer curve, and per row
# "cursor.<row>" and "dots.<row>"; pages and tests pick traces by it, not by position.
CURRENT = "current"
ARROWS = (  # key, colour; drawn in this order, so the step ends on top
    ("grad", "#8c8c8c"),
    ("momentum", "#1f5fa8"),
    ("step", "#d62728"),
)


def buffers(traj: Any, point: int = 0) -> dict[str, np.ndarray]:
    """Every per-coordinate record of one start point, (steps, 2) each, in plotting order:
    the gradient, the state buffers (torch names), then the derived m_hat, v_hat, step."""
    n_points = traj.xy.shape[1]
    if not 0 <= point < n_points:
        raise ValueError(f"point must be an index in [0, {n_points - 1}]; got {point!r}")
    out = {"grad": traj.grad[:, point]}
    for name, values in traj.state.items():
        if values.ndim == 3:  # per-point scalars (NAdam's mu_product) have no coordinates
            out[name] = values[:, point]
    for name in ("m_hat", "v_hat", "step"):
        if name in traj.derived:
            out[name] = traj.derived[name][:, point]
    return out


def momentum_vectors(traj: Any, point: int = 0) -> np.ndarray | None:
    """The momentum a step follows, (steps, 2): m_hat for the Adam family, else torch's
    momentum_buffer (SGD, RMSprop with momentum) or exp_avg; None when there is none."""
    if "m_hat" in traj.derived:
        return traj.derived["m_hat"][:, point]
    for name in ("momentum_buffer", "exp_avg"):
        if name in traj.state:
            return traj.state[name][:, point]
    return None


def arrow_segments(
    origins: np.ndarray, vectors: np.ndarray, length: float
) -> tuple[np.ndarray, np.ndarray]:
    """(x (S, 2), y (S, 2)) segments from each origin along each vector, all of ``length``;
    NaN where a vector is zero or not finite (no direction to draw)."""
    norm = np.linalg.norm(vectors, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = np.where((norm > 0) & np.isfinite(norm), vectors / norm, np.nan)
    tips = origins + length * unit
    return (
        np.stack([origins[:, 0], tips[:, 0]], axis=1),
        np.stack([origins[:, 1], tips[:, 1]], axis=1),
    )


def arrow_vectors(traj: Any, point: int = 0) -> dict[str, np.ndarray | None]:
    """Per frame step s (steps + 1 rows; the last is NaN, no step starts there): the descent
    direction -g, the momentum's -m_hat (None without momentum), and x_{s+1} - x_s."""
    xy = traj.xy[:, point]
    pad = np.full((1, 2), np.nan)
    momentum = momentum_vectors(traj, point)
    return {
        "grad": np.vstack([-traj.grad[:, point], pad]),
        "momentum": None if momentum is None else np.vstack([-momentum, pad]),
        "step": np.vstack([xy[1:] - xy[:-1], pad]),
    }


def _row_range(values: list[np.ndarray], log: bool) -> list[float]:
    finite = np.concatenate([v[np.isfinite(v)].ravel() for v in values])
    if log:
        finite = finite[finite > 0]
    if finite.size == 0:
        return [0.0, 1.0]
    lo, hi = float(finite.min()), float(finite.max())
    if log:
        lo, hi = np.log10(lo), np.log10(hi)
    pad = 0.05 * (hi - lo) if hi > lo else 0.5
    return [lo - pad, hi + pad]


def _row_is_log(row: str, values: list[np.ndarray]) -> bool:
    if row not in LOG_ROWS:
        return False
    finite = np.concatenate([v[np.isfinite(v)].ravel() for v in values])
    return finite.size > 0 and bool(np.all(finite > 0))


def moments_figure(
    surface: Any,
    traj: Any,
    *,
    series: Mapping[str, Any],
    point: int = 0,
    lang: str = "en",
    current: int = 0,
    max_frames: int = animation.DEFAULT_MAX_FRAMES,
) -> dict:
    """Contour with path, current point and the three arrows (left), every buffer per
    coordinate against the step (right, one row per kind: gradient and first moment, second
    moment (log axis), effective step, other), all animated on one timeline.

    ``series`` is the optimizer's display metadata (OptimizerSpec.display_series): record
    name -> style with ``symbol``, ``color`` and ``row`` (one of ROWS). ``current`` is the
    step shown before Play (the scrubber starts there).
    """
    records = buffers(traj, point)
    styles = _styles(records, series)
    steps = traj.grad.shape[0]
    rows = [r for r in ROWS if any(style.row == r for style in styles.values())]
    n_rows = len(rows)
    specs = [[{"rowspan": n_rows}, {}]] + [[None, {}] for _ in range(n_rows - 1)]
    fig = Canvas(
        rows=n_rows,
        cols=2,
        specs=specs,
        column_widths=[0.5, 0.5],
        horizontal_spacing=0.1,
        vertical_spacing=0.06,
        shared_xaxes=True,
        # Titles fill the cells row by row: the contour panel (1, 1) comes first.
        subplot_titles=[t("moments.fig.contour", lang)]
        + [t(f"moments.fig.row_{r}", lang) for r in rows],
    )
    _add_contour(fig, surface, traj, point, lang)
    line = animation.timeline(steps, max_frames)
    shown = line.steps
    movers = _add_arrows(fig, surface, traj, point, shown, lang)
    movers += _add_buffer_rows(fig, records, styles, rows, steps, shown, lang)
    fig.layout.update(
        height=max(560, 230 * n_rows),
        margin={"l": 50, "r": 20, "t": 60, "b": 120},
        legend={"orientation": "h", "y": 1.06, "x": 0, "yanchor": "bottom"},
        plot_bgcolor="white",
    )
    return animation.animate(
        fig.figure(), line, movers, lang=lang, current=line.frame_of(current), controls_y=-0.08
    )


def _styles(records: Mapping[str, np.ndarray], series: Mapping[str, Any]) -> dict[str, Any]:
    """Each record's style; a record without one is an error, not a grey "?" curve."""
    missing = [name for name in records if name not in series]
    if missing:
        raise ValueError(f"no display series for the records {missing}; add them to the spec")
    bad = {name: series[name].row for name in records if series[name].row not in ROWS}
    if bad:
        raise ValueError(f"series rows must be one of {list(ROWS)}; got {bad}")
    return {name: series[name] for name in records}


def _add_contour(fig: Canvas, surface: Any, traj: Any, point: int, lang: str) -> None:
    grid = contour.surface_grid(surface.value, surface.bounds)
    f_min = float(np.min(surface.value(surface.minima))) if len(surface.minima) else None
    scale = contour.z_scale(grid, surface.log_contour, f_min)
    contour.add_contour_panel(
        fig,
        grid,
        scale,
        row=1,
        col=1,
        minima=surface.minima,
        saddles=surface.saddles,
        lang=lang,
        showscale=False,
        showlegend=False,
    )
    xy = traj.xy[:, point]
    fig.add(
        {
            "type": "scatter",
            "x": xy[:, 0],
            "y": xy[:, 1],
            "mode": "lines",
            "line": {"color": PATH_COLOR, "width": 1.5},
            "name": t("moments.fig.path", lang),
            "hoverinfo": "skip",
        },
        row=1,
        col=1,
    )
    fig.yaxis(1, 1).update(scaleanchor="x", scaleratio=1)


def _add_arrows(
    fig: Canvas, surface: Any, traj: Any, point: int, shown: np.ndarray, lang: str
) -> list[animation.Mover]:
    (xmin, xmax), (ymin, ymax) = surface.bounds
    length = ARROW_FRACTION * min(xmax - xmin, ymax - ymin)
    xy = traj.xy[:, point]
    movers = []
    for key, vectors in arrow_vectors(traj, point).items():
        if vectors is None:
            continue
        color = dict(ARROWS)[key]
        ax, ay = arrow_segments(xy, vectors, length)
        index = fig.add(
            {
                "type": "scatter",
                "x": ax[0],
                "y": ay[0],
                "mode": "lines+markers",
                "line": {"color": color, "width": 3},
                "marker": {
                    "symbol": ["circle", "arrow"],
                    "size": [1, 14],
                    "angleref": "previous",
                    "color": color,
                },
                "name": t(f"moments.fig.arrow_{key}", lang),
                "meta": f"arrow.{key}",
                "hoverinfo": "skip",
            },
            row=1,
            col=1,
        )
        movers.append(animation.Mover(index, {"x": ax[shown], "y": ay[shown]}))
    index = fig.add(
        {
            "type": "scatter",
            "x": xy[:1, 0],
            "y": xy[:1, 1],
            "mode": "markers",
            "marker": {"size": 11, "color": "white", "line": {"color": PATH_COLOR, "width": 2}},
            "name": t("moments.fig.current", lang),
            "meta": CURRENT,
            "hovertemplate": "x=%{x:.4g}<br>y=%{y:.4g}<extra></extra>",
        },
        row=1,
        col=1,
    )
    movers.append(animation.Mover(index, {"x": xy[shown, :1], "y": xy[shown, 1:]}))
    return movers


def _add_buffer_rows(
    fig: Canvas,
    records: dict[str, np.ndarray],
    styles: dict[str, Any],
    rows: list[str],
    steps: int,
    shown: np.ndarray,
    lang: str,
) -> list[animation.Mover]:
    t_axis = np.arange(1, steps + 1)
    # The frame at position s shows the step that starts there, t = s + 1 (clamped at the end).
    cursor_t = np.minimum(shown + 1, steps)
    movers = []
    for row_number, row in enumerate(rows, start=1):
        keys = [k for k in records if styles[k].row == row]
        values = [records[k] for k in keys]
        log = _row_is_log(row, values)
        y_range = _row_range(values, log)
        for key in keys:
            style = styles[key]
            symbol = style.symbol
            for coord, dash in enumerate(COORD_DASH):
                fig.add(
                    {
                        "type": "scatter",
                        "x": t_axis,
                        "y": records[key][:, coord],
                        "mode": "lines",
                        "line": {"color": style.color, "dash": dash, "width": 1.8},
                        "name": f"{symbol} ({'xy'[coord]}) · {key}",
                        "meta": f"{key}.{'xy'[coord]}",
                        "legendgroup": key,
                        "hovertemplate": f"{symbol}<sub>{'xy'[coord]}</sub>"
                        "(t=%{x}) = %{y:.4g}<extra></extra>",
                    },
                    row=row_number,
                    col=2,
                )
        edge = [10 ** y_range[0], 10 ** y_range[1]] if log else y_range
        index = fig.add(
            {
                "type": "scatter",
                "x": [cursor_t[0], cursor_t[0]],
                "y": edge,
                "mode": "lines",
                "line": {"color": "#d62728", "width": 1},
                "meta": f"cursor.{row}",
                "showlegend": False,
                "hoverinfo": "skip",
            },
            row=row_number,
            col=2,
        )
        movers.append(
            animation.Mover(
                index,
                {"x": np.repeat(cursor_t[:, None], 2, axis=1), "y": np.tile(edge, (len(shown), 1))},
            )
        )
        dots = np.stack([records[k][cursor_t - 1] for k in keys], axis=1).reshape(len(shown), -1)
        colors = [styles[k].color for k in keys for _ in COORD_DASH]
        index = fig.add(
            {
                "type": "scatter",
                "x": np.full(dots.shape[1], cursor_t[0]),
                "y": dots[0],
                "mode": "markers",
                "marker": {"size": 7, "color": colors, "line": {"color": "white", "width": 1}},
                "meta": f"dots.{row}",
                "showlegend": False,
                "hoverinfo": "skip",
            },
            row=row_number,
            col=2,
        )
        movers.append(
            animation.Mover(
                index, {"x": np.repeat(cursor_t[:, None], dots.shape[1], axis=1), "y": dots}
            )
        )
        fig.yaxis(row_number, 2).update(
            type="log" if log else "linear", range=y_range, autorange=False
        )
        fig.xaxis(row_number, 2).update(range=[0.5, steps + 0.5], autorange=False)
    fig.xaxis(len(rows), 2).update(title={"text": t("fig.step", lang)})
    return movers
