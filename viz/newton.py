r"""Newton's method, pictured: the local quadratic model it minimizes at the current point and
the condition number of the Hessian there.

At a point x_k with gradient g and Hessian H the second-order Taylor model is::

    q(x) = f(x_k) + g^T (x - x_k) + 1/2 (x - x_k)^T H (x - x_k)

A full Newton step jumps to the model's stationary point, x_k - H^{-1} g (the lab's Newton
takes |eigenvalues| + damping, see optimizers/newton.py). The condition number
kappa(H) = max |lambda| / min |lambda| says how stretched the model's level sets are: near 1
they are circles and gradient descent is fine, large means a narrow valley where it
zig-zags and Newton's rescaling pays off.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from i18n import t
from viz import animation, contour
from viz.subplots import Canvas

MODEL_RESOLUTION = 25
WINDOW_FRACTION = 0.4  # of the plotted window's width and height: the model drawn around x_k
MODEL_COLOR = "#e4572e"
PATH_COLOR = "#6a0dad"
STEP_COLOR = "#111111"


class LocalModels(NamedTuple):
    """f, its gradient and Hessian at N points, and what the Hessian says."""

    center: np.ndarray  # (N, 2)
    value: np.ndarray  # (N,)
    grad: np.ndarray  # (N, 2)
    hessian: np.ndarray  # (N, 2, 2)
    eigenvalues: np.ndarray  # (N, 2), larger first
    condition: np.ndarray  # (N,), inf where an eigenvalue is 0


def eigenvalues(hessian: np.ndarray) -> np.ndarray:
    """Eigenvalues (N, 2) of symmetric 2x2 matrices (N, 2, 2), larger first (closed form)."""
    h = np.asarray(hessian, dtype=np.float64)
    a, c = h[:, 0, 0], h[:, 1, 1]
    b = 0.5 * (h[:, 0, 1] + h[:, 1, 0])
    mean, radius = 0.5 * (a + c), np.hypot(0.5 * (a - c), b)
    return np.stack([mean + radius, mean - radius], axis=1)


def condition_number(hessian: np.ndarray) -> np.ndarray:
    """kappa(H) = max |lambda| / min |lambda| per matrix (N,); inf where min |lambda| = 0."""
    magnitudes = np.abs(eigenvalues(hessian))
    big, small = magnitudes.max(axis=1), magnitudes.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(small > 0, big / np.where(small > 0, small, 1.0), np.inf)


def local_models(surface: Any, points: np.ndarray) -> LocalModels:
    """The second-order Taylor model of ``surface`` at each of ``points`` (N, 2)."""
    center = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    hessian = surface.hessian(center)
    return LocalModels(
        center=center,
        value=surface.value(center),
        grad=surface.grad(center),
        hessian=hessian,
        eigenvalues=eigenvalues(hessian),
        condition=condition_number(hessian),
    )


def model_values(models: LocalModels, index: int, points: np.ndarray) -> np.ndarray:
    """q(x) = f + g^T d + 1/2 d^T H d, d = x - x_k, of model ``index`` at ``points`` (..., 2)."""
    d = np.asarray(points, dtype=np.float64) - models.center[index]
    g, h = models.grad[index], models.hessian[index]
    return models.value[index] + d @ g + 0.5 * np.einsum("...i,ij,...j->...", d, h, d)


def curvature_kind(eigs: np.ndarray) -> str:
    """What eigenvalues (2,) say about the curvature: "positive_definite",
    "negative_definite", "indefinite" or "singular"."""
    lo, hi = float(np.min(eigs)), float(np.max(eigs))
    if lo > 0:
        return "positive_definite"
    if hi < 0:
        return "negative_definite"
    if lo < 0 < hi:
        return "indefinite"
    return "singular"


def stationary_values(models: LocalModels) -> np.ndarray:
    """q at each model's stationary point x_k - H^{-1} g (N,); f(x_k) where H is singular."""
    out = models.value.copy()
    for k in range(len(out)):
        try:
            d = -np.linalg.solve(models.hessian[k], models.grad[k])
        except np.linalg.LinAlgError:
            continue
        out[k] = models.value[k] + 0.5 * models.grad[k] @ d
    return out


