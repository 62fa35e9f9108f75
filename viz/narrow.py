"""Phone layout for any figure dict of ``viz`` whose maps sit beside their curves.

The lab's figures put the contour maps (or the 3D surface) on the left and the curves
(loss, distance, buffers) in a column on the right. On a phone's 390 px that leaves each a
postage stamp; :func:`stacked_figure` moves the maps to the top at the full width and the
curves below them, one under the other, by rewriting the axes' domains, and sizes the figure
so the maps' band is as tall as they are wide on a phone (no empty band around a square
map) and every curve gets the same height, its title on top of it. Pure: a new dict,
whose layout is a copy (the traces and frames, which it does not change, are shared).

A map is a cartesian panel whose y axis is locked to its x axis (``scaleanchor``: equal
scales, as a map needs) or a 3D scene; every other cartesian panel is a curve.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

# Sizes in px on a phone, whose chart is about PHONE_WIDTH wide (390 px less the page's
# padding): the maps' band as tall as they are wide, then each curve in a band of its own,
# with room between bands for the tick labels, the axis title and the next panel's title.
PHONE_WIDTH = 358
CURVE_PX = 170
GAP_PX = 95
TITLE_PX = 24  # a subplot title above the maps
DEFAULT_MARGIN = {"l": 80, "r": 80, "t": 100, "b": 80}  # Plotly's


def _panels(layout: Mapping[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """(map suffixes, curve suffixes, scene keys): "" for xaxis/yaxis, "2" for xaxis2 ..."""
    maps, curves = [], []
    for key, axis in layout.items():
        if not key.startswith("yaxis") or not isinstance(axis, Mapping):
            continue
        suffix = key[5:]
        (maps if axis.get("scaleanchor") else curves).append(suffix)
    scenes = [key for key in layout if key.startswith("scene")]
    return maps, curves, scenes


def _squeeze(domain: list[float], lo: float, hi: float, span: float = 1.0) -> list[float]:
    """``domain`` (within [0, span]) mapped onto [lo, hi]."""
    scale = (hi - lo) / span
    return [lo + domain[0] * scale, lo + domain[1] * scale]


def _maps_px(
    layout: Mapping[str, Any], maps: list[str], scenes: list[str], margin: Mapping[str, float]
) -> float:
    """The height of the maps' band: their rows of maps as tall as a column of them is wide."""
    plot_width = PHONE_WIDTH - margin["l"] - margin["r"]
    lefts = {layout.get(f"xaxis{s}", {}).get("domain", [0.0])[0] for s in maps}
    bottoms = {layout[f"yaxis{s}"].get("domain", [0.0])[0] for s in maps}
    lefts |= {layout[key].get("domain", {}).get("x", [0.0])[0] for key in scenes}
    bottoms |= {layout[key].get("domain", {}).get("y", [0.0])[0] for key in scenes}
    columns, rows = max(1, len(lefts)), max(1, len(bottoms))
    return rows * (plot_width / columns + TITLE_PX)


def stacked_figure(figure: Mapping[str, Any]) -> dict[str, Any]:
    """``figure`` with its maps on top at full width and its curves stacked below them, and
    the height that gives each its size on a phone (the subplot titles move with them).

    A figure without maps, or without curves beside them, is returned as it is (copied).
    """
    out = dict(figure)
    layout = out["layout"] = copy.deepcopy(dict(figure.get("layout", {})))
    maps, curves, scenes = _panels(layout)
    if not (maps or scenes) or not curves:
        return out
    map_x = [layout[f"xaxis{s}"]["domain"] for s in maps if f"xaxis{s}" in layout]
    map_x += [layout[key]["domain"]["x"] for key in scenes if "domain" in layout[key]]
    width = max((domain[1] for domain in map_x), default=1.0) or 1.0
    # The maps' band reaches the top (a wide figure may leave room there for its legend).
    map_y = [layout[f"yaxis{s}"].get("domain", [0.0, 1.0]) for s in maps]
    map_y += [layout[key].get("domain", {}).get("y", [0.0, 1.0]) for key in scenes]
    height = max(domain[1] for domain in map_y) or 1.0
    margin = {**DEFAULT_MARGIN, **layout.get("margin", {})}
    maps_px = _maps_px(layout, maps, scenes, margin)
    plot_px = maps_px + len(curves) * (GAP_PX + CURVE_PX)
    maps_bottom = 1 - maps_px / plot_px
    for suffix in maps:
        x, y = layout.get(f"xaxis{suffix}", {}), layout[f"yaxis{suffix}"]
        if "domain" in x:
            x["domain"] = _squeeze(x["domain"], 0.0, 1.0, width)
        y["domain"] = _squeeze(y.get("domain", [0.0, 1.0]), maps_bottom, 1.0, height)
    for key in scenes:
        domain = layout[key].setdefault("domain", {"x": [0.0, width], "y": [0.0, 1.0]})
        domain["x"] = _squeeze(domain["x"], 0.0, 1.0, width)
        domain["y"] = _squeeze(domain.get("y", [0.0, 1.0]), maps_bottom, 1.0, height)
    titles = [note for note in layout.get("annotations", []) if _subplot_title(note)]
    curve_titles = [note for note in titles if note["x"] > width]
    for note in titles:  # above the maps
        if note["x"] <= width:
            note["x"] = note["x"] / width
            note["y"] = maps_bottom + note["y"] / height * (1 - maps_bottom)
    # Curves keep their top-to-bottom order, one band each; a curve's title stays on top.
    order = sorted(curves, key=lambda s: -layout[f"yaxis{s}"].get("domain", [0, 1])[1])
    for rank, suffix in enumerate(order):
        top = maps_bottom - ((rank + 1) * GAP_PX + rank * CURVE_PX) / plot_px
        axis = layout[f"yaxis{suffix}"]
        old_top = axis.get("domain", [0, 1])[1]
        for note in curve_titles:
            if abs(note["y"] - old_top) < 1e-9:
                note["x"], note["y"] = 0.5, top
        axis["domain"] = [top - CURVE_PX / plot_px, top]
        layout.setdefault(f"xaxis{suffix}", {})["domain"] = [0.0, 1.0]
    layout["height"] = round(plot_px + margin["t"] + margin["b"])
    return out


def _subplot_title(note: Mapping[str, Any]) -> bool:
    return note.get("xref") == "paper" and note.get("yref") == "paper"
