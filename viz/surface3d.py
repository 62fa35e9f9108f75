"""The loss surface in 3D with the paths lying on it.

Heights are what the contour colours show (:class:`viz.contour.ZScale`: f, or
log10(f - min f + offset) on surfaces that ask for a log scale), so a path's height is its
loss on the same scale. Paths are lifted a hair above the surface so they are not hidden
inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from i18n import t
from viz.contour import COLORSCALE, MINIMUM_STYLE, Grid, ZScale

if TYPE_CHECKING:
    from viz.paths import PathRun

LIFT = 0.01  # of the height range: paths drawn just above the surface


def _lift(scale: ZScale, grid: Grid) -> float:
    shown = scale.apply(grid.z)
    finite = shown[np.isfinite(shown)]
    return LIFT * float(finite.max() - finite.min()) if finite.size else 0.0


def surface_trace(
    grid: Grid, scale: ZScale, *, lang: str = "en", showscale: bool = False, scene: str = "scene"
) -> dict:
    """The surface itself, coloured like the contour map (float32 heights: half the payload)."""
    return {
        "type": "surface",
        "x": grid.x,
        "y": grid.y,
        "z": scale.apply(grid.z).astype(np.float32),
        "colorscale": COLORSCALE,
        "showscale": showscale,
        "opacity": 0.85,
        "name": t("fig.surface_3d", lang),
        "hovertemplate": "x=%{x:.3g}, y=%{y:.3g}<br>"
        + scale.title(lang)
        + "=%{z:.3g}<extra></extra>",
        "contours": {"z": {"show": True, "usecolormap": True, "project": {"z": False}, "width": 1}},
        "scene": scene,
    }


def path_traces(
    run: PathRun, grid: Grid, scale: ZScale, *, lang: str = "en", scene: str = "scene"
) -> list[dict]:
    """One run's path on the surface, ending in a cross if it diverged."""
    lift = _lift(scale, grid)
    rows = slice(0, run.end + 1)
    z = scale.apply(run.loss[rows]) + lift
    traces = [
        {
            "type": "scatter3d",
            "x": run.xy[rows, 0],
            "y": run.xy[rows, 1],
            "z": z,
            "mode": "lines",
            "line": {"color": run.color, "width": 5},
            "name": run.label,
            "legendgroup": run.label,
            "hovertemplate": (
                f"{run.label}<br>{t('fig.step', lang)} %{{pointNumber}}<extra></extra>"
            ),
            "scene": scene,
        }
    ]
    if run.diverged_step >= 0:
        text = t("fig.diverged_at", lang, name=run.label, step=run.diverged_step)
        traces.append(
            {
                "type": "scatter3d",
                "x": run.xy[run.end : run.end + 1, 0].tolist(),
                "y": run.xy[run.end : run.end + 1, 1].tolist(),
                "z": z[-1:].tolist(),
                "mode": "markers",
                "marker": {"symbol": "x", "size": 7, "color": run.color},
                "name": text,
                "legendgroup": run.label,
                "showlegend": False,
                "hovertemplate": text + "<extra></extra>",
                "scene": scene,
            }
        )
    return traces


def points_trace3d(
    points: np.ndarray,
    values: np.ndarray,
    scale: ZScale,
    grid: Grid,
    *,
    name: str,
    scene: str = "scene",
) -> dict:
    """Fixed points (minima) on the surface."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return {
        "type": "scatter3d",
        "x": points[:, 0].tolist(),
        "y": points[:, 1].tolist(),
        "z": (scale.apply(values) + _lift(scale, grid)).tolist(),
        "mode": "markers",
        "marker": {
            "symbol": "diamond",
            "size": 6,
            "color": MINIMUM_STYLE["color"],
            "line": {"color": "#222", "width": 1},
        },
        "name": name,
        "hovertemplate": name + "<br>x=%{x:.4g}, y=%{y:.4g}<extra></extra>",
        "scene": scene,
    }


def current_points_trace(colors: Sequence[str], *, lang: str = "en", scene: str = "scene") -> dict:
    """The moving markers (one per run); frames set their x, y, z."""
    return {
        "type": "scatter3d",
        "x": [None] * len(colors),
        "y": [None] * len(colors),
        "z": [None] * len(colors),
        "mode": "markers",
        "marker": {"size": 6, "color": list(colors), "line": {"color": "white", "width": 2}},
        "name": t("fig.current", lang),
        "showlegend": False,
        "hoverinfo": "skip",
        "scene": scene,
    }


def frame_heights(
    runs: Sequence[PathRun], rows: np.ndarray, scale: ZScale, grid: Grid
) -> np.ndarray:
    """Heights of the moving markers: ``rows`` (F, R) are the row shown per frame and run."""
    loss = np.stack([run.loss for run in runs], axis=1)
    return scale.apply(loss[rows, np.arange(len(runs))[None, :]]) + _lift(scale, grid)


def scene_layout(grid: Grid, scale: ZScale, lang: str = "en") -> dict:
    """Axes of the 3D scene: the window's x and y, the scale's title for z."""
    (xmin, xmax), (ymin, ymax) = grid.bounds
    return {
        "xaxis": {"title": {"text": "x"}, "range": [xmin, xmax]},
        "yaxis": {"title": {"text": "y"}, "range": [ymin, ymax]},
        "zaxis": {"title": {"text": scale.title(lang)}},
        "aspectmode": "manual",
        "aspectratio": {"x": 1, "y": (ymax - ymin) / (xmax - xmin), "z": 0.7},
        "camera": {"eye": {"x": -1.1, "y": -1.6, "z": 1.5}},
    }
