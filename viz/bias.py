r"""Bias correction, pictured: the factors 1 - beta^t, the corrections they imply, and the
raw moments of a real run next to their corrected versions.

Adam's moving averages start at zero, so after t steps of a constant gradient g::

    m_t = (1 - beta1^t) g            v_t = (1 - beta2^t) g^2

Dividing by 1 - beta^t (the bias correction) removes exactly that factor:
m_hat_t = m_t / (1 - beta1^t), v_hat_t = v_t / (1 - beta2^t). Keras adds its epsilon to
sqrt(v_t) before the correction; that epsilon then acts like a torch epsilon
1 / sqrt(1 - beta2^t) times larger.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from i18n import t
from viz.paths import PALETTE
from viz.subplots import Canvas

MAX_STEPS = 10_000
BETA1_COLOR = "#1f77b4"
BETA2_COLOR = "#d62728"
KERAS_COLOR = "#7f7f7f"
COORD_DASH = ("solid", "dash")  # x coordinate solid, y coordinate dashed, in every moment plot


class Corrections(NamedTuple):
    """The bias-correction factors for t = 1..steps (all arrays of shape (steps,))."""

    t: np.ndarray
    bc1: np.ndarray  # 1 - beta1^t
    bc2: np.ndarray  # 1 - beta2^t

    @property
    def correction1(self) -> np.ndarray:
        """1 / (1 - beta1^t): how much m_t is scaled up into m_hat_t."""
        return 1.0 / self.bc1

    @property
    def correction2(self) -> np.ndarray:
        """1 / (1 - beta2^t): how much v_t is scaled up into v_hat_t."""
        return 1.0 / self.bc2

    @property
    def keras_eps_factor(self) -> np.ndarray:
        """1 / sqrt(1 - beta2^t): how much larger Keras' epsilon acts than torch's."""
        return 1.0 / np.sqrt(self.bc2)


def _check_beta(name: str, value: float) -> float:
    beta = float(value)
    if not 0.0 <= beta < 1.0:
        raise ValueError(f"{name} must be a float in [0, 1); got {value!r}")
    return beta


def corrections(beta1: float, beta2: float, steps: int) -> Corrections:
    """1 - beta1^t and 1 - beta2^t for t = 1..steps (beta in [0, 1), 1 <= steps <= 10,000)."""
    b1, b2 = _check_beta("beta1", beta1), _check_beta("beta2", beta2)
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer):
        raise ValueError(f"steps must be an integer in [1, {MAX_STEPS}]; got {steps!r}")
    if not 1 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be an integer in [1, {MAX_STEPS}]; got {steps!r}")
    t_axis = np.arange(1, int(steps) + 1, dtype=np.float64)
    return Corrections(t_axis, 1.0 - b1**t_axis, 1.0 - b2**t_axis)


def corrections_figure(
    beta1: float, beta2: float, steps: int, *, lang: str = "en", show_keras: bool = True
) -> dict:
    """Two panels against t: the factors 1 - beta^t (left) and the corrections 1/(1 - beta^t)
    on a log axis (right), with Keras' epsilon factor 1/sqrt(1 - beta2^t) if ``show_keras``."""
    c = corrections(beta1, beta2, steps)
    fig = Canvas(
        rows=1,
        cols=2,
        subplot_titles=(t("bias.fig.factors", lang), t("bias.fig.corrections", lang)),
        horizontal_spacing=0.1,
    )
    # Each trace's ``meta`` is the Corrections field it draws (bc1, ..., keras_eps_factor).
    for col, fields in enumerate((("bc1", "bc2"), ("correction1", "correction2")), start=1):
        names = ("1 − β₁ᵗ", "1 − β₂ᵗ") if col == 1 else ("1 / (1 − β₁ᵗ)", "1 / (1 − β₂ᵗ)")
        for field, name, color in zip(fields, names, (BETA1_COLOR, BETA2_COLOR), strict=True):
            fig.add(
                {
                    "type": "scatter",
                    "x": c.t,
                    "y": getattr(c, field),
                    "meta": field,
                    "name": f"{name} (β={beta1 if color == BETA1_COLOR else beta2:g})",
                    "mode": "lines",
                    "line": {"color": color, "dash": "solid" if col == 1 else "dot"},
                    "legendgroup": str(col),
                },
                row=1,
                col=col,
            )
    if show_keras:
        fig.add(
            {
                "type": "scatter",
                "x": c.t,
                "y": c.keras_eps_factor,
                "meta": "keras_eps_factor",
                "name": t("bias.fig.keras_factor", lang),
                "mode": "lines",
                "line": {"color": KERAS_COLOR, "dash": "dashdot"},
                "legendgroup": "2",
            },
            row=1,
            col=2,
        )
    fig.axes("x", title={"text": t("fig.step", lang)})
    fig.yaxis(1, 1).update(range=[0, 1.05])
    fig.yaxis(1, 2).update(type="log")
    fig.layout.update(
        height=380,
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        legend={"orientation": "h", "y": -0.2},
    )
    return fig.figure()


