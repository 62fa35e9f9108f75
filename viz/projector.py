"""Projector style for any figure dict of ``viz``: readable from the back of a room.

Pure, and applied after a figure is built, so every builder gets it without an option:
fonts of at least 18 px (20 px for the figure's own text and axis titles), paths at least
3 px wide, markers half again as large, and the figures' other colours swapped for the
nearest colour of the Okabe-Ito palette (Okabe & Ito, 2008), which stays distinguishable
with the common kinds of colour blindness. The Playground's paths already use that palette
(``viz.paths.PALETTE``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

FONT_SIZE = 20
MIN_FONT_SIZE = 18
MIN_LINE_WIDTH = 3.0
MARKER_SCALE = 1.5
# An axis title longer than this breaks onto two lines: at 20 px the y title of a short
# subplot (the Playground's "distance to nearest minimum (log)") ran past its neighbour's.
MAX_TITLE_CHARS = 22
LINE_TRACES = frozenset({"scatter", "scattergl", "scatter3d"})

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# The other palettes the figures use (matplotlib's tab10 and a few shades of it), by hue.
NEAREST_OKABE_ITO = {
    "#1f77b4": OKABE_ITO["blue"],
    "#1f5fa8": OKABE_ITO["blue"],
    "#ff7f0e": OKABE_ITO["orange"],
    "#f4a582": OKABE_ITO["orange"],
    "#2ca02c": OKABE_ITO["bluish_green"],
    "#d62728": OKABE_ITO["vermillion"],
    "#b2182b": OKABE_ITO["vermillion"],
    "#e6550d": OKABE_ITO["vermillion"],
    "#9467bd": OKABE_ITO["reddish_purple"],
    "#e377c2": OKABE_ITO["reddish_purple"],
    "#8c564b": OKABE_ITO["black"],
    "#17becf": OKABE_ITO["sky_blue"],
    "#9ecae1": OKABE_ITO["sky_blue"],
    "#bcbd22": OKABE_ITO["yellow"],
}
_RGBA = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(,\s*[\d.]+\s*)?\)")


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


_NEAREST_RGB = {_rgb(old): _rgb(new) for old, new in NEAREST_OKABE_ITO.items()}


def okabe_ito_color(color: str) -> str:
    """``color`` (hex, rgb() or rgba()) as its Okabe-Ito counterpart; others unchanged."""
    mapped = NEAREST_OKABE_ITO.get(color.lower())
    if mapped is not None:
        return mapped
    match = _RGBA.fullmatch(color.strip())
    if match is None:
        return color
    rgb = tuple(int(part) for part in match.groups()[:3])
    if rgb not in _NEAREST_RGB:
        return color
    r, g, b = _NEAREST_RGB[rgb]
    alpha = match.group(4)
    return f"rgba({r}, {g}, {b}{alpha.replace(' ', '')})" if alpha else f"rgb({r}, {g}, {b})"


def _recolor(value: Any) -> Any:
    if isinstance(value, str):
        return okabe_ito_color(value) if value.startswith(("#", "rgb")) else value
    if isinstance(value, Mapping):
        return {key: _recolor(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], int | float):
            return value  # coordinates: thousands of numbers, no colour among them
        return [_recolor(item) for item in value]
    return value


def _bigger_fonts(value: Any) -> Any:
    """Every font size below the minimum raised to it: ``font``, ``tickfont``, ``titlefont``
    ... (titles, ticks, legends, notes)."""
    if isinstance(value, Mapping):
        out = {key: _bigger_fonts(item) for key, item in value.items()}
        for key, font in out.items():
            if key.endswith("font") and isinstance(font, Mapping):
                size = font.get("size")
                if isinstance(size, int | float):
                    out[key] = {**font, "size": max(size, MIN_FONT_SIZE)}
        return out
    if isinstance(value, list):
        return [_bigger_fonts(item) for item in value]
    return value


def _at_least(font: Mapping[str, Any] | None, size: float) -> dict[str, Any]:
    font = dict(font or {})
    return {**font, "size": max(font.get("size", 0), size)}


def _scaled(size: Any) -> Any:
    if isinstance(size, int | float):
        return size * MARKER_SCALE
    if isinstance(size, list):
        return [_scaled(item) for item in size]
    return size


def _bold_trace(trace: Mapping[str, Any], trace_type: str) -> dict[str, Any]:
    """Wider paths and larger markers on line-and-marker traces (not on contours or heatmaps)."""
    out = dict(trace)
    if trace_type not in LINE_TRACES:
        return out
    line = out.get("line")
    if isinstance(line, Mapping) and "lines" in str(out.get("mode", "lines")):
        width = line.get("width", 2.0)
        if isinstance(width, int | float):
            out["line"] = {**line, "width": max(width, MIN_LINE_WIDTH)}
    marker = out.get("marker")
    if isinstance(marker, Mapping) and "size" in marker:
        out["marker"] = {**marker, "size": _scaled(marker["size"])}
    return out


def projector_figure(figure: Mapping[str, Any]) -> dict[str, Any]:
    """``figure`` (a plotly figure dict) in projector style; a new dict, the input untouched.

    Frames of an animation restyle the traces they update, so their traces are restyled
    the same way, each with the type of the trace it updates.
    """
    data = list(figure.get("data", []))
    types = [trace.get("type", "scatter") for trace in data]
    out = dict(figure)
    out["data"] = [_bold_trace(trace, kind) for trace, kind in zip(data, types, strict=True)]
    if "frames" in figure:
        out["frames"] = [_bold_frame(frame, types) for frame in figure["frames"]]
    layout = _bigger_fonts(dict(figure.get("layout", {})))
    font = dict(layout.get("font", {}))
    layout["font"] = {**font, "size": max(font.get("size", 0), FONT_SIZE)}
    # Said on every axis and the legend: a theme's template (Streamlit's) sets them there,
    # and a template's axis font wins over the layout's.
    for key, axis in list(layout.items()):
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, Mapping):
            layout[key] = {**axis, "tickfont": _at_least(axis.get("tickfont"), MIN_FONT_SIZE)}
            title = axis.get("title")
            if isinstance(title, str):
                title = {"text": title}
            if isinstance(title, Mapping) and title.get("text"):
                layout[key]["title"] = {
                    **title,
                    "text": two_lines(str(title["text"])),
                    "font": _at_least(title.get("font"), FONT_SIZE),
                }
    layout["legend"] = {**layout.get("legend", {}), "font": _at_least(None, MIN_FONT_SIZE)}
    _one_title_per_column(layout)
    out["layout"] = layout
    return _recolor(out)


def _one_title_per_column(layout: dict[str, Any]) -> None:
    """Subplots stacked in one column under the same x title keep it on the lowest only: at
    20 px the upper ones' titles ran into the subplot below ("step" over "step")."""
    stacked: dict[tuple, list[tuple[float, str]]] = {}
    for key, axis in layout.items():
        if not (key.startswith("xaxis") and isinstance(axis, Mapping)):
            continue
        text = (axis.get("title") or {}).get("text")
        y_axis = layout.get(f"yaxis{str(axis.get('anchor', 'y'))[1:]}", {})
        if text and "domain" in axis and "domain" in y_axis:
            column = (tuple(axis["domain"]), text)
            stacked.setdefault(column, []).append((y_axis["domain"][0], key))
    for axes in stacked.values():
        for _, key in sorted(axes)[1:]:
            layout[key] = {**layout[key], "title": {**layout[key]["title"], "text": ""}}


def two_lines(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """``text`` broken at the space nearest its middle when longer than ``limit`` (and not
    broken already)."""
    if len(text) <= limit or "<br>" in text or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, char in enumerate(text) if char == " "), key=lambda i: abs(i - middle))
    return f"{text[:cut]}<br>{text[cut + 1 :]}"


def _bold_frame(frame: Mapping[str, Any], types: list[str]) -> dict[str, Any]:
    targets = frame.get("traces", range(len(frame.get("data", []))))
    data = [
        _bold_trace(trace, types[index] if index < len(types) else "scatter")
        for trace, index in zip(frame.get("data", []), targets, strict=False)
    ]
    return {**frame, "data": data}
