"""The class's answers drawn: guesses on the contour map, the reveal, the choice bars.

Pure: data in, plain Plotly figure dicts out. Nicknames are what students typed, so they
reach the figures HTML-escaped (Plotly renders a subset of HTML in hover text and labels).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from i18n import t
from viz.contour import Grid, axis_layout, clickable, panel_traces, z_scale
from viz.paths import PathRun, paths_figure

GUESS_STYLE = {
    "size": 11,
    "color": "#D55E00",
    "opacity": 0.8,
    "line": {"color": "white", "width": 1},
}
OWN_STYLE = {
    "symbol": "diamond",
    "size": 15,
    "color": "#CC79A7",
    "line": {"color": "#111", "width": 1.5},
}
TRUTH_STYLE = {
    "symbol": "star-diamond",
    "size": 20,
    "color": "#009E73",
    "line": {"color": "#111", "width": 1.5},
}
BAR_COLOR, CORRECT_COLOR = "#56B4E9", "#009E73"
MAP_HEIGHT = 560


def _names(names: Sequence[str]) -> list[str]:
    return [html.escape(str(name)) for name in names]


def guesses_trace(
    points: np.ndarray | Sequence, names: Sequence[str], *, lang: str = "en", own: bool = False
) -> dict:
    """The students' guesses (or one student's own) as markers, nicknames on hover."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    label = t("class.fig.your_guess" if own else "class.fig.guesses", lang)
    return {
        "type": "scatter",
        "x": points[:, 0].tolist(),
        "y": points[:, 1].tolist(),
        "text": _names(names),
        "mode": "markers",
        "marker": dict(OWN_STYLE if own else GUESS_STYLE),
        "name": f"{label} ({len(points)})",
        "hovertemplate": "%{text}<br>x=%{x:.3g}, y=%{y:.3g}<extra></extra>",
        "xaxis": "x",
        "yaxis": "y",
    }


def truth_trace(point: Sequence[float], label: str, steps: int, *, lang: str = "en") -> dict:
    """Where the optimizer really was after ``steps`` steps."""
    name = t("class.fig.truth", lang, optimizer=label, steps=steps)
    return {
        "type": "scatter",
        "x": [float(point[0])],
        "y": [float(point[1])],
        "mode": "markers",
        "marker": dict(TRUTH_STYLE),
        "name": name,
        "hovertemplate": f"{html.escape(name)}<br>x=%{{x:.4g}}, y=%{{y:.4g}}<extra></extra>",
        "xaxis": "x",
        "yaxis": "y",
    }


def prediction_map(
    grid: Grid,
    *,
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    log_contour: bool = False,
    f_min: float | None = None,
    guesses: np.ndarray | Sequence = (),
    names: Sequence[str] = (),
    own: Sequence[float] | None = None,
    pick: bool = False,
    lang: str = "en",
) -> dict:
    """The surface's map with the guesses so far; ``pick`` makes a click a guess (the map
    made :func:`viz.contour.clickable`, its hover saying so)."""
    scale = z_scale(grid, log_contour, f_min)
    data = panel_traces(grid, scale, minima=minima, saddles=saddles, lang=lang)
    if pick:  # no f in the hover: it would give the answer away
        data[0] = clickable(data[0], grid, t("class.fig.click_to_guess", lang), show_f=False)
    if len(guesses):
        data.append(guesses_trace(guesses, names, lang=lang))
    if own is not None:
        data.append(guesses_trace([own], [t("class.fig.you", lang)], lang=lang, own=True))
    xaxis, yaxis = axis_layout(grid.bounds)
    return {
        "data": data,
        "layout": {
            "xaxis": xaxis,
            "yaxis": yaxis,
            "height": MAP_HEIGHT,
            "margin": {"l": 50, "r": 20, "t": 30, "b": 40},
            "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
            "plot_bgcolor": "white",
            "clickmode": "event+select",
        },
    }


def reveal_figure(
    grid: Grid,
    run: PathRun,
    truth: Sequence[float],
    *,
    guesses: np.ndarray | Sequence = (),
    names: Sequence[str] = (),
    own: Sequence[float] | None = None,
    minima: np.ndarray | Sequence = (),
    saddles: np.ndarray | Sequence = (),
    log_contour: bool = False,
    f_min: float | None = None,
    lang: str = "en",
) -> dict:
    """The run up to the asked step, animated (the Playground's figure), with the guesses
    and the true point drawn on its map for the whole animation."""
    figure = paths_figure(
        grid, [run], minima=minima, saddles=saddles, log_contour=log_contour, f_min=f_min, lang=lang
    )
    figure = _as_dict(figure)
    if len(guesses):
        figure["data"].append(guesses_trace(guesses, names, lang=lang))
    if own is not None:
        figure["data"].append(guesses_trace([own], [t("class.fig.you", lang)], lang=lang, own=True))
    figure["data"].append(truth_trace(truth, run.label, run.steps, lang=lang))
    return figure


def _as_dict(figure: go.Figure | dict[str, Any]) -> dict[str, Any]:
    if isinstance(figure, go.Figure):
        return figure.to_plotly_json()
    return {**figure, "data": list(figure["data"])}


def choice_figure(
    options: Sequence[str],
    counts: Sequence[int],
    *,
    correct: int | None = None,
    lang: str = "en",
) -> dict:
    """Answers per option as bars; after the reveal the right option is coloured."""
    colors = [CORRECT_COLOR if i == correct else BAR_COLOR for i in range(len(options))]
    return {
        "data": [
            {
                "type": "bar",
                "x": list(options),
                "y": [int(c) for c in counts],
                "text": [str(int(c)) for c in counts],
                "textposition": "outside",
                "marker": {"color": colors},
                "hovertemplate": "%{x}: %{y}<extra></extra>",
                "name": t("class.fig.answers", lang),
            }
        ],
        "layout": {
            "height": 420,
            "margin": {"l": 50, "r": 20, "t": 30, "b": 60},
            "yaxis": {
                "title": {"text": t("class.fig.answers", lang)},
                "rangemode": "tozero",
                "dtick": 1 if max(counts, default=0) <= 10 else None,
            },
            "xaxis": {"title": {"text": t("class.fig.optimizer", lang)}},
            "plot_bgcolor": "white",
        },
    }