def _series(traj: Any, point: int) -> dict[str, np.ndarray]:
    """m, m_hat, v, v_hat of one start point, each (steps, 2), from a recorded Adam run."""
    missing = [k for k in ("exp_avg", "exp_avg_sq") if k not in traj.state]
    missing += [k for k in ("m_hat", "v_hat") if k not in traj.derived]
    if missing:
        raise ValueError(
            f"traj must be a full run of an Adam-family optimizer with exp_avg, exp_avg_sq, "
            f"m_hat and v_hat recorded; {traj.name!r} lacks {', '.join(missing)}"
        )
    n_points = traj.xy.shape[1]
    if not 0 <= point < n_points:
        raise ValueError(f"point must be an index in [0, {n_points - 1}]; got {point!r}")
    second = "max_exp_avg_sq" if "max_exp_avg_sq" in traj.state else "exp_avg_sq"
    return {
        "m": traj.state["exp_avg"][:, point],
        "m_hat": traj.derived["m_hat"][:, point],
        "v": traj.state[second][:, point],
        "v_hat": traj.derived["v_hat"][:, point],
    }


def moments_figure(traj: Any, *, point: int = 0, lang: str = "en") -> dict:
    """m_t against m_hat_t (top) and v_t against v_hat_t (bottom, log axis), per coordinate,
    from a recorded run: the raw moments start near zero, the corrected ones do not."""
    s = _series(traj, point)
    steps = np.arange(1, s["m"].shape[0] + 1)
    fig = Canvas(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=(t("bias.fig.first_moment", lang), t("bias.fig.second_moment", lang)),
    )
    rows = (
        (1, (("m", "m", BETA1_COLOR, 0.45), ("m_hat", "m̂", BETA1_COLOR, 1.0))),
        (2, (("v", "v", BETA2_COLOR, 0.45), ("v_hat", "v̂", BETA2_COLOR, 1.0))),
    )
    for row, series in rows:
        for key, symbol, color, opacity in series:
            for coord, dash in enumerate(COORD_DASH):
                axis = "xy"[coord]
                fig.add(
                    {
                        "type": "scatter",
                        "x": steps,
                        "y": s[key][:, coord],
                        "name": f"{symbol} ({axis})",
                        "mode": "lines",
                        "opacity": opacity,
                        "line": {
                            "color": color,
                            "dash": dash,
                            "width": 2 if opacity == 1 else 1.5,
                        },
                    },
                    row=row,
                    col=1,
                )
    fig.xaxis(2, 1).update(title={"text": t("fig.step", lang)})
    fig.yaxis(2, 1).update(type="log")
    fig.layout.update(height=520, margin={"l": 50, "r": 20, "t": 40, "b": 40})
    return fig.figure()


def step_lengths(traj: Any, point: int = 0) -> np.ndarray:
    """|x_t - x_{t-1}| for t = 1..steps (steps,): how far each step actually moved."""
    xy = np.asarray(traj.xy[:, point], dtype=np.float64)
    return np.linalg.norm(np.diff(xy, axis=0), axis=1)


def step_lengths_figure(
    runs: Sequence[tuple[str, Any]], *, first: int | None = None, lang: str = "en"
) -> dict:
    """Step length against t (log axis) for each ``(label, traj)``, in the Playground's
    colours, so the too-small or too-large first steps of one variant stand out; ``first``
    limits the view to the first steps."""
    if not runs:
        raise ValueError("runs must hold at least one (label, trajectory) pair; got none")
    fig = Canvas()
    for i, (label, traj) in enumerate(runs):
        lengths = step_lengths(traj)
        fig.add(
            {
                "type": "scatter",
                "x": np.arange(1, lengths.size + 1),
                "y": np.where(lengths > 0, lengths, np.nan),
                "mode": "lines+markers",
                "marker": {"size": 4},
                "line": {"color": PALETTE[i % len(PALETTE)], "width": 2},
                "name": label,
                "hovertemplate": f"{label}<br>t=%{{x}}<br>|Δθ|=%{{y:.3g}}<extra></extra>",
            }
        )
    if first is not None:
        fig.xaxis().update(range=[0.5, first + 0.5])
    fig.xaxis().update(title={"text": t("fig.step", lang)})
    fig.yaxis().update(title={"text": t("bias.fig.step_length", lang)}, type="log")
    fig.layout.update(
        height=340,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="white",
    )
    return fig.figure()
