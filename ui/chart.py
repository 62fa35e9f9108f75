"""Render a figure dict made by ``viz`` with ``st.plotly_chart``, without Plotly's validation.

Every page draws through :func:`plotly_chart`. ``st.plotly_chart`` re-validates a plain dict
by building a ``go.Figure`` from it and copies a ``go.Figure`` through ``to_dict()``; for the
Playground's animated figure that was about 80% of a rerun's CPU. Our builders made these
dicts and ``tests/figures`` check them as data (and that ``go.Figure`` accepts them), so the
figure is handed over as a :class:`ReadyFigure`: Plotly's own figure base class, whose
``to_dict()`` (all ``st.plotly_chart`` asks of it) returns the dict as it is.

The figure is drawn with ``theme=None`` and :func:`screen_template`, the look Streamlit's own
chart theme gives (its light theme, which the lab's config fixes), sent as the figure's
template. Streamlit's theme is applied in the browser by writing the whole figure to a JSON
string, running forty colour replacements over it and parsing it back, twice per drawn
chart: on the Playground that was about a fifth of every redraw.

NumPy arrays in the dict are sent the way ``go.Figure`` sends them, as Plotly.js typed
arrays (``{"dtype", "bdata", "shape"}``: base64 of the raw values), so the payload and what
the browser draws are the same as before; everything else must already be JSON (numbers,
strings, lists, dicts, None).
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import streamlit as st
from plotly.basedatatypes import BaseFigure

from ui import present
from ui.present_settings import BODY_FONT_PX

# NumPy dtypes Plotly.js reads as typed arrays (int64 has no typed array in the browser).
TYPED_ARRAYS = {
    "int8": "i1",
    "uint8": "u1",
    "int16": "i2",
    "uint16": "u2",
    "int32": "i4",
    "uint32": "u4",
    "float32": "f4",
    "float64": "f8",
}
DEFAULT_CONFIG = {"displaylogo": False}

# What Streamlit's "streamlit" chart theme sets in a figure's template (streamlit 1.67, light
# theme: read off a drawn chart's `layout.template`), for the parts the lab's figures have.
# Its sizes are rem: they grow with the page's root font, as in projector mode.
BROWSER_ROOT_PX = 16
_FONT = '"Source Sans", sans-serif'
_TEXT = "#808495"
_GRID = "#e6eaf1"


@functools.cache
def screen_template(root_px: float = BROWSER_ROOT_PX) -> dict[str, Any]:
    """The template of every chart on a page whose root font is ``root_px`` (shared: never
    changed by its users)."""
    rem = root_px / BROWSER_ROOT_PX
    small, medium = 12 * rem, 14 * rem
    axis = {
        "tickfont": {"color": _TEXT, "size": small},
        "tickcolor": _GRID,
        "gridcolor": _GRID,
        "zerolinecolor": _GRID,
        "minor": {"gridcolor": _GRID},
        "ticklabelposition": "outside",
        "automargin": True,
    }
    return {
        "layout": {
            "font": {"color": _TEXT, "family": _FONT, "size": small, "weight": 400},
            "title": {
                "font": {"family": _FONT, "size": 16 * rem, "color": "#2F2D2B"},
                "pad": {"l": 4 * rem},
                "xanchor": "left",
                "x": 0,
            },
            "legend": {
                "title": {"font": {"size": small, "color": _TEXT}, "side": "top"},
                "valign": "top",
                "bordercolor": "rgba(0, 0, 0, 0)",
                "borderwidth": 0,
                "font": {"size": small, "color": "#262730"},
            },
            "paper_bgcolor": "#FFFFFF",
            "plot_bgcolor": "#FFFFFF",
            "xaxis": {
                **axis,
                "showgrid": False,
                "zeroline": False,
                "title": {"font": {"color": _TEXT, "size": medium}, "standoff": 20 * rem},
            },
            "yaxis": {
                **axis,
                "title": {"font": {"color": _TEXT, "size": medium}, "standoff": 24 * rem},
            },
            "margin": {"pad": 8 * rem, "r": 0, "l": 0},
            "hoverlabel": {
                "bgcolor": "#FFFFFF",
                "bordercolor": "rgba(47, 45, 43, 0.2)",
                "font": {"color": _TEXT, "family": _FONT, "size": small},
            },
        }
    }


def typed_array(values: np.ndarray) -> dict | list:
    """A Plotly.js typed array spec of ``values`` (a list where the browser has none)."""
    array = np.asarray(values)
    if array.dtype.kind == "i" and array.size and -(2**31) <= array.min() <= array.max() < 2**31:
        array = array.astype(np.int32)
    short = TYPED_ARRAYS.get(str(array.dtype))
    if short is None or array.size == 0:
        return array.tolist()
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(array)).decode()}
    if array.ndim > 1:
        spec["shape"] = ", ".join(str(n) for n in array.shape)
    return spec


def json_ready(value: Any) -> Any:
    """``value`` with every NumPy array (and NumPy scalar) made JSON; a new structure.

    Lists of plain numbers are kept as they are (not walked): frames hold thousands.
    """
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        if value and not isinstance(value[0], dict | list | tuple | np.ndarray | np.generic):
            return list(value) if isinstance(value, tuple) else value
        return [json_ready(item) for item in value]
    if isinstance(value, np.ndarray):
        return typed_array(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


class ReadyFigure(BaseFigure):
    """A finished figure dict, passed through ``st.plotly_chart`` unvalidated and uncopied.

    Frames are sent as built, not walked: ``viz.animation`` writes them as plain lists, and
    an array there would still be sent correctly (as a JSON list) by the JSON encoder.
    """

    # BaseFigure.__init__ is skipped on purpose: it is the validation this class avoids.
    def __init__(self, figure: Mapping[str, Any]) -> None:
        self._figure = {
            key: value if key == "frames" else json_ready(value) for key, value in figure.items()
        }

    def to_dict(self) -> dict:
        return self._figure


def on_screen(figure: Mapping[str, Any], root_px: float = BROWSER_ROOT_PX) -> dict[str, Any]:
    """``figure`` with :func:`screen_template` as its template (unless it has one) and its
    title in bold, as Streamlit's theme shows them."""
    layout = dict(figure.get("layout", {}))
    layout.setdefault("template", screen_template(root_px))
    title = layout.get("title")
    if isinstance(title, str):
        title = {"text": title}
    if isinstance(title, Mapping) and isinstance(title.get("text"), str):
        layout["title"] = {**title, "text": f"<b>{title['text']}</b>"}
    return {**figure, "layout": layout}


def plotly_chart(
    figure: Mapping[str, Any],
    *,
    key: str,
    on_select: Callable[[], None] | None = None,
    config: Mapping[str, Any] | None = None,
) -> None:
    """Draw ``figure`` (a ``viz`` figure dict); ``on_select`` makes a click select points."""
    # The session's presentation (projector style, phone layout) applies to every figure.
    root_px = BODY_FONT_PX if present.current().present else BROWSER_ROOT_PX
    ready = ReadyFigure(on_screen(present.styled(figure), root_px))
    options: dict[str, Any] = {}
    if on_select is not None:
        options = {"on_select": on_select, "selection_mode": "points"}
    config = {**DEFAULT_CONFIG, **(config or {})}
    st.plotly_chart(ready, key=key, config=config, theme=None, **options)
