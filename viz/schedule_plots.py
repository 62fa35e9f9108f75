"""Learning-rate schedules side by side: lr(k) of each schedule on one axis, with the stretches
where the lr rises (warm-up, the first half of a one-cycle, a cyclic ramp) drawn as a wide
translucent band over the curve, so warm-ups stand out at a glance.

Step k is 0-based, as ``optimizers.schedules.make`` and ``Trajectory.lr`` count.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from i18n import t
from viz.paths import PALETTE
from viz.subplots import Canvas

# Trace ``meta``: what a trace shows, for pages and tests to pick it by (legendgroup = label).
RISING = "lr-rising"
CURVE = "lr-curve"


def lr_series(lr: np.ndarray, point: int = 0) -> np.ndarray:
    """The lr of one start point (steps,), from ``Trajectory.lr`` (steps,) or (steps, N)."""
    lr = np.asarray(lr, dtype=np.float64)
    if lr.ndim == 2:
        return lr[:, point]
    if lr.ndim != 1:
        raise ValueError(f"lr must have shape (steps,) or (steps, N); got shape {lr.shape}")
    return lr


def rising(lrs: np.ndarray) -> np.ndarray:
    """Mask (steps,): True at both ends of every step where the lr goes up (lr[k+1] > lr[k])."""
    lrs = np.asarray(lrs, dtype=np.float64)
    up = np.zeros(lrs.shape, dtype=bool)
    if lrs.size > 1:
        step_up = lrs[1:] > lrs[:-1]
        up[:-1] |= step_up
        up[1:] |= step_up
    return up


def lr_figure(
    curves: Sequence[tuple[str, np.ndarray]], *, log_y: bool = False, lang: str = "en"
) -> dict:
    """lr against the step for each ``(label, lrs)``; rising stretches banded in the curve's
    colour; log y axis if ``log_y`` (zeros then leave gaps)."""
    if not curves:
        raise ValueError("curves must hold at least one (label, lrs) pair; got none")
    fig = Canvas()
    for i, (label, lrs) in enumerate(curves):
        lrs = np.asarray(lrs, dtype=np.float64)
        color = PALETTE[i % len(PALETTE)]
        k = np.arange(lrs.size)
        fig.add(
            {
                "type": "scatter",
                "x": k,
                "y": np.where(rising(lrs), lrs, np.nan),
                "mode": "lines",
                "line": {"color": color, "width": 12},
                "opacity": 0.25,
                "name": t("schedpage.fig.rising", lang),
                "meta": RISING,
                "legendgroup": label,
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
        fig.add(
            {
                "type": "scatter",
                "x": k,
                "y": np.where(lrs > 0, lrs, np.nan) if log_y else lrs,
                "mode": "lines",
                "line": {"color": color, "width": 2},
                "name": label,
                "meta": CURVE,
                "legendgroup": label,
                "hovertemplate": f"{label}<br>k=%{{x}}<br>lr=%{{y:.4g}}<extra></extra>",
            }
        )
    fig.xaxis().update(title={"text": t("fig.step", lang)})
    fig.yaxis().update(
        title={"text": t("schedpage.fig.lr", lang)}, type="log" if log_y else "linear"
    )
    fig.layout.update(
        height=380,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="white",
        hovermode="x unified",
    )
    fig.axes("x", showgrid=True, gridcolor="#eeeeee")
    fig.axes("y", showgrid=True, gridcolor="#eeeeee")
    return fig.figure()
