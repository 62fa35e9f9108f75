"""Figures as plain dicts: accept a ``go.Figure`` or its dict, never mutate the caller's.

Plotly 7 stores numpy arrays as ``{"dtype", "bdata"}`` dicts; those are values, not
objects to merge into.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
from plotly.basedatatypes import BaseFigure

Figure = BaseFigure | Mapping[str, Any]  # a go.Figure (or another Plotly figure) or its dict


def figure_dict(fig: Figure) -> dict:
    """A shallow copy of ``fig`` as a dict (``to_dict()`` of a Plotly figure, or the dict)."""
    if isinstance(fig, BaseFigure):
        return fig.to_dict()
    if isinstance(fig, Mapping) and "data" in fig:
        return dict(fig)
    raise ValueError(
        "fig must be a plotly.graph_objects.Figure or a figure dict with a 'data' key; "
        f"got {type(fig).__name__}"
    )


def is_container(value: Any) -> bool:
    """A dict Plotly.js merges key by key (a numpy array's ``bdata`` dict is one value)."""
    return isinstance(value, dict) and "bdata" not in value


def merged(base: Mapping[str, Any], update: Mapping[str, Any]) -> dict:
    """Deep merge that replaces arrays whole, as Plotly.js applies an animation frame.

    Shares untouched sub-objects with ``base`` instead of copying them.
    """
    out = dict(base)
    for key, value in update.items():
        if is_container(value) and is_container(out.get(key)):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def drives_animation(control: Mapping[str, Any]) -> bool:
    """True for play buttons and frame sliders (controls whose entries call animate)."""
    entries = [*control.get("buttons", ()), *control.get("steps", ())]
    return any(entry.get("method") == "animate" for entry in entries)


def static_layout(layout: Mapping[str, Any]) -> dict:
    """Layout without play/pause buttons and frame sliders (they mean nothing in an image)."""
    out = dict(layout)
    for key in ("updatemenus", "sliders"):
        if key in out:
            kept = [control for control in out[key] if not drives_animation(control)]
            if kept:
                out[key] = kept
            else:
                del out[key]
    return out


def static_figure(fig_dict: Mapping[str, Any]) -> dict:
    """The state an animated figure shows before Play is pressed, without its controls."""
    out = {key: value for key, value in fig_dict.items() if key != "frames"}
    out["layout"] = static_layout(out.get("layout", {}))
    return out


def title_text(layout: Mapping[str, Any]) -> str | None:
    """The figure title's text (``layout.title`` may be a string or a dict)."""
    title = layout.get("title", {})
    text = title.get("text") if isinstance(title, Mapping) else title
    return text if isinstance(text, str) else None


def strings(value: Any) -> Iterator[str]:
    """Every string inside ``value`` (a figure dict or part of one), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            if not isinstance(item, int | float):  # long coordinate lists: skip fast
                yield from strings(item)
    elif isinstance(value, np.ndarray) and value.dtype.kind in "OUS":  # text=np.array([...])
        yield from strings(value.tolist())
