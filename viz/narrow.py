"""Phone layout for any figure dict of ``viz`` whose panels sit side by side.

The lab's figures put the contour maps (or the 3D surface) on the left and the curves
(loss, distance, buffers) in a column on the right, or curves in columns (bias correction).
On a phone's 390 px that leaves each a postage stamp; :func:`stacked_figure` moves the maps
to the top at the full width and the curves below them, one under the other in reading
order, by rewriting the axes' domains, and sizes the figure so the maps' band is as tall
as they are wide on a phone (no empty band around a square map) and every curve gets the
same height, its title on top of it. Pure: a new dict, whose layout is a copy (the traces
and frames, which it does not change, are shared).

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
AXIS_BELOW_PX = 60  # under a curve: its tick labels and axis title
LEGEND_ENTRY_PX = 24  # a legend's row on a phone, one entry each (their texts are long)


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

    A figure without curves, or with curves in one column and no maps, is returned as it
    is (copied).
    """
    out = dict(figure)
    layout = out["layout"] = copy.deepcopy(dict(figure.get("layout", {})))
    maps, curves, scenes = _panels(layout)
    has_maps = bool(maps or scenes)
    columns = {_domain(layout, f"xaxis{s}")[0] for s in curves}
    if not curves or not (has_maps or len(columns) > 1):
        return out
    map_x = [layout[f"xaxis{s}"]["domain"] for s in maps if f"xaxis{s}" in layout]
    map_x += [layout[key]["domain"]["x"] for key in scenes if "domain" in layout[key]]
    # The maps' right edge: the curves' titles lie right of it (all of them, without maps).
    width = (max((domain[1] for domain in map_x), default=1.0) or 1.0) if has_maps else 0.0
    # The maps' band reaches the top (a wide figure may leave room there for its legend).
    map_y = [_domain(layout, f"yaxis{s}") for s in maps]
    map_y += [layout[key].get("domain", {}).get("y", [0.0, 1.0]) for key in scenes]
    maps_top = max((domain[1] for domain in map_y), default=1.0) or 1.0
    margin = {**DEFAULT_MARGIN, **layout.get("margin", {})}
    maps_px = _maps_px(layout, maps, scenes, margin) if has_maps else 0.0
    # Above the first curve: the maps' tick labels, axis title and its title; or its title.
    first_gap = GAP_PX if has_maps else TITLE_PX
    plot_px = maps_px + first_gap + len(curves) * (GAP_PX + CURVE_PX) - GAP_PX
    maps_bottom = 1 - maps_px / plot_px
    for suffix in maps:
        x, y = layout.get(f"xaxis{suffix}", {}), layout[f"yaxis{suffix}"]
        if "domain" in x:
            x["domain"] = _squeeze(x["domain"], 0.0, 1.0, width)
        y["domain"] = _squeeze(y.get("domain", [0.0, 1.0]), maps_bottom, 1.0, maps_top)
    for key in scenes:
        domain = layout[key].setdefault("domain", {"x": [0.0, width], "y": [0.0, 1.0]})
        domain["x"] = _squeeze(domain["x"], 0.0, 1.0, width)
        domain["y"] = _squeeze(domain.get("y", [0.0, 1.0]), maps_bottom, 1.0, maps_top)
    titles = [note for note in layout.get("annotations", []) if _subplot_title(note)]
    curve_titles = [note for note in titles if note["x"] > width]
    for note in titles:  # above the maps
        if note["x"] <= width:
            note["x"] = note["x"] / width
            note["y"] = maps_bottom + note["y"] / maps_top * (1 - maps_bottom)
    # Curves in reading order (top to bottom, then left to right), one band each; a curve's
    # title (above its panel, within its width) stays on top of it.
    order = sorted(
        curves, key=lambda s: (-_domain(layout, f"yaxis{s}")[1], _domain(layout, f"xaxis{s}")[0])
    )
    for rank, suffix in enumerate(order):
        top = maps_bottom - (first_gap + rank * (GAP_PX + CURVE_PX)) / plot_px
        (left, right), (_, old_top) = (_domain(layout, f"{a}axis{suffix}") for a in "xy")
        for note in [n for n in curve_titles if abs(n["y"] - old_top) < 1e-9]:
            if left <= note["x"] <= right:
                note["x"], note["y"] = 0.5, top
                curve_titles.remove(note)
        layout[f"yaxis{suffix}"]["domain"] = [top - CURVE_PX / plot_px, top]
        layout.setdefault(f"xaxis{suffix}", {})["domain"] = [0.0, 1.0]
    legend = layout.get("legend", {})
    if legend.get("y", 1.0) < 0:
        # A legend below the plots, under the last axis's labels and title, with its room
        # in the margin: pushing the margin out itself, it would shrink every band.
        entries = sum(1 for trace in out.get("data", []) if trace.get("showlegend", True))
        layout["legend"] = {**legend, "y": -AXIS_BELOW_PX / plot_px, "yanchor": "top"}
        margin["b"] = max(margin["b"], AXIS_BELOW_PX + entries * LEGEND_ENTRY_PX)
        layout["margin"] = margin
    layout["height"] = round(plot_px + margin["t"] + margin["b"])
    return out


def _domain(layout: Mapping[str, Any], key: str) -> list[float]:
    return layout.get(key, {}).get("domain", [0.0, 1.0])


def _subplot_title(note: Mapping[str, Any]) -> bool:
    return note.get("xref") == "paper" and note.get("yref") == "paper"