def _model_frames(
    models: LocalModels, bounds: Any, resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per model: x (F, r), y (F, r), z (F, r, r) on a window around its centre, where z is
    sign(q - q*) sqrt|q - q*| (q* = q at its stationary point): evenly spaced levels of z are
    evenly spaced ellipses (or hyperbolas), so the model's shape shows at any scale."""
    (xmin, xmax), (ymin, ymax) = bounds
    half = 0.5 * WINDOW_FRACTION * np.array([xmax - xmin, ymax - ymin])
    unit = np.linspace(-1.0, 1.0, resolution)
    xs = models.center[:, :1] + half[0] * unit
    ys = models.center[:, 1:] + half[1] * unit
    zs = np.empty((len(models.value), resolution, resolution))
    centre = stationary_values(models)
    for k in range(len(models.value)):
        grid = np.stack(np.meshgrid(xs[k], ys[k]), axis=-1)
        q = model_values(models, k, grid) - centre[k]
        zs[k] = np.sign(q) * np.sqrt(np.abs(q))
    return xs, ys, zs


def newton_figure(
    surface: Any,
    traj: Any,
    *,
    lang: str = "en",
    current: int = 0,
    resolution: int = MODEL_RESOLUTION,
    max_frames: int = animation.DEFAULT_MAX_FRAMES,
) -> dict:
    """Left: the surface, the Newton path of point 0 of ``traj``, and at the current point the
    local quadratic model's level lines and the step taken. Right: kappa(H) against the step
    (log axis). Both move together on one timeline; ``current`` is the step shown first."""
    xy = np.asarray(traj.xy[:, 0], dtype=np.float64)
    steps = xy.shape[0] - 1
    line = animation.timeline(steps, max_frames)
    shown = line.steps
    models = local_models(surface, xy)
    grid = contour.surface_grid(surface.value, surface.bounds)
    f_min = None
    if len(surface.minima):
        f_min = float(np.min(surface.value(np.asarray(surface.minima))))
    scale = contour.z_scale(grid, surface.log_contour, f_min)
    fig = Canvas(
        rows=1,
        cols=2,
        column_widths=[0.6, 0.4],
        horizontal_spacing=0.12,
        subplot_titles=(t("newton.fig.model", lang), t("newton.fig.condition", lang)),
    )
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
    )
    fig.add(
        {
            "type": "scatter",
            "x": xy[:, 0],
            "y": xy[:, 1],
            "mode": "lines+markers",
            "line": {"color": PATH_COLOR, "width": 2},
            "marker": {"size": 5, "color": PATH_COLOR},
            "name": t("newton.fig.path", lang),
        },
        row=1,
        col=1,
    )
    mx, my, mz = _model_frames(models, surface.bounds, resolution)
    model_trace = len(fig.data)
    fig.add(
        {
            "type": "contour",
            "x": mx[0],
            "y": my[0],
            "z": mz[0],
            "contours": {"coloring": "lines", "showlabels": False},
            "ncontours": 12,
            "colorscale": [[0, MODEL_COLOR], [1, MODEL_COLOR]],
            "line": {"width": 1.4},
            "showscale": False,
            "hoverinfo": "skip",
            "name": t("newton.fig.quadratic_model", lang),
            "showlegend": True,
        },
        row=1,
        col=1,
    )
    # The step taken from x_k (nothing to draw after the last step).
    nxt = np.vstack([xy[1:], xy[-1:]])
    arrow_x = np.stack([xy[:, 0], nxt[:, 0]], axis=1)
    arrow_y = np.stack([xy[:, 1], nxt[:, 1]], axis=1)
    arrow_trace = len(fig.data)
    fig.add(
        {
            "type": "scatter",
            "x": arrow_x[0],
            "y": arrow_y[0],
            "mode": "lines+markers",
            "line": {"color": STEP_COLOR, "width": 2.5},
            "marker": {
                "symbol": ["circle", "arrow"],
                "size": [7, 13],
                "angleref": "previous",
                "color": STEP_COLOR,
            },
            "name": t("newton.fig.step", lang),
        },
        row=1,
        col=1,
    )
    kappa = np.where(np.isfinite(models.condition), models.condition, np.nan)
    step_axis = np.arange(steps + 1)
    fig.add(
        {
            "type": "scatter",
            "x": step_axis,
            "y": kappa,
            "mode": "lines+markers",
            "line": {"color": MODEL_COLOR},
            "marker": {"size": 4},
            "name": "κ(H)",
            "showlegend": False,
        },
        row=1,
        col=2,
    )
    marker_trace = len(fig.data)
    fig.add(
        {
            "type": "scatter",
            "x": [0],
            "y": [kappa[0]],
            "mode": "markers",
            "marker": {"size": 12, "color": MODEL_COLOR, "line": {"color": "black", "width": 1}},
            "name": t("newton.fig.current", lang),
            "showlegend": False,
        },
        row=1,
        col=2,
    )
    fig.yaxis(1, 2).update(type="log", title={"text": "κ(H)"})
    fig.xaxis(1, 2).update(title={"text": t("fig.step", lang)})
    fig.yaxis(1, 1).update(scaleanchor="x", scaleratio=1)
    movers = [
        animation.Mover(model_trace, {"x": mx[shown], "y": my[shown], "z": mz[shown]}),
        animation.Mover(arrow_trace, {"x": arrow_x[shown], "y": arrow_y[shown]}),
        animation.Mover(marker_trace, {"x": shown[:, None], "y": kappa[shown][:, None]}),
    ]
    fig.layout.update(
        height=520,
        margin={"l": 50, "r": 20, "t": 90, "b": 130},
        legend={"orientation": "h", "y": 1.1, "x": 0, "yanchor": "bottom"},
        plot_bgcolor="white",
    )
    return animation.animate(
        fig.figure(),
        line,
        movers,
        lang=lang,
        current=line.frame_of(current),
        redraw=True,
        controls_y=-0.14,
    )
