"""Basins of attraction drawn: every start of ``experiments.basins.BasinsResult`` coloured by
its class, the index k of the minimum its run ended at, then "elsewhere" (K) and "diverged"
(K + 1) for K minima. It draws what it is given: results with ``xs``, ``ys``, ``labels``
(n, n), ``minima`` (K, 2), ``title`` and ``steps``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from i18n import t
from viz.subplots import Canvas

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


def basins_figure(results: list[Any], *, lang: str = "en") -> dict:
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
        # Below the x0 titles (at -0.16 of the plots' 300 px it lay on them); a phone's
        # longer legend pushes the margin down.
        legend={"orientation": "h", "y": -0.2, "yanchor": "top"},
        title={"text": t("basins.fig.title", lang, steps=results[0].steps)},
    )
    return fig.figure()
