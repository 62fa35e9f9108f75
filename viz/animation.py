"""One timeline for every animated view: Plotly frames that carry only what moves.

A figure is drawn once in full (contours, whole paths, whole curves); each frame then
updates only the few traces that move (current points, markers on curves, arrows), so the
payload grows with ``frames x moving points``, never with ``frames x path length``. Any
figure can join the timeline: give each moving trace a :class:`Mover` whose arrays hold one
row per frame, and :func:`animate` adds the frames, the play/pause/replay buttons and the
scrubber. Teaching pages reuse it to move buffer curves and arrows in step with a path.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from i18n import t

DEFAULT_MAX_FRAMES = 200
PLAY_SECONDS = 8.0  # a whole run plays in about this long at speed 1
MIN_FRAME_MS = 16  # a browser paints at most ~60 frames per second
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)


@dataclass(frozen=True)
class Timeline:
    """The steps the frames show: ``steps[f]`` is the step of frame ``f`` (0 and the last
    step always included, evenly spaced in between)."""

    steps: np.ndarray  # (F,) int

    @property
    def names(self) -> list[str]:
        """Frame names: the step number as text."""
        return [str(int(step)) for step in self.steps]

    @property
    def last_step(self) -> int:
        return int(self.steps[-1])

    def frame_of(self, step: int) -> int:
        """The frame that shows ``step``, or the last frame at or before it."""
        return int(np.searchsorted(self.steps, step, side="right") - 1) if step >= 0 else 0


def timeline(steps: int, max_frames: int = DEFAULT_MAX_FRAMES) -> Timeline:
    """Frames for a run of ``steps`` steps: every ``ceil(steps / (max_frames - 1))``-th step.

    >>> timeline(10, max_frames=4).steps.tolist()
    [0, 4, 8, 10]
    """
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 0:
        raise ValueError(f"steps must be an integer >= 0; got {steps!r}")
    if isinstance(max_frames, bool) or not isinstance(max_frames, int) or max_frames < 2:
        raise ValueError(f"max_frames must be an integer >= 2; got {max_frames!r}")
    stride = max(1, math.ceil(steps / (max_frames - 1)))
    frame_steps = np.arange(0, steps + 1, stride)
    if frame_steps[-1] != steps:
        frame_steps = np.append(frame_steps, steps)
    return Timeline(frame_steps.astype(int))


@dataclass(frozen=True)
class Mover:
    """A trace that moves: ``values[prop][f]`` is property ``prop`` in frame ``f``.

    ``prop`` is a Plotly property path ("x", "y", "z", "marker.color", "text"); every array
    has one row per frame of the timeline (shape (F, ...)).
    """

    trace: int
    values: Mapping[str, np.ndarray]

    def at(self, frame: int) -> dict:
        """The trace update for one frame, as a nested Plotly dict."""
        return self._updates()[frame]

    def _updates(self) -> list[dict]:
        # Plain lists, not NumPy rows: frames are sent as built (see ui.chart), and a list
        # of a few numbers is smaller in JSON than a typed array.
        columns = {prop: _plain_rows(rows) for prop, rows in self.values.items()}
        updates = []
        for frame in range(len(next(iter(columns.values()), ()))):
            update: dict = {}
            for prop, rows in columns.items():
                *parents, leaf = prop.split(".")
                node = update
                for parent in parents:
                    node = node.setdefault(parent, {})
                node[leaf] = rows[frame]
            updates.append(update)
        return updates


def _plain_rows(rows: Any) -> list:
    """Rows as Python lists with NaN as None (a gap, in Plotly's JSON)."""
    array = np.asarray(rows)
    if array.dtype.kind != "f":
        return array.tolist()
    return np.where(np.isfinite(array), array, None).tolist()


def frame_ms(timeline: Timeline, speed: float = 1.0) -> int:
    """Milliseconds per frame so the whole timeline plays in ``PLAY_SECONDS / speed``."""
    if isinstance(speed, bool) or not isinstance(speed, int | float) or not speed > 0:
        raise ValueError(f"speed must be a number > 0; got {speed!r}")
    frames = max(1, len(timeline.steps) - 1)
    return max(MIN_FRAME_MS, round(1000 * PLAY_SECONDS / speed / frames))


def _animate_args(duration: int, redraw: bool) -> dict:
    return {
        "frame": {"duration": duration, "redraw": redraw},
        "transition": {"duration": 0},
        "mode": "immediate",
    }


def controls(
    timeline: Timeline,
    *,
    lang: str = "en",
    current: int = 0,
    speed: float = 1.0,
    redraw: bool = False,
    y: float = -0.08,
) -> dict:
    """Layout entries ``updatemenus`` (play, pause, replay) and ``sliders`` (the scrubber).

    ``current`` is the frame the scrubber starts on; ``redraw`` must be True when a 3D
    scene moves (WebGL scenes only update on a full redraw).
    """
    duration = frame_ms(timeline, speed)
    playing = {**_animate_args(duration, redraw), "fromcurrent": True}
    names = timeline.names
    buttons = [
        {"label": t("fig.play", lang), "method": "animate", "args": [None, playing]},
        {
            "label": t("fig.pause", lang),
            "method": "animate",
            "args": [[None], _animate_args(0, False)],
        },
        {"label": t("fig.replay", lang), "method": "animate", "args": [names, playing]},
    ]
    menu = {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "buttons": buttons,
        "x": 0.0,
        "xanchor": "left",
        "y": y,
        "yanchor": "top",
        "pad": {"t": 0, "r": 8},
    }
    slider = {
        "active": current,
        "currentvalue": {"prefix": t("fig.step_prefix", lang), "font": {"size": 13}},
        "pad": {"t": 40, "b": 0},
        "x": 0.0,
        "len": 1.0,
        "y": y,
        "yanchor": "top",
        "steps": [
            {"label": name, "method": "animate", "args": [[name], _animate_args(0, redraw)]}
            for name in names
        ],
    }
    return {"updatemenus": [menu], "sliders": [slider]}


def _merge(target: dict, update: Mapping[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def animate(
    fig: dict,
    timeline: Timeline,
    movers: Sequence[Mover],
    *,
    lang: str = "en",
    current: int = 0,
    speed: float = 1.0,
    redraw: bool = False,
    controls_y: float = -0.08,
    keep: Sequence[int] = (),
) -> dict:
    """Add frames and controls to the figure dict ``fig`` (in place, and returned).

    The movers' traces are first set to frame ``current``, so the figure before Play
    shows that frame, and the scrubber starts there.

    ``keep`` lists static traces every frame re-plots unchanged (an empty update). Plotly.js
    recomputes all traces on each frame but re-plots only those a frame names; a click that
    selects points (``st.plotly_chart(on_select=...)``) then fails on any trace of the
    clicked subplot left out. Name every selectable trace of a clickable subplot here.
    """
    n_frames = len(timeline.steps)
    if not 0 <= current < n_frames:
        raise ValueError(f"current must be a frame index in [0, {n_frames - 1}]; got {current!r}")
    for mover in movers:
        for prop, rows in mover.values.items():
            if len(rows) != n_frames:
                raise ValueError(
                    f"mover of trace {mover.trace}: {prop} must have one row per frame "
                    f"({n_frames}); got {len(rows)}"
                )
    data = fig["data"]
    updates = [mover._updates() for mover in movers]
    types = [data[mover.trace]["type"] for mover in movers]
    for mover, per_frame in zip(movers, updates, strict=True):
        _merge(data[mover.trace], per_frame[current])
    traces = [mover.trace for mover in movers] + list(keep)
    unchanged = [{"type": data[index]["type"]} for index in keep]
    frames = [
        {
            "name": name,
            "traces": traces,
            "data": [
                *(
                    {"type": kind, **per_frame[f]}
                    for kind, per_frame in zip(types, updates, strict=True)
                ),
                *unchanged,
            ],
        }
        for f, name in enumerate(timeline.names)
    ]
    menus = controls(timeline, lang=lang, current=current, speed=speed, redraw=redraw, y=controls_y)
    fig["frames"] = frames
    fig.setdefault("layout", {}).update(menus)
    return fig
