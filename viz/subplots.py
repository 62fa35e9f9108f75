"""Figure dicts on a subplot grid, without building a ``go.Figure`` per figure.

Builders return plain figure dicts (``{"data": [...], "layout": {...}, "frames": [...]}``):
``ui.chart`` sends them as they are, and ``tests/figures`` check them as data (and that
``go.Figure`` accepts them). Plotly's ``make_subplots`` is the one slow, validating step a
subplot grid needs; :class:`Canvas` runs it once per grid shape (cached) and keeps only its
result: the axes' layout and which axes each cell's traces use. Then::

    fig = Canvas(rows=1, cols=2, subplot_titles=("a", "b"))
    fig.add({"type": "scatter", "x": xs, "y": ys}, row=1, col=2)
    fig.yaxis(1, 2).update(type="log")
    fig.axes("x", title={"text": "step"})     # every x axis, like update_xaxes()
    return fig.figure()

Traces and layout entries are the JSON Plotly.js reads (nested dicts, no ``title_text``
shorthands); NumPy arrays are fine anywhere (sent as typed arrays).
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from plotly.subplots import make_subplots


@functools.lru_cache(maxsize=128)
def _grid(options: str) -> tuple[dict, dict[tuple[int, int], tuple[str, str]]]:
    kwargs = json.loads(options)
    fig = make_subplots(**kwargs)
    refs = {}
    for row in range(1, kwargs.get("rows", 1) + 1):
        for col in range(1, kwargs.get("cols", 1) + 1):
            subplot = fig.get_subplot(row, col)
            if subplot is None:
                continue
            if hasattr(subplot, "xaxis"):
                refs[(row, col)] = (
                    subplot.xaxis.plotly_name.replace("axis", ""),
                    subplot.yaxis.plotly_name.replace("axis", ""),
                )
            else:  # a 3D scene (or another non-cartesian subplot): one reference
                refs[(row, col)] = (subplot.plotly_name, "")
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)
    return layout, refs


def subplot_grid(**options: Any) -> tuple[dict, dict[tuple[int, int], tuple[str, str]]]:
    """``make_subplots(**options)``'s layout (no template; a fresh copy) and the trace axis
    references of each cell, ``{(row, col): ("x2", "y2")}`` (``("scene", "")`` for 3D)."""
    layout, refs = _grid(json.dumps(options, sort_keys=True))
    return copy.deepcopy(layout), dict(refs)


def layout_key(ref: str, axis: str) -> str:
    """Trace reference "x2" -> layout key "xaxis2"."""
    return f"{axis}axis{ref[1:]}"


class Canvas:
    """A figure dict being filled: traces on the cells of a ``make_subplots`` grid.

    ``Canvas()`` (no options) is a single plain panel on axes "x" and "y".
    """

    def __init__(self, **options: Any) -> None:
        if options:
            self.layout, self._refs = subplot_grid(**options)
        else:
            self.layout = {"xaxis": {}, "yaxis": {}}
            self._refs = {(1, 1): ("x", "y")}
        self.data: list[dict] = []

    def refs(self, row: int = 1, col: int = 1) -> tuple[str, str]:
        """The axis references of cell (row, col)."""
        return self._refs[(row, col)]

    def add(self, trace: dict, row: int | None = None, col: int | None = None) -> int:
        """Append ``trace`` (on cell (row, col) if given); returns its index."""
        if row is not None:
            x, y = self.refs(row, col)
            trace = {**trace, "scene": x} if not y else {**trace, "xaxis": x, "yaxis": y}
        self.data.append(trace)
        return len(self.data) - 1

    def xaxis(self, row: int = 1, col: int = 1) -> dict:
        """Cell (row, col)'s x axis layout, to update in place."""
        return self.layout.setdefault(layout_key(self.refs(row, col)[0], "x"), {})

    def yaxis(self, row: int = 1, col: int = 1) -> dict:
        """Cell (row, col)'s y axis layout, to update in place."""
        return self.layout.setdefault(layout_key(self.refs(row, col)[1], "y"), {})

    def axes(self, axis: str, **update: Any) -> None:
        """Update every ``axis`` ("x" or "y") axis of the layout, like ``update_xaxes``."""
        for key, value in self.layout.items():
            if key.startswith(f"{axis}axis"):
                value.update(update)

    def figure(self) -> dict:
        return {"data": self.data, "layout": self.layout}
