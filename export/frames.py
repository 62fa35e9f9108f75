"""An animated figure as the sequence of states Play shows, and the updates between them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from export.figures import drives_animation, merged, static_layout

# Plotly.js applies a frame that changes only these traces without a full redraw (as Play
# does with ``redraw: false``); any other trace type needs the figure drawn again.
_REDRAW_FREE_TYPES = frozenset({"scatter"})


class FrameState(NamedTuple):
    """The figure after one frame: the frame's name and the complete data and layout."""

    name: Any
    data: list[dict]
    layout: dict


def frame_states(fig_dict: Mapping[str, Any]) -> list[FrameState]:
    """The figure after each frame, applied in order as Play does in Plotly.js.

    A frame merges its ``data[j]`` into trace ``traces[j]`` (``j`` when ``traces`` is absent)
    and its ``layout`` into the layout, on top of the previous state; a ``baseframe`` is
    applied first, as Plotly.js's computeFrame does. Traces and layouts a frame leaves
    alone are the previous state's objects (not copies): ``frame_updates`` relies on it.
    """
    frames = fig_dict.get("frames") or []
    by_name = {frame.get("name"): frame for frame in frames if frame.get("name") is not None}
    data = list(fig_dict.get("data", []))
    layout = fig_dict.get("layout", {})
    states = []
    for position, frame in enumerate(frames):
        chain = [frame]
        while (base := by_name.get(chain[-1].get("baseframe"))) is not None and all(
            base is not earlier for earlier in chain
        ):
            chain.append(base)
        for part in reversed(chain):
            traces = part.get("traces")
            part_data = part.get("data") or []
            indices = range(len(part_data)) if traces is None else traces
            if len(indices) != len(part_data):
                raise ValueError(
                    f"fig.frames[{position}] lists {len(indices)} trace indices in 'traces' "
                    f"for {len(part_data)} traces in 'data'; they must match"
                )
            for index, trace in zip(indices, part_data, strict=True):
                if not 0 <= index < len(data):
                    raise ValueError(
                        f"fig.frames[{position}] updates trace {index}, but fig has "
                        f"{len(data)} traces (valid indices 0..{len(data) - 1})"
                    )
                data[index] = merged(data[index], trace)
            if part.get("layout"):
                layout = merged(layout, part["layout"])
        states.append(FrameState(frame.get("name"), list(data), layout))
    return states


def subsample(count: int, max_frames: int) -> list[int]:
    """``max_frames`` evenly spaced indices of ``count`` items, first and last included."""
    if count <= max_frames:
        return list(range(count))
    return np.unique(np.linspace(0, count - 1, max_frames).round().astype(int)).tolist()


def _step_frame(step: Mapping[str, Any]) -> Any:
    """Name of the frame a slider step animates to (args[0] is a name or a one-name list)."""
    target = (step.get("args") or [None])[0]
    return target[0] if isinstance(target, list) and len(target) == 1 else target


def frame_layout(layout: Mapping[str, Any], frame_name: Any, shown: frozenset) -> dict:
    """Layout for one exported frame: no play buttons; a frame slider, if any, marks it.

    The slider keeps only the steps of the frames the export shows: Plotly.js draws a tick
    per step, and a 500-step slider triples the render time of every frame.
    """
    out = static_layout(layout)
    sliders = []
    for slider in layout.get("sliders", ()):
        if not drives_animation(slider):
            continue
        steps = [step for step in slider.get("steps", ()) if _step_frame(step) in shown]
        names = [_step_frame(step) for step in steps]
        if frame_name in names:
            sliders.append({**slider, "steps": steps, "active": names.index(frame_name)})
    if sliders:
        out["sliders"] = [*out.get("sliders", []), *sliders]
    return out


def _without_active(layout: Mapping[str, Any]) -> dict:
    sliders = [{k: v for k, v in s.items() if k != "active"} for s in layout.get("sliders", ())]
    return {**layout, "sliders": sliders}


def _slider_moves(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, int]:
    moves = {}
    for index, (old, new) in enumerate(
        zip(before.get("sliders", ()), after.get("sliders", ()), strict=True)
    ):
        if old.get("active") != new.get("active"):
            moves[f"sliders[{index}].active"] = new.get("active", 0)
    return moves


def frame_updates(
    states: Sequence[FrameState], width: int, height: int, shown: Sequence[int]
) -> list[dict]:
    """What the kept page (``frame_page.js``) applies to go from one shown frame to the next.

    The first update is the whole figure at ``width`` x ``height``; later ones carry only
    the traces that changed (``traces``, ``data``), whether Plotly.js must redraw, and the
    slider marks to move (``relayout``), unless the layout changed otherwise, in which case
    the whole figure is sent again.
    """
    names = frozenset(states[i].name for i in shown)
    updates: list[dict] = []
    previous: FrameState | None = None
    previous_layout: dict = {}
    for index in shown:
        state = states[index]
        layout = {
            **frame_layout(state.layout, state.name, names),
            "width": width,
            "height": height,
            "autosize": False,
        }
        if previous is None or _without_active(layout) != _without_active(previous_layout):
            figure = {"data": state.data, "layout": layout}
            updates.append(
                {"figure": figure, "traces": [], "data": [], "redraw": False, "relayout": {}}
            )
        else:
            pairs = zip(previous.data, state.data, strict=True)
            changed = [i for i, (old, new) in enumerate(pairs) if old is not new]
            types = {state.data[i].get("type", "scatter") for i in changed}
            updates.append(
                {
                    "figure": None,
                    "traces": changed,
                    "data": [state.data[i] for i in changed],
                    "redraw": not types <= _REDRAW_FREE_TYPES,
                    "relayout": _slider_moves(previous_layout, layout),
                }
            )
        previous, previous_layout = state, layout
    return updates
