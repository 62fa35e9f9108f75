"""Draw a figure dict made by ``viz`` in the lab's own Plotly chart (``ui/chart.js``).

Every page draws through :func:`plotly_chart`. Streamlit's ``st.plotly_chart`` gives every
new figure a new element id (the id hashes the spec), so the browser mounts a new chart for
each one and draws it twice (once on mount, once more when its theme effect runs): on a
phone a Playground slider move took 2.3 s to redraw. The lab's chart is a Streamlit
component (``st.components.v2``) keyed by the chart's key alone: it keeps one Plotly div
and redraws it in place with ``Plotly.react``, once; a new figure that only moves some of
its scatter traces on fixed axes moves those alone (``inPlace`` there). A click on a point
comes back as the component's ``selection`` trigger, shaped as ``st.plotly_chart`` reports
a selection (``{"points": [{"curve_number", "point_index", "x", "y", ...}]}``), so a
chart's ``on_select`` callback reads ``st.session_state[key]["selection"]`` as before.

An animated figure's play buttons and scrubber (``viz.animation.controls``: Plotly's
``updatemenus`` and ``sliders``) are drawn by the page as HTML under the chart instead
(:func:`player`): Plotly measures every one of the scrubber's step labels on every draw,
and its controls push the chart's margins out, which draws the whole chart a second time.

Plotly.js is loaded once per page from the app's static files: the cartesian bundle for a
figure without 3D traces, else the full one (``ui.plotly_bundles``).

The figure is not validated: our builders made these dicts and ``tests/figures`` check them
as data (and that ``go.Figure`` accepts them); validating the Playground's animated figure
was about 80% of a rerun's CPU. It carries :func:`screen_template`, the look Streamlit's own
chart theme gives (its light theme, which the lab's config fixes).

NumPy arrays in the dict are sent the way ``go.Figure`` sends them, as Plotly.js typed
arrays (``{"dtype", "bdata", "shape"}``: base64 of the raw values); everything else must
already be JSON (numbers, strings, lists, dicts, None).
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st
from plotly.io.json import to_json_plotly

from ui import present
from ui.plotly_bundles import bundle_for, bundle_url
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
# Streamlit's read-only chart toolbar: no logo, no lasso or box select, no cloud export.
DEFAULT_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendDataToCloud"],
}
# A phone's modebar lay over the legend, with buttons too small for a finger: none there
# (a double tap resets the zoom; the exports have their own section).
PHONE_CONFIG = {"displayModeBar": False}
# The room under an animated chart's lowest axis (its tick labels and title, px at a 16 px
# root font) once its controls are drawn by the page: the figure's own margin held them.
AXIS_ROOM_PX = 60
COMPONENT = "lab_chart"  # the component's name, which tests and the balancer test look for
_lab_chart = st.components.v2.component(
    COMPONENT,
    js=Path(__file__).with_name("chart.js").read_text(),
    css=Path(__file__).with_name("chart.css").read_text(),
    isolate_styles=False,
)

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
        # Plotly's default, "hide past div", measures every tick label against the div on
        # every draw of its axis: a fifth of a move that rescales the loss axis, for labels
        # the figures' margins hold anyway.
        "ticklabeloverflow": "allow",
        # At the browser's font the figures' own margins hold their axes (every page checked
        # by eye, desktop and phone), so Plotly need not measure the tick labels and push the
        # margins out, which drew each chart twice: 0.7 s of the moments page's first chart
        # on a throttled phone. A projector's bigger fonts outgrow them: there Plotly does.
        "automargin": root_px != BROWSER_ROOT_PX,
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


def ready_figure(figure: Mapping[str, Any]) -> dict:
    """``figure`` with its arrays made JSON (:func:`json_ready`), for Plotly's encoder.

    Frames are sent as built, not walked: ``viz.animation`` writes them as plain lists, and
    an array there would still be sent correctly (as a JSON list) by the encoder.
    """
    return {key: value if key == "frames" else json_ready(value) for key, value in figure.items()}


def player(
    layout: Mapping[str, Any], root_px: float = BROWSER_ROOT_PX
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """``layout`` without its animation controls, and those controls for the page's player:
    ``{"buttons": [{"label", "args"}], "steps": [{"label", "args"}], "active", "prefix"}``,
    where ``args`` are ``Plotly.animate``'s. A layout whose controls do more than animate
    (or that has none) is returned as it is, with no player."""
    sliders, menus = layout.get("sliders") or [], layout.get("updatemenus") or []
    buttons = [button for menu in menus for button in menu.get("buttons", [])]
    steps = sliders[0].get("steps", []) if len(sliders) == 1 else []
    controls = [*buttons, *steps]
    if not steps or any(control.get("method") != "animate" for control in controls):
        return dict(layout), None
    slider = sliders[0]
    shown = {key: value for key, value in layout.items() if key not in ("sliders", "updatemenus")}
    margin = dict(shown.get("margin", {}))
    below = margin.get("b", AXIS_ROOM_PX)
    margin["b"] = min(below, AXIS_ROOM_PX * root_px / BROWSER_ROOT_PX)
    shown["margin"] = margin
    if "height" in shown:  # the plots keep their size: the chart loses the controls' room
        shown["height"] -= below - margin["b"]
    return shown, {
        "buttons": [{"label": b["label"], "args": b["args"]} for b in buttons],
        "steps": [{"label": step["label"], "args": step["args"]} for step in steps],
        "active": slider.get("active", 0),
        "prefix": slider.get("currentvalue", {}).get("prefix", ""),
    }


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
    """Draw ``figure`` (a ``viz`` figure dict); ``on_select`` is called when a point is
    clicked, with the click in ``st.session_state[key]["selection"]``."""
    # The session's presentation (projector style, phone layout) applies to every figure.
    root_px = BODY_FONT_PX if present.current().present else BROWSER_ROOT_PX
    shown = on_screen(present.styled(figure), root_px)
    config = {**DEFAULT_CONFIG, **(PHONE_CONFIG if present.on_phone() else {}), **(config or {})}
    layout, controls = player(shown.get("layout", {}), root_px)
    if on_select is not None:
        # What st.plotly_chart sets for a point selection, unless the figure says otherwise.
        layout = {"hovermode": "closest", "dragmode": "pan", **layout}
    payload = {
        "plotly": bundle_url(bundle_for(shown)),
        "select": on_select is not None,
        "config": config,
        "player": controls,
        "figure": ready_figure({**shown, "layout": layout}),
    }
    callbacks = {} if on_select is None else {"on_selection_change": on_select}
    # Bytes: Streamlit hashes them for the element's identity (a dict it would dump again).
    _lab_chart(key=key, data=to_json_plotly(payload, engine="orjson").encode(), **callbacks)
