"""Phone layout for any figure dict of ``viz`` whose maps sit beside their curves.

The lab's figures put the contour maps (or the 3D surface) on the left and the curves
(loss, distance, buffers) in a column on the right. On a phone's 390 px that leaves each a
postage stamp; :func:`stacked_figure` moves the maps to the top at the full width and the
curves below them, one under the other, by rewriting the axes' domains. Pure: a new dict,
whose layout is a copy (the traces and frames, which it does not change, are shared).

A map is a cartesian panel whose y axis is locked to its x axis (``scaleanchor``: equal
scales, as a map needs) or a 3D scene; every other cartesian panel is a curve.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

MAPS_BOTTOM = 0.44  # the maps take the top 56% of the height, the curves the rest
CURVES_TOP = 0.36
CURVE_GAP = 0.06
PHONE_HEIGHT = 1150  # px


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


def stacked_figure(figure: Mapping[str, Any]) -> dict[str, Any]:
    """``figure`` with its maps on top at full width and its curves stacked below them.

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
    for suffix in maps:
        x, y = layout.get(f"xaxis{suffix}", {}), layout[f"yaxis{suffix}"]
        if "domain" in x:
            x["domain"] = _squeeze(x["domain"], 0.0, 1.0, width)
        y["domain"] = _squeeze(y.get("domain", [0.0, 1.0]), MAPS_BOTTOM, 1.0)
    for key in scenes:
        domain = layout[key].setdefault("domain", {"x": [0.0, width], "y": [0.0, 1.0]})
        domain["x"] = _squeeze(domain["x"], 0.0, 1.0, width)
        domain["y"] = _squeeze(domain.get("y", [0.0, 1.0]), MAPS_BOTTOM, 1.0)
    # Curves keep their top-to-bottom order, one band each.
    order = sorted(curves, key=lambda s: -layout[f"yaxis{s}"].get("domain", [0, 1])[1])
    band = (CURVES_TOP - CURVE_GAP * (len(order) - 1)) / len(order)
    for rank, suffix in enumerate(order):
        top = CURVES_TOP - rank * (band + CURVE_GAP)
        layout[f"yaxis{suffix}"]["domain"] = [top - band, top]
        layout.setdefault(f"xaxis{suffix}", {})["domain"] = [0.0, 1.0]
    for note in layout.get("annotations", []):  # subplot titles above the maps
        if note.get("xref") == "paper" and note.get("yref") == "paper" and note["x"] <= width:
            note["x"] = note["x"] / width
            note["y"] = MAPS_BOTTOM + note["y"] * (1 - MAPS_BOTTOM)
    layout["height"] = max(layout.get("height", 0), PHONE_HEIGHT)
    return out
